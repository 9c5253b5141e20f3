// Backup files: export everything, validate a whole file before anything is written, replace
// everything in one transaction. Export → import → export gives the same data.

import {
  MAX_EMAIL_LENGTH,
  MAX_ID_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_TEXT_LENGTH,
  type ImportSummary,
} from '../messaging/protocol';
import type { CbcDatabase } from './db';
import { isCadenceDays, isCalendarDate, isShare, isWellbeing } from './normalize-input';
import { cadenceSourceOfV1Person, TABLE_NAMES, type TableName } from './schema';
import type {
  ActionItem,
  Assignment,
  Meeting,
  Note,
  Person,
  Project,
  SeriesOverride,
  TalkingPoint,
} from './types';

export const BACKUP_FORMAT = 'craft-beyond-code-backup';
/** 2: people carry cadenceSource (schema version 2). Files of version 1 are still read. */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, BACKUP_VERSION];

export interface BackupData {
  people: Person[];
  projects: Project[];
  assignments: Assignment[];
  meetings: Meeting[];
  notes: Note[];
  actionItems: ActionItem[];
  talkingPoints: TalkingPoint[];
  seriesOverrides: SeriesOverride[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  data: BackupData;
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; error: string };

function allTables(db: CbcDatabase) {
  return TABLE_NAMES.map((name) => db.table(name));
}

export async function exportBackup(db: CbcDatabase, now: number): Promise<Backup> {
  return db.transaction('r', allTables(db), async () => {
    const tables = await Promise.all(TABLE_NAMES.map((name) => db.table(name).toArray()));
    const data = Object.fromEntries(TABLE_NAMES.map((name, i) => [name, tables[i]]));
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now,
      data: data as unknown as BackupData,
    };
  });
}

/** Records per table in the file and in the database now, to confirm a replacement. */
export async function previewImport(
  db: CbcDatabase,
  backup: Backup,
): Promise<Record<TableName, { inFile: number; existing: number }>> {
  return db.transaction('r', allTables(db), async () => {
    const existing = await Promise.all(TABLE_NAMES.map((name) => db.table(name).count()));
    return Object.fromEntries(
      TABLE_NAMES.map((name, i) => [
        name,
        { inFile: backup.data[name].length, existing: existing[i] ?? 0 },
      ]),
    ) as Record<TableName, { inFile: number; existing: number }>;
  });
}

/** Replaces all data with a backup that parseBackup accepted, in one transaction. */
export async function importBackup(db: CbcDatabase, backup: Backup): Promise<ImportSummary> {
  await db.transaction('rw', allTables(db), async () => {
    for (const name of TABLE_NAMES) {
      const table = db.table(name);
      await table.clear();
      await table.bulkAdd(backup.data[name]);
    }
  });
  return {
    counts: Object.fromEntries(TABLE_NAMES.map((name) => [name, backup.data[name].length])),
  };
}

export async function deleteAllData(db: CbcDatabase): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    for (const table of allTables(db)) await table.clear();
  });
}

// ---- Validation -------------------------------------------------------------------------------

/** Returns what was expected, or null when the value is fine. */
type Check = (value: unknown) => string | null;

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * `v === v.trim().toLowerCase()`, without building a lowercased copy of every email of a large
 * backup: ASCII is checked by character code, anything else gets the exact rule.
 */
function isNormalizedEmail(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (code >= 65 && code <= 90) return false; // A-Z
    if (code > 127) return v === v.trim().toLowerCase();
  }
  return v === v.trim();
}

const idCheck: Check = (v) =>
  isString(v) && v.length > 0 && v.length <= MAX_ID_LENGTH
    ? null
    : `expected an id of 1 to ${MAX_ID_LENGTH} characters`;
const optionalIdCheck: Check = (v) =>
  isString(v) && v.length <= MAX_ID_LENGTH
    ? null
    : `expected an id of at most ${MAX_ID_LENGTH} characters, or ""`;
const emailCheck: Check = (v) =>
  isString(v) && v.length > 0 && v.length <= MAX_EMAIL_LENGTH && isNormalizedEmail(v)
    ? null
    : `expected a lowercase email of at most ${MAX_EMAIL_LENGTH} characters`;
const optionalEmailCheck: Check = (v) => (v === '' ? null : emailCheck(v));
const textCheck =
  (max: number): Check =>
  (v) =>
    isString(v) && v.length <= max ? null : `expected text of at most ${max} characters`;
const shortText = textCheck(MAX_TEXT_LENGTH);
const longText = textCheck(MAX_NOTE_LENGTH);
const timeCheck: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) ? null : 'expected a time in epoch milliseconds';
const timeOrNullCheck: Check = (v) =>
  v === null ? null : timeCheck(v) && 'expected a time in epoch milliseconds, or null';
