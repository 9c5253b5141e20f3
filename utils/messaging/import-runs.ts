// The background's running import, if any: one at a time, with its progress for the popup to
// show and a way to call it off (backup.ts importBackup stops at its next chunk and changes
// nothing). And the file staged for the next import: read and checked while the popup shows its
// preview, kept for one import of the same URL.

import type { ImportProgress } from '@/utils/store/backup';
import type { ParsedBackup } from '@/utils/store/backup-validation';

/** A staged file is dropped after this long without its import (the user looked and left). */
export const STAGED_FILE_TTL_MS = 5 * 60_000;

/** A staged file's reading: the checked backup, or why it could not be read. */
export type StagedReading = Promise<ParsedBackup | { unreadable: unknown }>;

export interface ImportRun {
  signal: AbortSignal;
  onProgress(progress: ImportProgress): void;
  /** The import ended (imported, failed or cancelled). */
  finish(): void;
}

export interface ImportRuns {
  /** Starts a run, or null while another one is under way. */
  start(total: number): ImportRun | null;
  /** Calls the running import off; false when none runs. */
  cancel(): boolean;
  /** The running import's progress, or null when none runs. */
  progress(): ImportProgress | null;
  /** Keeps the reading of `url` for its import (one at a time: a new one replaces it). */
  stage(url: string, reading: StagedReading): void;
  /** The staged reading of `url`, handed out once; undefined when another file (or none) is. */
  takeStaged(url: string): StagedReading | undefined;
}

export const IMPORT_RUNNING_MESSAGE =
  'Another import is still running. Wait for it to finish, or cancel it, then try again.';

export function createImportRuns(): ImportRuns {
  let running: { controller: AbortController; progress: ImportProgress } | null = null;
  let staged: {
    url: string;
    reading: StagedReading;
    expiry: ReturnType<typeof setTimeout>;
  } | null = null;
  const dropStaged = () => {
    if (staged) clearTimeout(staged.expiry);
    staged = null;
  };
  return {
    start(total) {
      if (running) return null;
      const run = { controller: new AbortController(), progress: { written: 0, total } };
      running = run;
      return {
        signal: run.controller.signal,
        onProgress(progress) {
          run.progress = progress;
        },
        finish() {
          if (running === run) running = null;
        },
      };
    },
    cancel() {
      if (!running) return false;
      running.controller.abort();
      return true;
    },
    progress: () => (running ? { ...running.progress } : null),
    stage(url, reading) {
      dropStaged();
      staged = { url, reading, expiry: setTimeout(dropStaged, STAGED_FILE_TTL_MS) };
    },
    takeStaged(url) {
      if (staged?.url !== url) return undefined;
      const { reading } = staged;
      dropStaged();
      return reading;
    },
  };
}
