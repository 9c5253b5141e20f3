import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRef } from '../messaging/protocol';
import { addActionItem, setActionItemDone } from './action-items';
import type { CbcDatabase } from './db';
import { saveNote } from './meetings';
import { openEventPanel, openOneOnOne } from './panel';
import { upsertPerson } from './people';
import { assignPerson, createProject, updateProject } from './projects';
import { addTalkingPoint } from './talking-points';
import { addStandingTopic, setStandingTopicDiscussed } from './standing-topics';
import { peopleOverview } from './overview';
import { DAY_MS, freshDatabase } from './test-database';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const T0 = 1_700_000_000_000;
const HOUR = 3_600_000;
const ADA = { email: 'Ada@Example.com', name: 'Ada Lovelace' };
const event = (eid: string, start: number | null): EventRef => ({
  eid,
  seriesKey: 'series-ada',
  title: 'Ada / Me',
  start,
});

describe('openOneOnOne', () => {
  it('creates the person and the meeting on a first open, with empty lists', async () => {
    const data = await openOneOnOne(db, { event: event('e1', T0), person: ADA }, T0 - 5);
    expect(data.person).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace' });
    expect(data.meeting).toMatchObject({ eid: 'e1', start: T0, personEmail: 'ada@example.com' });
    expect(data).toMatchObject({
      projects: [],
      note: null,
      lastMeeting: null,
      lastOneOnOne: null,
      openItems: [],
      talkingPoints: [],
      wellbeingTrend: [],
    });
    expect(await db.people.count()).toBe(1);
    expect(await db.meetings.count()).toBe(1);
  });

  it('lists the standing topics due at this 1:1 and those discussed in it, not the others', async () => {
    await openOneOnOne(db, { event: event('e1', T0), person: ADA }, T0);
    const topic = (id: string, rhythm: 'every' | 'monthly') =>
      addStandingTopic(db, { id, personEmail: id === 'all' ? '' : ADA.email, text: id, rhythm }, 1);
    await topic('all', 'every');
    await topic('growth', 'monthly');
    await topic('career', 'monthly');
    await setStandingTopicDiscussed(
      db,
      { topicId: 'growth', meetingEid: 'e1', discussed: true },
      T0,
    );
    // A week later: the monthly topic discussed last week is not due; the others are.
    const next = await openOneOnOne(db, { event: event('e2', T0 + 7 * DAY_MS), person: ADA }, T0);
    expect(
      next.standingTopics.map((entry) => [entry.topic.id, entry.due, entry.discussedHere]),
    ).toEqual([
      ['all', true, false],
      ['career', true, false],
    ]);
    await setStandingTopicDiscussed(
      db,
      { topicId: 'career', meetingEid: 'e2', discussed: true },
      T0,
    );
    const again = await openOneOnOne(db, { event: event('e2', T0 + 7 * DAY_MS), person: ADA }, T0);
    expect(again.standingTopics.find((entry) => entry.topic.id === 'career')).toMatchObject({
      discussedHere: true,
      nextDueAt: T0 + 35 * DAY_MS,
    });
  });

  it('fills an empty name but never replaces the name the user has', async () => {
    await addActionItem(
      db,
      { personEmail: ADA.email, text: 'x', owner: 'me', due: '', meetingEid: '' },
      1,
    );
    expect((await openOneOnOne(db, { event: event('e1', T0), person: ADA }, 2)).person.name).toBe(
      'Ada Lovelace',
    );
    await upsertPerson(db, { email: ADA.email, name: 'Ada L.' }, 3);
    const data = await openOneOnOne(db, { event: event('e1', T0), person: ADA }, 4);
    expect(data.person.name).toBe('Ada L.');
  });

  it('reads last notes, days-since, items, points, trend and projects of the person', async () => {
    await openOneOnOne(db, { event: event('old', T0 - 14 * DAY_MS), person: ADA }, 1);
    await saveNote(db, { meetingEid: 'old', text: 'Talked about Rust', wellbeing: 4 }, 2);
    await openOneOnOne(db, { event: event('skipped', T0 - 7 * DAY_MS), person: ADA }, 3);
    const item = await addActionItem(
      db,
      { personEmail: ADA.email, text: 'Review RFC', owner: 'them', due: '', meetingEid: 'old' },
      4,
    );
    const doneItem = await addActionItem(
      db,
      { personEmail: ADA.email, text: 'Done one', owner: 'me', due: '', meetingEid: 'old' },
      5,
    );
    await setActionItemDone(db, doneItem.id, true, 6);
    const point = await addTalkingPoint(db, { personEmail: ADA.email, text: 'Promotion' }, 7);
    const project = await createProject(db, { name: 'Search' }, 8);
    const archived = await createProject(db, { name: 'Old' }, 8);
    await assignPerson(db, {
      personEmail: ADA.email,
      projectId: project.id,
      share: 60,
      role: 'Lead',
    });
    await assignPerson(db, { personEmail: ADA.email, projectId: archived.id, share: 10 });
    await updateProject(db, { id: archived.id, archived: true }, 9);

    // Opened an hour before it starts: the last 1:1 is the one a week ago (notes or not).
    const data = await openOneOnOne(db, { event: event('today', T0), person: ADA }, T0 - HOUR);
    expect(data.lastMeeting?.meeting.eid).toBe('old');
    expect(data.lastMeeting?.note.text).toBe('Talked about Rust');
    expect(data.lastOneOnOne).toBe(T0 - 7 * DAY_MS);
    expect(data.openItems).toEqual([item]);
    expect(data.talkingPoints).toEqual([point]);
    expect(data.wellbeingTrend).toEqual([{ start: T0 - 14 * DAY_MS, wellbeing: 4 }]);
    expect(data.projects).toEqual([{ project, share: 60, role: 'Lead' }]);
  });

  it('reopening the same occurrence returns its notes and does not duplicate it', async () => {
    await openOneOnOne(db, { event: event('e1', T0), person: ADA }, 1);
    const note = await saveNote(db, { meetingEid: 'e1', text: 'draft', wellbeing: null }, 2);
    const data = await openOneOnOne(db, { event: event('e1', null), person: ADA }, 3);
    expect(data.note).toEqual(note);
    expect(data.meeting.start).toBe(T0);
    expect(await db.meetings.count()).toBe(1);
  });

  it('keeps the first start of a known occurrence: "last meeting" is the one before that start', async () => {
    await openOneOnOne(db, { event: event('before', T0 - 7 * DAY_MS), person: ADA }, 1);
    await saveNote(db, { meetingEid: 'before', text: 'Before it', wellbeing: null }, 2);
    await openOneOnOne(db, { event: event('e1', T0), person: ADA }, 3);
    await openOneOnOne(db, { event: event('later', T0 + 7 * DAY_MS), person: ADA }, 4);
    await saveNote(db, { meetingEid: 'later', text: 'After it', wellbeing: null }, 5);
    // The calendar now gives e1 a start after "later" (the event moved): the stored one counts.
    const data = await openOneOnOne(db, { event: event('e1', T0 + 8 * DAY_MS), person: ADA }, 6);
    expect(data.meeting.start).toBe(T0);
    expect(data.lastMeeting?.note.text).toBe('Before it');
  });

  it('refuses an empty counterpart email without writing anything', async () => {
    await expect(
      openOneOnOne(db, { event: event('e1', T0), person: { email: ' ', name: 'x' } }, 1),
    ).rejects.toThrow('An email address is required.');
    expect(await db.meetings.count()).toBe(0);
  });

  it('writes nothing when recording the meeting fails (one transaction)', async () => {
    await expect(openOneOnOne(db, { event: event('  ', T0), person: ADA }, 1)).rejects.toThrow(
      'A meeting needs an event id.',
    );
    expect(await db.people.count()).toBe(0);
  });
});

