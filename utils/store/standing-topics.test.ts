import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CbcDatabase } from './db';
import { recordMeeting } from './meetings';
import { upsertPerson } from './people';
import {
  addStandingTopic,
  deleteStandingTopic,
  setStandingTopicDiscussed,
  standingTopicsFor,
  topicsAtMeeting,
  updateStandingTopic,
} from './standing-topics';
import { freshDatabase } from './test-database';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 5, 30, 9);
const ANA = 'ana@example.com';

let db: CbcDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await upsertPerson(db, { email: ANA, name: 'Ana' }, 1);
  await upsertPerson(db, { email: 'bo@example.com', name: 'Bo' }, 1);
  // Weekly 1:1s with Ana: three weeks ago, two weeks ago, last week, today.
  for (const weeksAgo of [3, 2, 1, 0]) {
    await recordMeeting(
      db,
      {
        eid: `ana-${weeksAgo}`,
        seriesKey: 's-ana',
        personEmail: ANA,
        start: NOW - weeksAgo * 7 * DAY,
        title: 'Ana / Me',
      },
      1,
    );
  }
  await recordMeeting(
    db,
    { eid: 'bo-0', seriesKey: 's-bo', personEmail: 'bo@example.com', start: NOW, title: '' },
    1,
  );
});
afterEach(() => db.delete());

const today = { eid: 'ana-0', personEmail: ANA, start: NOW };
const lastWeek = { eid: 'ana-1', personEmail: ANA, start: NOW - 7 * DAY };

/** Discussions stored, in every person's pack (schema version 7). */
async function discussionCount() {
  return (await db.topicDiscussionPacks.toArray()).reduce(
    (sum, pack) => sum + pack.items.length,
    0,
  );
}

async function atToday(id: string) {
  return (await topicsAtMeeting(db, today)).find((entry) => entry.topic.id === id);
}

