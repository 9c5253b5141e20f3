// Where the panel goes, in a real Chromium at three window sizes: docked at the right edge, full
// height, collapsed to a tab wherever the docked panel would cover the event's popover, so that
// Calendar's title, Save and the popover's controls are never under it. What the user does with
// the dock (its width, collapsing it where nothing is covered) is remembered. Screenshots of
// each size are written to .e2e-output/ for review.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoData } from '../demo/demo-data';
import {
  expandPanel,
  launchExtension,
  openDemoCalendar,
  openEventPopover,
  panelFrame,
  panelFrameOf,
  panelFrameState,
  panelOf,
  REPO_ROOT,
  routeDemoCalendar,
  seedDemoData,
  type LaunchedExtension,
  removeExtensionSettings,
} from './harness';

const OUTPUT = path.join(REPO_ROOT, '.e2e-output');
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
  { width: 2560, height: 1440 },
];

let browser: LaunchedExtension;
let demo: DemoData;

beforeAll(async () => {
  browser = await launchExtension();
  demo = await routeDemoCalendar(browser.context, { now: Date.now() });
  await mkdir(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await seedDemoData(browser.context, browser.extensionId, demo.backup);
  // The dock's remembered width and collapsed state start afresh for every test.
  await removeExtensionSettings(browser, ['panelDock']);
});

const oneOnOne = (name: string) => demo.oneOnOnes.find((o) => o.person.name === name)!;

/** Waits until the frame shows a 1:1's panel or its tab, and says which. */
async function shownState(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const frame = document.querySelector('cbc-panel')?.shadowRoot?.querySelector('iframe');
    const state = frame?.classList.contains('cbc-shown') ? frame.dataset.state : null;
    return state === 'panel' || state === 'tab';
  });
  return (await panelFrameState(page))!;
}

/**
 * Every control given by its selector that is on screen and that our frame covers: probed at
 * its centre and corners with elementFromPoint (our host answers where the frame is on top).
 */
async function coveredControls(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((wanted) => {
    const covered: string[] = [];
    for (const selector of wanted) {
      for (const element of document.querySelectorAll(selector)) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const points = [
          [box.left + box.width / 2, box.top + box.height / 2],
          [box.left + 1, box.top + 1],
          [box.right - 1, box.top + 1],
          [box.left + 1, box.bottom - 1],
          [box.right - 1, box.bottom - 1],
        ];
        if (points.some(([x, y]) => document.elementFromPoint(x!, y!)?.localName === 'cbc-panel')) {
          covered.push(selector);
        }
      }
    }
    return covered;
  }, selectors);
}

/** The popover's controls and title, and on the event page its title and Save. */
const CALENDAR_CONTROLS = [
  '[role="dialog"] #xDetDlg [role="button"]',
  '[role="dialog"] #xDetDlg button',
  '[role="dialog"] #xDetDlgCloseBu',
  '[role="dialog"] #rAECCd',
  '#xTiIn',
  '#xSaveBu',
];

async function frameBox(page: Page) {
  return page.evaluate(() => {
    const frame = document.querySelector('cbc-panel')!.shadowRoot!.querySelector('iframe')!;
    const { left, top, width, height } = frame.getBoundingClientRect();
    return { left, top, width, height };
  });
}

describe.each(SIZES)('at $width×$height', ({ width, height }) => {
  it('docks every 1:1 at the right edge, collapsed where it would cover the popover', async () => {
    const page = await openDemoCalendar(browser.context, demo);
    await page.setViewportSize({ width, height });
    const states: string[] = [];
    for (const who of demo.oneOnOnes) {
      await openEventPopover(page, who.eid);
      const state = await shownState(page);
      states.push(state);
      const box = await frameBox(page);
      expect(box.left + box.width).toBe(width);
      if (state === 'panel') {
        // Full height below Calendar's top bar.
        expect(box.top).toBe(72);
        expect(box.top + box.height).toBe(height);
      } else {
        expect(box.width).toBe(48);
      }
      expect(await coveredControls(page, CALENDAR_CONTROLS)).toEqual([]);
      await page.screenshot({
        path: path.join(OUTPUT, `placement-${width}x${height}-${who.person.name}.png`),
      });
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        () =>
          !document
            .querySelector('cbc-panel')
            ?.shadowRoot?.querySelector('iframe')
            ?.classList.contains('cbc-shown'),
      );
    }
    // Both states happen in the demo week: narrow windows collapse, wide ones have room.
    if (width === 1024) expect(states).toContain('tab');
    if (width === 2560) expect(states).not.toContain('tab');
    await page.close();
  });

  it('keeps the full event page’s title and Save clear', async () => {
    const page = await openDemoCalendar(browser.context, demo);
    await page.setViewportSize({ width, height });
    const alex = oneOnOne('Alex Rivera');
    await openEventPopover(page, alex.eid);
    await page.getByRole('button', { name: 'Open event page' }).click();
    await page.locator('#xTiIn').waitFor();
    await shownState(page);
    expect(await coveredControls(page, ['#xTiIn', '#xSaveBu'])).toEqual([]);
    await page.screenshot({
      path: path.join(OUTPUT, `placement-${width}x${height}-event-page.png`),
    });
    await page.close();
  });
});

