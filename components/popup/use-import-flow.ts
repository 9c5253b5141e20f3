// The steps of an import once the file is read and previewed: an optional safety export of what
// is there now, then the import itself (one request; the background validates and writes it in
// chunks, reporting how far it has got, and a Cancel while it writes leaves the earlier data as
// it was). No pause before the import: Cancel works while it writes, so a countdown would only
// add to what the user waits for. The view shows each step; only this hook knows their order.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ImportSummary } from '@/utils/messaging/protocol';

export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'safety' }
  /** `written` of `total` records, once the background reports them. */
  | { kind: 'importing'; written?: number; total?: number; cancelling?: boolean };

export type ImportOutcome =
  | { kind: 'imported'; summary: ImportSummary; safetySaved: boolean }
  | { kind: 'cancelled'; safetySaved: boolean }
  | { kind: 'failed'; stage: 'safety' | 'import'; detail: string };

export interface ImportFlowDeps {
  exportBackup: () => Promise<unknown>;
  importBackup: (backup: unknown) => Promise<ImportSummary>;
  importProgress?: () => Promise<{ written: number; total: number } | null>;
  cancelImport?: () => Promise<unknown>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The background's refusal of an import that was called off (utils/store/backup.ts). */
const CANCELLED = 'Import cancelled, nothing was changed.';

/** How often the progress of a running import is asked for. */
const PROGRESS_POLL_MS = 250;

export function useImportFlow(deps: ImportFlowDeps) {
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });
  // Each start gets a number; Cancel (or unmounting) retires it, and a retired run stops at
  // its next step.
  const current = useRef(0);
  useEffect(
    () => () => {
      current.current++;
    },
    [],
  );

  const start = useCallback(
    async (backup: unknown, safetyExport: boolean): Promise<ImportOutcome> => {
      const run = ++current.current;
      const live = () => current.current === run;
      let safetySaved = false;
      if (safetyExport) {
        setStep({ kind: 'safety' });
        try {
          await deps.exportBackup();
          safetySaved = true;
        } catch (error) {
          setStep({ kind: 'idle' });
          return { kind: 'failed', stage: 'safety', detail: message(error) };
        }
        if (!live()) return { kind: 'cancelled', safetySaved };
      }
      setStep({ kind: 'importing' });
      const poll = deps.importProgress
        ? setInterval(() => {
            void deps.importProgress?.().then(
              (progress) => {
                if (progress && current.current === run) {
                  setStep((shown) =>
                    shown.kind === 'importing' ? { ...shown, ...progress } : shown,
                  );
                }
              },
              () => undefined,
            );
          }, PROGRESS_POLL_MS)
        : undefined;
      try {
        const summary = await deps.importBackup(backup);
        return { kind: 'imported', summary, safetySaved };
      } catch (error) {
        if (message(error) === CANCELLED) return { kind: 'cancelled', safetySaved };
        return { kind: 'failed', stage: 'import', detail: message(error) };
      } finally {
        clearInterval(poll);
        if (current.current === run) setStep({ kind: 'idle' });
      }
    },
    [deps.exportBackup, deps.importBackup, deps.importProgress],
  );

  /**
   * Calls the run off. During the safety export it stops at once (true); while it writes, the
   * background is asked to stop it, and the run's outcome says whether it did (false: the
   * outcome is still to come, "cancelled" or, when it had just finished, "imported").
   */
  const cancel = useCallback((): boolean => {
    if (step.kind === 'importing') {
      if (!step.cancelling && deps.cancelImport) {
        setStep({ ...step, cancelling: true });
        void deps.cancelImport().catch(() => undefined);
      }
      return false;
    }
    current.current++;
    setStep({ kind: 'idle' });
    return true;
  }, [step, deps.cancelImport]);

  return { step, start, cancel };
}
