// The steps of an import once the file is read and previewed: an optional safety export of what
// is there now, a short pause in which it can still be called off, then the import itself (one
// request; the background validates and writes it in one transaction, so once sent it is no
// longer cancellable). The view shows each step; only this hook knows their order.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ImportSummary } from '@/utils/messaging/protocol';

export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'safety' }
  | { kind: 'waiting'; secondsLeft: number }
  | { kind: 'importing' };

export type ImportOutcome =
  | { kind: 'imported'; summary: ImportSummary; safetySaved: boolean }
  | { kind: 'cancelled'; safetySaved: boolean }
  | { kind: 'failed'; stage: 'safety' | 'import'; detail: string };

export interface ImportFlowDeps {
  exportBackup: () => Promise<unknown>;
  importBackup: (backup: unknown) => Promise<ImportSummary>;
  /** The pause before the import, in seconds, while Cancel still works. */
  graceSeconds: number;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useImportFlow(deps: ImportFlowDeps) {
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });
  // Each start gets a number; Cancel (or unmounting) retires it, and a retired run stops at
  // its next step.
  const current = useRef(0);
  const resumeWait = useRef<(() => void) | null>(null);
  useEffect(
    () => () => {
      current.current++;
      resumeWait.current?.();
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
      for (let left = deps.graceSeconds; left > 0; left--) {
        setStep({ kind: 'waiting', secondsLeft: left });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1000);
          resumeWait.current = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        resumeWait.current = null;
        if (!live()) return { kind: 'cancelled', safetySaved };
      }
      setStep({ kind: 'importing' });
      try {
        const summary = await deps.importBackup(backup);
        return { kind: 'imported', summary, safetySaved };
      } catch (error) {
        return { kind: 'failed', stage: 'import', detail: message(error) };
      } finally {
        if (live()) setStep({ kind: 'idle' });
      }
    },
    [deps.exportBackup, deps.importBackup, deps.graceSeconds],
  );

  /** Calls the run off, if it has not sent the import yet; true when it did. */
  const cancel = useCallback((): boolean => {
    if (step.kind === 'importing') return false;
    current.current++;
    resumeWait.current?.();
    setStep({ kind: 'idle' });
    return true;
  }, [step.kind]);

  return { step, start, cancel };
}
