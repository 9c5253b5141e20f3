// Every popup flow a user touches, in a real Chromium with the built extension, on the demo
// data: projects (create, edit, shares, allocation), follow-up filters, grouping and due dates,
// the jump to People, the backup round trip, cancelled and corrupted imports, people (add,
// rename, cadence, archive), search, a person's Markdown export, persistent storage and
// Chrome's popup size limit. Checks go through the accessibility
// contract (roles and names), and the store is read back with the plain IndexedDB API.
// (Checking an item off in the popup and the panel dropping it is covered in popup.e2e.ts.)

import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TABLE_NAMES, type TableName } from '@/utils/store/schema';
import type { ActionItem, Assignment, Person, Project } from '@/utils/domain/records';
import type { DemoData } from '../demo/demo-data';
import {
  cardAction,
  databaseNames,
  extensionUrl,
  launchExtension,
  openDemoCalendar,
  openOneOnOne,
  openPopup,
  openSection,
  panelOf,
  readStoreTable,
  routeDemoCalendar,
  seedDemoData,
  storeDatabasesAmong,
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

// Helpers ------------------------------------------------------------------------------------

/** The popup, once its first read has listed the demo's open follow-ups. */
async function openLoadedPopup(): Promise<Page> {
  const popup = await openPopup(browser.context, browser.extensionId);
  await followUpsList(popup).getByRole('checkbox').first().waitFor();
  return popup;
}

/** A reload opens on Follow-ups (openPopup): the tab selected before is selected again. */
async function reloadLoadedPopup(popup: Page): Promise<void> {
  const selected = popup.getByRole('tab', { selected: true });
  const tab = (await selected.count()) > 0 ? await selected.textContent() : null;
  await popup.reload();
  await followUpsList(popup).getByRole('checkbox').first().waitFor();
  if (tab) await section(popup, tab);
}

const section = openSection;

function followUpsList(popup: Page): Locator {
  return popup.getByRole('list', { name: 'Open follow-ups', exact: true });
}

/** The texts of the checkboxes (follow-up items) under a locator, in order. */
async function checkboxTexts(scope: Locator): Promise<string[]> {
  return scope
    .getByRole('checkbox')
    .evaluateAll((boxes) =>
      boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''),
    );
}

/** One person's row in the People section's Team list. */
function teamRow(popup: Page, name: string): Locator {
  return popup
    .getByRole('list', { name: 'Team', exact: true })
    .getByRole('listitem')
    .filter({ has: popup.getByRole('heading', { name, exact: true }) });
}

/** One assignment row of a project: the person's share and their total. */
function assignmentRow(popup: Page, project: string, person: string): Locator {
  return popup
    .getByRole('list', { name: `People on ${project}`, exact: true })
    .getByRole('listitem')
    .filter({ hasText: person });
}

type StoreSnapshot = Record<TableName, Array<Record<string, unknown>>>;

async function readAllTables(page: Page): Promise<StoreSnapshot> {
  const tables = await Promise.all(TABLE_NAMES.map((table) => readStoreTable(page, table)));
  return Object.fromEntries(TABLE_NAMES.map((table, i) => [table, tables[i]])) as StoreSnapshot;
}

/** JSON with keys sorted at every level: two records with the same content give one string. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}

/** Each table's records in a content order, so that snapshots compare order-insensitively. */
function orderInsensitive(snapshot: StoreSnapshot): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(snapshot).map(([table, records]) => [
      table,
      records.map((record) => canonicalJson(record)).sort(),
    ]),
  );
}

