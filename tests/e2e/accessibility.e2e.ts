// Accessibility in a real Chromium: axe-core (tests/e2e/axe.ts, injected offline) finds no
// serious or critical violation in the side panel and the popup, in Calendar's light and dark
// themes and the system's light and dark; the panel announces itself once per 1:1 (a polite
// live region), not on every change.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoData } from '../demo/demo-data';
import { seriousAxeViolations } from './axe';
import {
  launchExtension,
  openDemoCalendar,
  openOneOnOne,
  openPopup,
  openSection,
  panelFrame,
  panelOf,
  routeDemoCalendar,
  seedDemoData,
  type LaunchedExtension,
} from './harness';

let browser: LaunchedExtension;
let demo: DemoData;

beforeAll(async () => {
  browser = await launchExtension();
  demo = await routeDemoCalendar(browser.context, { now: Date.now() });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await seedDemoData(browser.context, browser.extensionId, demo.backup);
});

const alex = () => demo.oneOnOnes.find((o) => o.person.name === 'Alex Rivera')!;

async function openPanelIn(theme: 'light' | 'dark'): Promise<Page> {
  const page = await openDemoCalendar(browser.context, demo, { theme });
  await page.emulateMedia({ colorScheme: theme });
  await openOneOnOne(page, alex());
  await panelOf(page, `1:1 with ${alex().person.name}`)
    .getByRole('textbox', { name: 'Notes for this meeting' })
    .waitFor();
  return page;
}

describe.each(['light', 'dark'] as const)('axe-core, %s', (theme) => {
  it('finds no serious or critical violation in the side panel', async () => {
    const page = await openPanelIn(theme);
    const frame = await panelFrame(page);
    // The panel shows the theme it was asked for (so both palettes are what axe checks).
    expect(await frame.evaluate(() => document.querySelector('.cbc-panel')?.className)).toContain(
      `cbc-${theme}`,
    );
    expect(await seriousAxeViolations(frame)).toEqual([]);
    await page.close();
  });

  it('finds no serious or critical violation in the popup', async () => {
    const popup = await openPopup(browser.context, browser.extensionId);
    await popup.emulateMedia({ colorScheme: theme });
    await popup.getByRole('list', { name: 'Open follow-ups' }).waitFor();
    expect(await seriousAxeViolations(popup)).toEqual([]);
    // Every tab's panel, each checked while it is the one shown.
    for (const name of ['People', 'Week ahead', 'Projects', 'Search', 'Backup']) {
      await (await openSection(popup, name)).getByRole('heading', { name }).waitFor();
      expect(await seriousAxeViolations(popup), name).toEqual([]);
    }
    await popup.close();
  });

  it('finds none with a card menu open, over the cards below it', async () => {
    const popup = await openPopup(browser.context, browser.extensionId);
    await popup.emulateMedia({ colorScheme: theme });
    for (const [section, name] of [
      ['People', 'Alex Rivera'],
      ['Projects', 'Billing revamp'],
    ] as const) {
      const region = await openSection(popup, section);
      await region.getByRole('button', { name: `More actions for ${name}`, exact: true }).click();
      const menu = region.getByRole('menu', { name: `More actions for ${name}`, exact: true });
      await menu.getByRole('menuitem').first().waitFor();
      expect(await seriousAxeViolations(popup), section).toEqual([]);
      await popup.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
    }
    await popup.close();
  });

  it('finds none in search results, with a note opened in place', async () => {
    const popup = await openPopup(browser.context, browser.extensionId);
    await popup.emulateMedia({ colorScheme: theme });
    const search = await openSection(popup, 'Search');
    await search.getByRole('searchbox').fill('frustrated');
    await search.getByRole('searchbox').press('Enter');
    const results = search.getByRole('list', { name: 'Search results', exact: true });
    await results.getByRole('button', { name: /frustrated by flaky/ }).click();
    await results.getByRole('region', { name: 'Note of Alex Rivera' }).waitFor();
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await popup.close();
  });
});

describe('the panel announces itself', () => {
  it('once when a 1:1’s notes are there, politely, and not again while typing', async () => {
    const page = await openPanelIn('light');
    const frame = await panelFrame(page);
    const announcer = frame.locator('[data-cbc-announcer]');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    await expect
      .poll(() => announcer.textContent())
      .toMatch(new RegExp(`^1:1 with ${alex().person.name}: notes`));
    const first = await announcer.textContent();
    const panel = panelOf(page, `1:1 with ${alex().person.name}`);
    await panel.getByRole('textbox', { name: 'New action item' }).click();
    await page.keyboard.type('Book the offsite');
    await panel.getByRole('button', { name: 'Add action item' }).click();
    await panel.getByRole('checkbox', { name: 'Book the offsite' }).waitFor();
    expect(await announcer.textContent()).toBe(first);
    await page.close();
  });
});
