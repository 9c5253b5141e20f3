// The popup's selected tab, remembered between openings. Each opening of a toolbar popup is a
// new document with an empty sessionStorage, and browser.storage.session answers only
// asynchronously (the first paint would wait for it, or switch tabs under the manager's
// pointer), so this is localStorage read synchronously, forgotten after a working session of
// eight hours: the next morning the popup opens on Follow-ups again.

import type { TabMemory } from '@/components/popup/popup-app';

const KEY = 'cbc-popup-tab';
export const TAB_MEMORY_MS = 8 * 60 * 60 * 1000;

export function localTabMemory(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  now: () => number = Date.now,
): TabMemory {
  return {
    read() {
      try {
        const saved = JSON.parse(storage?.getItem(KEY) ?? 'null') as { id?: unknown; at?: unknown };
        if (!saved || typeof saved.id !== 'string' || typeof saved.at !== 'number') return null;
        return now() - saved.at < TAB_MEMORY_MS ? saved.id : null;
      } catch {
        return null;
      }
    },
    write(id) {
      try {
        storage?.setItem(KEY, JSON.stringify({ id, at: now() }));
      } catch {
        // Storage full or blocked: the popup opens on Follow-ups next time, nothing worse.
      }
    },
  };
}
