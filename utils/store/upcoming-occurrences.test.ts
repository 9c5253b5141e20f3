import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addActionItem } from './action-items';
import { deleteAllData, exportBackup } from './backup';
import type { CbcDatabase } from './db';
import { saveNote } from './meetings';
import { setSeriesOverride } from './overrides';
import { openOneOnOne } from './panel';
import { upsertPerson } from './people';
import { addStandingTopic } from './standing-topics';
import { addTalkingPoint } from './talking-points';
import { DAY_MS, freshDatabase, localTime } from './test-database';
import { recordUpcomingOccurrences, weekAhead } from './upcoming-occurrences';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const JORDAN = { email: 'jordan@example.com', name: 'Jordan' };
const KIM = { email: 'kim@example.com', name: 'Kim' };
/** Tuesday 09:00. Jordan's weekly 1:1 was last Monday at 15:00; next one is in six days. */
const NOW = localTime(2026, 12, 1, 9);
const LAST_MONDAY = localTime(2026, 11, 30, 15);
const NEXT_MONDAY = LAST_MONDAY + 7 * DAY_MS;

async function jordanMetLastMonday() {
  await upsertPerson(db, { ...JORDAN, cadenceDays: 7 }, 1);
  await openOneOnOne(
    db,
    {
      event: {
        eid: 'jordan-w1',
        seriesKey: 'series-jordan',
        title: 'Jordan / Me',
        start: LAST_MONDAY,
      },
      person: JORDAN,
    },
    LAST_MONDAY,
  );
  await saveNote(db, { meetingEid: 'jordan-w1', text: 'Fine', wellbeing: 4 }, LAST_MONDAY);
}

describe('recordUpcomingOccurrences', () => {
  it("caches a future chip under the series' person, with its latest title", async () => {
    await jordanMetLastMonday();
    const result = await recordUpcomingOccurrences(
      db,
      [{ eid: ' jordan-w2 ', seriesKey: 'SERIES-JORDAN', start: NEXT_MONDAY }],
      NOW,
    );
    expect(result).toEqual({ recorded: 1 });
    expect(await db.upcomingOccurrences.toArray()).toEqual([
      {
        eid: 'jordan-w2',
        seriesKey: 'series-jordan',
        personEmail: JORDAN.email,
        start: NEXT_MONDAY,
        title: 'Jordan / Me',
        seenAt: NOW,
      },
    ]);
  });

  it('ignores started chips, unknown series and "not a 1:1" series', async () => {
    await jordanMetLastMonday();
    await setSeriesOverride(
      db,
      { seriesKey: 'series-standup', decision: 'not-one-on-one', personEmail: '', personName: '' },
      1,
    );
    const result = await recordUpcomingOccurrences(
      db,
      [
        { eid: 'jordan-past', seriesKey: 'series-jordan', start: NOW - DAY_MS },
        { eid: 'jordan-now', seriesKey: 'series-jordan', start: NOW },
        { eid: 'unknown', seriesKey: 'series-unknown', start: NOW + DAY_MS },
        { eid: 'standup', seriesKey: 'series-standup', start: NOW + DAY_MS },
      ],
      NOW,
    );
    expect(result).toEqual({ recorded: 0 });
    expect(await db.upcomingOccurrences.count()).toBe(0);
  });

  it('keeps a started one a week (it still tells when Calendar was seen), then drops it', async () => {
    await jordanMetLastMonday();
    await recordUpcomingOccurrences(
      db,
      [{ eid: 'jordan-w2', seriesKey: 'series-jordan', start: NEXT_MONDAY }],
      NOW,
    );
    const afterIt = NEXT_MONDAY + DAY_MS;
    await recordUpcomingOccurrences(db, [], afterIt);
    expect(await db.upcomingOccurrences.count()).toBe(1);
    const week = await weekAhead(db, afterIt);
    expect(week).toMatchObject({ entries: [], seenAt: NOW });
    await recordUpcomingOccurrences(db, [], NEXT_MONDAY + 7 * DAY_MS + 1);
    expect(await db.upcomingOccurrences.count()).toBe(0);
    expect((await weekAhead(db, NEXT_MONDAY + 7 * DAY_MS + 1)).seenAt).toBeNull();
  });

  it('is a cache: not in a backup, emptied by "Delete all data"', async () => {
    await jordanMetLastMonday();
    await recordUpcomingOccurrences(
      db,
      [{ eid: 'jordan-w2', seriesKey: 'series-jordan', start: NEXT_MONDAY }],
      NOW,
    );
    const backup = await exportBackup(db, NOW);
    expect(Object.keys(backup.data)).not.toContain('upcomingOccurrences');
    expect(JSON.stringify(backup)).not.toContain('jordan-w2');
    await deleteAllData(db);
    expect(await db.upcomingOccurrences.count()).toBe(0);
  });
});

