// The screen-share-safe switch ("Hide notes": blur every private value) lives in
// browser.storage.local, so it holds across tabs and reloads and is one switch for the side
// panel and the popup: turned on in one, it is on in the other.

import { browser } from 'wxt/browser';

export const SCREEN_SHARE_KEY = 'screenShareSafe';

export async function readScreenShareSafe(): Promise<boolean> {
  const stored = await browser.storage.local.get(SCREEN_SHARE_KEY);
  return stored[SCREEN_SHARE_KEY] === true;
}

export function writeScreenShareSafe(on: boolean): Promise<void> {
  return browser.storage.local.set({ [SCREEN_SHARE_KEY]: on });
}

/** Calls onChange when another tab (or this one) changes the switch. */
export function watchScreenShareSafe(onChange: (on: boolean) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SCREEN_SHARE_KEY in changes) {
      onChange(changes[SCREEN_SHARE_KEY].newValue === true);
    }
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), {
    once: true,
  });
}
