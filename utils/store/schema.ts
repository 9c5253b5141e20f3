// The database's schema history, oldest first. CbcDatabase declares every entry in order, and the
// migration harness (tests/unit/migrations/) builds a database at each earlier entry to prove
// that today's code opens it. To change the schema, append a version: never edit a shipped one.
//
// Index choices (what the queries in this folder need at 100k action items, 20k meetings, 500
// people). IndexedDB cannot index booleans or null, so indexed flags are 0 | 1 (`open`).
// - meetings [personEmail+start]: a person's latest meetings (version 6: with their notes): the
//   last 1:1 (latest start at or before now), last notes, wellbeing trend, history of one person.
// - meetings seriesKey: is this series a known 1:1 (chip badges).
// - meetings [start+note.updatedAt] (version 6): sparse, only the meetings that have notes
//   (notes-in-meetings.ts), by start: search, newest first, and the count of notes. Versions 1–5
//   kept notes in a table of their own, indexed [personEmail+meetingStart] and meetingStart.
// - actionItems createdAt, talkingPoints createdAt: search, newest first.
// - actionItems [personEmail+open+createdAt], talkingPoints [personEmail+open+createdAt]: a
//   person's open items / queued points, oldest first, and their counts.
// - actionItems [open+due+createdAt]: all open follow-ups by due date, and the open count.
// - assignments &[personEmail+projectId]: one assignment per person×project (unique), and a
//   person's assignments by prefix; projectId: a project's people.
// - doneActionItems, discussedTalkingPoints (version 3): closed records packed per person and
//   year (closed-packs.ts), keyed [personEmail+year]; *ids finds one by its id, year orders
//   packs newest first for search. actionItems and talkingPoints then hold open records only.
// - standingTopics personEmail (version 4): a person's topics and the default set ('').
// - topicDiscussions, feedbackEntries (version 4, gone in version 7: see below).
// - upcomingOccurrences start (version 5): the 1:1s of the week ahead (a range from now), and
//   the past ones to drop; seriesKey: a series' occurrences when a decision changes who it is with.
// - feedbackPacks (version 7): the feedback log packed per person and year of the entry's day
//   (person-pack-records.ts), keyed [personEmail+year] (a period is a key range); *ids finds an
//   entry by its id; newestCreatedAt orders packs newest first for search.
// - topicDiscussionPacks (version 7): topic discussions packed per person, keyed personEmail (a
//   1:1 reads them in one request); *topicIds finds the packs holding a deleted topic's.

import type { Table, Transaction } from 'dexie';
import { packRecords } from './pack-records';
import { packFeedbackAndDiscussions, PERSON_PACK_TABLE_OF } from './person-pack-records';
import type { CadenceSource } from '../domain/records';
import { moveNotesIntoMeetings } from './notes-in-meetings';

export type TableName =
  | 'people'
  | 'projects'
  | 'assignments'
  | 'meetings'
  | 'notes'
  | 'actionItems'
  | 'talkingPoints'
  | 'seriesOverrides'
  | 'standingTopics'
  | 'topicDiscussions'
  | 'feedbackEntries';

/** Every table, in the order backups list them. */
export const TABLE_NAMES: readonly TableName[] = [
  'people',
  'projects',
  'assignments',
  'meetings',
  'notes',
  'actionItems',
  'talkingPoints',
  'seriesOverrides',
  'standingTopics',
  'topicDiscussions',
  'feedbackEntries',
];

/**
 * The backup tables whose records live in another table's (schema version 6): a meeting's notes
 * in its meeting record (notes-in-meetings.ts). The database has no such table.
 */
export const KEPT_IN_TABLE_OF = {
  notes: 'meetings',
} as const satisfies Partial<Record<TableName, TableName>>;

/** The tables that hold the packed closed records of a backup table (schema version 3). */
export const PACK_TABLE_OF = {
  actionItems: 'doneActionItems',
  talkingPoints: 'discussedTalkingPoints',
} as const;

/**
 * Tables that cache what Calendar's page showed (schema version 5): not in backups, emptied by
 * an import and by "Delete all data".
 */
export const CACHE_TABLE_NAMES: readonly string[] = ['upcomingOccurrences'];

/**
 * Every table of the database now: the backup's tables (but notes, kept in meetings since
 * version 6, and those held in packs alone since version 7, PERSON_PACK_TABLE_OF), the packs,
 * caches.
 */
export const STORE_TABLE_NAMES: readonly string[] = [
  ...TABLE_NAMES.filter(
    (name) => !Object.hasOwn(KEPT_IN_TABLE_OF, name) && !(name in PERSON_PACK_TABLE_OF),
  ),
  ...Object.values(PACK_TABLE_OF),
  ...Object.values(PERSON_PACK_TABLE_OF),
  ...CACHE_TABLE_NAMES,
];