describe('the dock', () => {
  it('opens from its tab and from the keyboard shortcut, and gives focus back with Escape', async () => {
    const page = await openDemoCalendar(browser.context, demo);
    await page.setViewportSize({ width: 1024, height: 700 });
    // The 1:1 whose popover the docked panel would cover at this size.
    let covered = null;
    for (const who of demo.oneOnOnes) {
      await openEventPopover(page, who.eid);
      if ((await shownState(page)) === 'tab') {
        covered = who;
        break;
      }
      await page.keyboard.press('Escape');
    }
    expect(covered).not.toBeNull();
    const tab = panelFrameOf(page).getByRole('button', {
      name: `Open 1:1 notes with ${covered!.person.name}`,
    });
    expect(await tab.getAttribute('aria-expanded')).toBe('false');
    // Keyboard: Calendar's popover has focus; the shortcut opens the panel and goes into it.
    await page.locator('[role="dialog"] #xDetDlgCloseBu').focus();
    await page.keyboard.press('Alt+Shift+N');
    const notes = panelOf(page, `1:1 with ${covered!.person.name}`).getByRole('textbox', {
      name: 'Notes for this meeting',
    });
    await expect.poll(() => notes.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await panelFrameState(page)).toBe('panel');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null))
      .toBe(true);
    // Collapsing it again by its button is for this event; the next event starts by the rule.
    await panelFrameOf(page).getByRole('button', { name: 'Collapse the panel' }).click();
    await expect.poll(() => panelFrameState(page)).toBe('tab');
    await page.close();
  });

  it('remembers the width the user gives it, and that they like it collapsed', async () => {
    const page = await openDemoCalendar(browser.context, demo);
    const alex = oneOnOne('Alex Rivera');
    await openEventPopover(page, alex.eid);
    await expandPanel(page, alex.person.name);
    const handle = panelFrameOf(page).getByRole('separator', { name: 'Resize the panel' });
    expect(await handle.getAttribute('aria-valuenow')).toBe('360');
    await handle.click();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe('392');
    await expect.poll(async () => (await frameBox(page)).width).toBe(392);

    // Dragged with the mouse: 40 px to the left widens it by 40.
    const grip = (await (await panelFrame(page)).$('.cbc-dock-resize'))!;
    const at = (await grip.boundingBox())!;
    await page.mouse.move(at.x + 2, at.y + 200);
    await page.mouse.down();
    await page.mouse.move(at.x - 18, at.y + 200, { steps: 4 });
    await page.mouse.move(at.x - 38, at.y + 200, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await frameBox(page)).width).toBe(432);

    await page.reload();
    await page.locator('[role="main"] [data-eventchip]').first().waitFor();
    await openEventPopover(page, alex.eid);
    await expandPanel(page, alex.person.name);
    await expect.poll(async () => (await frameBox(page)).width).toBe(432);

    // Collapsed where nothing is covered: it stays collapsed for the next 1:1 and after a reload.
    await panelFrameOf(page).getByRole('button', { name: 'Collapse the panel' }).click();
    await expect.poll(() => panelFrameState(page)).toBe('tab');
    await page.reload();
    await page.locator('[role="main"] [data-eventchip]').first().waitFor();
    await openEventPopover(page, alex.eid);
    expect(await shownState(page)).toBe('tab');
    await page.close();
  });
});
