// Databases made by every shipped schema version open with today's code, keep every record and
// answer the store's queries. Each database is created by a plain Dexie instance declared with
// the fixture's frozen stores, never by CbcDatabase.

import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  countOpenItems,
  CURRENT_SCHEMA_VERSION,
  deleteFeedbackEntry,
  deleteStandingTopic,
  exportBackup,
  feedbackLog,
  meetingNotesBefore,
  openDatabase,
  openFollowUps,
  openItemsForPerson,
  parseBackup,
  queuedTalkingPoints,
  SCHEMA_VERSIONS,
  searchAll,
  setActionItemDone,
  standingTopicsFor,
  TABLE_NAMES,
  topicsAtMeeting,
  updateFeedbackEntry,
  weekAhead,
  type BackupData,
  type CbcDatabase,
} from '@/utils/store';
import { SCHEMA_FIXTURES, type SchemaFixture } from './fixtures';

/** Every table at `version`, folding Dexie's per-version changes (null deletes a table). */
function storesAt(version: number): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const declared of SCHEMA_VERSIONS.filter((entry) => entry.version <= version)) {
    for (const [table, indexes] of Object.entries(declared.stores)) {
      if (indexes === null) delete stores[table];
      else stores[table] = indexes;
    }
  }
  return stores;
}

async function createDatabaseAt(name: string, fixture: SchemaFixture): Promise<void> {
  const raw = new Dexie(name);
  raw.version(fixture.version).stores(fixture.stores);
  await raw.open();
  await raw.transaction('rw', raw.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.records)) {
      await raw.table(table).bulkAdd(rows);
    }
  });
  raw.close();
}