export interface SchemaVersion {
  version: number;
  /** Dexie store declarations; null deletes a table. */
  stores: Record<string, string | null>;
  /** Data changes from the previous version, run inside Dexie's upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      people: 'email',
      projects: 'id',
      assignments: 'id, &[personEmail+projectId], projectId',
      meetings: 'eid, seriesKey, [personEmail+start]',
      notes: 'meetingEid, [personEmail+meetingStart], meetingStart',
      actionItems: 'id, createdAt, [personEmail+open+createdAt], [open+due+createdAt]',
      talkingPoints: 'id, createdAt, [personEmail+open+createdAt]',
      seriesOverrides: 'seriesKey',
    },
  },
  {
    // People say where their cadence comes from (Person.cadenceSource): the calendar's series,
    // the 1:1s seen, or the manager. No index changes.
    version: 2,
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table('people')
        .toCollection()
        .modify((person: { cadenceDays: unknown; cadenceSource?: CadenceSource }) => {
          person.cadenceSource = cadenceSourceOfV1Person(person.cadenceDays);
        });
    },
  },
  {
    // Done action items and discussed talking points move into packs per person and year
    // (closed-packs.ts): a large store holds a tenth of the records, and an import writes a
    // tenth. Open items and queued points stay where they were, with the same indexes.
    version: 3,
    stores: {
      doneActionItems: '[personEmail+year], year, *ids',
      discussedTalkingPoints: '[personEmail+year], year, *ids',
    },
    upgrade: async (tx) => {
      await packClosedRecords(
        tx.table('actionItems'),
        tx.table('doneActionItems'),
        (item: ClosableRecord & { doneAt: number }) => item.doneAt,
      );
      await packClosedRecords(
        tx.table('talkingPoints'),
        tx.table('discussedTalkingPoints'),
        (point: ClosableRecord & { discussedAt: number }) => point.discussedAt,
      );
    },
  },
  {
    // Standing topics (for a person, or '' for everyone) with when each was discussed with whom,
    // and the feedback log. New tables only: earlier databases open with them empty.
    version: 4,
    stores: {
      standingTopics: 'id, personEmail',
      topicDiscussions: 'id, [personEmail+topicId+meetingStart], topicId',
      feedbackEntries: 'id, [personEmail+day], createdAt',
    },
  },
  {
    // The week ahead: future occurrences of known 1:1 series seen on the grid, a cache (not in
    // backups). A new table only: earlier databases open with it empty.
    version: 5,
    stores: {
      upcomingOccurrences: 'eid, start, seriesKey',
    },
  },
  {
    // A meeting's notes in its meeting record, and no notes table (notes-in-meetings.ts): an
    // import writes a row less per note, and the panel reads a person's latest meetings with
    // their notes at once. The sparse index holds the meetings that have notes, for search.
    version: 6,
    stores: {
      meetings: 'eid, seriesKey, [personEmail+start], [start+note.updatedAt]',
      notes: null,
    },
    upgrade: moveNotesIntoMeetings,
  },
  {
    // The feedback log packed per person and year of its day, topic discussions per person
    // (person-pack-records.ts): a large store writes 2,000 packs and 500 packs on import
    // instead of 20,000 and 6,000 rows, and a 1:1 reads its person's discussions in one request
    // instead of one per topic. The old tables go once their rows are moved.
    version: 7,
    stores: {
      feedbackPacks: '[personEmail+year], newestCreatedAt, *ids',
      topicDiscussionPacks: 'personEmail, *topicIds',
      feedbackEntries: null,
      topicDiscussions: null,
    },
    upgrade: packFeedbackAndDiscussions,
  },
  {
    // No index of the ids inside the packs: a multiEntry entry per packed record was most of
    // what an import paid for them (done items 0.98 s with it, 0.37 s without, for the large
    // set's 92,000 in 1,489 packs). A record is found in its person's packs (the requests that
    // act on one name the person; without it every pack is read), and `ids.length` (one entry
    // per pack) counts the packed records without reading a pack. Only indexes change.
    version: 8,
    stores: {
      doneActionItems: '[personEmail+year], year, ids.length',
      discussedTalkingPoints: '[personEmail+year], year, ids.length',
      feedbackPacks: '[personEmail+year], newestCreatedAt, ids.length',
    },
  },
];

interface ClosableRecord {
  id: string;
  personEmail: string;
  open: 0 | 1;
}

/** Moves the closed records of `from` into packs in `to` (the version 3 upgrade). */
async function packClosedRecords<T extends ClosableRecord>(
  from: Table<T, string>,
  to: Table,
  closedAtOf: (record: T) => number,
): Promise<void> {
  const closed = (await from.toArray()).filter((record) => record.open === 0);
  if (closed.length === 0) return;
  await to.bulkPut(packRecords(closed, closedAtOf));
  await from.bulkDelete(closed.map((record) => record.id));
}

/** Version 1 gave every new person 14 days; only the manager (or their backup) set another. */
const V1_DEFAULT_CADENCE_DAYS = 14;

/**
 * The cadence source of a person stored (or exported) by version 1, which had none: the default
 * 14 days counts as not chosen, any other value as the manager's choice. A manager who picked
 * "every two weeks" by hand in version 1 is not told apart from the default.
 */
export function cadenceSourceOfV1Person(cadenceDays: unknown): CadenceSource {
  return cadenceDays === V1_DEFAULT_CADENCE_DAYS ? 'default' : 'manager';
}

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
