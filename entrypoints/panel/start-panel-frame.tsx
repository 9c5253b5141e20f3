// Wires the panel's frame: the channel from the content script, the panel model (which reads and
// writes through the background: the frame's own IndexedDB is not relied on, since a browser
// that blocks third-party storage refuses it in a frame), the views, and the frame's share of
// never losing a word (blur and pagehide flush the drafts).

import { render } from 'preact';
import '@/components/design/tokens.css';
import '@/components/design/controls.css';
import '@/components/panel/panel.css';
import './frame.css';
import { canBeOneOnOne, classifyOneOnOne } from '@/utils/calendar/classify';
import { ExtensionGoneError, sendRequest, watchDataChanges } from '@/utils/messaging/client';
import { acceptPanelChannel, type PanelPort } from './frame-channel';
import { PanelApp } from './panel-app';
import { createPanelModel } from './panel-model';
import { isScreenShareShortcut } from '@/utils/messaging/panel-channel';
import {
  readScreenShareSafe,
  watchScreenShareSafe,
  writeScreenShareSafe,
} from '@/utils/messaging/screen-share-setting';

const FOCUSABLE = 'button, textarea, input, select, [tabindex="0"]';

export function startPanelFrame(win: Window, root: HTMLElement): void {
  const life = new AbortController();
  const { signal } = life;
  const isExtensionGone = (error: unknown) => error instanceof ExtensionGoneError;
  const warned = new Set<string>();
  const report = (kind: string) => (error: unknown) => {
    if (isExtensionGone(error)) return life.abort();
    if (warned.has(kind)) return;
    warned.add(kind);
    console.warn(`Craft Beyond Code: ${kind}`, error);
  };

  const model = createPanelModel({
    send: sendRequest,
    isExtensionGone,
    onGone: () => life.abort(),
    classify: classifyOneOnOne,
    canBeOneOnOne,
    persistScreenShareSafe: (on) => {
      writeScreenShareSafe(on).catch(report('saving the screen-share setting failed'));
    },
  });
  signal.addEventListener(
    'abort',
    () => {
      model.dispose();
      render(null, root);
    },
    { once: true },
  );

  let port: PanelPort | null = null;
  /** What the content script was last told the frame shows (kind and height). */
  const viewKey = (kind: string, height: number) => `${kind} ${height}`;
  let reported = '';
  const resized = new ResizeObserver(() => reportView());
  /**
   * Tells the content script what is shown and how tall it is, when that changed: the height the
   * view needs, not the height it has (capped to the frame, the panel scrolls inside it).
   */
  const reportView = () => {
    if (!port || signal.aborted) return;
    const { kind } = model.getState();
    // The live region (panel-app.tsx) takes no room: the view is the element after it.
    const view = root.querySelector(':scope > :not([data-cbc-announcer])');
    let height = 0;
    if (kind !== 'hidden' && view instanceof HTMLElement) {
      // The view's parts change size while the view itself is capped: watch them too.
      for (const part of view.children) resized.observe(part);
      height = Math.ceil(view.scrollHeight + view.offsetHeight - view.clientHeight);
    }
    const key = viewKey(kind, height);
    if (key === reported) return;
    reported = key;
    port.post({ type: 'view', kind, height });
  };
  resized.observe(root);
  signal.addEventListener('abort', () => resized.disconnect(), { once: true });
  render(<PanelApp model={model} onRendered={reportView} />, root);

  acceptPanelChannel({
    win,
    signal,
    claim: (nonce) => sendRequest('claimPanelChannel', { nonce }),
    onOpen(end) {
      port = end;
      reportView();
    },
    onMessage(message) {
      switch (message.type) {
        case 'show':
          void model.showEvent(message.event, classifyOneOnOne(message.event));
          break;
        case 'close':
          // The content script hid the frame when it said close: no need to tell it.
          reported = viewKey('hidden', 0);
          void model.close();
          break;
        case 'theme':
          model.setTheme(message.theme);
          break;
        case 'flush':
          void model.flushNotes();
          break;
        case 'toggleScreenShare':
          model.actions.toggleScreenShareSafe();
          break;
        case 'focus':
          // Where a manager starts: this meeting's notes (else the first control).
          (
            root.querySelector<HTMLElement>('textarea') ??
            root.querySelector<HTMLElement>(FOCUSABLE)
          )?.focus();
          break;
      }
    },
  });

  readScreenShareSafe()
    .then(model.setScreenShareSafe)
    .catch(report('reading the screen-share setting failed'));
  watchScreenShareSafe(model.setScreenShareSafe, signal);
  watchDataChanges(model.dataChanged, signal);

  win.addEventListener(
    'keydown',
    (event) => {
      if (isScreenShareShortcut(event)) {
        event.preventDefault();
        model.actions.toggleScreenShareSafe();
      }
    },
    { capture: true, signal },
  );
  win.addEventListener(
    'keydown',
    (event) => {
      // Calendar never sees keys typed here: Escape is handed back as "focus Calendar again".
      if (event.key === 'Escape' && !event.defaultPrevented) port?.post({ type: 'escape' });
    },
    { signal },
  );
  // Never lose a word: leaving the frame (a click on Calendar) and the tab going away write drafts.
  win.addEventListener('blur', () => void model.flushNotes(), { signal });
  win.addEventListener('pagehide', () => void model.flushNotes(), { signal });
}
