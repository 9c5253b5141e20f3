// The background's request handler: sender check → message shape → payload schema → one store
// call → Reply. It never rejects: every failure becomes `{ ok: false, error }`. Writes notify
// open panels and pages with the people whose data changed.

import type { PanelData } from '../domain/records';
import type { Browser } from 'wxt/browser';
import {
  StoreError,
  addActionItem,
  addFeedbackEntry,
  addPerson,
  addStandingTopic,
  addTalkingPoint,
  assignPerson,
  assignmentsForProject,
  createProject,
  deleteActionItem,
  deleteAllData,
  deleteFeedbackEntry,
  deleteStandingTopic,
  getSeriesOverride,
  importBackup,
  meetingNotesBefore,
  openEventPanel,
  openItemCountsBySeries,
  openOneOnOne,
  parseBackup,
  recordSeenOccurrences,
  recordUpcomingOccurrences,
  restoreActionItem,
  saveNote,
  setActionItemDone,
  setSeriesOverride,
  setStandingTopicDiscussed,
  setTalkingPointDiscussed,
  unassignPerson,
  updateActionItem,
  updatePerson,
  updateProject,
  updateFeedbackEntry,
  updateStandingTopic,
  type CbcDatabase,
} from '@/utils/store';
import { fixedDatabase, type DatabaseSlot } from '@/utils/store/database-slot';
import type { Problem, ProblemWording } from '@/utils/domain/problems';
import type { Email } from '@/utils/domain/records';
import type { DataChanged, Reply, RequestOf, RequestType, ResponseOf } from './protocol';
import type { ParsedBackup } from '@/utils/store/backup-validation';
import {
  createImportRuns,
  IMPORT_RUNNING_MESSAGE,
  type ImportRuns,
  type StagedReading,
} from './import-runs';
import type { ChangeAudience } from './changes';
import { changesOpenItemCount } from './open-items-badge';
import { createPanelChannels, type PanelChannels } from './panel-channels';
import { senderRole, type SenderPolicy } from './sender';
import { validateRequest } from './validate';

/** What an operation did: its answer, and whose data it changed (null for a pure read). */
interface Outcome<T extends RequestType> {
  value: ResponseOf<T>;
  /** [] when the change is not about particular people: everything may have changed. */
  changed: Email[] | null;
  /** Whether chip badges may differ; unset: decided by the request type (CHIP_BADGE_WRITES). */
  chipBadges?: boolean;
  /** The answer is all the sender needs to know of the change: it is not told again. */
  answersSender?: boolean;
}

type Operation<T extends RequestType> = (
  db: CbcDatabase,
  payload: RequestOf<T>,
  now: number,
) => Promise<Outcome<T>>;

function read<T>(value: T): { value: T; changed: null } {
  return { value, changed: null };
}

function wrote<T>(value: T, ...emails: Email[]): { value: T; changed: Email[] } {
  return { value, changed: [...new Set(emails.filter((email) => email !== ''))] };
}

/**
 * Records made by an open carry that call's `now`: other views learn of a new person or meeting
 * (days since the last 1:1); re-opening a known occurrence stays a read. The panel that opened
 * it has the answer already. Chip badges change only when the series was not known as a 1:1
 * before: a new person, or the first meeting of the series.
 */
async function opened<T extends RequestType>(
  db: CbcDatabase,
  value: ResponseOf<T>,
  panel: PanelData | null,
  now: number,
): Promise<Outcome<T>> {
  if (panel === null) return read(value);
  const { person, meeting } = panel;
  if (meeting.createdAt !== now && person.createdAt !== now) return read(value);
  const newSeries =
    person.createdAt === now ||
    (meeting.seriesKey !== '' &&
      (await db.meetings.where('seriesKey').equals(meeting.seriesKey).limit(2).count()) < 2);
  return { ...wrote(value, person.email), chipBadges: newSeries, answersSender: true };
}