function byPrimaryKey(db: CbcDatabase, table: string, rows: unknown[]): unknown[] {
  // Notes have no table since version 6 (they are in their meetings): a note's key is its eid.
  // Since version 7 the feedback log and discussions have no table of their own: keyed by id.
  const stored = db.tables.find((candidate) => candidate.name === table);
  const keyPath =
    table === 'notes' ? 'meetingEid' : stored ? (stored.schema.primKey.keyPath as string) : 'id';
  const keyOf = (row: unknown) => String((row as Record<string, unknown>)[keyPath]);
  return [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

describe('schema fixtures', () => {
  it('cover every declared schema version, in order', () => {
    expect(SCHEMA_FIXTURES.map((fixture) => fixture.version)).toEqual(
      SCHEMA_VERSIONS.map((entry) => entry.version),
    );
  });

  it.each(SCHEMA_FIXTURES.map((fixture) => [fixture.version, fixture] as const))(
    'version %i: the frozen stores match schema.ts (shipped versions are never edited)',
    (version, fixture) => {
      expect(fixture.stores).toEqual(storesAt(version));
    },
  );
});

describe.each(SCHEMA_FIXTURES.map((fixture) => [fixture.version, fixture] as const))(
  'a database made by schema version %i',
  (_version, fixture) => {
    let db: CbcDatabase | undefined;
    afterEach(async () => {
      await db?.delete();
    });

    async function openUpgraded(): Promise<CbcDatabase> {
      const name = `migration-${fixture.version}-${crypto.randomUUID()}`;
      await createDatabaseAt(name, fixture);
      db = openDatabase(name);
      await db.open();
      return db;
    }

    it('opens at the current version with every record as expected', async () => {
      const upgraded = await openUpgraded();
      expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
      const { data } = await exportBackup(upgraded, 0);
      for (const table of TABLE_NAMES) {
        expect(byPrimaryKey(upgraded, table, data[table]), table).toEqual(
          byPrimaryKey(upgraded, table, fixture.expected[table]),
        );
      }
      const parsed = parseBackup(await exportBackup(upgraded, 0));
      expect(parsed.ok ? 'valid' : parsed.error).toBe('valid');
      // Schema version 5's cache is not backup data: earlier databases open with it empty, and
      // a version 5 database keeps what it cached.
      expect(await upgraded.upcomingOccurrences.toArray()).toEqual(
        fixture.records.upcomingOccurrences ?? [],
      );
    });

    it('answers the indexed queries', async () => {
      const upgraded = await openUpgraded();
      const expected: BackupData = fixture.expected;
      const openItems = expected.actionItems.filter((item) => item.open === 1);
      expect(await countOpenItems(upgraded)).toBe(openItems.length);
      // Since version 3 only open items and queued points are single records; closed ones are
      // packed, and still found by id.
      expect(await upgraded.actionItems.count()).toBe(openItems.length);
      expect(await upgraded.talkingPoints.count()).toBe(
        expected.talkingPoints.filter((point) => point.open === 1).length,
      );
      const doneItem = expected.actionItems.find((item) => item.open === 0);
      if (doneItem) {
        const reopened = await setActionItemDone(upgraded, doneItem.id, false, 1);
        expect(reopened).toMatchObject({ id: doneItem.id, text: doneItem.text, open: 1 });
        expect(await openItemsForPerson(upgraded, doneItem.personEmail)).toContainEqual(reopened);
        await setActionItemDone(upgraded, doneItem.id, true, doneItem.doneAt!);
      }
      expect((await openFollowUps(upgraded, {})).map((item) => item.id).sort()).toEqual(
        openItems.map((item) => item.id).sort(),
      );
      for (const person of expected.people) {
        const mine = openItems
          .filter((item) => item.personEmail === person.email)
          .sort((a, b) => a.createdAt - b.createdAt);
        expect(await openItemsForPerson(upgraded, person.email)).toEqual(mine);
        const queued = expected.talkingPoints
          .filter((point) => point.personEmail === person.email && point.open === 1)
          .sort((a, b) => a.createdAt - b.createdAt);
        expect(await queuedTalkingPoints(upgraded, person.email)).toEqual(queued);
        const latestNote = expected.notes
          .filter((note) => note.personEmail === person.email)
          .filter((note) => note.text.trim() !== '' || note.wellbeing !== null)
          .sort((a, b) => b.meetingStart - a.meetingStart)[0];
        expect(
          (await meetingNotesBefore(upgraded, person.email, Number.MAX_SAFE_INTEGER))?.note ?? null,
        ).toEqual(latestNote ?? null);
      }
      // Schema version 4: standing topics, their discussions, the feedback log.
      for (const person of expected.people) {
        const topics = expected.standingTopics.filter(
          (topic) => topic.personEmail === person.email || topic.personEmail === '',
        );
        expect(
          (await standingTopicsFor(upgraded, person.email)).map((topic) => topic.id).sort(),
        ).toEqual(topics.map((topic) => topic.id).sort());
        const log = expected.feedbackEntries
          .filter((entry) => entry.personEmail === person.email)
          .sort((a, b) => (a.day < b.day ? 1 : -1));
        expect(await feedbackLog(upgraded, person.email)).toEqual(log);
      }
      for (const discussion of expected.topicDiscussions) {
        const meeting = expected.meetings.find((m) => m.eid === discussion.meetingEid)!;
        const atMeeting = await topicsAtMeeting(upgraded, meeting);
        expect(atMeeting.find((entry) => entry.topic.id === discussion.topicId)).toMatchObject({
          discussedHere: true,
        });
      }
      const someEntry = expected.feedbackEntries[0];
      if (someEntry) {
        const found = await searchAll(upgraded, someEntry.text, {});
        expect(found.map((result) => result.id)).toContain(someEntry.id);
      }
      // Schema version 5: the week ahead reads the cached 1:1s to come.
      const cached = (fixture.records.upcomingOccurrences ?? []) as Array<{
        eid: string;
        start: number;
      }>;
      if (cached.length > 0) {
        const now = Math.min(...cached.map((o) => o.start)) - 60 * 60 * 1000;
        const week = await weekAhead(upgraded, now);
        expect(week.entries.map((entry) => entry.occurrence.eid)).toEqual(cached.map((o) => o.eid));
      }
      // Schema version 6: notes are in their meetings, and search finds them by the sparse
      // index of the meetings that have notes.
      expect(upgraded.tables.map((table) => table.name)).not.toContain('notes');
      for (const note of expected.notes.filter((n) => n.text.trim() !== '')) {
        const found = await searchAll(upgraded, note.text.trim().slice(0, 20), {});
        expect(found.map((result) => `${result.kind} ${result.id}`)).toContain(
          `note ${note.meetingEid}`,
        );
      }
      expect(await upgraded.meetings.orderBy('[start+note.updatedAt]').count()).toBe(
        expected.notes.length,
      );
      const someItem = expected.actionItems[0];
      if (someItem) {
        const found = await searchAll(upgraded, someItem.text, {});
        expect(found.map((result) => result.id)).toContain(someItem.id);
      }
    });

    it('edits and deletes feedback log entries by id, and a topic with its discussions', async () => {
      const upgraded = await openUpgraded();
      const expected: BackupData = fixture.expected;
      // Since version 7 entries are packed per person and year of their day: an edit to a day of
      // another year moves the entry, and an entry is still found by its id.
      for (const entry of expected.feedbackEntries) {
        const moved = await updateFeedbackEntry(upgraded, { id: entry.id, day: '2001-02-03' }, 1);
        expect(moved).toEqual({ ...entry, day: '2001-02-03', updatedAt: 1 });
        const period = { fromDay: '2001-01-01', toDay: '2001-12-31' };
        expect(await feedbackLog(upgraded, entry.personEmail, period)).toContainEqual(moved);
        expect(await deleteFeedbackEntry(upgraded, entry.id)).toEqual(moved);
      }
      // Discussions are packed per person: deleting a topic removes them wherever they are.
      for (const topic of expected.standingTopics) await deleteStandingTopic(upgraded, topic.id);
      const { data } = await exportBackup(upgraded, 0);
      expect(data.feedbackEntries).toEqual([]);
      expect(data.topicDiscussions).toEqual([]);
      expect(data.standingTopics).toEqual([]);
    });
  },
);

describe('the version 6 upgrade (notes into their meetings)', () => {
  let db: CbcDatabase | undefined;
  afterEach(async () => {
    await db?.delete();
  });

  const v5 = SCHEMA_FIXTURES.find((fixture) => fixture.version === 5)!;
  const DAY = 24 * 60 * 60 * 1000;
  const orphan = {
    meetingEid: 'eid-of-a-lost-meeting',
    personEmail: 'bob@example.com',
    meetingStart: 1_750_000_000_000,
    text: 'Written before the meeting record went missing',
    wellbeing: 4,
    updatedAt: 1_750_000_000_000 + DAY,
  };

  async function upgradedFrom(records: Record<string, unknown[]>): Promise<CbcDatabase> {
    const name = `migration-notes-${crypto.randomUUID()}`;
    await createDatabaseAt(name, { ...v5, records });
    db = openDatabase(name);
    await db.open();
    return db;
  }

  it('moves each note into its meeting record, and keeps meetings without notes as they were', async () => {
    const upgraded = await upgradedFrom(v5.records);
    const meetings = await upgraded.meetings.toArray();
    expect(meetings).toHaveLength(v5.expected.meetings.length);
    for (const meeting of v5.expected.meetings) {
      const note = v5.expected.notes.find((candidate) => candidate.meetingEid === meeting.eid);
      const stored = meetings.find((candidate) => candidate.eid === meeting.eid);
      expect(stored).toEqual(
        note
          ? {
              ...meeting,
              note: { text: note.text, wellbeing: note.wellbeing, updatedAt: note.updatedAt },
            }
          : meeting,
      );
    }
  });

  it('keeps a note whose meeting record is missing, in a meeting made from what the note knows', async () => {
    const records = { ...v5.records, notes: [...(v5.records.notes ?? []), orphan] };
    const upgraded = await upgradedFrom(records);
    const { data } = await exportBackup(upgraded, 0);
    expect(data.notes).toContainEqual(orphan);
    expect(data.meetings).toContainEqual({
      eid: orphan.meetingEid,
      seriesKey: '',
      personEmail: orphan.personEmail,
      start: orphan.meetingStart,
      title: '',
      createdAt: orphan.updatedAt,
    });
    expect(data.meetings).toHaveLength(v5.expected.meetings.length + 1);
    // The backup it makes is whole again: the note has its meeting.
    const parsed = parseBackup(await exportBackup(upgraded, 0));
    expect(parsed.ok ? 'valid' : parsed.error).toBe('valid');
    expect(
      (await meetingNotesBefore(upgraded, orphan.personEmail, Number.MAX_SAFE_INTEGER))?.note,
    ).toEqual(orphan);
  });

  it("gives a note its meeting's person and start where its copies disagreed", async () => {
    const [first, ...rest] = v5.records.notes as Array<typeof orphan>;
    const meeting = v5.expected.meetings.find((m) => m.eid === first!.meetingEid)!;
    const stale = { ...first!, personEmail: 'someone@example.com', meetingStart: 0 };
    const upgraded = await upgradedFrom({ ...v5.records, notes: [stale, ...rest] });
    const { data } = await exportBackup(upgraded, 0);
    expect(data.notes.find((note) => note.meetingEid === meeting.eid)).toEqual({
      ...stale,
      personEmail: meeting.personEmail,
      meetingStart: meeting.start,
    });
  });
});
