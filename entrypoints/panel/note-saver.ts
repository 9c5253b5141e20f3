// Never lose a word: the notes editor's drafts wait here until the background has stored them.
// Edits are debounced; flush() writes at once (blur, popover closed, event switched, navigation,
// pagehide). A failed write stays queued and is retried with backoff, and at once when the
// service worker comes back (retryNow). Writes go one at a time, so an older text can never land
// after a newer one.

import type { NoteStatus } from '@/components/panel/panel-view';
import type { Wellbeing } from '@/utils/domain/records';

export interface NoteDraft {
  meetingEid: string;
  text: string;
  wellbeing: Wellbeing | null;
}

export interface NoteSaverOptions {
  save: (draft: NoteDraft) => Promise<unknown>;
  /** The extension is gone: nothing can be saved any more. */
  isFatal: (error: unknown) => boolean;
  onStatus: (status: NoteStatus) => void;
  onFatal: () => void;
  /** Called after each successful write (e.g. to refresh what depends on it). */
  onSaved?: (draft: NoteDraft) => void;
  /** A write failed and will be retried: why, for the user (e.g. browser storage is full). */
  onError?: (error: unknown) => void;
  debounceMs?: number;
  retryDelaysMs?: readonly number[];
}

export interface NoteSaver {
  edit(draft: NoteDraft): void;
  flush(): Promise<void>;
  retryNow(): Promise<void>;
  /** The unsaved draft of an occurrence, if any. */
  pending(meetingEid: string): NoteDraft | undefined;
  dispose(): void;
}

const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000];

export function createNoteSaver(options: NoteSaverOptions): NoteSaver {
  const debounceMs = options.debounceMs ?? 600;
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const queue = new Map<string, NoteDraft>();
  /** The draft being written right now (still "pending" for readers until it is stored). */
  let inFlight: NoteDraft | null = null;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let running: Promise<void> | null = null;
  let runAgain = false;
  let disposed = false;

  let lastStatus: NoteStatus = 'idle';
  const status = (value: NoteStatus) => {
    if (disposed || value === lastStatus) return;
    lastStatus = value;
    options.onStatus(value);
  };

  async function writeQueue(): Promise<void> {
    do {
      runAgain = false;
      for (const [eid, draft] of [...queue]) {
        if (disposed) return;
        queue.delete(eid);
        inFlight = draft;
        try {
          await options.save(draft);
          failures = 0;
          inFlight = null;
          options.onSaved?.(draft);
        } catch (error) {
          inFlight = null;
          // A newer edit of the same note supersedes the one that failed.
          if (!queue.has(eid)) queue.set(eid, draft);
          if (options.isFatal(error)) {
            disposed = true;
            options.onFatal();
            return;
          }
          options.onError?.(error);
          const delay = retryDelays[Math.min(failures, retryDelays.length - 1)];
          failures++;
          status('retrying');
          clearTimeout(retryTimer);
          retryTimer = setTimeout(() => void flush(), delay);
          return;
        }
      }
    } while (runAgain && queue.size > 0);
    if (queue.size === 0) status('saved');
  }

  function flush(): Promise<void> {
    clearTimeout(debounceTimer);
    debounceTimer = undefined;
    if (disposed || queue.size === 0) return running ?? Promise.resolve();
    if (running) {
      runAgain = true;
      return running;
    }
    running = writeQueue().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    edit(draft) {
      if (disposed) return;
      queue.set(draft.meetingEid, draft);
      if (failures === 0) status('saving');
      clearTimeout(debounceTimer);
      debounceTimer = setTimeout(() => void flush(), debounceMs);
    },
    flush,
    retryNow() {
      clearTimeout(retryTimer);
      return flush();
    },
    pending(meetingEid) {
      return queue.get(meetingEid) ?? (inFlight?.meetingEid === meetingEid ? inFlight : undefined);
    },
    dispose() {
      disposed = true;
      clearTimeout(debounceTimer);
      clearTimeout(retryTimer);
    },
  };
}
