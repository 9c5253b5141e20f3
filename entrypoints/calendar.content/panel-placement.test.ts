import { describe, expect, it } from 'vitest';
import {
  DOCKED_TOP,
  dockedBox,
  intersects,
  maxPanelWidth,
  tabBox,
  TAB_WIDTH,
  wouldCover,
} from './panel-placement';

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
  { width: 2560, height: 1440 },
];

describe('the dock', () => {
  it('is at the right edge, below the top bar, full height, at the width asked within bounds', () => {
    for (const viewport of SIZES) {
      const box = dockedBox(viewport, 360);
      expect(box.left + box.width).toBe(viewport.width);
      expect(box.top).toBe(DOCKED_TOP);
      expect(box.top + box.height).toBe(viewport.height);
      expect(box.width).toBe(360);
    }
    expect(dockedBox({ width: 1024, height: 700 }, 2000).width).toBe(512);
    expect(dockedBox({ width: 2560, height: 1440 }, 2000).width).toBe(640);
    expect(dockedBox({ width: 1440, height: 900 }, 10).width).toBe(300);
    expect(maxPanelWidth({ width: 500, height: 400 })).toBe(300);
  });

  it('would cover a popover that reaches into it, and nothing else', () => {
    const viewport = { width: 1440, height: 900 };
    expect(wouldCover('panel', viewport, 360, 0, null)).toBe(false);
    expect(
      wouldCover('panel', viewport, 360, 0, { left: 400, top: 200, width: 448, height: 400 }),
    ).toBe(false);
    expect(
      wouldCover('panel', viewport, 360, 0, { left: 700, top: 200, width: 448, height: 400 }),
    ).toBe(true);
    // A wider panel covers more.
    expect(
      wouldCover('panel', viewport, 600, 0, { left: 400, top: 200, width: 448, height: 400 }),
    ).toBe(true);
    // The small override control only covers what is at the top right.
    expect(
      wouldCover('override', viewport, 360, 80, { left: 700, top: 200, width: 448, height: 400 }),
    ).toBe(false);
  });

  it('collapses to a tab on the right edge that keeps clear of the popover', () => {
    for (const viewport of SIZES) {
      const popover = { left: viewport.width - 460, top: 60, width: 448, height: 380 };
      const tab = tabBox(viewport, 120, popover);
      expect(tab.left).toBe(viewport.width - TAB_WIDTH);
      expect(intersects(tab, popover)).toBe(false);
      expect(tab.top + tab.height).toBeLessThanOrEqual(viewport.height);
    }
    expect(tabBox({ width: 1440, height: 900 }, 120, null).top).toBe(DOCKED_TOP);
    // A popover as tall as the window: above and below are taken, the tab sits at the bottom.
    const tall = { left: 1000, top: 0, width: 440, height: 900 };
    expect(tabBox({ width: 1440, height: 900 }, 120, tall).top).toBe(780);
  });
});
