// The panel's frame on Calendar's page: an <iframe> of our extension page (entrypoints/panel/),
// created once per tab ahead of need and reused from event to event, docked at the window's right
// edge (or collapsed to a tab there) by the rule of panel-placement.ts. Calendar's page can see that the frame exists, never what is in it: the
// panel's DOM, keystrokes and storage are the extension's own. The content script tells the
// frame what is shown over the channel of utils/messaging/panel-channel.ts and learns back only
// what it needs to place the frame (what kind of view, how tall).
//
// Waiting: the frame stays rendered but transparent and click-through (opacity 0, pointer-events
// none, inert: out of the tab order and the accessibility tree) between events. A display:none
// or off-screen frame stops rendering, and would be laid out and painted from scratch next time.

import {
  PANEL_HELLO,
  PANEL_WIDTH,
  type FromPanel,
  type KeyedToPanel,
  type PanelKind,
  type PanelHello,
  type ToPanel,
} from '@/utils/messaging/panel-channel';
import {
  dockedBox,
  maxPanelWidth,
  overrideBox,
  tabBox,
  wouldCover,
  type Box,
} from './panel-placement';
import { contentStrings } from '@/components/i18n/content-strings';
import { createShadowHost, type ShadowHost } from './shadow-host';

export const PANEL_HOST_NAME = 'cbc-panel';

const FRAME_CSS = `iframe{position:fixed;z-index:2147483000;left:0;top:0;width:360px;height:0;
margin:0;padding:0;border:0;border-radius:8px 0 0 8px;background:transparent;
color-scheme:normal;opacity:0;pointer-events:none;box-shadow:0 4px 16px rgb(0 0 0/20%)}
iframe.cbc-shown{opacity:1;pointer-events:auto}iframe[data-state=drag]{box-shadow:none}`;

// Events on the host that Calendar must not take for its own (it closes its popover on a
// pointerdown outside, swallows wheel, has single-key shortcuts). Inside the frame, events stay
// in the frame anyway; these are the ones dispatched on the <iframe> element itself.
const ISOLATED_EVENTS = ['pointerdown', 'mousedown', 'click', 'wheel', 'focusin', 'focusout'];

export interface PanelFrameOptions {
  doc: Document;
  signal: AbortSignal;
  /** browser.runtime.getURL('/panel.html'). */
  frameUrl: string;
  /** The origin the frame's document really has (the hello is aimed at it). */
  frameOrigin: string;
  /** Announces the nonce to the background (openPanelChannel). */
  announce: (nonce: string) => Promise<unknown>;
  /**
   * What the panel must not cover (the open popover, or the full event page's title and Save),
   * as last reported after layout; null when there is nothing; undefined while a new one has
   * not been measured yet (the frame waits for it rather than guess).
   */
  surfaceRect: () => Box | null | undefined;
  /** Escape in the panel: give focus back to Calendar. */
  onEscape: () => void;
  onError: (error: unknown) => void;
}

export interface PanelFrame {
  /** Creates the frame now if there is none (call when the page is idle). */
  prepare(): void;
  send(message: ToPanel): void;
  /** Whether the frame currently shows something. */
  isShown(): boolean;
  /** Places the shown frame again in the next frame (the window resized). */
  relayout(): void;
  /** Places the shown frame now (the popover's box was just reported, after layout). */
  place(): void;
  /** Moves keyboard focus into the frame (a shortcut pressed in Calendar). */
  focus(): void;
  isOwnNode(node: Node): boolean;
}

const isSize = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

type ViewReport = Extract<FromPanel, { type: 'view' }>;
const HIDDEN: ViewReport = {
  type: 'view',
  kind: 'hidden',
  collapsed: false,
  dragging: false,
  width: PANEL_WIDTH.default,
  height: 0,
  covers: false,
};

function isFromPanel(data: unknown): data is FromPanel {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Partial<Record<string, unknown>>;
  switch (message.type) {
    case 'ready':
    case 'escape':
      return true;
    case 'view':
      return (
        (message.kind === 'hidden' || message.kind === 'override' || message.kind === 'panel') &&
        typeof message.collapsed === 'boolean' &&
        typeof message.dragging === 'boolean' &&
        typeof message.covers === 'boolean' &&
        isSize(message.width) &&
        isSize(message.height)
      );
    case 'error':
      return typeof message.error === 'string';
    default:
      return false;
  }
}