const flagCheck: Check = (v) => (v === 0 || v === 1 ? null : 'expected 0 or 1');
const dateCheck: Check = (v) =>
  v === '' || (isString(v) && isCalendarDate(v)) ? null : 'expected "" or a date like 2025-01-31';
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    isString(v) && values.includes(v)
      ? null
      : `expected ${values.map((value) => `"${value}"`).join(' or ')}`;

type Shape = Record<string, Check>;

const SHAPES: Record<TableName, Shape> = {
  people: {
    email: emailCheck,
    name: shortText,
    cadenceDays: (v) => (isCadenceDays(v) ? null : 'expected a whole number of days 1 to 365'),
    cadenceSource: oneOf('default', 'seen', 'recurrence', 'manager'),
    profileNotes: longText,
    archived: flagCheck,
    createdAt: timeCheck,
    updatedAt: timeCheck,
  },
  projects: {
    id: idCheck,
    name: shortText,
    description: shortText,
    status: oneOf('active', 'paused', 'done'),
    archived: flagCheck,
    startDate: dateCheck,
    endDate: dateCheck,
    createdAt: timeCheck,
    updatedAt: timeCheck,
  },
  assignments: {
    id: idCheck,
    personEmail: emailCheck,
    projectId: idCheck,
    share: (v) => (isShare(v) ? null : 'expected a whole percent 0 to 100'),
    role: shortText,
    since: dateCheck,
    until: dateCheck,
  },
  meetings: {
    eid: idCheck,
    seriesKey: optionalIdCheck,
    personEmail: emailCheck,
    start: timeCheck,
    title: shortText,
    createdAt: timeCheck,
  },
  notes: {
    meetingEid: idCheck,
    personEmail: emailCheck,
    meetingStart: timeCheck,
    text: longText,
    wellbeing: (v) => (v === null || isWellbeing(v) ? null : 'expected 1 to 5, or null'),
    updatedAt: timeCheck,
  },
  actionItems: {
    id: idCheck,
    personEmail: emailCheck,
    text: shortText,
    owner: oneOf('me', 'them'),
    due: dateCheck,
    meetingEid: optionalIdCheck,
    createdAt: timeCheck,
    updatedAt: timeCheck,
    doneAt: timeOrNullCheck,
    open: flagCheck,
  },
  talkingPoints: {
    id: idCheck,
    personEmail: emailCheck,
    text: shortText,
    createdAt: timeCheck,
    discussedAt: timeOrNullCheck,
    discussedIn: optionalIdCheck,
    open: flagCheck,
  },
  seriesOverrides: {
    seriesKey: idCheck,
    decision: oneOf('one-on-one', 'not-one-on-one'),
    personEmail: optionalEmailCheck,
    personName: shortText,
    updatedAt: timeCheck,
  },
};

const PRIMARY_KEYS: Record<TableName, string> = {
  people: 'email',
  projects: 'id',
  assignments: 'id',
  meetings: 'eid',
  notes: 'meetingEid',
  actionItems: 'id',
  talkingPoints: 'id',
  seriesOverrides: 'seriesKey',
};

class BackupError extends Error {}

