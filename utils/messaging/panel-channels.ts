// Background side of the panel's private channel (panel-channel.ts). The content script
// announces a one-time nonce for its tab, then hands the nonce with a MessagePort to the panel's
// frame; the frame asks here whether the nonce is real. Calendar's page can post messages to the
// frame too, but it never learns a nonce: announcing goes through runtime messaging, which page
// scripts cannot reach. A nonce is spent by the first claim, and lives a minute at most.

/** Nonces announced and not yet claimed; a tab makes one per frame it creates. */
const MAX_OPEN_NONCES = 64;
export const NONCE_LIFETIME_MS = 60_000;

export interface PanelChannels {
  open(nonce: string, tabId: number): void;
  /** Whether `nonce` was announced by the content script of `tabId` (spends it either way). */
  claim(nonce: string, tabId: number): boolean;
}

export function createPanelChannels(now: () => number = Date.now): PanelChannels {
  const open = new Map<string, { tabId: number; at: number }>();
  return {
    open(nonce, tabId) {
      for (const [key, entry] of open) {
        if (open.size < MAX_OPEN_NONCES && now() - entry.at <= NONCE_LIFETIME_MS) break;
        open.delete(key); // oldest first
      }
      open.set(nonce, { tabId, at: now() });
    },
    claim(nonce, tabId) {
      const entry = open.get(nonce);
      open.delete(nonce);
      return entry !== undefined && entry.tabId === tabId && now() - entry.at <= NONCE_LIFETIME_MS;
    },
  };
}
