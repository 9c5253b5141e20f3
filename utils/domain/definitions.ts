// Each record of the data model defined once, as data: which fields it has and what each may
// hold. The background's request schemas (utils/messaging/validate.ts), the backup file checks
// (utils/store/backup-validation.ts) and the store's input normalisation
// (utils/store/normalize-input.ts) are all derived from these, so they cannot disagree about a
// limit, a day or an address. Each path words its refusal its own way (a request names the
// payload's field, a backup the record's index); what is refused is the same.

import {
  EARLIEST_DAY,
  MAX_CADENCE_DAYS,
  MAX_NOTE_LENGTH,
  MAX_SHARE,
  MAX_TEXT_LENGTH,
  MIN_CADENCE_DAYS,
  MIN_SHARE,
  WELLBEING_VALUES,
} from './limits';
import type {
  ActionItem,
  Assignment,
  FeedbackEntry,
  Meeting,
  Note,
  Person,
  Project,
  SeriesOverride,
  StandingTopic,
  TalkingPoint,
  TopicDiscussion,
} from './records';
import { openFlagOf } from './rules';

/** What one field may hold. */
export type FieldRule =
  /** 1 to MAX_ID_LENGTH characters, or also '' ("not tied to one"). */
  | { kind: 'id'; allowEmpty?: boolean }
  /** A trimmed, lowercased address of at most MAX_EMAIL_LENGTH, or also ''. */
  | { kind: 'email'; allowEmpty?: boolean }
  /** Text of at most `max` characters; `nonBlank`: something must be written. */
  | { kind: 'text'; max: number; nonBlank?: boolean }
  /** A real calendar day 'yyyy-MM-dd', or '' for none; `notBefore`: required, that day or later. */
  | { kind: 'day'; notBefore?: string }
  /** Epoch milliseconds a Date can hold, or also null. */
  | { kind: 'instant'; nullable?: boolean }
  /** An indexed boolean, 0 or 1. */
  | { kind: 'flag' }
  /** A whole number of `unit` from min to max. */
  | { kind: 'whole'; min: number; max: number; unit: 'days' | 'percent' }
  /** One of the listed values, or also null. */
  | { kind: 'one-of'; values: readonly (string | number)[]; nullable?: boolean };

/** A rule across fields of one record, reported on `field`. */
export interface RecordRule<R> {
  field: keyof R & string;
  /** The rule as a sentence about the field: 'must be 1 exactly when doneAt is null'. */
  rule: string;
  /** What is wrong with this record, or null when it keeps the rule. */
  breach(record: R): string | null;
}

export interface RecordDefinition<R> {
  fields: { readonly [K in keyof R]-?: FieldRule };
  rules: ReadonlyArray<RecordRule<R>>;
}

export const FIELD = {
  id: { kind: 'id' },
  idOrEmpty: { kind: 'id', allowEmpty: true },
  email: { kind: 'email' },
  emailOrEmpty: { kind: 'email', allowEmpty: true },
  /** Item text, talking points, project names: something must be written. */
  line: { kind: 'text', max: MAX_TEXT_LENGTH, nonBlank: true },
  /** Titles, display names, descriptions, roles: may be empty. */
  text: { kind: 'text', max: MAX_TEXT_LENGTH },
  /** Meeting notes and profile notes, kept exactly as typed. */
  notes: { kind: 'text', max: MAX_NOTE_LENGTH },
  day: { kind: 'day' },
  /** A required day, 1970 or later (feedback log entries). */
  dayFrom1970: { kind: 'day', notBefore: EARLIEST_DAY },
  instant: { kind: 'instant' },
  instantOrNull: { kind: 'instant', nullable: true },
  flag: { kind: 'flag' },
  cadenceDays: { kind: 'whole', min: MIN_CADENCE_DAYS, max: MAX_CADENCE_DAYS, unit: 'days' },
  share: { kind: 'whole', min: MIN_SHARE, max: MAX_SHARE, unit: 'percent' },
  wellbeing: { kind: 'one-of', values: WELLBEING_VALUES, nullable: true },
  owner: { kind: 'one-of', values: ['me', 'them'] },
  projectStatus: { kind: 'one-of', values: ['active', 'paused', 'done'] },
  cadenceSource: { kind: 'one-of', values: ['default', 'seen', 'recurrence', 'manager'] },
  decision: { kind: 'one-of', values: ['one-on-one', 'not-one-on-one'] },
  rhythm: { kind: 'one-of', values: ['every', 'every-other', 'monthly', 'quarterly'] },
  feedbackKind: { kind: 'one-of', values: ['praise', 'feedback', 'concern', 'win'] },
} as const satisfies Record<string, FieldRule>;

/** The indexed open flag mirrors the closing instant: "open is 1 exactly when doneAt is null". */
function openMirrors<R extends { open: 0 | 1 }>(closedField: keyof R & string): RecordRule<R> {
  return {
    field: 'open',
    rule: `must be 1 exactly when ${closedField} is null`,
    breach(record) {
      const closedAt = record[closedField] as number | null;
      const expected = openFlagOf(closedAt);
      return record.open === expected
        ? null
        : `expected ${expected} while ${closedField} is ${closedAt === null ? 'null' : 'set'}`;
    },
  };
}

const counterpartOfOneOnOne: RecordRule<Pick<SeriesOverride, 'decision' | 'personEmail'>> = {
  field: 'personEmail',
  rule: 'required when decision is "one-on-one"',
  breach: (override) =>
    override.decision === 'one-on-one' && override.personEmail === ''
      ? 'required when decision is "one-on-one"'
      : null,
};

