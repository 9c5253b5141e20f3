// The toolbar popup in a real Chromium, through the accessibility contract of
// docs/accessibility.md: its sections, the open follow-ups, adding a project, backup controls, and
// a follow-up checked off in the popup leaving the panel of that person's 1:1.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoData } from '../demo/demo-data';
import {
  launchExtension,
  openDemoCalendar,
  openOneOnOne,
  openPopup,
  openSection,
  panelOf,
  readStoreTable,
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

describe('popup', () => {
  it('has the Follow-ups, People and Projects sections and the backup controls', async () => {
    const popup = await openPopup(browser.context, browser.extensionId);
    for (const name of ['Follow-ups', 'People', 'Projects']) {
      await (await openSection(popup, name)).waitFor();
    }
    const backup = await openSection(popup, 'Backup');
    await backup.getByRole('button', { name: 'Export backup' }).waitFor();
    await backup.getByLabel('Import backup').waitFor({ state: 'attached' });
    await popup.close();
  });

  it('adds a project by name', async () => {
    const popup = await openPopup(browser.context, browser.extensionId);
    const name = 'Observability overhaul';
    const projectName = (await openSection(popup, 'Projects')).getByRole('textbox', {
      name: 'Project name',
    });
    await projectName.scrollIntoViewIfNeeded();
    await projectName.fill(name);
    await popup.getByRole('button', { name: 'Add project' }).click();
    await popup.getByRole('list', { name: 'Projects' }).getByText(name).first().waitFor();
    const stored = await readStoreTable<{ name: string }>(popup, 'projects');
    expect(stored.map((p) => p.name)).toContain(name);
    await popup.close();
  });

  it('checks off a follow-up, and the 1:1 panel no longer lists it', async () => {
    const alex = demo.oneOnOnes.find((o) => o.person.name === 'Alex Rivera')!;
    const done = alex.openItems[0]!;
    const popup = await openPopup(browser.context, browser.extensionId);
    const item = popup.getByRole('list', { name: 'Open follow-ups' }).getByRole('checkbox', {
      name: done,
    });
    // A click, not check(): the popup may move a checked item out of the list at once.
    await item.click();
    await expect
      .poll(
        async () =>
          (await readStoreTable<{ text: string; open: number }>(popup, 'actionItems')).find(
            (i) => i.text === done,
          )?.open,
      )
      .toBe(0);
    await popup.close();

    const page = await openDemoCalendar(browser.context, demo);
    await openOneOnOne(page, alex);
    const items = panelOf(page, `1:1 with ${alex.person.name}`).getByRole('list', {
      name: 'Open action items',
    });
    await items.getByRole('checkbox', { name: alex.openItems[1]! }).waitFor();
    expect(await items.getByRole('checkbox', { name: done }).count()).toBe(0);
    await page.close();
  });
});
