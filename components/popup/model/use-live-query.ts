// A Dexie liveQuery as a Preact hook: re-runs the query whenever the tables it read change,
// including writes made by the background service worker (Dexie broadcasts them to same-origin
import { failureText } from '@/components/i18n/failure-text';
// pages), so the popup stays current while the background stays the single writer. Dexie only
// re-runs a query when a write touches the key ranges it read, so small, bounded queries are
// also cheap to keep live.

import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

export interface LiveValue<T> {
  /** undefined until the first result. */
  value: T | undefined;
  error: string | null;
}

/**
 * `enabled: false` holds the query back (nothing is read) until it turns true: the popup starts
 * its heavier reads only once its first list is on screen.
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: readonly unknown[],
  enabled = true,
): LiveValue<T> {
  const [state, setState] = useState<LiveValue<T>>({ value: undefined, error: null });
  // A layout effect subscribes right after the first render, before the browser paints it; a
  // plain effect would start the first read only after that paint, a frame later.
  useLayoutEffect(() => {
    if (!enabled) return;
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: null }),
      error: (failure: unknown) =>
        setState((current) => ({
          value: current.value,
          error: failureText(failure),
        })),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, [...deps, enabled]);
  return state;
}