export const PERSON: RecordDefinition<Person> = {
  fields: {
    email: FIELD.email,
    name: FIELD.text,
    cadenceDays: FIELD.cadenceDays,
    cadenceSource: FIELD.cadenceSource,
    profileNotes: FIELD.notes,
    archived: FIELD.flag,
    createdAt: FIELD.instant,
    updatedAt: FIELD.instant,
  },
  rules: [],
};

export const PROJECT: RecordDefinition<Project> = {
  fields: {
    id: FIELD.id,
    name: FIELD.line,
    description: FIELD.text,
    status: FIELD.projectStatus,
    archived: FIELD.flag,
    startDate: FIELD.day,
    endDate: FIELD.day,
    createdAt: FIELD.instant,
    updatedAt: FIELD.instant,
  },
  rules: [],
};

export const ASSIGNMENT: RecordDefinition<Assignment> = {
  fields: {
    id: FIELD.id,
    personEmail: FIELD.email,
    projectId: FIELD.id,
    share: FIELD.share,
    role: FIELD.text,
    since: FIELD.day,
    until: FIELD.day,
  },
  rules: [],
};

export const MEETING: RecordDefinition<Meeting> = {
  fields: {
    eid: FIELD.id,
    // '' when Calendar's eid did not decode to an event id.
    seriesKey: FIELD.idOrEmpty,
    personEmail: FIELD.email,
    start: FIELD.instant,
    title: FIELD.text,
    createdAt: FIELD.instant,
  },
  rules: [],
};

export const NOTE: RecordDefinition<Note> = {
  fields: {
    meetingEid: FIELD.id,
    personEmail: FIELD.email,
    meetingStart: FIELD.instant,
    text: FIELD.notes,
    wellbeing: FIELD.wellbeing,
    updatedAt: FIELD.instant,
  },
  rules: [],
};

export const ACTION_ITEM: RecordDefinition<ActionItem> = {
  fields: {
    id: FIELD.id,
    personEmail: FIELD.email,
    text: FIELD.line,
    owner: FIELD.owner,
    due: FIELD.day,
    meetingEid: FIELD.idOrEmpty,
    createdAt: FIELD.instant,
    updatedAt: FIELD.instant,
    doneAt: FIELD.instantOrNull,
    open: FIELD.flag,
  },
  rules: [openMirrors<ActionItem>('doneAt')],
};

export const TALKING_POINT: RecordDefinition<TalkingPoint> = {
  fields: {
    id: FIELD.id,
    personEmail: FIELD.email,
    text: FIELD.line,
    createdAt: FIELD.instant,
    discussedAt: FIELD.instantOrNull,
    discussedIn: FIELD.idOrEmpty,
    open: FIELD.flag,
  },
  rules: [openMirrors<TalkingPoint>('discussedAt')],
};

export const SERIES_OVERRIDE: RecordDefinition<SeriesOverride> = {
  fields: {
    seriesKey: FIELD.id,
    decision: FIELD.decision,
    // The counterpart only matters for a 1:1; "not a 1:1" may name nobody.
    personEmail: FIELD.emailOrEmpty,
    personName: FIELD.text,
    updatedAt: FIELD.instant,
  },
  rules: [counterpartOfOneOnOne],
};

export const STANDING_TOPIC: RecordDefinition<StandingTopic> = {
  fields: {
    id: FIELD.id,
    // '' is the default set, for everyone.
    personEmail: FIELD.emailOrEmpty,
    text: FIELD.line,
    rhythm: FIELD.rhythm,
    createdAt: FIELD.instant,
    updatedAt: FIELD.instant,
  },
  rules: [],
};

export const TOPIC_DISCUSSION: RecordDefinition<TopicDiscussion> = {
  fields: {
    id: FIELD.id,
    topicId: FIELD.id,
    personEmail: FIELD.email,
    meetingEid: FIELD.id,
    meetingStart: FIELD.instant,
    discussedAt: FIELD.instant,
  },
  rules: [],
};

export const FEEDBACK_ENTRY: RecordDefinition<FeedbackEntry> = {
  fields: {
    id: FIELD.id,
    personEmail: FIELD.email,
    day: FIELD.dayFrom1970,
    kind: FIELD.feedbackKind,
    text: FIELD.line,
    meetingEid: FIELD.idOrEmpty,
    createdAt: FIELD.instant,
    updatedAt: FIELD.instant,
  },
  rules: [],
};

/** The user's decision for a series, as a request sets it (the store stamps updatedAt). */
export const SERIES_DECISION_RULES: ReadonlyArray<
  RecordRule<Pick<SeriesOverride, 'decision' | 'personEmail'>>
> = [counterpartOfOneOnOne];

/** Every table of the store and its record's definition (the order of a backup's tables). */
export const RECORD_DEFINITIONS = {
  people: PERSON,
  projects: PROJECT,
  assignments: ASSIGNMENT,
  meetings: MEETING,
  notes: NOTE,
  actionItems: ACTION_ITEM,
  talkingPoints: TALKING_POINT,
  seriesOverrides: SERIES_OVERRIDE,
  standingTopics: STANDING_TOPIC,
  topicDiscussions: TOPIC_DISCUSSION,
  feedbackEntries: FEEDBACK_ENTRY,
} as const;
