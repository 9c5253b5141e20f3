// A runtime.Port stand-in for the background side: records posts and lets a test drop it.

import { vi } from 'vitest';
import type { Browser } from 'wxt/browser';

export function createBackgroundPort(name: string, sender: Partial<Browser.runtime.MessageSender>) {
  const disconnectListeners: Array<() => void> = [];
  const port = {
    name,
    sender,
    postMessage: vi.fn<(message: unknown) => void>(),
    disconnect: vi.fn(),
    onMessage: { addListener: vi.fn() },
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
  };
  return {
    port,
    asPort: port as unknown as Browser.runtime.Port,
    drop: () => disconnectListeners.forEach((listener) => listener()),
  };
}