export function createPanelFrame(options: PanelFrameOptions): PanelFrame {
  const { doc, signal } = options;
  const win = doc.defaultView ?? window;
  let ui: ShadowHost | null = null;
  let frame: HTMLIFrameElement | null = null;
  /** The frame's answers come on this port; our messages go to its window with `key`. */
  let port: MessagePort | null = null;
  let key = '';
  let ready = false;
  /** What the frame must be told once it is ready: the theme and the latest show/close. */
  let theme: ToPanel | null = null;
  let current: ToPanel | null = null;
  let view: ViewReport = HIDDEN;
  /** The layout the frame was last told (it is told again only when that changes). */
  let layout: Extract<ToPanel, { type: 'layout' }> | null = null;
  let layoutPosted = '';
  /** What the rule said when this event was first shown in this view (kept till the next). */
  let settled: { kind: PanelKind; covers: boolean } | null = null;
  /** Which event `settled` is for: a show of the same one (its guests streamed in) keeps it. */
  let settledFor = '';
  /** Where each frame was last put (left top width height state). */
  const placed = new WeakMap<HTMLIFrameElement, string>();
  let placeFrame = 0;
  /**
   * The window's size, read when the frame is made and again after a resize: reading
   * innerWidth while Calendar has just changed its DOM can force a style and layout pass on its
   * thread, and every popover would pay for it.
   */
  let viewport: { width: number; height: number } | null = null;
  const viewportSize = () => (viewport ??= { width: win.innerWidth, height: win.innerHeight });
  /** Frames lost in a row without one becoming ready: past a few, stop making new ones. */
  let losses = 0;
  const MAX_LOSSES = 3;

  function create(): void {
    if (signal.aborted) return;
    ui ??= createShadowHost(doc, {
      name: PANEL_HOST_NAME,
      css: FRAME_CSS,
      isolateEvents: ISOLATED_EVENTS,
    });
    const element = doc.createElement('iframe');
    element.title = contentStrings(doc.defaultView?.navigator.language ?? 'en')('frameTitle');
    setWaiting(element, true);
    viewportSize();
    const channel = new MessageChannel();
    const nonce = crypto.randomUUID();
    // Announced before the frame can ask; a refusal loses this frame (and makes another).
    const announced = options.announce(nonce).then(
      () => true,
      (error: unknown) => {
        options.onError(error);
        lose(element);
        return false;
      },
    );
    let loads = 0;
    element.addEventListener('load', () => {
      loads += 1;
      // A second load is another document: Calendar's page (or anyone holding the frame's
      // window) navigated it. Whatever it shows now is not ours: drop it and start again.
      if (loads > 1) return lose(element);
      const hello: PanelHello = { kind: PANEL_HELLO, nonce };
      void announced.then((ok) => {
        if (ok && element === frame) {
          element.contentWindow?.postMessage(hello, options.frameOrigin, [channel.port2]);
        }
      });
    });
    channel.port1.onmessage = (event) => {
      if (element === frame) receive(event.data);
    };
    element.src = options.frameUrl;
    frame = element;
    port = channel.port1;
    key = nonce;
    ready = false;
    view = { ...HIDDEN, width: view.width };
    ui.container.append(element);
    if (!ui.host.isConnected) doc.body.append(ui.host);
  }

  /** The frame is no longer ours (navigated, or removed from the page): make a new one. */
  function lose(element: HTMLIFrameElement): void {
    if (element !== frame) return;
    port?.close();
    element.remove();
    frame = null;
    port = null;
    ready = false;
    view = { ...HIDDEN, width: view.width };
    losses += 1;
    if (current?.type === 'show' && losses < MAX_LOSSES) create();
  }

  function receive(data: unknown): void {
    if (!isFromPanel(data)) return options.onError(new Error('Malformed message from the panel.'));
    switch (data.type) {
      case 'ready':
        ready = true;
        losses = 0;
        if (theme) post(theme);
        if (layout) post(layout);
        layoutPosted = layout ? layoutKey(layout) : '';
        if (current) post(current);
        return;
      case 'view':
        view = { ...data, width: Math.max(0, data.width), height: Math.max(0, data.height) };
        return apply();
      case 'escape':
        return options.onEscape();
      case 'error':
        return options.onError(new Error(data.error));
    }
  }

  /**
   * To the frame's window, keyed with the channel's nonce (the frame drops anything else). A
   * window message costs Calendar's thread a tenth of a MessagePort's post, measured: the port
   * stays for the frame's answers, whose cost falls on the extension's process.
   */
  function post(message: ToPanel): void {
    const keyed: KeyedToPanel = { key, message };
    frame?.contentWindow?.postMessage(keyed, options.frameOrigin);
  }

  /**
   * Out of sight, out of the tab order and of the accessibility tree (`inert`), yet still
   * rendering. Two attribute writes per show or hide, nothing more, on Calendar's thread.
   */
  function setWaiting(element: HTMLIFrameElement, waiting: boolean): void {
    element.classList.toggle('cbc-shown', !waiting);
    element.inert = waiting;
  }

  const layoutKey = (message: Extract<ToPanel, { type: 'layout' }>) =>
    `${message.covers} ${message.maxWidth}`;

  /**
   * Works out whether the expanded view would cover what must stay clear, and tells the frame
   * when that (or the widest the window allows) changed. Returns the `covers` it worked out, or
   * undefined while what must stay clear is not measured yet.
   */
  function updateLayout(): boolean | undefined {
    const keepClear = options.surfaceRect();
    if (keepClear === undefined) return undefined;
    const viewport = viewportSize();
    const kind = view.kind === 'override' ? 'override' : 'panel';
    // Once shown, the rule has spoken for this event and view: the user widening the panel, a
    // form opening in it or the popover growing must not fold it away under their hands.
    const covers =
      settled?.kind === kind
        ? settled.covers
        : wouldCover(kind, viewport, view.width, view.height, keepClear);
    layout = { type: 'layout', covers, maxWidth: maxPanelWidth(viewport) };
    const key = layoutKey(layout);
    if (ready && key !== layoutPosted) {
      layoutPosted = key;
      post(layout);
    }
    return covers;
  }

  /** Shows, sizes and places the frame for what it reported, or sends it back to waiting. */
  function apply(): void {
    const element = frame;
    if (!element) return;
    if (current?.type !== 'show') {
      if (element.classList.contains('cbc-shown')) setWaiting(element, true);
      return;
    }
    const covers = updateLayout();
    if (view.kind === 'hidden') {
      if (element.classList.contains('cbc-shown')) setWaiting(element, true);
      return;
    }
    // Until the frame has drawn itself for this layout (collapsed where it would cover), it
    // stays out of sight, or, when already shown (the user widens it, the popover grows), where
    // it is until the frame's answer.
    if (covers === undefined || view.covers !== covers) return;
    const viewport = viewportSize();
    const docked = dockedBox(viewport, view.width);
    const spot = view.collapsed
      ? tabBox(viewport, view.height, options.surfaceRect() ?? null)
      : view.kind === 'override'
        ? overrideBox(viewport, view.height)
        : view.dragging
          ? { ...docked, left: 0, width: viewport.width }
          : docked;
    const state = view.collapsed ? 'tab' : view.dragging ? 'drag' : view.kind;
    const box = `${spot.left} ${spot.top} ${spot.width} ${spot.height} ${state}`;
    // Calendar's thread pays for every style write: the same place is not written again.
    if (box !== placed.get(element)) {
      placed.set(element, box);
      const style = element.style;
      style.left = `${spot.left}px`;
      style.top = `${spot.top}px`;
      style.width = `${spot.width}px`;
      style.height = `${spot.height}px`;
      element.dataset.state = state;
    }
    if (!element.classList.contains('cbc-shown')) setWaiting(element, false);
    if (settled?.kind !== view.kind) settled = { kind: view.kind, covers };
  }

  /** Place again in the next frame (the window resized). */
  function relayout(): void {
    viewport = null;
    if (placeFrame || signal.aborted) return;
    placeFrame = win.requestAnimationFrame(() => {
      placeFrame = 0;
      apply();
    });
  }

  win.addEventListener('resize', relayout, { passive: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      win.cancelAnimationFrame(placeFrame);
      port?.close();
      ui?.host.remove();
      frame = null;
      port = null;
    },
    { once: true },
  );

  return {
    prepare() {
      if (!frame?.isConnected) create();
    },
    send(message) {
      if (signal.aborted) return;
      if (message.type === 'theme') theme = message;
      if (message.type === 'show' || message.type === 'close') {
        current = message;
        if (message.type === 'show') {
          // Calendar (or a script on its page) may have removed the frame meanwhile.
          if (!frame?.isConnected) {
            if (frame) lose(frame);
            if (!frame) create();
          }
          // The layout goes first: the frame draws the event collapsed or not from the start.
          // The same event shown again (Calendar streamed its guests in) keeps what the rule
          // said: the form the user opened must not fold away.
          const shown = `${message.event.surface} ${message.event.eid}`;
          if (shown !== settledFor) {
            settled = null;
            settledFor = shown;
          }
          updateLayout();
        } else {
          // Closed: whatever the frame showed is gone. It does not report that back (one task
          // less on Calendar's thread per popover), and a stale report cannot show it again.
          view = { ...HIDDEN, width: view.width };
          settled = null;
          settledFor = '';
          apply();
        }
      }
      if (ready) post(message);
    },
    isShown: () => view.kind !== 'hidden' && current?.type === 'show',
    relayout,
    place: apply,
    focus() {
      if (!frame || view.kind === 'hidden') return;
      frame.focus();
      if (ready) post({ type: 'focus' });
    },
    isOwnNode: (node) => ui !== null && ui.isOwnNode(node),
  };
}