/** Clicks a control that downloads a file; returns the file's name and text. */
async function downloadFrom(
  popup: Page,
  control: Locator,
): Promise<{ fileName: string; text: string; path: string }> {
  const [download] = await Promise.all([popup.waitForEvent('download'), control.click()]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

/** 'yyyy-MM-dd' of today plus `days`, in local time (the popup's due dates are local days). */
function localDay(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function openDemoItems(): ActionItem[] {
  return demo.backup.data.actionItems.filter((item) => item.open === 1);
}

// Flows ----------------------------------------------------------------------------------------

describe('popup flows', () => {
  it('creates a project, assigns two people with shares, warns above 100 %, and keeps it all', async () => {
    const project = 'Platform reliability';
    const popup = await openLoadedPopup();
    const projects = await section(popup, 'Projects');
    await projects.getByRole('textbox', { name: 'Project name' }).fill(project);
    await projects.getByRole('button', { name: 'Add project', exact: true }).click();
    await popup.getByRole('heading', { name: project, exact: true }).waitFor();

    // Alex is at 80 % on the queue migration: 30 % more is 110 %. Jordan is at 80 %: 20 % more
    // is exactly 100 %, the most that is not over-allocated.
    const assign = async (person: string, share: number) => {
      await popup
        .getByRole('combobox', { name: `Person to assign to ${project}`, exact: true })
        .selectOption({ label: person });
      await popup
        .getByRole('spinbutton', { name: `Share of time on ${project} (%)`, exact: true })
        .fill(String(share));
      await popup.getByRole('button', { name: `Assign to ${project}`, exact: true }).click();
      await assignmentRow(popup, project, person).waitFor();
    };
    await assign('Alex Rivera', 30);
    await assign('Jordan Okafor', 20);

    const expectShown = async () => {
      await section(popup, 'Projects');
      const alex = assignmentRow(popup, project, 'Alex Rivera');
      const jordan = assignmentRow(popup, project, 'Jordan Okafor');
      await alex.getByText('Total 110%: over-allocated', { exact: true }).waitFor();
      await jordan.getByText('Total 100%', { exact: true }).waitFor();
      expect(await jordan.getByText(/over-allocated/).count()).toBe(0);
      expect(
        await alex
          .getByRole('spinbutton', { name: `Share of Alex Rivera on ${project} (%)` })
          .inputValue(),
      ).toBe('30');
      expect(
        await jordan
          .getByRole('spinbutton', { name: `Share of Jordan Okafor on ${project} (%)` })
          .inputValue(),
      ).toBe('20');
      // The People section warns about the same person.
      await section(popup, 'People');
      await teamRow(popup, 'Alex Rivera').getByText('Over-allocated: 110%').waitFor();
      expect(
        await teamRow(popup, 'Jordan Okafor')
          .getByText(/Over-allocated/)
          .count(),
      ).toBe(0);
    };
    await expectShown();

    await reloadLoadedPopup(popup);
    await expectShown();
    const stored = (await readStoreTable<Project>(popup, 'projects')).find(
      (p) => p.name === project,
    );
    expect(stored).toMatchObject({ name: project, status: 'active', archived: 0 });
    const assignments = (await readStoreTable<Assignment>(popup, 'assignments'))
      .filter((a) => a.projectId === stored!.id)
      .map((a) => [a.personEmail, a.share])
      .sort();
    expect(assignments).toEqual([
      ['alex.rivera@example.com', 30],
      ['jordan.okafor@example.com', 20],
    ]);

    // A done project no longer counts towards anyone's time.
    await section(popup, 'Projects');
    await popup
      .getByRole('combobox', { name: `Status of ${project}`, exact: true })
      .selectOption('done');
    await assignmentRow(popup, project, 'Alex Rivera')
      .getByText('Total 80%', { exact: true })
      .waitFor();
    await expect
      .poll(
        async () =>
          (await readStoreTable<Project>(popup, 'projects')).find((p) => p.id === stored!.id)
            ?.status,
      )
      .toBe('done');
    await reloadLoadedPopup(popup);
    await section(popup, 'Projects');
    expect(
      await popup.getByRole('combobox', { name: `Status of ${project}`, exact: true }).inputValue(),
    ).toBe('done');
    await assignmentRow(popup, project, 'Alex Rivera')
      .getByText('Total 80%', { exact: true })
      .waitFor();
    await section(popup, 'People');
    expect(
      await teamRow(popup, 'Alex Rivera')
        .getByText(/Over-allocated/)
        .count(),
    ).toBe(0);
    await popup.close();
  });

  it('renames, describes, archives and unarchives a project, and removes a person from it', async () => {
    const popup = await openLoadedPopup();
    const projects = await section(popup, 'Projects');
    const projectList = projects.getByRole('list', { name: 'Projects', exact: true });
    const projectRow = (name: string) =>
      projectList
        .getByRole('listitem')
        .filter({ has: popup.getByRole('heading', { name, exact: true }) });
    const storedProject = async () =>
      (await readStoreTable<Project>(popup, 'projects')).find(
        (p) => p.id === 'demo-project-billing',
      );

    await cardAction(projects, 'Billing revamp', 'Rename');
    await projects.getByRole('textbox', { name: 'New name for Billing revamp' }).fill('Billing v2');
    await projectRow('Billing revamp').getByRole('button', { name: 'Save', exact: true }).click();
    await projectRow('Billing v2').waitFor();

    await cardAction(projects, 'Billing v2', 'Describe');
    await projects
      .getByRole('textbox', { name: 'Description of Billing v2' })
      .fill('Invoices, refunds and exports.');
    await projectRow('Billing v2').getByRole('button', { name: 'Save', exact: true }).click();
    await projectRow('Billing v2').getByText('Invoices, refunds and exports.').waitFor();

    // Priya is at 60 % + 50 %: taking her off billing ends her over-allocation.
    await projects
      .getByRole('button', { name: 'Remove Priya Natarajan from Billing v2', exact: true })
      .click();
    await expect.poll(() => assignmentRow(popup, 'Billing v2', 'Priya Natarajan').count()).toBe(0);
    await assignmentRow(popup, 'Queue migration', 'Priya Natarajan')
      .getByText('Total 60%', { exact: true })
      .waitFor();

    await cardAction(projects, 'Billing v2', 'Archive');
    await expect.poll(() => projectRow('Billing v2').count()).toBe(0);
    await reloadLoadedPopup(popup);
    expect(await projectRow('Billing v2').count()).toBe(0);
    expect(await storedProject()).toMatchObject({
      name: 'Billing v2',
      description: 'Invoices, refunds and exports.',
      archived: 1,
    });
    const assigned = (await readStoreTable<Assignment>(popup, 'assignments'))
      .filter((a) => a.projectId === 'demo-project-billing')
      .map((a) => a.personEmail);
    expect(assigned).toEqual(['sam.chen@example.com']);

    await projects.getByRole('checkbox', { name: 'Show archived projects' }).check();
    await projectRow('Billing v2').getByText('Archived', { exact: true }).waitFor();
    await cardAction(projects, 'Billing v2', 'Unarchive');
    await expect.poll(async () => (await storedProject())?.archived).toBe(0);
    await reloadLoadedPopup(popup);
    await projectRow('Billing v2').waitFor();
    expect(await projectRow('Billing v2').getByText('Archived', { exact: true }).count()).toBe(0);
    await popup.close();
  });

  it('edits a share in place, and refuses a share above 100 %', async () => {
    const popup = await openLoadedPopup();
    await section(popup, 'Projects');
    const share = popup.getByRole('spinbutton', {
      name: 'Share of Alex Rivera on Queue migration (%)',
      exact: true,
    });
    const storedShare = async () =>
      (await readStoreTable<Assignment>(popup, 'assignments')).find(
        (a) => a.personEmail === 'alex.rivera@example.com' && a.projectId === 'demo-project-queue',
      )?.share;

    await share.fill('90');
    await share.press('Tab');
    await expect.poll(storedShare).toBe(90);
    await assignmentRow(popup, 'Queue migration', 'Alex Rivera')
      .getByText('Total 90%', { exact: true })
      .waitFor();

    await share.fill('150');
    await share.press('Tab');
    await (
      await section(popup, 'Projects')
    )
      .getByRole('alert')
      .getByText('A share is a whole percent from 0 to 100.')
      .waitFor();
    expect(await storedShare()).toBe(90);

    await reloadLoadedPopup(popup);
    expect(await share.inputValue()).toBe('90');
    await popup.close();
  });

  it('lists an item added in the panel, and filters follow-ups to mine or theirs', async () => {
    const alex = demo.oneOnOnes.find((o) => o.person.name === 'Alex Rivera')!;
    const added = 'Introduce Alex to the platform architects';
    const calendar = await openDemoCalendar(browser.context, demo);
    await openOneOnOne(calendar, alex);
    const panel = panelOf(calendar, `1:1 with ${alex.person.name}`);
    await panel.getByRole('textbox', { name: 'New action item' }).fill(added);
    await panel.getByRole('combobox', { name: 'Owner', exact: true }).selectOption('me');
    await panel.getByRole('button', { name: 'Add action item' }).click();
    await panel
      .getByRole('list', { name: 'Open action items' })
      .getByRole('checkbox', { name: added })
      .waitFor();
    await calendar.close();

    const popup = await openLoadedPopup();
    const list = followUpsList(popup);
    await list.getByRole('checkbox', { name: added, exact: true }).waitFor();
    // By person (the default), the new item sits in Alex's group.
    await list
      .getByRole('listitem')
      .filter({ has: popup.getByRole('heading', { name: 'Alex Rivera', exact: true }) })
      .getByRole('checkbox', { name: added, exact: true })
      .waitFor();

    const mine = [
      ...openDemoItems()
        .filter((i) => i.owner === 'me')
        .map((i) => i.text),
      added,
    ];
    const theirs = openDemoItems()
      .filter((i) => i.owner === 'them')
      .map((i) => i.text);

    await (
      await section(popup, 'Follow-ups')
    )
      .getByRole('radio', { name: 'Mine', exact: true })
      .check();
    await expect.poll(async () => (await checkboxTexts(list)).sort()).toEqual(mine.sort());

    await (
      await section(popup, 'Follow-ups')
    )
      .getByRole('radio', { name: 'Theirs', exact: true })
      .check();
    await expect.poll(async () => (await checkboxTexts(list)).sort()).toEqual(theirs.sort());

    await (
      await section(popup, 'Follow-ups')
    )
      .getByRole('radio', { name: 'All', exact: true })
      .check();
    await expect
      .poll(async () => (await checkboxTexts(list)).sort())
      .toEqual([...mine, ...theirs].sort());
    await popup.close();
  });

  it('groups follow-ups by due date, and keeps an edited due date', async () => {
    const popup = await openLoadedPopup();
    const list = followUpsList(popup);
    await (
      await section(popup, 'Follow-ups')
    )
      .getByRole('combobox', { name: 'Group by' })
      .selectOption({ label: 'Due date' });

    const today = localDay(0);
    const weekEnd = localDay(7);
    const texts = (keep: (item: ActionItem) => boolean) =>
      openDemoItems()
        .filter(keep)
        .map((i) => i.text)
        .sort();
    const overdue = texts((i) => i.due !== '' && i.due < today);
    const nextWeek = texts((i) => i.due >= today && i.due <= weekEnd);
    const undated = texts((i) => i.due === '');
    // The demo data must exercise three groups for this test to mean something.
    expect([overdue.length > 0, nextWeek.length > 0, undated.length > 0]).toEqual([
      true,
      true,
      true,
    ]);

    const group = (label: string) =>
      list
        .getByRole('listitem')
        .filter({ has: popup.getByRole('heading', { name: label, exact: true }) });
    await group('Overdue').waitFor();
    expect(await list.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Overdue',
      'Due in the next 7 days',
      'No due date',
    ]);
    expect((await checkboxTexts(group('Overdue'))).sort()).toEqual(overdue);
    expect((await checkboxTexts(group('Due in the next 7 days'))).sort()).toEqual(nextWeek);
    expect((await checkboxTexts(group('No due date'))).sort()).toEqual(undated);

    // Give the undated item a date beyond next week: it moves to "Due later", and stays dated.
    const item = openDemoItems().find((i) => i.due === '')!;
    const due = localDay(10);
    await list.getByLabel(`Due date of ${item.text}`, { exact: true }).fill(due);
    await expect
      .poll(
        async () =>
          (await readStoreTable<ActionItem>(popup, 'actionItems')).find((i) => i.id === item.id)
            ?.due,
      )
      .toBe(due);
    await group('Due later').getByRole('checkbox', { name: item.text, exact: true }).waitFor();

    await reloadLoadedPopup(popup);
    expect(await popup.getByLabel(`Due date of ${item.text}`, { exact: true }).inputValue()).toBe(
      due,
    );
    await popup.close();
  });

  it('"Show <name> in People" moves focus to that person', async () => {
    const popup = await openLoadedPopup();
    // Found without selecting its tab: the jump itself must select it.
    const heading = popup
      .getByRole('region', { name: 'People', exact: true })
      .getByRole('heading', {
        name: 'Sam Chen',
        exact: true,
      });
    const shownRatio = () =>
      heading.evaluate(
        (element) =>
          new Promise<number>((resolve) => {
            new IntersectionObserver((entries, observer) => {
              observer.disconnect();
              resolve(entries[0]!.intersectionRatio);
            }).observe(element);
          }),
      );
    // On the People tab, which is not shown (nor built) at first.
    expect(await heading.count()).toBe(0);
    await popup.getByRole('button', { name: 'Show Sam Chen in People', exact: true }).click();
    await expect
      .poll(() => heading.evaluate((element) => element === document.activeElement))
      .toBe(true);
    // The row was scrolled into the popup's view, so the focus is visible.
    await expect.poll(shownRatio).toBeGreaterThan(0);
    await popup.close();
  });

  it('"Show <name> in People" reaches a person who was archived', async () => {
    // An archived person's open items stay in Follow-ups, with the same jump to People.
    const popup = await openLoadedPopup();
    const people = await section(popup, 'People');
    await cardAction(people, 'Alex Rivera', 'Archive');
    await expect.poll(() => teamRow(popup, 'Alex Rivera').count()).toBe(0);
    await section(popup, 'Follow-ups');
    await popup.getByRole('button', { name: 'Show Alex Rivera in People', exact: true }).click();
    await expect
      .poll(() =>
        people.evaluate((region) => {
          const focused = document.activeElement;
          const text = (focused?.textContent ?? '').trim();
          return focused !== null && region.contains(focused)
            ? text
            : `focus outside People, on "${text}"`;
        }),
      )
      .toContain('Alex Rivera');
    await popup.close();
  });

  it('exports a backup, deletes everything, and imports the backup back exactly', async () => {
    const popup = await openLoadedPopup();
    const before = await readAllTables(popup);
    expect(before.people.length).toBeGreaterThan(0);

    const backup = await section(popup, 'Backup');
    const exported = await downloadFrom(
      popup,
      backup.getByRole('button', { name: 'Export backup', exact: true }),
    );
    expect(exported.fileName).toMatch(/^craft-beyond-code-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(exported.text) as { format: string; data: StoreSnapshot };
    expect(file.format).toBe('craft-beyond-code-backup');
    expect(orderInsensitive(file.data)).toEqual(orderInsensitive(before));

    const confirmation = backup.getByRole('textbox', {
      name: 'Type “delete everything” to confirm',
    });
    const deleteButton = backup.getByRole('button', { name: 'Delete all data', exact: true });
    expect(await deleteButton.isDisabled()).toBe(true);
    await confirmation.fill('delete everything');
    await deleteButton.click();
    await backup.getByRole('status').getByText('All data deleted.').waitFor();
    await (await section(popup, 'Follow-ups')).getByText('No open follow-ups.').waitFor();
    await (await section(popup, 'People')).getByText(/^No people yet/).waitFor();
    await (await section(popup, 'Projects')).getByText('No projects yet.').waitFor();
    expect(await followUpsList(popup).getByRole('checkbox').count()).toBe(0);
    const wiped = await readAllTables(popup);
    expect(Object.values(wiped).map((records) => records.length)).toEqual(TABLE_NAMES.map(() => 0));

    await section(popup, 'Backup');
    await backup.getByLabel('Import backup').setInputFiles(exported.path);
    const preview = backup.getByRole('group', { name: 'Import preview' });
    await preview.waitFor();
    const lines = await preview.getByRole('listitem').allTextContents();
    expect(lines).toContain(`people: ${before.people.length} in the file, replacing 0`);
    expect(lines).toContain(`action items: ${before.actionItems.length} in the file, replacing 0`);
    expect(lines).toContain(`meetings: ${before.meetings.length} in the file, replacing 0`);
    await preview.getByRole('button', { name: 'Confirm import', exact: true }).click();
    const total = Object.values(before).reduce((sum, records) => sum + records.length, 0);
    await backup.getByRole('status').getByText(`Imported ${total} records.`).waitFor();
    expect(await preview.count()).toBe(0);

    expect(orderInsensitive(await readAllTables(popup))).toEqual(orderInsensitive(before));
    await section(popup, 'Follow-ups');
    await followUpsList(popup)
      .getByRole('checkbox', { name: demo.openFollowUps[0]!, exact: true })
      .waitFor();
    await popup.close();
  });

  it('previews a valid backup and changes nothing when the import is cancelled', async () => {
    const popup = await openLoadedPopup();
    const before = orderInsensitive(await readAllTables(popup));
    const other = structuredClone(demo.backup);
    other.data.people = other.data.people.map((person: Person) => ({
      ...person,
      name: `${person.name} (imported)`,
    }));
    other.data.actionItems = other.data.actionItems.slice(0, 2);
    const backup = await section(popup, 'Backup');
    await backup.getByLabel('Import backup').setInputFiles({
      name: 'other-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(other)),
    });
    const preview = backup.getByRole('group', { name: 'Import preview' });
    await preview.waitFor();
    const lines = await preview.getByRole('listitem').allTextContents();
    expect(lines).toContain(
      `action items: 2 in the file, replacing ${demo.backup.data.actionItems.length}`,
    );
    expect(lines).toContain(
      `people: ${other.data.people.length} in the file, replacing ${demo.backup.data.people.length}`,
    );
    await preview.getByRole('button', { name: 'Cancel import', exact: true }).click();
    await backup.getByRole('status').getByText('Import cancelled, nothing was changed.').waitFor();
    expect(await preview.count()).toBe(0);
    expect(orderInsensitive(await readAllTables(popup))).toEqual(before);
    await popup.close();
  });

  it('imports after a safety export, with progress; Cancel while it writes changes nothing', async () => {
    const popup = await openLoadedPopup();
    const before = await readAllTables(popup);
    const databasesBefore = storeDatabasesAmong(await databaseNames(popup));
    expect(databasesBefore).toHaveLength(1);
    const other = structuredClone(demo.backup);
    other.data.people = other.data.people.map((person: Person) => ({
      ...person,
      name: `${person.name} (imported)`,
    }));
    // Enough open items that the write lasts a few seconds: long enough to cancel half-way.
    // Open ones: each is a row of its own, where done ones are packed per person and year
    // (schema version 3) and 40,000 of them write in a blink.
    const template = other.data.actionItems[0]!;
    for (let index = 0; index < 40_000; index++) {
      other.data.actionItems.push({
        ...template,
        id: `bulk-${index}`,
        text: `Bulk item ${index}`,
        doneAt: null,
        open: 1,
      });
    }
    const file = {
      name: 'other-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(other)),
    };
    const backup = await section(popup, 'Backup');
    const preview = backup.getByRole('group', { name: 'Import preview' });
    const confirm = preview.getByRole('button', { name: 'Confirm import', exact: true });
    const progress = backup.getByRole('progressbar', { name: 'Import progress' });

    // First try: the safety export is made (a download of the data as it is), the import starts
    // at once and reports how far it has got; Cancel while it writes keeps everything.
    await backup.getByLabel('Import backup').setInputFiles(file);
    await preview.getByText('Importing replaces all data in this browser').waitFor({
      timeout: 15_000,
    });
    const safety = preview.getByRole('checkbox', {
      name: 'Export a safety backup of my current data first',
    });
    expect(await safety.isChecked()).toBe(true);
    const safetyFile = await downloadFrom(popup, confirm);
    expect(safetyFile.fileName).toMatch(/^craft-beyond-code-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = JSON.parse(safetyFile.text) as { data: StoreSnapshot };
    expect(orderInsensitive(saved.data)).toEqual(orderInsensitive(before));
    await backup
      .getByText(/Step 2 of 2: Importing… \d+ of \d+ records\./)
      .waitFor({ timeout: 15_000 });
    expect(Number(await progress.getAttribute('max'))).toBeGreaterThan(40_000);
    expect(await confirm.isDisabled()).toBe(true);
    expect(
      await backup.getByRole('button', { name: 'Export backup', exact: true }).isDisabled(),
    ).toBe(true);
    await preview.getByRole('button', { name: 'Cancel import', exact: true }).click();
    await backup
      .getByRole('status')
      .getByText('Import cancelled, nothing was changed.')
      .waitFor({ timeout: 15_000 });
    expect(orderInsensitive(await readAllTables(popup))).toEqual(orderInsensitive(before));
    // The cancelled import's own database is gone; the store is the one it was.
    expect(storeDatabasesAmong(await databaseNames(popup))).toEqual(databasesBefore);

    // Second try, let through: each step is shown with the controls disabled, then the data is
    // the file's. (Steps are recorded as they render: the last ones can be quick.)
    await popup.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { seenSteps: string[] }).seenSteps = seen;
      new MutationObserver(() => {
        const line = document.querySelector('progress[aria-label="Import progress"]');
        const confirmButton = [...document.querySelectorAll('button')].find(
          (button) => button.textContent === 'Confirm import',
        );
        const words = line?.parentElement?.textContent?.match(/^Step \d of \d/)?.[0];
        if (words) seen.push(`${words} ${confirmButton?.disabled}`);
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    await backup.getByLabel('Import backup').setInputFiles(file);
    await downloadFrom(popup, confirm);
    const total = Object.values(other.data).reduce((sum, records) => sum + records.length, 0);
    await backup
      .getByRole('status')
      .getByText(`Imported ${total} records.`)
      .waitFor({ timeout: 60_000 });
    const steps = await popup.evaluate(
      () => (globalThis as unknown as { seenSteps: string[] }).seenSteps,
    );
    expect(new Set(steps)).toEqual(new Set(['Step 1 of 2 true', 'Step 2 of 2 true']));
    await backup.getByText(/earlier data is in the safety backup/).waitFor();
    const people = await readStoreTable<Person>(popup, 'people');
    expect(people.every((person) => person.name.endsWith('(imported)'))).toBe(true);
    // The import was written into a new database, now the only one: the earlier one is deleted.
    const databasesAfter = storeDatabasesAmong(await databaseNames(popup));
    expect(databasesAfter).toHaveLength(1);
    expect(databasesAfter).not.toEqual(databasesBefore);
    // The open popup follows it: its People list shows the imported names without a reload.
    const team = await section(popup, 'People');
    await team
      .getByText(`${other.data.people[0]!.name}`, { exact: false })
      .first()
      .waitFor({ timeout: 15_000 });
    await popup.close();
  }, 120_000);

  it('refuses a file that is not JSON, names the problem, and changes nothing', async () => {
    const popup = await openLoadedPopup();
    const before = orderInsensitive(await readAllTables(popup));
    const backup = await section(popup, 'Backup');
    await backup.getByLabel('Import backup').setInputFiles({
      name: 'broken-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "craft-beyond-code-backup", "data": {'),
    });
    const alert = backup.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('not valid JSON');
    expect(await backup.getByRole('group', { name: 'Import preview' }).count()).toBe(0);
    expect(await backup.getByRole('button', { name: 'Confirm import' }).count()).toBe(0);
    expect(orderInsensitive(await readAllTables(popup))).toEqual(before);
    await popup.close();
  });

  it('refuses a backup with one bad record, names that record, and changes nothing', async () => {
    const popup = await openLoadedPopup();
    const before = orderInsensitive(await readAllTables(popup));
    // A valid backup of other data (so a silent import would show), with one bad action item.
    const tampered = structuredClone(demo.backup);
    tampered.data.people = tampered.data.people.map((person: Person) => ({
      ...person,
      name: `${person.name} (imported)`,
    }));
    const badIndex = 3;
    (tampered.data.actionItems[badIndex] as unknown as { owner: string }).owner = 'boss';
    const backup = await section(popup, 'Backup');
    await backup.getByLabel('Import backup').setInputFiles({
      name: 'tampered-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(tampered)),
    });
    const alert = backup.getByRole('alert');
    await alert.waitFor();
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain(`actionItems[${badIndex}].owner`);
    expect(message).toContain('expected "me" or "them"');
    expect(await backup.getByRole('group', { name: 'Import preview' }).count()).toBe(0);
    expect(await backup.getByRole('button', { name: 'Confirm import' }).count()).toBe(0);
    expect(orderInsensitive(await readAllTables(popup))).toEqual(before);
    await section(popup, 'People');
    await teamRow(popup, 'Alex Rivera').waitFor();
    await popup.close();
  });

  it("prepares a person's 1:1s: a standing topic from the question bank, and the feedback log", async () => {
    const jordan = demo.oneOnOnes.find((o) => o.person.name === 'Jordan Okafor')!;
    const popup = await openLoadedPopup();
    await section(popup, 'People');
    const row = teamRow(popup, 'Jordan Okafor');
    await row.getByRole('button', { name: 'Prepare 1:1s with Jordan Okafor' }).click();
    const topics = row.getByRole('list', { name: 'Standing topics', exact: true });
    await topics
      .getByRole('button', { name: 'Delete How are you, really?', exact: true })
      .waitFor();
    await topics
      .getByRole('button', { name: 'Delete Growth plan: next step', exact: true })
      .waitFor();

    await row.getByRole('combobox', { name: 'Question bank' }).selectOption({
      label: 'Which skill would you like to grow next?',
    });
    await row.getByRole('combobox', { name: 'Rhythm' }).selectOption('monthly');
    await row.getByRole('button', { name: 'Add standing topic', exact: true }).click();
    await topics
      .getByRole('button', { name: 'Delete Which skill would you like to grow next?', exact: true })
      .waitFor();
    expect(
      (
        await readStoreTable<{ text: string; rhythm: string; personEmail: string }>(
          popup,
          'standingTopics',
        )
      ).find((topic) => topic.text === 'Which skill would you like to grow next?'),
    ).toMatchObject({ rhythm: 'monthly', personEmail: jordan.person.email });

    const log = row.getByRole('list', { name: 'Feedback log', exact: true });
    // An entry's text is also in the names of its Edit and Delete buttons: found as an entry.
    const entry = (text: string) => log.getByRole('listitem').filter({ hasText: text });
    for (const text of jordan.feedbackLog) await entry(text).waitFor();
    await row.getByRole('textbox', { name: 'What happened' }).fill('Ran a great retro');
    await row.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('praise');
    await row.getByRole('button', { name: 'Add to feedback log' }).click();
    await entry('Ran a great retro').waitFor();
    await row.getByRole('combobox', { name: 'Show kind' }).selectOption('win');
    await expect.poll(() => log.getByRole('listitem').count()).toBe(1);
    await entry('Onboarding flow shipped behind a flag').waitFor();
    expect(
      (await readStoreTable<{ text: string; kind: string }>(popup, 'feedbackEntries')).find(
        (entry) => entry.text === 'Ran a great retro',
      ),
    ).toMatchObject({ kind: 'praise' });
  });

  it('adds a person by hand, renames, sets the cadence, archives and unarchives them', async () => {
    const email = 'dana.lee@example.com';
    const storedDana = async (popup: Page) =>
      (await readStoreTable<Person>(popup, 'people')).find((p) => p.email === email);
    const popup = await openLoadedPopup();
    const people = await section(popup, 'People');
    const form = people.getByRole('form', { name: 'Add a person' });
    // Typed with capitals, as people paste addresses: the person is keyed by the lowercase one.
    await form.getByLabel('Email').fill('Dana.Lee@Example.com');
    await form.getByLabel('Name').fill('Dana Lee');
    await form.getByRole('button', { name: 'Add person', exact: true }).click();
    await teamRow(popup, 'Dana Lee').waitFor();
    expect(await storedDana(popup)).toMatchObject({ name: 'Dana Lee', archived: 0 });

    await cardAction(people, 'Dana Lee', 'Rename');
    const row = teamRow(popup, 'Dana Lee');
    await row.getByRole('textbox', { name: 'New name for Dana Lee' }).fill('Dana Lee-Smith');
    await row.getByRole('button', { name: 'Save', exact: true }).click();
    const renamed = teamRow(popup, 'Dana Lee-Smith');
    await renamed.waitFor();
    await expect.poll(async () => (await storedDana(popup))?.name).toBe('Dana Lee-Smith');

    await renamed
      .getByRole('combobox', { name: 'Cadence with Dana Lee-Smith', exact: true })
      .selectOption({ label: 'Every two weeks' });
    await expect.poll(async () => (await storedDana(popup))?.cadenceDays).toBe(14);

    await cardAction(renamed, 'Dana Lee-Smith', 'Archive');
    await expect.poll(() => renamed.count()).toBe(0);
    await expect.poll(async () => (await storedDana(popup))?.archived).toBe(1);

    await reloadLoadedPopup(popup);
    expect(await teamRow(popup, 'Dana Lee-Smith').count()).toBe(0);
    await people.getByText('Archived people (1)').click();
    const archived = people.getByRole('list', { name: 'Archived people', exact: true });
    await archived.getByText('Dana Lee-Smith', { exact: true }).waitFor();
    await archived.getByRole('button', { name: 'Unarchive Dana Lee-Smith', exact: true }).click();
    await teamRow(popup, 'Dana Lee-Smith').waitFor();
    await expect.poll(async () => (await storedDana(popup))?.archived).toBe(0);

    await reloadLoadedPopup(popup);
    const back = teamRow(popup, 'Dana Lee-Smith');
    await back.waitFor();
    expect(
      await back
        .getByRole('combobox', { name: 'Cadence with Dana Lee-Smith', exact: true })
        .inputValue(),
    ).toBe('14');
    expect(await people.getByText(/^Archived people/).count()).toBe(0);
    expect(await storedDana(popup)).toMatchObject({
      email,
      name: 'Dana Lee-Smith',
      cadenceDays: 14,
      archived: 0,
    });
    await popup.close();
  });

  it("search finds a note's word and an action item's word, naming the person", async () => {
    const popup = await openLoadedPopup();
    const search = await section(popup, 'Search');
    const box = search.getByRole('searchbox', {
      name: 'Search people, projects, notes, action items and talking points',
    });
    const results = search.getByRole('list', { name: 'Search results', exact: true });

    // "frustrated" is only in one of Alex's notes; "refund" only in one of Sam's items.
    await box.fill('frustrated');
    await box.press('Enter');
    await search.getByRole('status').getByText('1 result.', { exact: true }).waitFor();
    const note = results.getByRole('listitem');
    expect(await note.count()).toBe(1);
    const noteText = (await note.textContent()) ?? '';
    expect(noteText).toContain('Note');
    expect(noteText).toContain('Alex Rivera');
    expect(noteText).toContain('Alex was frustrated by flaky integration tests');

    // Typing alone searches too, after a pause.
    await box.fill('refund');
    await results.getByText(/refund edge cases/).waitFor();
    const item = results.getByRole('listitem');
    expect(await item.count()).toBe(1);
    const itemText = (await item.textContent()) ?? '';
    expect(itemText).toContain('Action item');
    expect(itemText).toContain('Sam Chen');
    await popup.close();
  });

  it('a search result marks the match and leads to its person and its meeting', async () => {
    const popup = await openLoadedPopup();
    const search = await section(popup, 'Search');
    const box = search.getByRole('searchbox', {
      name: 'Search people, projects, notes, action items and talking points',
    });
    await box.fill('Frustrated');
    await box.press('Enter');
    const result = search
      .getByRole('list', { name: 'Search results', exact: true })
      .getByRole('listitem');
    await result.waitFor();
    // The match is marked as the note wrote it, whatever the case typed.
    expect(await result.locator('mark').allTextContents()).toEqual(['frustrated']);

    // To the person: their row in People, focused.
    await result.getByRole('button', { name: 'Show Alex Rivera in People', exact: true }).click();
    const heading = popup
      .getByRole('region', { name: 'People', exact: true })
      .getByRole('heading', { name: 'Alex Rivera', exact: true });
    await expect
      .poll(() => heading.evaluate((element) => element === document.activeElement))
      .toBe(true);

    // To the meeting: its event page in Calendar, in a new tab.
    await section(popup, 'Search');
    const note = demo.backup.data.notes.find((n) => n.text.includes('frustrated'))!;
    const [calendarTab] = await Promise.all([
      browser.context.waitForEvent('page'),
      result.getByRole('link', { name: /^Open the meeting of .+ in Google Calendar$/ }).click(),
    ]);
    await calendarTab.waitForURL(/\/calendar\/r\/eventedit\//);
    expect(decodeURIComponent(new URL(calendarTab.url()).pathname.split('/').pop()!)).toBe(
      note.meetingEid,
    );
    await calendarTab.close();
    await popup.close();
  });

  it("exports one person's notes as Markdown with their name and a note", async () => {
    const alex = demo.oneOnOnes.find((o) => o.person.name === 'Alex Rivera')!;
    const popup = await openLoadedPopup();
    const people = await section(popup, 'People');
    await people.getByRole('button', { name: 'More actions for Alex Rivera', exact: true }).click();
    const file = await downloadFrom(
      popup,
      people
        .getByRole('menu', { name: 'More actions for Alex Rivera', exact: true })
        .getByRole('menuitem', { name: 'Export notes', exact: true }),
    );
    expect(file.fileName).toMatch(/^1-1-notes-alex-rivera-\d{4}-\d{2}-\d{2}\.md$/);
    expect(file.text).toContain('Alex Rivera');
    expect(file.text).toContain(alex.lastNotes);
    // Another person's notes stay out of it.
    const sam = demo.oneOnOnes.find((o) => o.person.name === 'Sam Chen')!;
    expect(file.text).not.toContain(sam.lastNotes);
    await popup.close();
  });

  it("shows the browser's answer on persistent storage, and the control asks the browser", async () => {
    const popup = await browser.context.newPage();
    // Count the requests the popup makes, and pass each on to the real StorageManager.
    await popup.addInitScript(() => {
      const storage = navigator.storage;
      const persist = storage.persist.bind(storage);
      const calls = { count: 0 };
      Object.assign(globalThis, { persistCalls: calls });
      Object.defineProperty(storage, 'persist', {
        value: () => {
          calls.count++;
          return persist();
        },
      });
    });
    await popup.goto(extensionUrl(browser.extensionId, 'popup.html'));
    const backup = await section(popup, 'Backup');
    const stateLine = backup.getByText(/^(Persistent|Not persistent):/);
    await stateLine.waitFor();
    const browserSays = () => popup.evaluate(() => navigator.storage.persisted());
    const shownPersistent = async () =>
      ((await stateLine.textContent()) ?? '').startsWith('Persistent:');
    const persistCalls = () =>
      popup.evaluate(
        () => (globalThis as unknown as { persistCalls: { count: number } }).persistCalls.count,
      );
    expect(await shownPersistent()).toBe(await browserSays());
    await backup.getByText(/^Using about .+ of .+ available\.$/).waitFor();

    const keep = backup.getByRole('button', { name: 'Keep data persistent', exact: true });
    // Offered exactly when there is something to ask for.
    expect(await keep.count()).toBe((await browserSays()) ? 0 : 1);
    if ((await keep.count()) === 1) {
      await keep.click();
      await expect.poll(persistCalls).toBe(1);
      // Whatever the browser decided (headless Chromium declines), the line shows its answer.
      await expect.poll(async () => (await shownPersistent()) === (await browserSays())).toBe(true);
      expect(await backup.getByRole('alert').count()).toBe(0);
    }
    await popup.close();
  });

  it('shows storage as persistent once the browser grants the request', async () => {
    const popup = await browser.context.newPage();
    // Headless Chromium never grants persistence: stand in for a browser that does.
    await popup.addInitScript(() => {
      let granted = false;
      Object.defineProperty(navigator.storage, 'persisted', { value: async () => granted });
      Object.defineProperty(navigator.storage, 'persist', {
        value: async () => {
          granted = true;
          return true;
        },
      });
    });
    await popup.goto(extensionUrl(browser.extensionId, 'popup.html'));
    const backup = await section(popup, 'Backup');
    await backup.getByText(/^Not persistent:/).waitFor();
    await backup.getByRole('button', { name: 'Keep data persistent', exact: true }).click();
    await backup.getByText(/^Persistent: the browser will not clear this data/).waitFor();
    expect(await backup.getByRole('button', { name: 'Keep data persistent' }).count()).toBe(0);
    await popup.close();
  });

  it("fits Chrome's 800×600 popup limit without scrolling sideways", async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 800, height: 600 });
    await popup.goto(extensionUrl(browser.extensionId, 'popup.html'));
    await followUpsList(popup).getByRole('checkbox').first().waitFor();
    await (await section(popup, 'Projects')).getByRole('list', { name: 'Projects' }).waitFor();
    const size = await popup.evaluate(() => {
      const app = document.getElementById('app')!.firstElementChild as HTMLElement;
      const box = app.getBoundingClientRect();
      return {
        documentScrollWidth: document.documentElement.scrollWidth,
        documentScrollHeight: document.documentElement.scrollHeight,
        layoutWidth: box.width,
        layoutHeight: box.height,
        // The column scrolls vertically; content wider than it would scroll sideways.
        appOverflowsSideways: app.scrollWidth > app.clientWidth,
      };
    });
    expect(size.documentScrollWidth).toBeLessThanOrEqual(800);
    expect(size.layoutWidth).toBeLessThanOrEqual(800);
    expect(size.layoutWidth).toBeGreaterThan(0);
    expect(size.layoutHeight).toBeLessThanOrEqual(600);
    expect(size.documentScrollHeight).toBeLessThanOrEqual(600);
    expect(size.appOverflowsSideways).toBe(false);
    await popup.close();
  });
});
