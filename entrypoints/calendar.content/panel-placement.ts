// Where the panel's frame goes: one rule. The panel is docked at the right edge of the window,
// below Calendar's top bar, full height; collapsed, it is a tab on that edge. It is collapsed by
// default whenever the docked panel would cover what the manager is working with (the event's
// popover, or on the full event page its title and Save), so it is never in Calendar's way.
// Pure, so it is tested by cases.

import { PANEL_WIDTH } from '@/utils/messaging/panel-channel';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/** The collapsed tab's width (its height is what the frame reports). */
export const TAB_WIDTH = 48;
/** The "Treat as 1:1" control's width. */
export const OVERRIDE_WIDTH = 240;
const GAP = 8;
/** Calendar's top bar (64 px) and a little air: the docked panel starts below it. */
export const DOCKED_TOP = 72;

/** The widest the panel may be in this window: at most MAX, always leaving Calendar half. */
export function maxPanelWidth(viewport: Viewport): number {
  return Math.max(PANEL_WIDTH.min, Math.min(PANEL_WIDTH.max, Math.floor(viewport.width / 2)));
}

export function clampPanelWidth(width: number, viewport: Viewport): number {
  const wanted = Number.isFinite(width) ? Math.round(width) : PANEL_WIDTH.default;
  return Math.min(maxPanelWidth(viewport), Math.max(PANEL_WIDTH.min, wanted));
}

/** The expanded panel's box: right edge, below the top bar, to the bottom of the window. */
export function dockedBox(viewport: Viewport, width: number): Box {
  const clamped = clampPanelWidth(width, viewport);
  const top = Math.min(DOCKED_TOP, Math.max(0, viewport.height - 200));
  return {
    left: viewport.width - clamped,
    top,
    width: clamped,
    height: Math.max(0, viewport.height - top),
  };
}

/** The "Treat as 1:1" control's box: docked at the top right, as tall as it is. */
export function overrideBox(viewport: Viewport, height: number): Box {
  const top = Math.min(DOCKED_TOP, Math.max(0, viewport.height - height));
  return {
    left: Math.max(0, viewport.width - OVERRIDE_WIDTH - GAP),
    top,
    width: OVERRIDE_WIDTH,
    height: Math.min(height, viewport.height - top),
  };
}

export function intersects(a: Box, b: Box): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

/**
 * The collapsed tab's box on the right edge: below the top bar, or, when that would touch what
 * must stay clear, just below it, else just above it; at worst at the bottom of the window.
 */
export function tabBox(viewport: Viewport, height: number, keepClear: Box | null): Box {
  const tall = Math.min(height, viewport.height);
  const at = (top: number): Box => ({
    left: viewport.width - TAB_WIDTH,
    top: Math.max(0, Math.min(top, viewport.height - tall)),
    width: TAB_WIDTH,
    height: tall,
  });
  const first = at(DOCKED_TOP);
  if (!keepClear || !intersects(first, keepClear)) return first;
  const below = at(keepClear.top + keepClear.height + GAP);
  if (!intersects(below, keepClear)) return below;
  const above = at(keepClear.top - GAP - tall);
  if (!intersects(above, keepClear)) return above;
  return at(viewport.height - tall);
}

/** Whether the expanded view (panel or override control) would cover what must stay clear. */
export function wouldCover(
  kind: 'panel' | 'override',
  viewport: Viewport,
  width: number,
  height: number,
  keepClear: Box | null,
): boolean {
  if (!keepClear) return false;
  const box = kind === 'panel' ? dockedBox(viewport, width) : overrideBox(viewport, height);
  return intersects(box, keepClear);
}
