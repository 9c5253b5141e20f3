// The background's running import, if any: one at a time, with its progress for the popup to
// show and a way to call it off (backup.ts importBackup stops at its next chunk and changes
// nothing).

import type { ImportProgress } from '@/utils/store/backup';

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
}

export const IMPORT_RUNNING_MESSAGE =
  'Another import is still running. Wait for it to finish, or cancel it, then try again.';

export function createImportRuns(): ImportRuns {
  let running: { controller: AbortController; progress: ImportProgress } | null = null;
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
  };
}