/** Writes after which a chip badge may show another count or name (besides opening a 1:1). */
const CHIP_BADGE_WRITES: ReadonlySet<RequestType> = new Set<RequestType>([
  'setSeriesOverride',
  'updatePerson',
]);

/** The requests about the panel's channel: they depend on the sender's tab, not on the store. */
type ChannelRequest = 'openPanelChannel' | 'claimPanelChannel';
type StoreRequest = Exclude<RequestType, ChannelRequest | SlotRequest>;

/**
 * All a content script may ask: it runs beside Calendar's page and draws only the chip badges,
 * so it gets their counts, reports the started occurrences of known 1:1 series the grid shows
 * (what the page shows anyway: eid, series, start), and announces its panel's channel. Notes, items and everything else
 * are read and written by the panel's frame and the popup, in the extension's origin.
 */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'getOpenItemCounts',
  'recordSeenOccurrences',
  'openPanelChannel',
]);

const operations: { [T in StoreRequest]: Operation<T> } = {
  async openOneOnOne(db, payload, now) {
    const panel = await openOneOnOne(db, payload, now);
    return opened(db, panel, panel, now);
  },
  async showEvent(db, payload, now) {
    const shown = await openEventPanel(db, payload, now);
    return opened(db, shown, shown.panel, now);
  },
  getSeriesOverride: async (db, { seriesKey }) => read(await getSeriesOverride(db, seriesKey)),
  async setSeriesOverride(db, payload, now) {
    const previous = await getSeriesOverride(db, payload.seriesKey);
    const override = await setSeriesOverride(db, payload, now);
    return wrote(override, previous?.personEmail ?? '', override.personEmail);
  },
  getMeetingNotesBefore: async (db, { personEmail, before }) =>
    read(await meetingNotesBefore(db, personEmail, before)),
  async saveNote(db, payload, now) {
    const note = await saveNote(db, payload, now);
    return wrote(note, note.personEmail);
  },
  async addActionItem(db, payload, now) {
    const item = await addActionItem(db, payload, now);
    return wrote(item, item.personEmail);
  },
  async updateActionItem(db, payload, now) {
    const item = await updateActionItem(db, payload, now);
    return wrote(item, item.personEmail);
  },
  async setActionItemDone(db, { id, personEmail, done }, now) {
    const item = await setActionItemDone(db, id, done, now, personEmail);
    return wrote(item, item.personEmail);
  },
  async deleteActionItem(db, { id, personEmail }) {
    const item = await deleteActionItem(db, id, personEmail);
    return wrote(item, item.personEmail);
  },
  async restoreActionItem(db, { item }) {
    const restored = await restoreActionItem(db, item);
    return wrote(restored, restored.personEmail);
  },
  async addTalkingPoint(db, payload, now) {
    const point = await addTalkingPoint(db, payload, now);
    return wrote(point, point.personEmail);
  },
  async setTalkingPointDiscussed(db, { id, personEmail, discussed, meetingEid }, now) {
    const point = await setTalkingPointDiscussed(db, id, discussed, meetingEid, now, personEmail);
    return wrote(point, point.personEmail);
  },
  // A topic of the default set ('') is everyone's: the change is told as "anything may have".
  async addStandingTopic(db, payload, now) {
    const topic = await addStandingTopic(db, payload, now);
    return wrote(topic, topic.personEmail);
  },
  async updateStandingTopic(db, payload, now) {
    const topic = await updateStandingTopic(db, payload, now);
    return wrote(topic, topic.personEmail);
  },
  async deleteStandingTopic(db, { id }) {
    const topic = await deleteStandingTopic(db, id);
    return wrote(topic, topic.personEmail);
  },
  async setStandingTopicDiscussed(db, payload, now) {
    const discussion = await setStandingTopicDiscussed(db, payload, now);
    const meeting = await db.meetings.get(payload.meetingEid);
    return wrote(discussion, meeting?.personEmail ?? '');
  },
  async addFeedbackEntry(db, payload, now) {
    const entry = await addFeedbackEntry(db, payload, now);
    return wrote(entry, entry.personEmail);
  },
  async updateFeedbackEntry(db, payload, now) {
    const entry = await updateFeedbackEntry(db, payload, now);
    return wrote(entry, entry.personEmail);
  },
  async deleteFeedbackEntry(db, { id, personEmail }) {
    const entry = await deleteFeedbackEntry(db, id, personEmail);
    return wrote(entry, entry.personEmail);
  },
  async recordSeenOccurrences(db, { occurrences }, now) {
    const { recorded, personEmails } = await recordSeenOccurrences(db, occurrences, now);
    // The ones to come go to the Week ahead's cache, which only the popup reads (it re-reads
    // on its own): nobody is told of that.
    await recordUpcomingOccurrences(db, occurrences, now);
    // Nothing new (the common case: chips seen before) is a read: nobody is told of a change.
    return recorded === 0 ? read({ recorded }) : wrote({ recorded }, ...personEmails);
  },
  getOpenItemCounts: async (db, { seriesKeys }) =>
    read(await openItemCountsBySeries(db, seriesKeys)),
  async addPerson(db, payload, now) {
    const person = await addPerson(db, payload, now);
    return wrote(person, person.email);
  },
  async updatePerson(db, payload, now) {
    const person = await updatePerson(db, payload, now);
    return wrote(person, person.email);
  },
  async createProject(db, payload, now) {
    // A new project has nobody assigned yet: nothing per person to refresh, hence [].
    return wrote(await createProject(db, payload, now));
  },
  async updateProject(db, payload, now) {
    const project = await updateProject(db, payload, now);
    const assigned = await assignmentsForProject(db, project.id);
    return wrote(project, ...assigned.map((assignment) => assignment.personEmail));
  },
  async assignPerson(db, payload) {
    const assignment = await assignPerson(db, payload);
    return wrote(assignment, assignment.personEmail);
  },
  async unassignPerson(db, { personEmail, projectId }) {
    await unassignPerson(db, personEmail, projectId);
    return wrote(null, personEmail);
  },
};

