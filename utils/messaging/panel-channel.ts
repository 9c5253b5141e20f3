// The private channel between the content script and the panel's frame. The panel is an
// extension page in an <iframe> on Calendar's page, so Calendar's scripts can neither read it
// nor type into it; what remains is telling it which event is shown, which must not be
// forgeable from the page either:
//
// 1. The content script makes a MessageChannel and a one-time nonce, and announces the nonce to
//    the background (`openPanelChannel`, runtime messaging: out of the page's reach).
// 2. It posts `{ kind: PANEL_HELLO, nonce }` with one port to the frame's window, aimed at the
//    extension's origin (the only one that can receive it).
// 3. The frame asks the background whether that nonce was announced by its own tab's content
//    script (`claimPanelChannel`, spent by the first claim). Only then does it listen on the port.
//
// 4. From then on the content script posts to the frame's window `{ key: nonce, message }`, and
//    the frame answers on the port (`FromPanel`), which only the two ends hold.
//
// Calendar's page can post to the frame as well (it owns the <iframe> element's window proxy),
// but it never learns the nonce: a window message aimed at the extension's origin is delivered
// to that frame alone, and the page cannot hear it. The frame drops every window message from
// another window, or without the key. (Why not everything on the port: a MessagePort post from
// Calendar's renderer to the frame's process costs Calendar's main thread 0.1–3 ms each,
// measured, against about 0.1 ms for a window message; the frame's answers cost the extension's
// process instead.) This module is shared by both ends: types and constants only, so the content
// script stays small.

import type { CalendarEvent, Theme } from '../calendar/types';

/** The `kind` of the frame's one window message (all else goes over the port). */
export const PANEL_HELLO = 'cbc-panel-hello';

export interface PanelHello {
  kind: typeof PANEL_HELLO;
  nonce: string;
}

/** What the content script posts to the frame's window: a message with the channel's key. */
export interface KeyedToPanel {
  key: string;
  message: ToPanel;
}

/** Content script → frame. */
export type ToPanel =
  /**
   * An event is shown (popover opened, reused for another event, or changed in place), as the
   * calendar adapter read it. The frame classifies it, with the user's decision for the series.
   */
  | { type: 'show'; event: CalendarEvent }
  /** The popover closed or the page navigated away from the event. */
  | { type: 'close' }
  | { type: 'theme'; theme: Theme }
  /** Write every unsaved draft now (Calendar navigated within the page). */
  | { type: 'flush' }
  /** The screen-share shortcut was pressed while focus was in Calendar's page. */
  | { type: 'toggleScreenShare' }
  /** Focus moved into the frame from Calendar (keyboard): expand, focus the first control. */
  | { type: 'focus' }
  /**
   * Where the frame is docked now: whether its expanded view would cover what must stay clear
   * (then it starts collapsed), and how wide the window lets the panel be.
   */
  | { type: 'layout'; covers: boolean; maxWidth: number };

/** What the frame shows: nothing, the "Treat as 1:1" control, or a 1:1's panel. */
export type PanelKind = 'hidden' | 'override' | 'panel';

/** Frame → content script. */
export type FromPanel =
  /** The channel is claimed: the frame listens from now on. */
  | { type: 'ready' }
  /**
   * What the frame shows, after each change: the kind, whether it is collapsed to its tab, the
   * panel's width (the user's, remembered), the height the override control or the tab needs
   * (CSS px), and the `covers` of the last layout it was told (until it matches, the content
   * script keeps the frame out of sight: no flash of a panel over the popover).
   */
  | {
      type: 'view';
      kind: PanelKind;
      collapsed: boolean;
      /**
       * The user is dragging the panel's edge: the frame then spans the window's width (the
       * part left of the panel transparent), so the pointer stays over the frame's document.
       */
      dragging: boolean;
      width: number;
      height: number;
      covers: boolean;
    }
  /** Escape in the panel: give focus back to Calendar. */
  | { type: 'escape' }
  /** A message the frame could not use (the content script logs it once). */
  | { type: 'error'; error: string };

/** The docked panel's width (CSS px): the user resizes it between MIN and MAX. */
export const PANEL_WIDTH = { min: 300, default: 360, max: 640 } as const;

/** The frame's page, relative to the extension's root. */
export const PANEL_PAGE = '/panel.html';

/** Alt+Shift+B toggles "Hide notes", whatever the keyboard layout makes of the key (code, not key). */
export function isScreenShareShortcut(event: KeyboardEvent): boolean {
  return (
    event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyB'
  );
}

/** Alt+Shift+N moves keyboard focus from Calendar (its popover traps Tab) into the panel. */
export const PANEL_FOCUS_SHORTCUT = 'Alt+Shift+N';

export function isPanelFocusShortcut(event: KeyboardEvent): boolean {
  return (
    event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN'
  );
}
