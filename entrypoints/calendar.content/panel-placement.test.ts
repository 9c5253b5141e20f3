import { describe, expect, it } from 'vitest';
import { PANEL_WIDTH, placePanel } from './panel-placement';

const viewport = { width: 1400, height: 900 };

describe('placePanel', () => {
  it('goes right of the popover when there is room', () => {
    const popover = { left: 400, top: 200, width: 448, height: 300 };
    const placement = placePanel(popover, viewport);
    expect(placement.side).toBe('right-of-popover');
    expect(placement.left).toBeGreaterThanOrEqual(popover.left + popover.width);
    expect(placement.top).toBe(200);
    expect(placement.maxHeight).toBe(900 - 200 - 12);
  });

  it('goes left of the popover when the right side has no room', () => {
    const popover = { left: 900, top: 100, width: 448, height: 300 };
    const placement = placePanel(popover, viewport);
    expect(placement.side).toBe('left-of-popover');
    expect(placement.left + PANEL_WIDTH).toBeLessThanOrEqual(popover.left);
  });

  it('docks right when neither side has room, and on the event page', () => {
    const narrow = { width: 800, height: 700 };
    const covered = placePanel({ left: 200, top: 100, width: 448, height: 300 }, narrow);
    expect(covered.side).toBe('docked');
    expect(covered.left + PANEL_WIDTH).toBeLessThanOrEqual(narrow.width);
    expect(placePanel(null, viewport).side).toBe('docked');
  });

  it('keeps the panel on screen when the popover sits low', () => {
    const placement = placePanel({ left: 100, top: 850, width: 300, height: 40 }, viewport);
    expect(placement.top + placement.maxHeight).toBeLessThanOrEqual(viewport.height);
    expect(placement.maxHeight).toBeGreaterThanOrEqual(200);
  });
});
