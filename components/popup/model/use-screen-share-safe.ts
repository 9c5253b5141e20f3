// "Hide notes" in the popup: the same switch as the side panel's (browser.storage.local), read
// when the popup opens and followed while it is open, so either place turns it on for both.

import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  readScreenShareSafe,
  watchScreenShareSafe,
  writeScreenShareSafe,
} from '@/utils/messaging/screen-share-setting';

/** Where the switch lives (the real one by default, a fake in tests). */
export interface ScreenShareSetting {
  read(): Promise<boolean>;
  write(on: boolean): Promise<void>;
  watch(onChange: (on: boolean) => void, signal: AbortSignal): void;
}

export const browserScreenShareSetting: ScreenShareSetting = {
  read: readScreenShareSafe,
  write: writeScreenShareSafe,
  watch: watchScreenShareSafe,
};

export function useScreenShareSafe(setting: ScreenShareSetting): {
  on: boolean;
  toggle: () => Promise<void>;
} {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const life = new AbortController();
    setting.watch(setOn, life.signal);
    setting.read().then(
      (stored) => {
        if (!life.signal.aborted) setOn(stored);
      },
      () => undefined,
    );
    return () => life.abort();
  }, [setting]);
  const toggle = useCallback(async () => {
    const next = !on;
    // Shown at once; the stored value follows (and other views with it).
    setOn(next);
    await setting.write(next);
  }, [on, setting]);
  return { on, toggle };
}
