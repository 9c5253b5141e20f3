// Whether the browser keeps our data (navigator.storage.persisted) and how much we use.

import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StorageState } from '../popup-data';

export function useStorageState(storage: StorageManager | undefined): {
  state: StorageState;
  requestPersistence: () => Promise<boolean>;
} {
  const [state, setState] = useState<StorageState>({
    supported: Boolean(storage),
    persisted: null,
    usage: null,
    quota: null,
  });

  const refresh = useCallback(async () => {
    if (!storage) return;
    const [persisted, estimate] = await Promise.all([
      storage.persisted?.() ?? Promise.resolve(null),
      storage.estimate?.() ?? Promise.resolve(null),
    ]);
    setState({
      supported: true,
      persisted,
      usage: estimate?.usage ?? null,
      quota: estimate?.quota ?? null,
    });
  }, [storage]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const requestPersistence = useCallback(async () => {
    if (!storage?.persist) return false;
    const granted = await storage.persist();
    await refresh();
    return granted;
  }, [storage, refresh]);

  return { state, requestPersistence };
}
