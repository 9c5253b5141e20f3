// The dock's state in the frame: collapsed or not, and how wide. The rule: the panel starts
// collapsed where it would cover what must stay clear (the content script says so with each
// layout) or where the user prefers it collapsed; what the user does for the event shown holds
// until another event is shown. Collapsing or expanding where nothing would be covered, and the
// width, are remembered (persist).

import { PANEL_WIDTH } from '@/utils/messaging/panel-channel';

const MIN_WIDTH = PANEL_WIDTH.min;

export interface DockState {
  collapsed: boolean;
  /** The user is dragging the edge (the frame spans the window meanwhile). */
  dragging: boolean;
  width: number;
  maxWidth: number;
  /** The `covers` of the last layout, echoed to the content script with each view. */
  covers: boolean;
}

export interface DockModel {
  getState(): DockState;
  subscribe(listener: () => void): () => void;
  /** A layout from the content script. */
  setLayout(covers: boolean, maxWidth: number): void;
  /** The event shown now (its key: another key forgets the user's choice for the last one). */
  showing(key: string): void;
  setCollapsed(collapsed: boolean): void;
  /** `done`: the end of a drag or a key press (remembered then). */
  resize(width: number, done: boolean): void;
  setDragging(dragging: boolean): void;
  /** What was remembered, once read. */
  restore(saved: { width?: number; collapsed?: boolean }): void;
}

export function createDockModel(persist: (setting: { width: number; collapsed: boolean }) => void) {
  let covers = false;
  let maxWidth: number = PANEL_WIDTH.max;
  let width: number = PANEL_WIDTH.default;
  let prefersCollapsed = false;
  let key = '';
  let choice: boolean | null = null;
  let dragging = false;
  const listeners = new Set<() => void>();
  let state = compute();

  function compute(): DockState {
    return {
      collapsed: choice ?? (covers || prefersCollapsed),
      dragging,
      width: Math.min(Math.max(MIN_WIDTH, width), Math.max(MIN_WIDTH, maxWidth)),
      maxWidth: Math.max(MIN_WIDTH, maxWidth),
      covers,
    };
  }
  function publish() {
    const next = compute();
    if (
      next.collapsed === state.collapsed &&
      next.dragging === state.dragging &&
      next.width === state.width &&
      next.maxWidth === state.maxWidth &&
      next.covers === state.covers
    ) {
      return;
    }
    state = next;
    for (const listener of listeners) listener();
  }
  const save = () => persist({ width, collapsed: prefersCollapsed });

  const model: DockModel = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setLayout(nextCovers, nextMax) {
      covers = nextCovers;
      maxWidth = nextMax;
      publish();
    },
    showing(nextKey) {
      if (nextKey === key) return;
      key = nextKey;
      choice = null;
      publish();
    },
    setCollapsed(collapsed) {
      choice = collapsed;
      // Where nothing would be covered, this is how the user likes it from now on.
      if (!covers) {
        prefersCollapsed = collapsed;
        save();
      }
      publish();
    },
    resize(next, done) {
      // Widening it over the popover is the user's doing: it stays open for this event.
      choice = false;
      width = Math.min(Math.max(MIN_WIDTH, Math.round(next)), Math.max(MIN_WIDTH, maxWidth));
      if (done) save();
      publish();
    },
    setDragging(next) {
      dragging = next;
      publish();
    },
    restore(saved) {
      if (saved.width !== undefined) width = saved.width;
      if (saved.collapsed !== undefined) prefersCollapsed = saved.collapsed;
      publish();
    },
  };
  return model;
}
