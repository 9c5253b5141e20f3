// The content script on calendar.google.com: wires the calendar watcher to the panel's frame and
// the chip badges. It holds no notes: it reads Google's page through the adapter, tells the
// frame which event is shown, and draws only the chip badges (open item counts).

import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { focusOpenPopover, gridChips, watchCalendar, type SurfaceBox } from '@/utils/calendar';
import { ExtensionGoneError, sendRequest, watchDataChanges } from '@/utils/messaging/client';
import {
  isPanelFocusShortcut,
  isScreenShareShortcut,
  PANEL_PAGE,
} from '@/utils/messaging/panel-channel';
import { createChipBadges } from './chip-badges';
import { createPanelFrame } from './panel-frame';

const isExtensionGone = (error: unknown) => error instanceof ExtensionGoneError;

/** Wait at most this long for an idle moment before making the panel's frame. */
const PREPARE_TIMEOUT_MS = 2_000;

/**
 * The origin the frame's document has. Chrome may hand out a per-session (dynamic) URL for a
 * web-accessible page, but the document's origin stays the extension id's; Firefox's is the
 * moz-extension:// UUID host of the URL.
 */
function frameOriginOf(url: string, runtimeId: string): string {
  const { protocol, host } = new URL(url);
  return protocol === 'chrome-extension:' ? `${protocol}//${runtimeId}` : `${protocol}//${host}`;
}

export default defineContentScript({
  matches: ['https://calendar.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    // One lifetime for everything: aborted when WXT invalidates the context (extension
    // reloaded) or when a request finds the extension gone. Then the UI goes, quietly.
    const life = new AbortController();
    const { signal } = life;
    const goQuiet = () => life.abort();
    ctx.onInvalidated(goQuiet);

    const logged = new Set<string>();
    const report = (kind: string) => (error: unknown) => {
      if (isExtensionGone(error)) return goQuiet();
      if (logged.has(kind)) return;
      logged.add(kind);
      console.warn(`Craft Beyond Code: ${kind}`, error);
    };

    try {
      const frameUrl = browser.runtime.getURL(PANEL_PAGE);
      /**
       * What the panel must keep clear, as the watcher last saw it after layout (null: nothing;
       * undefined: a new popover or event page, not measured yet).
       */
      let surfaceBox: SurfaceBox | null | undefined = null;
      const panel = createPanelFrame({
        doc: document,
        signal,
        frameUrl,
        frameOrigin: frameOriginOf(frameUrl, browser.runtime.id),
        announce: (nonce) => sendRequest('openPanelChannel', { nonce }),
        surfaceRect: () => surfaceBox,
        onEscape: () => focusOpenPopover(document),
        onError: report('the panel failed'),
      });
      const badges = createChipBadges({
        doc: document,
        signal,
        readChips: () => gridChips(document),
        fetchCounts: (seriesKeys) => sendRequest('getOpenItemCounts', { seriesKeys }),
        // One report: started chips become meetings, chips to come are cached for the popup's
        // Week ahead.
        recordOccurrences: (occurrences) => sendRequest('recordSeenOccurrences', { occurrences }),
        onError: report('chip badges failed'),
      });
      watchDataChanges(() => badges.countsChanged(), signal, goQuiet);

      // Alt+Shift+B (hide notes) and Alt+Shift+N (into the panel) while Calendar has focus;
      // inside the frame, the frame hears its keys itself.
      window.addEventListener(
        'keydown',
        (event) => {
          if (!panel.isShown()) return;
          if (isScreenShareShortcut(event)) panel.send({ type: 'toggleScreenShare' });
          else if (isPanelFocusShortcut(event)) panel.focus();
          else return;
          event.preventDefault();
          event.stopPropagation();
        },
        { capture: true, signal },
      );

      // The watcher reports the theme at once (its first pass runs before it returns).
      watchCalendar({
        signal,
        isOwnNode: (node) => panel.isOwnNode(node) || badges.isOwnNode(node),
        onEvent: (event) =>
          panel.send(
            event.type === 'closed' ? { type: 'close' } : { type: 'show', event: event.event },
          ),
        onTheme: (theme) => {
          panel.send({ type: 'theme', theme });
          badges.setTheme(theme);
        },
        onChipsChanged: badges.chipsChanged,
        onSurfaceBox: (box) => {
          surfaceBox = box;
          // Reported after layout, before paint: placed in the same frame.
          if (box !== undefined) panel.place();
        },
        onUrlChange: () => panel.send({ type: 'flush' }),
        urlChanges: (notify) => ctx.addEventListener(window, 'wxt:locationchange', notify),
      });

      // The frame is made once per tab, when the page has a quiet moment, and then reused.
      const prepare = () => panel.prepare();
      if (typeof window.requestIdleCallback === 'function') {
        const idle = window.requestIdleCallback(prepare, { timeout: PREPARE_TIMEOUT_MS });
        signal.addEventListener('abort', () => window.cancelIdleCallback(idle), { once: true });
      } else ctx.setTimeout(prepare, 0);
    } catch (error) {
      report('starting failed')(error);
    }
  },
});
