// First run in a real Chromium: installing the extension opens the welcome page once, and its
// two ways in lead where they say (Calendar; the options page's backup import). axe-core finds
// no serious or critical violation on it, light or dark.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './axe';
import {
  extensionUrl,
  launchExtension,
  routeDemoCalendar,
  type LaunchedExtension,
} from './harness';

let browser: LaunchedExtension;
let welcome: Page;

beforeAll(async () => {
  browser = await launchExtension({ keepWelcomePage: true });
  await routeDemoCalendar(browser.context, { now: Date.now() });
  welcome = browser.welcomePage!;
});

afterAll(async () => {
  await browser?.close();
});

describe('welcome page', () => {
  it('opens by itself on install, once', async () => {
    expect(welcome).toBeTruthy();
    expect(welcome.url()).toBe(extensionUrl(browser.extensionId, 'welcome.html'));
    const welcomes = browser.context.pages().filter((page) => page.url().endsWith('/welcome.html'));
    expect(welcomes).toHaveLength(1);
  });

  it('says what the extension does, the privacy promise and the shortcut', async () => {
    await welcome
      .getByRole('heading', { level: 1, name: 'Welcome to Craft Beyond Code' })
      .waitFor();
    const text = await welcome.locator('main').innerText();
    expect(text).toMatch(/last meeting's notes/);
    expect(text).toMatch(/everything you write stays in this browser/);
    const keys = await welcome.getByRole('region', { name: 'From the keyboard' }).innerText();
    expect(keys.replace(/\s+/g, '')).toContain('Alt+Shift+N');
  });

  it.each(['light', 'dark'] as const)('has no serious axe violation (%s)', async (theme) => {
    await welcome.emulateMedia({ colorScheme: theme });
    expect(await seriousAxeViolations(welcome)).toEqual([]);
  });

  it('"Import a backup" opens the backup import', async () => {
    await welcome.getByRole('link', { name: 'Import a backup' }).click();
    await welcome.waitForURL(/\/options\.html#backup$/);
    // The options page goes to its Backup section: its heading focused, the picker in view.
    const heading = welcome.getByRole('heading', { name: 'Backup', exact: true });
    await expect
      .poll(() => heading.evaluate((element) => element === document.activeElement))
      .toBe(true);
    const picker = welcome.locator('label', { hasText: 'Import backup' });
    const box = (await picker.boundingBox())!;
    const height = await welcome.evaluate(() => window.innerHeight);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
    await welcome.goBack();
    await welcome.getByRole('link', { name: 'Open Google Calendar' }).waitFor();
  });

  it('"Open Google Calendar" opens Calendar', async () => {
    await welcome.getByRole('link', { name: 'Open Google Calendar' }).click();
    await welcome.waitForURL(/^https:\/\/calendar\.google\.com\/calendar\//);
    await welcome.locator('[role="main"] [data-eventchip]').first().waitFor();
  });
});
