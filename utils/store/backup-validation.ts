// Backup files, the checking side: a whole file is validated before anything is written. Each
// record is checked against its definition (utils/domain/definitions.ts), the same one the
// background's request schemas come from, then keys and the references between records.
// The error names the first bad record, e.g. 'actionItems[12].owner: expected "me" or "them"'.

import {
  RECORD_DEFINITIONS,
  type FieldRule,
  type RecordDefinition,
  type RecordRule,
} from '../domain/definitions';
import { MAX_EMAIL_LENGTH, MAX_ID_LENGTH } from '../domain/limits';
import { isCalendarDate, isEmailAddress, isNormalizedEmail } from '../domain/rules';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupData } from './backup';
import { cadenceSourceOfV1Person, TABLE_NAMES, type TableName } from './schema';

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; error: string };

const READABLE_VERSIONS: readonly unknown[] = [1, 2, BACKUP_VERSION];

/** The tables backup version 3 added (schema version 4): a file of version 1 or 2 has none. */
const TABLES_SINCE_VERSION_3: readonly TableName[] = [
  'standingTopics',
  'topicDiscussions',
  'feedbackEntries',
];

/** Returns what was expected, or null when the value is fine. */
type Check = (value: unknown) => string | null;

const isString = (value: unknown): value is string => typeof value === 'string';

/** The range of instants a JavaScript Date can hold. */
const MAX_EPOCH_MS = 8.64e15;

const timeCheck: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_EPOCH_MS
    ? null
    : 'expected a time in epoch milliseconds';

function listed(values: readonly (string | number)[]): string {
  if (values.every((value) => typeof value === 'number')) {
    const numbers = values as number[];
    return `${Math.min(...numbers)} to ${Math.max(...numbers)}`;
  }
  return values.map((value) => JSON.stringify(value)).join(' or ');
}

