// The database's schema history, oldest first. CbcDatabase declares every entry in order, and the
// migration harness (tests/unit/migrations/) builds a database at each earlier entry to prove
// that today's code opens it. To change the schema, append a version: never edit a shipped one.
//
// Index choices (what the queries in this folder need at 100k action items, 20k meetings, 500
// people). IndexedDB cannot index booleans or null, so indexed flags are 0 | 1 (`open`).
// - meetings [personEmail+start]: last meeting before a start, days since the last 1:1.
// - meetings seriesKey: is this series a known 1:1 (chip badges).
// - notes [personEmail+meetingStart]: last notes, wellbeing trend, history of one person.
// - notes meetingStart, actionItems createdAt, talkingPoints createdAt: search, newest first.
// - actionItems [personEmail+open+createdAt], talkingPoints [personEmail+open+createdAt]: a
//   person's open items / queued points, oldest first, and their counts.
// - actionItems [open+due+createdAt]: all open follow-ups by due date, and the open count.
// - assignments &[personEmail+projectId]: one assignment per person×project (unique), and a
//   person's assignments by prefix; projectId: a project's people.

import type { Transaction } from 'dexie';

export type TableName =
  | 'people'
  | 'projects'
  | 'assignments'
  | 'meetings'
  | 'notes'
  | 'actionItems'
  | 'talkingPoints'
  | 'seriesOverrides';

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
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
