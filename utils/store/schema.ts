// The database's schema history, oldest first. CbcDatabase declares every entry in order, and the
// migration harness (tests/unit/migrations/) builds a database at each earlier entry to prove
// that today's code opens it. To change the schema, append a version: never edit a shipped one.
//
// Index choices (what the queries in this folder need at 100k action items, 20k meetings, 500
// people). IndexedDB cannot index booleans or null, so indexed flags are 0 | 1 (`open`).
// - meetings [personEmail+start]: the last 1:1 (latest start at or before now), days since it.
// - meetings seriesKey: is this series a known 1:1 (chip badges).
// - notes [personEmail+meetingStart]: last notes, wellbeing trend, history of one person.
// - notes meetingStart, actionItems createdAt, talkingPoints createdAt: search, newest first.
// - actionItems [personEmail+open+createdAt], talkingPoints [personEmail+open+createdAt]: a
//   person's open items / queued points, oldest first, and their counts.
// - actionItems [open+due+createdAt]: all open follow-ups by due date, and the open count.
// - assignments &[personEmail+projectId]: one assignment per person×project (unique), and a
//   person's assignments by prefix; projectId: a project's people.

import type { Transaction } from 'dexie';
import type { CadenceSource } from '../domain/records';

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
];

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
