// Whether the browser keeps our data (navigator.storage.persisted) and how much we use.
//
// Asking (navigator.storage.persist) is answered at once by Chrome. Firefox may ask the user in
// a prompt of its own, or, from an extension's page, never answer at all: the request then ends
// after a while with a message saying so, and a late answer still updates what is shown.

import { t } from '@/components/i18n';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StorageState } from '../popup-data';

/** How long the popup waits for the browser's answer to a persistence request. */
export const PERSIST_ANSWER_TIMEOUT_MS = 5_000;

/** What the popup says when the browser never answered (in the page's language). */
export const persistNoAnswer = () => t('popupPersistNoAnswer');

export function useStorageState(
  storage: StorageManager | undefined,
  answerTimeoutMs = PERSIST_ANSWER_TIMEOUT_MS,
): {
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
    const answer = storage.persist().then(async (granted) => {
      await refresh();
      return granted;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const noAnswer = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(persistNoAnswer())), answerTimeoutMs);
    });
    try {
      return await Promise.race([answer, noAnswer]);
    } finally {
      clearTimeout(timer);
    }
  }, [storage, refresh, answerTimeoutMs]);

  return { state, requestPersistence };
}
