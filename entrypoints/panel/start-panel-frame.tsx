// Wires the panel's frame: the channel from the content script, the panel model (which reads and
// writes through the background: the frame's own IndexedDB is not relied on, since a browser
// that blocks third-party storage refuses it in a frame), the views, and the frame's share of
// never losing a word (blur and pagehide flush the drafts).

import { render } from 'preact';
import { writeAgendaToClipboard } from './clipboard';
import '@/components/design/tokens.css';
import '@/components/design/controls.css';
import '@/components/panel/panel.css';
import './frame.css';
import { canBeOneOnOne, classifyOneOnOne } from '@/utils/calendar/classify';
import { ExtensionGoneError, sendRequest, watchDataChanges } from '@/utils/messaging/client';
import { acceptPanelChannel, type PanelPort } from './frame-channel';
import { PanelApp } from './panel-app';
import { createDockModel } from './dock-model';
import { createPanelModel } from './panel-model';
import { isScreenShareShortcut } from '@/utils/messaging/panel-channel';
import { readPanelDock, writePanelDock } from '@/utils/messaging/panel-dock-setting';
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
    copyToClipboard: writeAgendaToClipboard,
  });
  signal.addEventListener(
    'abort',
    () => {
      model.dispose();
      render(null, root);
    },
    { once: true },
  );

  const dock = createDockModel((setting) => {
    writePanelDock(setting).catch(report('saving the panel width failed'));
  });
  readPanelDock().then(dock.restore).catch(report('reading the panel width failed'));
  /** Set by the focus shortcut: once the expanded panel is drawn, focus goes into it. */
  let focusWhenDrawn = false;

  let port: PanelPort | null = null;
  /** What the content script was last told the frame shows. */
  const viewKey = (...parts: unknown[]) => parts.join(' ');
  let reported = '';
  const resized = new ResizeObserver(() => reportView());
  /**
   * Tells the content script what is shown and how tall it is, when that changed: the height the
   * view needs, not the height it has (capped to the frame, the panel scrolls inside it).
   */
  const reportView = () => {
    if (!port || signal.aborted) return;
    const { kind } = model.getState();
    const { collapsed, dragging, width, covers } = dock.getState();
    if (focusWhenDrawn && kind !== 'hidden' && !collapsed) {
      focusWhenDrawn = false;
      focusFirstControl();
    }
    // The live region (panel-app.tsx) takes no room: the view is the element after it. The
    // expanded panel fills the frame's full height; the tab and the override control are as tall
    // as they are.
    const view = root.querySelector(':scope > :not([data-cbc-announcer])');
    let height = 0;
    if (kind !== 'hidden' && (collapsed || kind === 'override') && view instanceof HTMLElement) {
      const content = view.querySelector('.cbc-override, .cbc-dock-open') ?? view;
      resized.observe(content);
      height = Math.ceil(content.getBoundingClientRect().height);
    }
    const key = viewKey(kind, collapsed, dragging, width, height, covers);
    if (key === reported) return;
    reported = key;
    port.post({ type: 'view', kind, collapsed, dragging, width, height, covers });
  };
  /** Where a manager starts: this meeting's notes (else the first control). */
  const focusFirstControl = () =>
    (
      root.querySelector<HTMLElement>('.cbc-dock-body textarea') ??
      root.querySelector<HTMLElement>(FOCUSABLE)
    )?.focus();
  resized.observe(root);
  signal.addEventListener('abort', () => resized.disconnect(), { once: true });
  render(<PanelApp model={model} dock={dock} onRendered={reportView} />, root);

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
          dock.showing(message.event.eid);
          void model.showEvent(message.event, classifyOneOnOne(message.event));
          break;
        case 'layout':
          dock.setLayout(message.covers, message.maxWidth);
          break;
        case 'close':
          // The content script hid the frame when it said close: no need to tell it.
          reported = viewKey(
            'hidden',
            false,
            false,
            dock.getState().width,
            0,
            dock.getState().covers,
          );
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
          // The shortcut asks for the panel: a collapsed one opens first.
          if (dock.getState().collapsed) {
            focusWhenDrawn = true;
            dock.setCollapsed(false);
          } else focusFirstControl();
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
