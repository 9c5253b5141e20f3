// One schema per request type of protocol.ts, checked at the background's edge before any
// store call. The mapped type of requestSchemas makes the compiler check that each schema's
// output is that request's payload type, and that no request type is forgotten.

import {
  ACTION_ITEM,
  ASSIGNMENT,
  FEEDBACK_ENTRY,
  FIELD,
  MEETING,
  NOTE,
  PERSON,
  PROJECT,
  SERIES_DECISION_RULES,
  SERIES_OVERRIDE,
  STANDING_TOPIC,
  TALKING_POINT,
} from '../domain/definitions';
import {
  SchemaError,
  anything,
  array,
  boolean,
  fieldSchema,
  fieldSchemas,
  isPlainObject,
  nullable,
  object,
  oneOf,
  optional,
  recordSchema,
  refine,
  string,
  type Schema,
} from '../domain/schema-kit';
import type { RequestMessage, RequestOf, RequestType } from './protocol';
import type { Problem } from '../domain/problems';

/**
 * Most series keys the content script asks counts for at once (a busy month view), and most
 * occurrences it reports at once.
 */
export const MAX_SERIES_KEYS = 500;

// Field schemas come from the record definitions (utils/domain/definitions.ts), so a request
// and a backup agree on every limit; requests add only what input may leave out or say twice.
const id = fieldSchema(FIELD.id) as Schema<string>;
/** A reference to a meeting that may be absent ('' = not tied to a meeting). */
const idOrEmpty = fieldSchema(FIELD.idOrEmpty) as Schema<string>;
const instant = fieldSchema(FIELD.instant) as Schema<number>;
const personEmail = fieldSchema(FIELD.email) as Schema<string>;
const person = fieldSchemas(PERSON, ['email', 'name', 'cadenceDays', 'profileNotes']);
const project = fieldSchemas(PROJECT, ['name', 'description', 'status', 'startDate', 'endDate']);
const actionItem = fieldSchemas(ACTION_ITEM, ['personEmail', 'text', 'owner', 'due', 'meetingEid']);
const talkingPoint = fieldSchemas(TALKING_POINT, ['personEmail', 'text']);
const assignment = fieldSchemas(ASSIGNMENT, ['personEmail', 'projectId', 'share', 'role']);
const note = fieldSchemas(NOTE, ['text', 'wellbeing']);
const standingTopic = fieldSchemas(STANDING_TOPIC, ['personEmail', 'text', 'rhythm']);
const feedbackEntry = fieldSchemas(FEEDBACK_ENTRY, [
  'personEmail',
  'day',
  'kind',
  'text',
  'meetingEid',
]);
const decision = fieldSchemas(SERIES_OVERRIDE, ['decision', 'personEmail', 'personName']);

const eventRef = object({
  eid: id,
  // '' when Calendar's eid did not decode to an event id (calendar/types.ts).
  seriesKey: fieldSchemas(MEETING, ['seriesKey']).seriesKey,
  title: fieldSchemas(MEETING, ['title']).title,
  start: nullable(instant),
  recurrenceDays: optional(nullable(person.cadenceDays)),
});
const counterpart = object({ email: person.email, name: person.name });
/** An occurrence's start as a chip gives it: a real time, 1970 or later. */
const startFrom1970: Schema<number> = (value, path) => {
  const start = instant(value, path);
  if (start < 0) throw new SchemaError(`${path}: expected 1970 or later`);
  return start;
};
/** The chips of one report (recordSeenOccurrences). */
const chipOccurrences = array(object({ eid: id, seriesKey: id, start: startFrom1970 }), {
  max: MAX_SERIES_KEYS,
});
/** crypto.randomUUID() as the content script makes it (panel-channel.ts). */
const channelNonce = string({ max: 64, nonBlank: true });

// Whose URL it is, the handler checks (the extension's own origin only).
const backupFileUrl = refine(object({ url: string({ max: 300 }) }), ({ url }) =>
  url.startsWith('blob:') ? null : 'url: expected a blob: URL',
);

