// A Dexie liveQuery as a Preact hook: re-runs the query whenever the tables it read change,
// including writes made by the background service worker (Dexie broadcasts them to same-origin
// pages), so the popup stays current while the background stays the single writer.

import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export interface LiveValue<T> {
  /** undefined until the first result. */
  value: T | undefined;
  error: string | null;
}

export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveValue<T> {
  const [state, setState] = useState<LiveValue<T>>({ value: undefined, error: null });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: null }),
      error: (failure: unknown) =>
        setState((current) => ({
          value: current.value,
          error: failure instanceof Error ? failure.message : String(failure),
        })),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return state;
}