/**
 * The requests that act on the database slot rather than on one database: an import and "Delete
 * all data" replace the whole content (database-slot.ts); the import's progress and Cancel are
 * answered while it runs, so they never wait for the database.
 */
type SlotRequest =
  | 'importBackup'
  | 'importBackupFile'
  | 'stageBackupFile'
  | 'getImportProgress'
  | 'cancelImport'
  | 'deleteAllData';

type SlotOperation<T extends SlotRequest> = (
  slot: DatabaseSlot,
  payload: RequestOf<T>,
  imports: ImportRuns,
  deps: RequestHandlerDeps,
) => Promise<Outcome<T>>;

/** Validates a backup (an object, or a file's text) whole, then replaces the data with it. */
async function importWhole<T extends 'importBackup' | 'importBackupFile'>(
  slot: DatabaseSlot,
  backup: unknown,
  imports: ImportRuns,
): Promise<Outcome<T>> {
  return importParsed(slot, parseBackup(backup), imports);
}

/** Replaces the data with a backup parseBackup read, or refuses what it refused. */
async function importParsed<T extends 'importBackup' | 'importBackupFile'>(
  slot: DatabaseSlot,
  parsed: ParsedBackup,
  imports: ImportRuns,
): Promise<Outcome<T>> {
  if (!parsed.ok) throw new StoreError(parsed.error);
  const data = parsed.backup.data;
  const total = Object.values(data).reduce((sum, records) => sum + records.length, 0);
  const run = imports.start(total);
  if (!run) throw new StoreError(IMPORT_RUNNING_MESSAGE, { key: 'problemImportRunning' });
  try {
    return wrote(await slot.replace((target) => importBackup(target, parsed.backup, run)));
  } finally {
    run.finish();
  }
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

export const BACKUP_FILE_UNREADABLE_MESSAGE =
  'The backup file could not be read (was the popup closed?), so nothing was changed.';

/**
 * The text of a file an extension page made a `blob:` URL of. Only this extension's own
 * origin: a URL of any other (or of no file) is refused before anything is fetched.
 */
async function readBackupFile(url: string, deps: RequestHandlerDeps): Promise<string> {
  const own = `blob:${deps.extensionOrigin.replace(/\/+$/, '')}/`;
  if (!url.startsWith(own)) {
    throw new StoreError('Refused: the backup file is not one of this extension.', {
      key: 'problemUnreadable',
    });
  }
  try {
    return await (deps.readFile ?? fetchText)(url);
  } catch {
    throw new StoreError(BACKUP_FILE_UNREADABLE_MESSAGE, { key: 'problemUnreadable' });
  }
}

const slotOperations: { [T in SlotRequest]: SlotOperation<T> } = {
  importBackup: (slot, { backup }, imports) => importWhole(slot, backup, imports),
  async importBackupFile(slot, { url }, imports, deps) {
    // Refused before the file is read and parsed (tens of MB) only to be refused after.
    if (imports.progress() !== null) {
      throw new StoreError(IMPORT_RUNNING_MESSAGE, { key: 'problemImportRunning' });
    }
    // Read and checked while the preview was shown (stageBackupFile): only the writes are left.
    // A staged reading that failed is tried again here, and reported if it fails again.
    const staged = await imports.takeStaged(url);
    if (staged && !('unreadable' in staged)) return importParsed(slot, staged, imports);
    return importWhole(slot, await readBackupFile(url, deps), imports);
  },
  async stageBackupFile(_slot, { url }, imports, deps) {
    // Whose file it is, checked at once (readBackupFile refuses any other origin's URL).
    const reading: StagedReading = readBackupFile(url, deps).then(
      parseBackup,
      (error: unknown) => ({
        unreadable: error,
      }),
    );
    imports.stage(url, reading);
    const result = await reading;
    if ('unreadable' in result) throw result.unreadable;
    if (!result.ok) throw new StoreError(result.error);
    return read(null);
  },
  getImportProgress: async (_slot, _payload, imports) => read(imports.progress()),
  cancelImport: async (_slot, _payload, imports) => read({ cancelled: imports.cancel() }),
  async deleteAllData(slot) {
    // Answered once the old data is deleted, not merely replaced: gone when it says so.
    await slot.replace((target) => deleteAllData(target), { awaitDeletion: true });
    return wrote(null);
  },
};

const SLOT_REQUESTS: ReadonlySet<RequestType> = new Set(
  Object.keys(slotOperations) as SlotRequest[],
);

export interface RequestHandlerDeps extends SenderPolicy {
  /** The database, replaced in place by an import (tests); or `database`. */
  db?: CbcDatabase;
  /** The background's slot, whose imports write a new database (database-slot.ts). */
  database?: DatabaseSlot;
  now?: () => number;
  notify: (change: DataChanged, audience: ChangeAudience) => void;
  /** Called after every request that wrote, with its type (e.g. to recount the badge). */
  onWrite?: (type: RequestType) => void;
  panelChannels?: PanelChannels;
  /** Reads a `blob:` URL's text for importBackupFile; fetch() unless a test passes its own. */
  readFile?: (url: string) => Promise<string>;
  /** The running import (tests pass their own to act on its progress). */
  imports?: ImportRuns;
  /**
   * Words a refusal for people in the browser's UI language; the English message of the error
   * goes beside it as `detail`. Without it (tests of the store's messages) replies carry that
   * English message alone.
   */
  wording?: ProblemWording;
}

export type RequestHandler = (
  message: unknown,
  sender: Browser.runtime.MessageSender,
) => Promise<Reply<unknown>>;

function isStoreError(error: unknown): error is Error {
  return error instanceof StoreError || (error instanceof Error && error.name === 'StoreError');
}

/** What the user reads when IndexedDB refuses a write for lack of space. */
export const STORAGE_FULL_MESSAGE =
  'Browser storage is full, so this was not saved. Free some disk space, then try again.';

const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * Whether the error is (or wraps) the browser's quota error. IndexedDB reports it as a
 * DOMException named QuotaExceededError (Firefox: NS_ERROR_DOM_QUOTA_REACHED); Dexie keeps the
 * name or wraps it (an AbortError whose `inner` is the quota error).
 */
export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string' && QUOTA_ERROR_NAMES.has(name)) return true;
    current = inner ?? cause;
  }
  return false;
}