export const requestSchemas: { [T in RequestType]: Schema<RequestOf<T>> } = {
  openOneOnOne: object({ event: eventRef, person: counterpart }),
  // person null: the content script's classifier did not call it a 1:1.
  showEvent: object({ event: eventRef, person: nullable(counterpart) }),
  getSeriesOverride: object({ seriesKey: id }),
  setSeriesOverride: refine(object({ seriesKey: id, ...decision }), (override) => {
    const broken = SERIES_DECISION_RULES.find((rule) => rule.breach(override) !== null);
    return broken ? `${broken.field}: ${broken.rule}` : null;
  }),
  getMeetingNotesBefore: object({ personEmail, before: instant }),
  saveNote: object({ meetingEid: id, ...note }),
  addActionItem: object({ id: optional(id), ...actionItem }),
  updateActionItem: object({
    id,
    personEmail: optional(personEmail),
    text: optional(actionItem.text),
    owner: optional(actionItem.owner),
    due: optional(actionItem.due),
  }),
  setActionItemDone: object({ id, personEmail: optional(personEmail), done: boolean }),
  deleteActionItem: object({ id, personEmail: optional(personEmail) }),
  restoreActionItem: object({ item: recordSchema(ACTION_ITEM) }),
  addTalkingPoint: object({ id: optional(id), ...talkingPoint }),
  setTalkingPointDiscussed: object({
    id,
    personEmail: optional(personEmail),
    discussed: boolean,
    meetingEid: idOrEmpty,
  }),
  addStandingTopic: object({ id: optional(id), ...standingTopic }),
  updateStandingTopic: object({
    id,
    text: optional(standingTopic.text),
    rhythm: optional(standingTopic.rhythm),
  }),
  deleteStandingTopic: object({ id }),
  setStandingTopicDiscussed: object({ topicId: id, meetingEid: id, discussed: boolean }),
  addFeedbackEntry: object({ id: optional(id), ...feedbackEntry }),
  updateFeedbackEntry: object({
    id,
    personEmail: optional(personEmail),
    day: optional(feedbackEntry.day),
    kind: optional(feedbackEntry.kind),
    text: optional(feedbackEntry.text),
  }),
  deleteFeedbackEntry: object({ id, personEmail: optional(personEmail) }),
  getOpenItemCounts: object({ seriesKeys: array(id, { max: MAX_SERIES_KEYS }) }),
  openPanelChannel: object({ nonce: channelNonce }),
  claimPanelChannel: object({ nonce: channelNonce }),
  recordSeenOccurrences: object({ occurrences: chipOccurrences }),
  addPerson: object({ email: person.email, name: person.name }),
  updatePerson: object({
    email: person.email,
    name: optional(person.name),
    cadenceDays: optional(person.cadenceDays),
    profileNotes: optional(person.profileNotes),
    archived: optional(boolean),
  }),
  createProject: object({
    id: optional(id),
    name: project.name,
    description: optional(project.description),
    status: optional(project.status),
  }),
  updateProject: object({
    id,
    name: optional(project.name),
    description: optional(project.description),
    status: optional(project.status),
    archived: optional(boolean),
    startDate: optional(project.startDate),
    endDate: optional(project.endDate),
  }),
  assignPerson: object({
    personEmail: assignment.personEmail,
    projectId: assignment.projectId,
    share: assignment.share,
    role: optional(assignment.role),
  }),
  unassignPerson: object({ personEmail: assignment.personEmail, projectId: assignment.projectId }),
  // The store's parseBackup checks the whole file (every record, every reference).
  importBackup: object({ backup: anything }),
  // Whose URL it is, the handler checks (the extension's own origin only).
  importBackupFile: backupFileUrl,
  stageBackupFile: backupFileUrl,
  getImportProgress: object({}),
  cancelImport: object({}),
  deleteAllData: object({ confirm: oneOf('delete everything') }),
};

export type Validated =
  { ok: true; request: RequestMessage } | { ok: false; error: string; problem?: Problem };

export function isRequestType(type: unknown): type is RequestType {
  return typeof type === 'string' && Object.hasOwn(requestSchemas, type);
}

/** Checks a raw runtime message: `{ type, payload }`, a known type, its payload's schema. */
export function validateRequest(message: unknown): Validated {
  if (!isPlainObject(message)) return { ok: false, error: 'message: expected { type, payload }' };
  const extra = Object.keys(message).find((key) => key !== 'type' && key !== 'payload');
  if (extra !== undefined) return { ok: false, error: 'message: expected only type and payload' };
  const { type, payload } = message;
  if (!isRequestType(type)) {
    const shown = typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type;
    return { ok: false, error: `Unknown request type ${shown}.` };
  }
  if (!Object.hasOwn(message, 'payload')) return { ok: false, error: `${type}: payload missing` };
  try {
    const checked = (requestSchemas[type] as Schema<RequestOf<typeof type>>)(payload, type);
    return { ok: true, request: { type, payload: checked } };
  } catch (error) {
    if (error instanceof SchemaError) {
      return { ok: false, error: error.message, problem: error.problem };
    }
    throw error;
  }
}
