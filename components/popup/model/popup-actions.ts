// The popup's actions: writes go to the background (the single writer) through sendRequest;
// reads that an action needs (export, preview, search) come straight from the store.

import { historyWords } from './history-words';
import {
  feedbackLog,
  standingTopicsFor,
  exportBackupBlob,
  parseBackup,
  personHistoryMarkdown,
  previewImport,
  type CbcDatabase,
} from '@/utils/store';
import type { sendRequest } from '@/utils/messaging/client';
import type { PopupActions, PreparedImport } from '../popup-data';
import { calendarDayOf, searchWithContext } from './popup-queries';

export type SendRequest = typeof sendRequest;

export interface PopupActionDeps {
  db: CbcDatabase;
  send: SendRequest;
  now: () => number;
  download: (blob: Blob, fileName: string) => void;
  /** Asks the browser to keep our storage, then refreshes the shown state. */
  requestPersistence: () => Promise<unknown>;
  /** Asks the browser for the host permission on Google Calendar. */
  requestCalendarAccess: () => Promise<boolean>;
}

export function backupFileName(now: number): string {
  return `craft-beyond-code-backup-${calendarDayOf(now)}.json`;
}

/** '1-1-notes-ada-lovelace-2025-03-03.md': safe on every file system. */
export function historyFileName(personName: string, now: number): string {
  const slug =
    personName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'person';
  return `1-1-notes-${slug}-${calendarDayOf(now)}.md`;
}

/** Every action but the "Hide notes" switch, which is state of the model (use-popup-model.ts). */
export function createPopupActions(
  deps: PopupActionDeps,
): Omit<PopupActions, 'toggleScreenShareSafe'> {
  const { db, send, now, download } = deps;
  // The file each previewed backup was read from, as a blob: URL the background reads itself
  // (importBackupFile), ~0.15 s for 40 MB where the parsed backup as a message took ~1 s. The
  // background reads and checks it while the preview is shown (stageBackupFile), so that
  // Confirm import leaves it only the writes (~0.5 s less for the large data set's 43 MB).
  const urlOf = new WeakMap<object, string>();
  let previewedUrl: string | null = null;
  return {
    requestCalendarAccess: deps.requestCalendarAccess,

    setItemDone: (id, done, personEmail) => send('setActionItemDone', { id, personEmail, done }),
    setItemDue: (id, due, personEmail) => send('updateActionItem', { id, personEmail, due }),

    addPerson: ({ email, name }) => send('addPerson', { email, name }),
    renamePerson: (email, name) => send('updatePerson', { email, name }),
    setProfileNotes: (email, profileNotes) => send('updatePerson', { email, profileNotes }),
    setCadence: (email, cadenceDays) => send('updatePerson', { email, cadenceDays }),
    setArchived: (email, archived) => send('updatePerson', { email, archived }),
    exportHistory: async (email) => {
      const at = now();
      const [markdown, person] = await Promise.all([
        personHistoryMarkdown(db, email, at, historyWords()),
        db.people.get(email),
      ]);
      download(
        new Blob([markdown], { type: 'text/markdown;charset=utf-8' }),
        historyFileName(person?.name || email.split('@')[0] || email, at),
      );
    },

    loadPreparation: async (email) => {
      const [topics, feedback] = await db.transaction(
        'r',
        [db.standingTopics, db.feedbackPacks],
        () => Promise.all([standingTopicsFor(db, email), feedbackLog(db, email)]),
      );
      return { topics, feedback };
    },
    // The default set is the topics stored for '' (nobody in particular).
    loadDefaultTopics: async () =>
      (await db.standingTopics.where('personEmail').equals('').toArray()).sort(
        (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
      ),
    addStandingTopic: (input) => send('addStandingTopic', input),
    updateStandingTopic: (id, changes) => send('updateStandingTopic', { id, ...changes }),
    deleteStandingTopic: (id) => send('deleteStandingTopic', { id }),
    addFeedbackEntry: (input) => send('addFeedbackEntry', { ...input, meetingEid: '' }),
    updateFeedbackEntry: (id, personEmail, changes) =>
      send('updateFeedbackEntry', { id, personEmail, ...changes }),
    deleteFeedbackEntry: (id, personEmail) => send('deleteFeedbackEntry', { id, personEmail }),

    createProject: (name) => send('createProject', { name }),
    updateProject: (input) => send('updateProject', input),
    assignPerson: (input) => send('assignPerson', input),
    unassignPerson: (personEmail, projectId) => send('unassignPerson', { personEmail, projectId }),

    search: (query) => searchWithContext(db, query),

    exportBackup: async () => {
      const at = now();
      // Built a table and a few thousand records at a time: no string of the whole file.
      download(await exportBackupBlob(db, at), backupFileName(at));
    },
    prepareImport: async (file): Promise<PreparedImport> => {
      // One file previewed at a time: the one before is let go.
      if (previewedUrl) URL.revokeObjectURL(previewedUrl);
      const url = URL.createObjectURL(file);
      previewedUrl = url;
      // The background's own reading runs beside this one; what it finds, Confirm hears.
      send('stageBackupFile', { url }).catch(() => undefined);
      // The whole file is validated before anything is shown or written.
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) return parsed;
      urlOf.set(parsed.backup, url);
      return { ok: true, backup: parsed.backup, preview: await previewImport(db, parsed.backup) };
    },
    importBackup: async (backup) => {
      const url = typeof backup === 'object' && backup !== null ? urlOf.get(backup) : undefined;
      if (!url) return send('importBackup', { backup });
      try {
        return await send('importBackupFile', { url });
      } finally {
        if (previewedUrl === url) previewedUrl = null;
        URL.revokeObjectURL(url);
      }
    },
    importProgress: () => send('getImportProgress', {}),
    cancelImport: () => send('cancelImport', {}),
    requestPersistence: deps.requestPersistence,
    deleteAllData: () => send('deleteAllData', { confirm: 'delete everything' }),
  };
}
