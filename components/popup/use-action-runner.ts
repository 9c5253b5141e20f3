// Runs a view's action and keeps its failure as a message for a role="alert" line: the
// background's errors (StoreError, validation) are written for the user.

import { useCallback, useState } from 'preact/hooks';
import { failureText } from '@/components/i18n/failure-text';

export interface ActionRunner {
  error: string | null;
  /** Runs the action; resolves true when it succeeded, false when it failed (error is set). */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  clearError: () => void;
}

export function useActionRunner(): ActionRunner {
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(failureText(failure));
      return false;
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { error, run, clearError };
}
