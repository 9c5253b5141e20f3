// Hosts the panel in a shadow root on <body> (never inside Google's nodes, whose controller
// removes foreign children), attached while the model has something to show and removed
// otherwise. Events are stopped at the shadow root: Calendar closes its popover on pointerdown
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
  let frame = 0;
  const relayout = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      layoutListeners.forEach((listener) => listener());
    });
  };
  const place = (kind: 'panel' | 'override') =>
    placePanel(
      options.surfaceRect(),
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

  let mounted = false;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let shownKey = '';
  const unmount = () => {
    if (!mounted) return;
    mounted = false;
    render(null, ui.container);
    ui.host.remove();
    win.removeEventListener('keydown', onKeyDown, true);
    win.removeEventListener('resize', relayout);
  };
  const sync = () => {
    const state = model.getState();
    const visible = state.kind !== 'hidden' && !signal.aborted;
    if (visible && !mounted) {
      mounted = true;
      doc.body.append(ui.host);
      render(<PanelApp model={model} place={place} layoutTick={layoutTick} />, ui.container);
      win.addEventListener('keydown', onKeyDown, true);
      win.addEventListener('resize', relayout, { passive: true });
    } else if (!visible) unmount();
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
      unmount();
    },
    { once: true },
  );

  return { host: ui.host, isOwnNode: ui.isOwnNode, relayout };
}