export function createRequestHandler(deps: RequestHandlerDeps): RequestHandler {
  const now = deps.now ?? Date.now;
  const channels = deps.panelChannels ?? createPanelChannels(now);
  const imports = deps.imports ?? createImportRuns();
  const slot = deps.database ?? (deps.db ? fixedDatabase(deps.db) : null);
  if (!slot) throw new Error('createRequestHandler needs a database');
  const refuse = (message: string, problem: Problem | undefined): Reply<never> =>
    problem && deps.wording
      ? { ok: false, error: deps.wording(problem.key, problem.values), detail: message }
      : { ok: false, error: message };
  return async (message, sender) => {
    const role = senderRole(sender, deps);
    if (role === null) return { ok: false, error: 'Refused: not sent by this extension.' };
    const validated = validateRequest(message);
    if (!validated.ok) {
      return refuse(validated.error, validated.problem ?? { key: 'problemUnreadable' });
    }
    const { type, payload } = validated.request;
    if (role === 'content-script' && !CONTENT_SCRIPT_REQUESTS.has(type)) {
      return { ok: false, error: `Refused: ${type} is not served to content scripts.` };
    }
    const tabId = sender.tab?.id;
    if (type === 'openPanelChannel' || type === 'claimPanelChannel') {
      const { nonce } = payload as RequestOf<ChannelRequest>;
      if (tabId === undefined) return { ok: false, error: `Refused: ${type} needs a tab.` };
      if (type === 'claimPanelChannel') {
        if (role !== 'extension-page') {
          return { ok: false, error: 'Refused: only the panel claims its channel.' };
        }
        return { ok: true, value: channels.claim(nonce, tabId) };
      }
      if (role !== 'content-script') {
        return { ok: false, error: 'Refused: only the content script opens a panel channel.' };
      }
      channels.open(nonce, tabId);
      return { ok: true, value: null };
    }
    let outcome: Outcome<RequestType>;
    try {
      if (SLOT_REQUESTS.has(type)) {
        const operation = slotOperations[type as SlotRequest] as SlotOperation<SlotRequest>;
        outcome = await operation(slot, payload as never, imports, deps);
      } else {
        const operation = operations[type as StoreRequest] as Operation<RequestType>;
        outcome = await operation(await slot.current(), payload, now());
      }
    } catch (error) {
      if (isStoreError(error)) return refuse(error.message, (error as StoreError).problem);
      if (isQuotaError(error)) return refuse(STORAGE_FULL_MESSAGE, { key: 'problemStorageFull' });
      console.error(`Craft Beyond Code: ${type} failed`, error);
      const detail = error instanceof Error ? error.message : String(error);
      return refuse(`Internal error: ${detail}`, { key: 'problemInternal', values: { detail } });
    }
    if (outcome.changed !== null) {
      try {
        const chipBadges =
          outcome.chipBadges ?? (changesOpenItemCount(type) || CHIP_BADGE_WRITES.has(type));
        deps.notify(
          { type: 'dataChanged', personEmails: outcome.changed },
          outcome.answersSender ? { chipBadges, except: sender } : { chipBadges },
        );
      } catch (error) {
        // The write happened; a failing listener must not turn it into an error reply.
        console.error('Craft Beyond Code: change notification failed', error);
      }
      try {
        deps.onWrite?.(type);
      } catch (error) {
        console.error('Craft Beyond Code: after-write work failed', error);
      }
    }
    return { ok: true, value: outcome.value };
  };
}
