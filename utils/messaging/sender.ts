// Who the background serves: only this extension's own contexts. Content scripts run on
// calendar.google.com (the only host the manifest grants), extension pages in our own origin.
// Anything else (another extension, a content script somehow in another page, a lookalike host)
// is refused before its message is even looked at.

import type { Browser } from 'wxt/browser';

export const CALENDAR_ORIGIN = 'https://calendar.google.com';

export interface SenderPolicy {
  extensionId: string;
  /** The extension's origin, e.g. `chrome-extension://<id>` (a trailing slash is ignored). */
  extensionOrigin: string;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Whether the url is a page of the extension itself (popup, options, a page opened in a tab). */
function isExtensionPage(url: string, extensionOrigin: string): boolean {
  // A prefix with the slash, so `chrome-extension://abc` does not admit `chrome-extension://abcd/`.
  // (WHATWG URL gives non-special schemes an opaque 'null' origin, so no URL parsing here.)
  const base = extensionOrigin.replace(/\/+$/, '') + '/';
  return url.startsWith(base);
}

/**
 * Which of our contexts sent a message: an extension page (popup, options, the panel's frame
 * inside Calendar's tab) or the content script on Calendar; null for anyone else.
 */
export type SenderRole = 'extension-page' | 'content-script';

export function senderRole(
  sender: Browser.runtime.MessageSender | undefined,
  policy: SenderPolicy,
): SenderRole | null {
  if (!sender || sender.id !== policy.extensionId) return null;
  const url = sender.url ?? sender.tab?.url;
  if (typeof url !== 'string' || url === '') return null;
  // An extension page opened in a tab (or framed in one) also carries a tab; its own-origin URL
  // is what counts. Chrome's `origin` covers a frame loaded through a dynamic URL.
  if (isExtensionPage(url, policy.extensionOrigin)) return 'extension-page';
  if (sender.origin !== undefined && sender.origin === policy.extensionOrigin.replace(/\/+$/, '')) {
    return 'extension-page';
  }
  return sender.tab !== undefined && originOf(url) === CALENDAR_ORIGIN ? 'content-script' : null;
}
