// The toolbar popup (as a tab) in each browser of the run, through the accessibility contract
// of docs/accessibility.md: its sections, the open follow-ups, adding a project, the backup round trip
// through "Export backup" and the "Import backup" file input, storage persistence, and a
// follow-up checked off in the popup leaving the panel of that person's 1:1.

import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoData } from '../../demo/demo-data';
import { browsers, type ExtensionBrowser, type Locator, type Tab } from '../drivers';
import { openPanel, openSection, readStoreTable } from './helpers';

describe.each(browsers)('%s', (_label, driver) => {
  let browser: ExtensionBrowser;
  let demo: DemoData;
  const opened: Tab[] = [];

  beforeAll(async () => {
    browser = await driver.launch();
    demo = await browser.serveCalendar({ now: Date.now() });
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    await browser.seed(demo.backup);
    while (opened.length > 0) await opened.pop()!.close();
  });

  async function openPopup(): Promise<Tab> {
    const popup = await browser.openExtensionPage('popup.html');
    opened.push(popup);
    // The popup remembers its tab between openings: each test starts on Follow-ups.
    await openSection(popup, 'Follow-ups');
    await followUps(popup).getByRole('checkbox').first().waitFor();
    return popup;
  }

  const followUps = (popup: Tab): Locator =>
    popup.getByRole('list', { name: 'Open follow-ups', exact: true });
  const section = openSection;

  it('has the Follow-ups, People and Projects sections and the backup controls', async () => {
    const popup = await openPopup();
    for (const name of ['Follow-ups', 'People', 'Projects'])
      await (await section(popup, name)).waitFor();
    const backup = await section(popup, 'Backup');
    await backup.getByRole('button', { name: 'Export backup' }).waitFor();
    await backup.getByLabel('Import backup').waitFor({ state: 'attached' });
    // Calendar access is granted in this launch: nothing to ask for.
    expect(
      await popup.getByRole('button', { name: 'Allow access to Google Calendar' }).count(),
    ).toBe(0);
  });

  it('shows its sections as tabs: arrows and Home/End select, Tab enters the panel, remembered', async () => {
    const popup = await openPopup();
    const tab = (name: string) => popup.getByRole('tab', { name, exact: true });
    const focusedTab = () =>
      popup.evaluate(() =>
        document.activeElement?.getAttribute('role') === 'tab'
          ? (document.activeElement.textContent ?? '')
          : `not a tab: ${document.activeElement?.localName ?? 'nothing'}`,
      );
    const selectedTabs = () =>
      popup.evaluate(() =>
        Array.from(document.querySelectorAll('[role="tab"][aria-selected="true"]')).map(
          (element) => element.textContent,
        ),
      );
    expect(await selectedTabs()).toEqual(['Follow-ups']);
    await tab('Follow-ups').focus();
    for (const [key, expected] of [
      ['ArrowRight', 'People'],
      ['ArrowRight', 'Week ahead'],
      ['ArrowRight', 'Projects'],
      ['ArrowLeft', 'Week ahead'],
      ['End', 'Backup'],
      ['ArrowRight', 'Follow-ups'],
      ['Home', 'Follow-ups'],
      ['ArrowLeft', 'Backup'],
    ] as const) {
      await popup.keyboard.press(key);
      expect(await focusedTab(), key).toBe(expected);
      expect(await selectedTabs(), key).toEqual([expected]);
    }
    // The panel shown is the selected tab's, named by it, holding that section.
    const panel = popup.getByRole('tabpanel', { name: 'Backup', exact: true });
    await panel.getByRole('region', { name: 'Backup', exact: true }).waitFor();
    expect(await popup.getByRole('region', { name: 'People', exact: true }).count()).toBe(0);
    // One tab stop for the list: Tab goes from the selected tab into its panel.
    await popup.keyboard.press('Tab');
    expect(await panel.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    // The next opening starts where this one was left.
    await popup.reload();
    await popup.getByRole('region', { name: 'Backup', exact: true }).waitFor();
    expect(await selectedTabs()).toEqual(['Backup']);
  });

  it('lists every open follow-up', async () => {
    const popup = await openPopup();
    for (const text of demo.openFollowUps.slice(0, 3)) {
      await followUps(popup).getByRole('checkbox', { name: text }).waitFor();
    }
    expect(await followUps(popup).getByRole('checkbox').count()).toBe(demo.openFollowUps.length);
  });

  it('adds a project by name: listed, stored, still there after a reload', async () => {
    const popup = await openPopup();
    const name = 'Observability overhaul';
    const projects = await section(popup, 'Projects');
    await projects.getByRole('textbox', { name: 'Project name' }).fill(name);
    await projects.getByRole('button', { name: 'Add project', exact: true }).click();
    await projects.getByRole('list', { name: 'Projects' }).getByText(name).first().waitFor();
    const stored = await readStoreTable<{ name: string }>(popup, 'projects');
    expect(stored.map((p) => p.name)).toContain(name);
    await popup.reload();
    await (
      await section(popup, 'Projects')
    )
      .getByRole('list', { name: 'Projects' })
      .getByText(name)
      .first()
      .waitFor();
  });

  it('checks off a follow-up, and the 1:1 panel no longer lists it', async () => {
    const alex = demo.oneOnOnes.find((o) => o.person.name === 'Alex Rivera')!;
    const done = alex.openItems[0]!;
    const popup = await openPopup();
    await followUps(popup).getByRole('checkbox', { name: done }).click();
    await expect
      .poll(
        async () =>
          (await readStoreTable<{ text: string; open: number }>(popup, 'actionItems')).find(
            (i) => i.text === done,
          )?.open,
      )
      .toBe(0);

    const page = await browser.openCalendar(demo);
    opened.push(page);
    const items = (await openPanel(page, alex)).getByRole('list', { name: 'Open action items' });
    await items.getByRole('checkbox', { name: alex.openItems[1]! }).waitFor();
    expect(await items.getByRole('checkbox', { name: done }).count()).toBe(0);
  });

  it('exports a backup, and importing it back after a change restores the data', async () => {
    const popup = await openPopup();
    const backup = await section(popup, 'Backup');
    const file = await popup.download(backup.getByRole('button', { name: 'Export backup' }));
    expect(file.fileName).toMatch(/^craft-beyond-code-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(file.text) as { data: { people: Array<{ email: string }> } };
    expect(exported.data.people.map((p) => p.email).sort()).toEqual(
      demo.backup.data.people.map((p) => p.email).sort(),
    );

    // A change after the export, then the export imported back: the change is gone.
    const name = 'Made after the export';
    const projects = await section(popup, 'Projects');
    await projects.getByRole('textbox', { name: 'Project name' }).fill(name);
    await projects.getByRole('button', { name: 'Add project', exact: true }).click();
    await projects.getByRole('list', { name: 'Projects' }).getByText(name).first().waitFor();

    await writeFile(file.path, file.text);
    await section(popup, 'Backup');
    await backup.getByLabel('Import backup').setInputFiles([file.path]);
    await backup.getByRole('group', { name: 'Import preview' }).waitFor();
    await backup.getByRole('button', { name: 'Confirm import' }).click();
    await expect
      .poll(async () =>
        (await readStoreTable<{ name: string }>(popup, 'projects')).map((p) => p.name),
      )
      .not.toContain(name);
    expect((await readStoreTable(popup, 'people')).length).toBe(demo.backup.data.people.length);
    // The popup shows the imported data, not the database it had open before.
    await projects
      .getByRole('list', { name: 'Projects' })
      .getByText(name)
      .first()
      .waitFor({ state: 'detached' });
  });

  it('shows the browser’s answer on persistent storage, and asking ends with an answer', async () => {
    const popup = await openPopup();
    const backup = await section(popup, 'Backup');
    const stateLine = backup.getByText(/^(Persistent|Not persistent):/);
    await stateLine.waitFor();
    const browserSays = () => popup.evaluate(() => navigator.storage.persisted());
    const shownPersistent = async () => (await stateLine.textContent()).startsWith('Persistent:');
    expect(await shownPersistent()).toBe(await browserSays());
    await backup.getByText(/^Using about .+ of .+ available\.$/).waitFor();

    const keep = backup.getByRole('button', { name: 'Keep data persistent', exact: true });
    expect(await keep.count()).toBe((await browserSays()) ? 0 : 1);
    if ((await keep.count()) === 1) {
      await keep.click();
      // Chromium declines at once; Firefox leaves an extension page's request unanswered, and
      // the popup then says so (after 5 s) instead of seeming to do nothing.
      await expect
        .poll(
          async () =>
            (await backup.getByRole('alert').count()) > 0 ||
            (await shownPersistent()) === (await browserSays()),
          { timeout: 15_000 },
        )
        .toBe(true);
      if (browser.name === 'firefox') {
        await backup.getByText(/^The browser has not answered/).waitFor({ timeout: 15_000 });
        expect(await backup.getByRole('alert').textContent()).toMatch(/has not answered/);
      } else {
        expect(await backup.getByRole('alert').count()).toBe(0);
      }
    }
  });
});