describe('weekAhead', () => {
  it('lists each upcoming 1:1 with what is waiting for it', async () => {
    await jordanMetLastMonday();
    const item = { personEmail: JORDAN.email, due: '', meetingEid: 'jordan-w1' };
    await addActionItem(db, { ...item, text: 'Send the doc', owner: 'me' }, NOW);
    await addActionItem(db, { ...item, text: 'Book the room', owner: 'me' }, NOW);
    await addActionItem(db, { ...item, text: 'Write the RFC', owner: 'them' }, NOW);
    await addTalkingPoint(db, { personEmail: JORDAN.email, text: 'Conference' }, NOW);
    await addStandingTopic(db, { personEmail: '', text: 'How are you?', rhythm: 'every' }, NOW);
    await recordUpcomingOccurrences(
      db,
      [{ eid: 'jordan-w2', seriesKey: 'series-jordan', start: NEXT_MONDAY }],
      NOW,
    );

    const week = await weekAhead(db, NOW);
    expect(week.seenAt).toBe(NOW);
    expect(week.overdue).toEqual([]);
    expect(week.entries).toHaveLength(1);
    expect(week.entries[0]).toMatchObject({
      occurrence: { eid: 'jordan-w2', start: NEXT_MONDAY, title: 'Jordan / Me' },
      person: { email: JORDAN.email, name: 'Jordan' },
      openItems: { me: 2, them: 1 },
      queuedTalkingPoints: 1,
      daysSince: 1,
      wellbeing: 4,
    });
    expect(week.entries[0]!.topicsDue.map((topic) => topic.text)).toEqual(['How are you?']);
  });

  it('flags an overdue person with no 1:1 in sight once the grid was seen', async () => {
    await jordanMetLastMonday();
    await upsertPerson(db, { ...KIM, cadenceDays: 7 }, 1);
    await openOneOnOne(
      db,
      {
        event: {
          eid: 'kim-1',
          seriesKey: 'series-kim',
          title: 'Kim / Me',
          start: NOW - 30 * DAY_MS,
        },
        person: KIM,
      },
      NOW - 30 * DAY_MS,
    );
    expect((await weekAhead(db, NOW)).overdue).toEqual([]);

    await recordUpcomingOccurrences(
      db,
      [{ eid: 'jordan-w2', seriesKey: 'series-jordan', start: NEXT_MONDAY }],
      NOW,
    );
    const week = await weekAhead(db, NOW);
    expect(week.overdue).toEqual([{ person: expect.objectContaining(KIM), daysSince: 30 }]);
  });

  it('follows a decision made after the chip was seen: "not a 1:1" leaves the week', async () => {
    await jordanMetLastMonday();
    await recordUpcomingOccurrences(
      db,
      [{ eid: 'jordan-w2', seriesKey: 'series-jordan', start: NEXT_MONDAY }],
      NOW,
    );
    await setSeriesOverride(
      db,
      { seriesKey: 'series-jordan', decision: 'not-one-on-one', personEmail: '', personName: '' },
      NOW,
    );
    expect((await weekAhead(db, NOW)).entries).toEqual([]);
  });
});
