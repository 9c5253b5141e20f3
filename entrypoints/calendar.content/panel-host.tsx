// Hosts the panel in a shadow root on <body> (never inside Google's nodes, whose controller
// removes foreign children), attached the first time the model has something to show and
// empty while it has nothing. Events are stopped at the shadow root: Calendar closes its popover on pointerdown
// outside it, swallows wheel, and reacts to single-key shortcuts on the document.

import { render } from 'preact';
import panelCss from '@/components/panel/panel.css?inline';
import { PanelApp } from './panel-app';
import type { PanelModel } from './panel-model';
import { placePanel, type Box } from './panel-placement';
import { isScreenShareShortcut } from './screen-share-setting';
import { createShadowHost } from './shadow-host';

export const PANEL_HOST_NAME = 'cbc-panel';

const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'dblclick',
  'contextmenu',
  'wheel',
  'touchstart',
  'touchend',
  'focusin',
  'focusout',
];

export function mountPanelHost(
  model: PanelModel,
  options: { doc: Document; signal: AbortSignal; surfaceRect: () => Box | null },
) {
  const { doc, signal } = options;
  const win = doc.defaultView ?? window;
  const ui = createShadowHost(doc, {
    name: PANEL_HOST_NAME,
    css: panelCss,
    isolateEvents: ISOLATED_EVENTS,
  });
  const layoutListeners = new Set<() => void>();
  const layoutTick = {
    subscribe(listener: () => void) {
      layoutListeners.add(listener);
      return () => layoutListeners.delete(listener);
    },
  };
  let surface: Box | null | undefined;
  let forgetSurface = 0;
  let frame = 0;
  const relayout = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      surface = undefined;
      layoutListeners.forEach((listener) => listener());
    });
  };
  // The popover's box, read once per frame: every render of the panel places it, and reading
  // the box after our own DOM writes would force a second layout. Read before the host is
  // attached (see sync), it costs the layout the page needs anyway.
  const surfaceRect = (): Box | null => {
    if (surface === undefined) {
      surface = options.surfaceRect();
      forgetSurface ||= win.requestAnimationFrame(() => {
        forgetSurface = 0;
        surface = undefined;
      });
    }
    return surface;
  };
  const place = (kind: 'panel' | 'override') =>
    placePanel(
      surfaceRect(),
      { width: win.innerWidth, height: win.innerHeight },
      kind === 'panel' ? undefined : 240,
    );

  // Alt+Shift+B toggles screen-share-safe while a panel is up. Capture on window: it must also
  // work inside the panel, whose keydown never leaves the shadow root.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isScreenShareShortcut(event)) return;
    event.preventDefault();
    event.stopPropagation();
    model.actions.toggleScreenShareSafe();
  };

  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let shownKey = '';
  // The host is attached on the first thing to show and then stays (until the lifetime ends):
  // taking it out of <body> and putting it back on every popover re-styles and re-lays out
  // body's children each time. While nothing is shown, PanelApp renders nothing inside it.
  let attached = false;
  let listening = false;
  const detach = () => {
    stopListening();
    if (!attached) return;
    attached = false;
    render(null, ui.container);
    ui.host.remove();
  };
  const stopListening = () => {
    if (!listening) return;
    listening = false;
    win.removeEventListener('keydown', onKeyDown, true);
    win.removeEventListener('resize', relayout);
  };
  const sync = () => {
    const state = model.getState();
    const visible = state.kind !== 'hidden' && !signal.aborted;
    if (visible && !attached) {
      surfaceRect(); // reads first, writes after
      attached = true;
      doc.body.append(ui.host);
      render(<PanelApp model={model} place={place} layoutTick={layoutTick} />, ui.container);
    }
    if (visible && !listening) {
      listening = true;
      win.addEventListener('keydown', onKeyDown, true);
      win.addEventListener('resize', relayout, { passive: true });
    } else if (!visible) stopListening();
    const key =
      state.kind === 'panel'
        ? `panel ${state.view.person.email} ${state.view.data?.meeting.eid ?? ''}`
        : state.kind;
    if (visible && key !== shownKey) {
      // Something new is shown (popover reused or moved): Calendar animates its popover in,
      // so place again once it has settled.
      clearTimeout(settleTimer);
      settleTimer = setTimeout(relayout, 250);
    }
    shownKey = key;
  };
  const unsubscribe = model.subscribe(sync);
  signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      clearTimeout(settleTimer);
      win.cancelAnimationFrame(frame);
      win.cancelAnimationFrame(forgetSurface);
      detach();
    },
    { once: true },
  );

  return { host: ui.host, isOwnNode: ui.isOwnNode, relayout };
}