describe('standing topics', () => {
  it("lists a person's own topics and the default set, not another person's", async () => {
    await addStandingTopic(
      db,
      { id: 'all', personEmail: '', text: 'Wellbeing', rhythm: 'every' },
      2,
    );
    await addStandingTopic(
      db,
      { id: 'mine', personEmail: 'Ana@Example.com', text: ' Growth ', rhythm: 'monthly' },
      3,
    );
    await addStandingTopic(
      db,
      { id: 'bo', personEmail: 'bo@example.com', text: 'Bo', rhythm: 'every' },
      4,
    );
    const topics = await standingTopicsFor(db, ANA);
    expect(topics.map((topic) => [topic.id, topic.personEmail, topic.text])).toEqual([
      ['all', '', 'Wellbeing'],
      ['mine', ANA, 'Growth'],
    ]);
  });

  it('refuses empty text, an impossible rhythm and an unknown person, writing nothing', async () => {
    await expect(
      addStandingTopic(db, { personEmail: ANA, text: '  ', rhythm: 'every' }, 2),
    ).rejects.toThrow('Standing topic text is empty.');
    await expect(
      addStandingTopic(db, { personEmail: ANA, text: 'x'.repeat(100_000), rhythm: 'every' }, 2),
    ).rejects.toThrow('Standing topic text is longer than 2000 characters.');
    await expect(
      // @ts-expect-error an impossible rhythm, as an untyped caller could send it
      addStandingTopic(db, { personEmail: ANA, text: 'Growth', rhythm: 'weekly' }, 2),
    ).rejects.toThrow(
      'Rhythm must be "every", "every-other", "monthly" or "quarterly", not "weekly".',
    );
    await expect(
      addStandingTopic(
        db,
        { personEmail: 'nobody@example.com', text: 'Growth', rhythm: 'every' },
        2,
      ),
    ).rejects.toThrow('No person with the address "nobody@example.com".');
    expect(await db.standingTopics.count()).toBe(0);
  });

  it('a monthly topic discussed today is not due until four weeks on, and is due again then', async () => {
    await addStandingTopic(db, { id: 'm', personEmail: ANA, text: 'Growth', rhythm: 'monthly' }, 2);
    expect(await atToday('m')).toMatchObject({
      due: true,
      discussedHere: false,
      lastDiscussedStart: null,
    });
    await setStandingTopicDiscussed(
      db,
      { topicId: 'm', meetingEid: 'ana-0', discussed: true },
      NOW,
    );
    expect(await atToday('m')).toMatchObject({
      due: true,
      discussedHere: true,
      nextDueAt: NOW + 28 * DAY,
    });
    // Recorded once per meeting, whatever the retries.
    await setStandingTopicDiscussed(
      db,
      { topicId: 'm', meetingEid: 'ana-0', discussed: true },
      NOW,
    );
    expect(await discussionCount()).toBe(1);
    const inTwoWeeks = { eid: 'later', personEmail: ANA, start: NOW + 14 * DAY };
    const inFourWeeks = { eid: 'later', personEmail: ANA, start: NOW + 28 * DAY };
    const find = async (meeting: typeof today) =>
      (await topicsAtMeeting(db, meeting)).find((entry) => entry.topic.id === 'm');
    expect(await find(inTwoWeeks)).toMatchObject({ due: false, lastDiscussedStart: NOW });
    expect(await find(inFourWeeks)).toMatchObject({ due: true, lastDiscussedStart: NOW });
  });

  it('skipping keeps it due; taking a discussion back makes it due again', async () => {
    await addStandingTopic(
      db,
      { id: 'eo', personEmail: ANA, text: 'Feedback', rhythm: 'every-other' },
      2,
    );
    await setStandingTopicDiscussed(
      db,
      { topicId: 'eo', meetingEid: 'ana-1', discussed: true },
      NOW - 7 * DAY,
    );
    // Discussed last week: every other 1:1 skips today.
    expect(await atToday('eo')).toMatchObject({ due: false, lastDiscussedStart: NOW - 7 * DAY });
    expect((await topicsAtMeeting(db, lastWeek))[0]).toMatchObject({ discussedHere: true });
    await setStandingTopicDiscussed(
      db,
      { topicId: 'eo', meetingEid: 'ana-1', discussed: false },
      NOW,
    );
    expect(await atToday('eo')).toMatchObject({ due: true, lastDiscussedStart: null });
    expect(await discussionCount()).toBe(0);
  });

  it("a default topic is discussed per person: Ana's discussion leaves it due for Bo", async () => {
    await addStandingTopic(
      db,
      { id: 'all', personEmail: '', text: 'Wellbeing', rhythm: 'monthly' },
      2,
    );
    await setStandingTopicDiscussed(
      db,
      { topicId: 'all', meetingEid: 'ana-1', discussed: true },
      NOW,
    );
    expect(await atToday('all')).toMatchObject({ due: false });
    const bo = await topicsAtMeeting(db, {
      eid: 'bo-0',
      personEmail: 'bo@example.com',
      start: NOW,
    });
    expect(bo[0]).toMatchObject({ due: true, lastDiscussedStart: null });
  });

  it("refuses discussing someone else's topic, or in an unknown meeting", async () => {
    await addStandingTopic(
      db,
      { id: 'bo', personEmail: 'bo@example.com', text: 'Bo', rhythm: 'every' },
      2,
    );
    await expect(
      setStandingTopicDiscussed(db, { topicId: 'bo', meetingEid: 'ana-0', discussed: true }, NOW),
    ).rejects.toThrow('This standing topic is for someone else.');
    await expect(
      setStandingTopicDiscussed(db, { topicId: 'bo', meetingEid: 'nope', discussed: true }, NOW),
    ).rejects.toThrow('No meeting with eid "nope".');
    expect(await discussionCount()).toBe(0);
  });

  it('updates text and rhythm, and deletes a topic with its discussions', async () => {
    await addStandingTopic(db, { id: 't', personEmail: ANA, text: 'Growth', rhythm: 'every' }, 2);
    await setStandingTopicDiscussed(
      db,
      { topicId: 't', meetingEid: 'ana-1', discussed: true },
      NOW,
    );
    expect(await updateStandingTopic(db, { id: 't', rhythm: 'quarterly' }, 5)).toMatchObject({
      text: 'Growth',
      rhythm: 'quarterly',
      updatedAt: 5,
    });
    await deleteStandingTopic(db, 't');
    expect(await db.standingTopics.count()).toBe(0);
    expect(await discussionCount()).toBe(0);
    await expect(deleteStandingTopic(db, 't')).rejects.toThrow('No standing topic with id "t".');
  });
});
