// One schema per request type of protocol.ts, checked at the background's edge before any
// store call. The mapped type of requestSchemas makes the compiler check that each schema's
// output is that request's payload type, and that no request type is forgotten.

import {
  MAX_EMAIL_LENGTH,
  MAX_ID_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_TEXT_LENGTH,
  type RequestMessage,
  type RequestOf,
  type RequestType,
} from './protocol';
import {
  SchemaError,
  anything,
  array,
  boolean,
  dateOrEmpty,
  email,
  epochMs,
  integer,
  isPlainObject,
  nullable,
  object,
  oneOf,
  optional,
  refine,
  string,
  type Schema,
} from './schema';

/**
 * Most series keys the content script asks counts for at once (a busy month view), and most
 * occurrences it reports at once.
 */
export const MAX_SERIES_KEYS = 500;

const id = string({ max: MAX_ID_LENGTH, nonBlank: true });
/** A reference to a meeting that may be absent ('' = not tied to a meeting). */
const idOrEmpty = string({ max: MAX_ID_LENGTH });
const personEmail = email({ max: MAX_EMAIL_LENGTH });
/** Item text, talking points, project names: something must be written. */
const line = string({ max: MAX_TEXT_LENGTH, nonBlank: true });
/** Titles, display names, descriptions, roles: may be empty. */
const text = string({ max: MAX_TEXT_LENGTH });
const noteText = string({ max: MAX_NOTE_LENGTH });
const owner = oneOf('me', 'them');
const wellbeing = nullable(oneOf(1, 2, 3, 4, 5));
const cadenceDays = integer(1, 365);
const share = integer(0, 100);
const projectStatus = oneOf('active', 'paused', 'done');
const flag = oneOf(0, 1);

const actionItemRecord = refine(
  object({
    id,
    personEmail,
    text: line,
    owner,
    due: dateOrEmpty,
    meetingEid: idOrEmpty,
    createdAt: epochMs,
    updatedAt: epochMs,
    doneAt: nullable(epochMs),
    open: flag,
  }),
  (item) =>
    item.open === (item.doneAt === null ? 1 : 0)
      ? null
      : 'open: must be 1 exactly when doneAt is null',
);

const eventRef = object({
  eid: id,
  // '' when Calendar's eid did not decode to an event id (calendar/types.ts).
  seriesKey: idOrEmpty,
  title: text,
  start: nullable(epochMs),
  recurrenceDays: optional(nullable(cadenceDays)),
});
const counterpart = object({ email: personEmail, name: text });
/** crypto.randomUUID() as the content script makes it (panel-channel.ts). */
const channelNonce = string({ max: 64, nonBlank: true });

export const requestSchemas: { [T in RequestType]: Schema<RequestOf<T>> } = {
  openOneOnOne: object({ event: eventRef, person: counterpart }),
  // person null: the content script's classifier did not call it a 1:1.
  showEvent: object({ event: eventRef, person: nullable(counterpart) }),
  getSeriesOverride: object({ seriesKey: id }),
  setSeriesOverride: refine(
    object({
      seriesKey: id,
      decision: oneOf('one-on-one', 'not-one-on-one'),
      // The counterpart only matters for a 1:1; "not a 1:1" may name nobody.
      personEmail: email({ max: MAX_EMAIL_LENGTH, allowEmpty: true }),
      personName: text,
    }),
    (override) =>
      override.decision === 'one-on-one' && override.personEmail === ''
        ? 'personEmail: required when decision is "one-on-one"'
        : null,
  ),
  clearSeriesOverride: object({ seriesKey: id }),
  getMeetingNotesBefore: object({ personEmail, before: epochMs }),
  saveNote: object({ meetingEid: id, text: noteText, wellbeing }),
  addActionItem: object({
    id: optional(id),
    personEmail,
    text: line,
    owner,
    due: dateOrEmpty,
    meetingEid: idOrEmpty,
  }),
  updateActionItem: object({
    id,
    text: optional(line),
    owner: optional(owner),
    due: optional(dateOrEmpty),
  }),
  setActionItemDone: object({ id, done: boolean }),
  deleteActionItem: object({ id }),
  restoreActionItem: object({ item: actionItemRecord }),
  addTalkingPoint: object({ id: optional(id), personEmail, text: line }),
  setTalkingPointDiscussed: object({ id, discussed: boolean, meetingEid: idOrEmpty }),
  deleteTalkingPoint: object({ id }),
  getOpenItemCounts: object({ seriesKeys: array(id, { max: MAX_SERIES_KEYS }) }),
  openPanelChannel: object({ nonce: channelNonce }),
  claimPanelChannel: object({ nonce: channelNonce }),
  recordSeenOccurrences: object({
    occurrences: array(object({ eid: id, seriesKey: id, start: epochMs }), {
      max: MAX_SERIES_KEYS,
    }),
  }),
  addPerson: object({ email: personEmail, name: text }),
  upsertPerson: object({
    email: personEmail,
    name: text,
    cadenceDays: optional(cadenceDays),
    profileNotes: optional(noteText),
  }),
  updatePerson: object({
    email: personEmail,
    name: optional(text),
    cadenceDays: optional(cadenceDays),
    profileNotes: optional(noteText),
    archived: optional(boolean),
  }),
  createProject: object({
    id: optional(id),
    name: line,
    description: optional(text),
    status: optional(projectStatus),
  }),
  updateProject: object({
    id,
    name: optional(line),
    description: optional(text),
    status: optional(projectStatus),
    archived: optional(boolean),
    startDate: optional(dateOrEmpty),
    endDate: optional(dateOrEmpty),
  }),
  assignPerson: object({ personEmail, projectId: id, share, role: optional(text) }),
  unassignPerson: object({ personEmail, projectId: id }),
  // The store's parseBackup checks the whole file (every record, every reference).
  importBackup: object({ backup: anything }),
  deleteAllData: object({ confirm: oneOf('delete everything') }),
};

export type Validated = { ok: true; request: RequestMessage } | { ok: false; error: string };

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
    if (error instanceof SchemaError) return { ok: false, error: error.message };
    throw error;
  }
}