describe('the last 1:1 in the panel', () => {
  it('counts the occurrence being looked at once it has started, as the popup does', async () => {
    await openOneOnOne(db, { event: event('last-week', T0 - 7 * DAY_MS), person: ADA }, 1);
    // Today's 1:1, opened ten minutes after it started.
    const data = await openOneOnOne(
      db,
      { event: event('today', T0), person: ADA },
      T0 + 10 * 60_000,
    );
    expect(data.lastOneOnOne).toBe(T0);
    const [row] = await peopleOverview(db, T0 + 10 * 60_000);
    expect(row!.lastOneOnOne).toBe(data.lastOneOnOne);
  });

  it('does not count a later occurrence opened ahead, nor one between now and it', async () => {
    await openOneOnOne(db, { event: event('last-week', T0 - 7 * DAY_MS), person: ADA }, 1);
    await openOneOnOne(db, { event: event('next-week', T0 + 7 * DAY_MS), person: ADA }, 2);
    const data = await openOneOnOne(
      db,
      { event: event('in-two-weeks', T0 + 14 * DAY_MS), person: ADA },
      T0,
    );
    expect(data.lastOneOnOne).toBe(T0 - 7 * DAY_MS);
    expect((await peopleOverview(db, T0))[0]!.lastOneOnOne).toBe(T0 - 7 * DAY_MS);
  });
});