/** The backup's check of one field, from the field's rule (stored records: already normalised). */
export function checkOf(rule: FieldRule): Check {
  switch (rule.kind) {
    case 'id': {
      const problem = rule.allowEmpty
        ? `expected an id of at most ${MAX_ID_LENGTH} characters, or ""`
        : `expected an id of 1 to ${MAX_ID_LENGTH} characters`;
      return (v) =>
        isString(v) && v.length <= MAX_ID_LENGTH && (rule.allowEmpty || v.trim() !== '')
          ? null
          : problem;
    }
    case 'email': {
      const problem = `expected a lowercase email of at most ${MAX_EMAIL_LENGTH} characters`;
      return (v) => {
        if (v === '' && rule.allowEmpty) return null;
        return isString(v) &&
          v.length > 0 &&
          v.length <= MAX_EMAIL_LENGTH &&
          isNormalizedEmail(v) &&
          isEmailAddress(v)
          ? null
          : problem;
      };
    }
    case 'text': {
      const problem = `expected text of at most ${rule.max} characters`;
      return (v) => {
        if (!isString(v) || v.length > rule.max) return problem;
        return rule.nonBlank && v.trim() === '' ? 'must not be empty' : null;
      };
    }
    case 'day': {
      const earliest = rule.notBefore;
      if (earliest !== undefined) {
        return (v) =>
          isString(v) && isCalendarDate(v) && v >= earliest
            ? null
            : `expected a date like 2025-01-31, ${earliest} or later`;
      }
      return (v) =>
        v === '' || (isString(v) && isCalendarDate(v))
          ? null
          : 'expected "" or a date like 2025-01-31';
    }
    case 'instant':
      return rule.nullable
        ? (v) => (v === null || timeCheck(v) === null ? null : `${timeCheck(v)}, or null`)
        : timeCheck;
    case 'flag':
      return (v) => (v === 0 || v === 1 ? null : 'expected 0 or 1');
    case 'whole': {
      const problem =
        rule.unit === 'days'
          ? `expected a whole number of days ${rule.min} to ${rule.max}`
          : `expected a whole percent ${rule.min} to ${rule.max}`;
      return (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= rule.min && v <= rule.max
          ? null
          : problem;
    }
    case 'one-of': {
      const problem = `expected ${listed(rule.values)}${rule.nullable ? ', or null' : ''}`;
      return (v) =>
        (v === null && rule.nullable) || rule.values.includes(v as string | number)
          ? null
          : problem;
    }
  }
}

interface TableChecks {
  /** Each field's check as an array, built once: the loop below runs per record. */
  fields: ReadonlyArray<readonly [string, Check]>;
  names: ReadonlySet<string>;
  rules: ReadonlyArray<RecordRule<Record<string, unknown>>>;
}

const CHECKS = Object.fromEntries(
  TABLE_NAMES.map((table) => {
    const definition = RECORD_DEFINITIONS[table] as unknown as RecordDefinition<
      Record<string, unknown>
    >;
    const fields = Object.entries(definition.fields).map(
      ([field, rule]) => [field, checkOf(rule)] as const,
    );
    return [
      table,
      { fields, names: new Set(Object.keys(definition.fields)), rules: definition.rules },
    ];
  }),
) as unknown as Record<TableName, TableChecks>;

const PRIMARY_KEYS: Record<TableName, string> = {
  people: 'email',
  projects: 'id',
  assignments: 'id',
  meetings: 'eid',
  notes: 'meetingEid',
  actionItems: 'id',
  talkingPoints: 'id',
  seriesOverrides: 'seriesKey',
  standingTopics: 'id',
  topicDiscussions: 'id',
  feedbackEntries: 'id',
};

/** The tables whose records belong to a person of the file (`personEmail`). */
const PERSON_REFERENCES: readonly TableName[] = [
  'assignments',
  'meetings',
  'notes',
  'actionItems',
  'talkingPoints',
  'topicDiscussions',
  'feedbackEntries',
];

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

/** Checks one record of a table against its definition; throws BackupError naming the field. */
export function checkRecord(table: TableName, index: number, record: unknown): void {
  if (!isPlainObject(record)) fail(`${table}[${index}]`, 'expected an object');
  const { fields, names, rules } = CHECKS[table];
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
    for (const field of keys) {
      if (!names.has(field)) fail(`${table}[${index}].${field}`, 'unknown field');
    }
  }
  for (const rule of rules) {
    const breach = rule.breach(record);
    if (breach !== null) fail(`${table}[${index}].${rule.field}`, breach);
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
  // Records of a person who is not in the file would be shown under nobody, and the next
  // export would carry them on: the whole file is refused instead.
  for (const table of PERSON_REFERENCES) {
    (data[table] as unknown as Array<{ personEmail: string }>).forEach((record, index) => {
      if (!keysOf.people.has(record.personEmail)) {
        fail(`${table}[${index}].personEmail`, `no person ${quote(record.personEmail)} in people`);
      }
    });
  }
  const pairs = new Map<string, number>();
  data.assignments.forEach((assignment, index) => {
    const path = `assignments[${index}]`;
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
  // A note is kept in its meeting's record (schema version 6), and its personEmail and
  // meetingStart are the meeting's: a note of no meeting, or whose copies disagree with its
  // meeting, is not what the store wrote, and the whole file is refused.
  const meetings = new Map(data.meetings.map((meeting) => [meeting.eid, meeting]));
  data.notes.forEach((note, index) => {
    const meeting = meetings.get(note.meetingEid);
    if (!meeting) {
      fail(`notes[${index}].meetingEid`, `no meeting ${quote(note.meetingEid)} in meetings`);
    }
    if (note.personEmail !== meeting.personEmail) {
      fail(`notes[${index}].personEmail`, `the meeting is with ${quote(meeting.personEmail)}`);
    }
    if (note.meetingStart !== meeting.start) {
      fail(`notes[${index}].meetingStart`, `the meeting starts at ${meeting.start}`);
    }
  });
  // A standing topic is for a person of the file, or for everyone ('').
  data.standingTopics.forEach((topic, index) => {
    if (topic.personEmail !== '' && !keysOf.people.has(topic.personEmail)) {
      fail(
        `standingTopics[${index}].personEmail`,
        `no person ${quote(topic.personEmail)} in people`,
      );
    }
  });
  const topics = new Map(data.standingTopics.map((topic) => [topic.id, topic]));
  data.topicDiscussions.forEach((discussion, index) => {
    const path = `topicDiscussions[${index}]`;
    const topic = topics.get(discussion.topicId);
    if (!topic) fail(`${path}.topicId`, `no topic ${quote(discussion.topicId)} in standingTopics`);
    if (topic.personEmail !== '' && topic.personEmail !== discussion.personEmail) {
      fail(`${path}.personEmail`, `the topic is for ${quote(topic.personEmail)}`);
    }
    if (!keysOf.meetings.has(discussion.meetingEid)) {
      fail(`${path}.meetingEid`, `no meeting ${quote(discussion.meetingEid)} in meetings`);
    }
  });
}

/**
 * A version 1 or 2 file's data as version 3 holds it: no standing topics, discussions or
 * feedback log yet. A file of those versions naming one of these tables is not what they wrote.
 */
function addTablesOfVersion3(data: Record<string, unknown>, version: number) {
  const added: Record<string, unknown> = { ...data };
  for (const table of TABLES_SINCE_VERSION_3) {
    if (Object.hasOwn(data, table))
      fail(`data.${table}`, `unknown table in a version ${version} backup`);
    added[table] = [];
  }
  return added;
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
    const upgraded = value.version === 1 ? upgradeVersion1(value.data) : value.data;
    const data =
      value.version === BACKUP_VERSION
        ? upgraded
        : addTablesOfVersion3(upgraded, value.version as number);
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