function fail(path: string, problem: string): never {
  throw new BackupError(`${path}: ${problem}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quote(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/** Each table's fields and checks as an array, built once: the loop below runs per record. */
const FIELDS: Record<TableName, ReadonlyArray<readonly [string, Check]>> = Object.fromEntries(
  TABLE_NAMES.map((table) => [table, Object.entries(SHAPES[table])]),
) as unknown as Record<TableName, ReadonlyArray<readonly [string, Check]>>;

function checkRecord(table: TableName, index: number, record: unknown): void {
  if (!isPlainObject(record)) fail(`${table}[${index}]`, 'expected an object');
  const fields = FIELDS[table];
  // Own keys only: `'__proto__' in shape` is true through Object.prototype, and JSON.parse makes
  // "__proto__" an own key of a record, which would otherwise slip into the store unchecked.
  for (const [field, check] of fields) {
    if (!Object.hasOwn(record, field)) fail(`${table}[${index}].${field}`, 'missing');
    const problem = check(record[field]);
    if (problem) fail(`${table}[${index}].${field}`, problem);
  }
  // Every expected field is an own key, so the record has no other one iff the counts match;
  // only then is it worth naming the stranger.
  const keys = Object.keys(record);
  if (keys.length !== fields.length) {
    const shape = SHAPES[table];
    for (const field of keys) {
      if (!Object.hasOwn(shape, field)) fail(`${table}[${index}].${field}`, 'unknown field');
    }
  }
}

/** The indexed open flag must mirror doneAt / discussedAt, or the item is lost to its queries. */
function checkOpenFlag(path: string, open: unknown, closedAt: unknown, closedField: string) {
  const expected = closedAt === null ? 1 : 0;
  if (open !== expected) {
    fail(
      `${path}.open`,
      `expected ${expected} while ${closedField} is ${closedAt === null ? 'null' : 'set'}`,
    );
  }
}

function checkKeysAndReferences(data: BackupData): void {
  const keysOf = {} as Record<TableName, Set<string>>;
  for (const table of TABLE_NAMES) {
    const keyField = PRIMARY_KEYS[table];
    const seen = new Map<string, number>();
    (data[table] as unknown as Array<Record<string, string>>).forEach((record, index) => {
      const key = record[keyField]!;
      const first = seen.get(key);
      if (first !== undefined) {
        fail(`${table}[${index}].${keyField}`, `duplicate ${quote(key)} (also ${table}[${first}])`);
      }
      seen.set(key, index);
    });
    keysOf[table] = new Set(seen.keys());
  }
  const pairs = new Map<string, number>();
  data.assignments.forEach((assignment, index) => {
    const path = `assignments[${index}]`;
    if (!keysOf.people.has(assignment.personEmail)) {
      fail(`${path}.personEmail`, `no person ${quote(assignment.personEmail)} in people`);
    }
    if (!keysOf.projects.has(assignment.projectId)) {
      fail(`${path}.projectId`, `no project ${quote(assignment.projectId)} in projects`);
    }
    const pair = `${assignment.personEmail}\n${assignment.projectId}`;
    const first = pairs.get(pair);
    if (first !== undefined) {
      fail(
        path,
        `a second assignment of the same person to the same project (also assignments[${first}])`,
      );
    }
    pairs.set(pair, index);
  });
  data.notes.forEach((note, index) => {
    if (!keysOf.meetings.has(note.meetingEid)) {
      fail(`notes[${index}].meetingEid`, `no meeting ${quote(note.meetingEid)} in meetings`);
    }
  });
  data.actionItems.forEach((item, index) =>
    checkOpenFlag(`actionItems[${index}]`, item.open, item.doneAt, 'doneAt'),
  );
  data.talkingPoints.forEach((point, index) =>
    checkOpenFlag(`talkingPoints[${index}]`, point.open, point.discussedAt, 'discussedAt'),
  );
}

/**
 * A version 1 file's data as version 2 holds it: people get the cadence source the schema's
 * upgrade gives them (a copy: the caller's value is left alone). A version 1 person that already
 * names a cadence source is not what version 1 wrote, and is refused.
 */
function upgradeVersion1(data: Record<string, unknown>): Record<string, unknown> {
  const people = data.people;
  if (!Array.isArray(people)) return data;
  return {
    ...data,
    people: people.map((person: unknown, index) => {
      if (!isPlainObject(person)) return person;
      if (Object.hasOwn(person, 'cadenceSource')) {
        fail(`people[${index}].cadenceSource`, 'unknown field in a version 1 backup');
      }
      return { ...person, cadenceSource: cadenceSourceOfV1Person(person.cadenceDays) };
    }),
  };
}

/**
 * Validates a whole backup (a JSON string or an already parsed value): shape, every field's type
 * and range, string lengths, duplicate keys and references. The error names the first bad record,
 * e.g. 'actionItems[12].owner: expected "me" or "them"'.
 */
export function parseBackup(input: unknown): ParsedBackup {
  try {
    let value = input;
    if (typeof input === 'string') {
      try {
        value = JSON.parse(input);
      } catch {
        return { ok: false, error: 'The file is not valid JSON.' };
      }
    }
    if (!isPlainObject(value)) fail('backup', 'expected an object');
    if (value.format !== BACKUP_FORMAT) {
      fail('format', `expected "${BACKUP_FORMAT}" (this is not a Craft Beyond Code backup)`);
    }
    if (!READABLE_VERSIONS.includes(value.version)) {
      fail(
        'version',
        `unsupported version ${quote(value.version)}; this extension reads versions 1 to ${BACKUP_VERSION}`,
      );
    }
    const exportedAtProblem = timeCheck(value.exportedAt);
    if (exportedAtProblem) fail('exportedAt', exportedAtProblem);
    if (!isPlainObject(value.data)) fail('data', 'expected an object');
    const data = value.version === 1 ? upgradeVersion1(value.data) : value.data;
    for (const table of TABLE_NAMES) {
      const records = data[table];
      if (!Array.isArray(records)) fail(table, 'expected an array');
      for (let index = 0; index < records.length; index++) {
        checkRecord(table, index, records[index]);
      }
    }
    for (const key of Object.keys(data)) {
      if (!(TABLE_NAMES as readonly string[]).includes(key)) fail(`data.${key}`, 'unknown table');
    }
    for (const key of Object.keys(value)) {
      if (!['format', 'version', 'exportedAt', 'data'].includes(key)) fail(key, 'unknown field');
    }
    checkKeysAndReferences(data as unknown as BackupData);
    const backup =
      value.version === BACKUP_VERSION ? value : { ...value, version: BACKUP_VERSION, data };
    return { ok: true, backup: backup as unknown as Backup };
  } catch (error) {
    if (error instanceof BackupError) return { ok: false, error: error.message };
    throw error;
  }
}