describe('a first open, recorded and read in one round', () => {
  /** A store with notes, items, points and a project for Ada, and a 1:1 last week. */
  async function fill() {
    await openOneOnOne(db, { event: event('last-week', T0 - 7 * DAY_MS), person: ADA }, 1);
    await saveNote(db, { meetingEid: 'last-week', text: 'Talked roadmap', wellbeing: 4 }, 2);
    await addActionItem(
      db,
      { personEmail: ADA.email, text: 'Send RFC', owner: 'me', due: '', meetingEid: '' },
      3,
    );
    await addTalkingPoint(db, { personEmail: ADA.email, text: 'Growth' }, 4);
    const project = await createProject(db, { name: 'Apollo' }, 5);
    await assignPerson(db, { personEmail: ADA.email, projectId: project.id, share: 60 });
  }

  it.each([
    ['started', T0, T0 + HOUR],
    ['ahead', T0 + 7 * DAY_MS, T0],
    ['older than the last', T0 - 14 * DAY_MS, T0],
  ])('gives what a read after the write gives, for an occurrence %s', async (_what, start, now) => {
    await fill();
    const first = await openOneOnOne(db, { event: event('new', start), person: ADA }, now);
    const again = await openOneOnOne(db, { event: event('new', start), person: ADA }, now);
    expect(first).toEqual(again);
    expect(first.lastMeeting?.note.text).toBe(
      start > T0 - 7 * DAY_MS ? 'Talked roadmap' : undefined,
    );
    expect(first.projects.map(({ project }) => project.name)).toEqual(['Apollo']);
    expect(first.openItems.map((item) => item.text)).toEqual(['Send RFC']);
    expect(first.lastOneOnOne).toBe(
      start <= now ? Math.max(start, T0 - 7 * DAY_MS) : T0 - 7 * DAY_MS,
    );
  });

  it('gives the same panel through openEventPanel, first and known', async () => {
    await fill();
    const shown = await openEventPanel(db, { event: event('new', T0), person: ADA }, T0 + HOUR);
    const known = await openEventPanel(db, { event: event('new', T0), person: ADA }, T0 + HOUR);
    expect(shown.panel).toEqual(known.panel);
    expect(shown.panel).toEqual(
      await openOneOnOne(db, { event: event('new', T0), person: ADA }, T0 + HOUR),
    );
    expect(shown.panel?.lastOneOnOne).toBe(T0);
  });
});

describe('openOneOnOne on a known occurrence', () => {
  it('only reads: no write transaction, the same records back', async () => {
    const first = await openOneOnOne(db, { event: event('e1', T0), person: ADA }, T0);
    const modes: string[] = [];
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    (db as unknown as { transaction: unknown }).transaction = (...args: unknown[]) => {
      modes.push(String(args[0]));
      return transaction(...args);
    };
    const again = await openOneOnOne(db, { event: event('e1', T0), person: ADA }, T0 + DAY_MS);
    // Read-only transactions only (the reads nest their own), none read-write.
    expect(new Set(modes)).toEqual(new Set(['r']));
    expect(again.person).toEqual(first.person);
    expect(again.meeting).toEqual(first.meeting);
  });

  it('writes when the series or title changed since, keeping the first start', async () => {
    await openOneOnOne(db, { event: event('e1', T0), person: ADA }, T0);
    const renamed = { ...event('e1', T0 + 5), title: 'Ada & me', seriesKey: 'series-new' };
    const data = await openOneOnOne(db, { event: renamed, person: ADA }, T0 + DAY_MS);
    expect(data.meeting).toMatchObject({ title: 'Ada & me', seriesKey: 'series-new', start: T0 });
    expect(await db.meetings.get('e1')).toEqual(data.meeting);
  });
});
