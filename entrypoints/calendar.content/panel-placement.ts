// Where the panel goes: beside Calendar's popover without covering it (right of it when there is
// room, else left), docked on the right when neither side has room or there is no popover
// (the full event page). Pure, so it is tested by cases.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  maxHeight: number;
  side: 'right-of-popover' | 'left-of-popover' | 'docked';
}

export const PANEL_WIDTH = 340;
const GAP = 12;
/** Calendar's top bar: a docked panel starts below it. */
const DOCKED_TOP = 72;

export function placePanel(
  popover: Box | null,
  viewport: { width: number; height: number },
  panelWidth = PANEL_WIDTH,
): Placement {
  const clampTop = (top: number) => Math.max(GAP, Math.min(top, viewport.height - 240));
  if (popover) {
    const top = clampTop(popover.top);
    const maxHeight = Math.max(200, viewport.height - top - GAP);
    const right = popover.left + popover.width + GAP;
    if (right + panelWidth + GAP <= viewport.width) {
      return { left: right, top, maxHeight, side: 'right-of-popover' };
    }
    const left = popover.left - GAP - panelWidth;
    if (left >= GAP) return { left, top, maxHeight, side: 'left-of-popover' };
  }
  const top = clampTop(DOCKED_TOP);
  return {
    left: Math.max(GAP, viewport.width - panelWidth - GAP),
    top,
    maxHeight: Math.max(200, viewport.height - top - GAP),
    side: 'docked',
  };
}
