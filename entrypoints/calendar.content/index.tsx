// The content script on calendar.google.com: wires the calendar watcher, the panel model, the
// panel host and the chip badges to the background client. Logic lives in the modules it wires.
// The panel's CSS is bundled as a string into its shadow root (panel-host.tsx), so nothing is
// injected into Calendar's page and no stylesheet has to be fetched before the first paint.

import { defineContentScript } from 'wxt/utils/define-content-script';
import { classifyOneOnOne, eventSurfaceRect, gridChips, watchCalendar } from '@/utils/calendar';
import { ExtensionGoneError, sendRequest, watchDataChanges } from '@/utils/messaging/client';
import { createChipBadges } from './chip-badges';
import { mountPanelHost } from './panel-host';
import { createPanelModel } from './panel-model';
import {
  readScreenShareSafe,
  watchScreenShareSafe,
  writeScreenShareSafe,
} from './screen-share-setting';

const isExtensionGone = (error: unknown) => error instanceof ExtensionGoneError;

export default defineContentScript({
  matches: ['https://calendar.google.com/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
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

    const model = createPanelModel({
      send: sendRequest,
      isExtensionGone,
      onGone: goQuiet,
      classify: classifyOneOnOne,
      persistScreenShareSafe: (on) => {
        writeScreenShareSafe(on).catch(report('saving the screen-share setting failed'));
      },
    });
    signal.addEventListener('abort', () => model.dispose(), { once: true });

    try {
      const host = mountPanelHost(model, {
        doc: document,
        signal,
        surfaceRect: () => eventSurfaceRect(document),
      });
      const badges = createChipBadges({
        doc: document,
        signal,
        readChips: () => gridChips(document),
        fetchCounts: (seriesKeys) => sendRequest('getOpenItemCounts', { seriesKeys }),
        recordOccurrences: (occurrences) => sendRequest('recordSeenOccurrences', { occurrences }),
        onError: report('chip badges failed'),
      });

      readScreenShareSafe()
        .then(model.setScreenShareSafe)
        .catch(report('reading the screen-share setting failed'));
      watchScreenShareSafe(model.setScreenShareSafe, signal);
      watchDataChanges((change) => {
        model.dataChanged(change);
        badges.countsChanged();
      }, signal);
      // Never lose a word: write drafts when the page goes away.
      window.addEventListener('pagehide', () => void model.flushNotes(), { signal });

      // The watcher reports the theme at once (its first pass runs before it returns).
      watchCalendar({
        signal,
        isOwnNode: (node) => host.isOwnNode(node) || badges.isOwnNode(node),
        onEvent: (event) => {
          if (event.type === 'closed') void model.close();
          else void model.showEvent(event.event, event.classification);
        },
        onTheme: (value) => {
          model.setTheme(value);
          badges.setTheme(value);
        },
        onChipsChanged: badges.chipsChanged,
        onUrlChange: () => void model.flushNotes(),
        urlChanges: (notify) => ctx.addEventListener(window, 'wxt:locationchange', notify),
      });
    } catch (error) {
      report('starting failed')(error);
    }
  },
});
