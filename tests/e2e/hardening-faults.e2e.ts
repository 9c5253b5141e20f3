// Faults in a real Chromium with the built extension, on the demo calendar:
// - the service worker stopped mid-session (DevTools protocol ServiceWorker.stopAllWorkers): the
//   open panel recovers by itself and saves what is typed next;
// - the worker stopped while an action item is being added, at several moments: each item is
//   stored exactly once (none lost, none doubled) and listed once;
// - the popover closed while a note save is in flight, the tab then reloaded: the text is there;
// - two tabs and the popup on the same person: the last note write wins, items added in both
//   tabs are all there, a change in one tab or in the popup shows in the other panels live;
// - the extension reloaded under an open Calendar tab: the old content script removes its UI,
//   goes quiet, and never throws into the page (no pageerror, no console error of ours).
// Storage full (QuotaExceededError) cannot be staged in a real profile without filling a disk;
// it is covered against the real handler and panel in tests/unit/hardening/storage-full.test.tsx.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CDPSession, Locator, Page } from 'playwright-core';
import type { DemoData, DemoOneOnOne } from '../demo/demo-data';
import {
  closePopoverByClick,
  launchExtension,
  openDemoCalendar,
  openEventPopover,
  openOneOnOne,
  openPopup,
  panelOf,
  readStoreTable,
  routeDemoCalendar,
  seedDemoData,
  type LaunchedExtension,
} from './harness';

let browser: LaunchedExtension;
let demo: DemoData;
let popup: Page;
let workers: CDPSession;
let stops = 0;

beforeAll(async () => {
  browser = await launchExtension();
  demo = await routeDemoCalendar(browser.context, { now: Date.now() });
});

afterAll(async () => {
  console.info(`hardening-faults: service worker stopped ${stops} times`);
  await browser?.close();
});

beforeEach(async () => {
  await seedDemoData(browser.context, browser.extensionId, demo.backup);
  await popup?.close();
  popup = await openPopup(browser.context, browser.extensionId);
  // A DevTools session on an extension page can stop the extension's service worker.
  workers = await browser.context.newCDPSession(popup);
  await workers.send('ServiceWorker.enable');
});

async function stopServiceWorker(): Promise<void> {
  await workers.send('ServiceWorker.stopAllWorkers');
  stops++;
}

const person = (name: string): DemoOneOnOne => demo.oneOnOnes.find((o) => o.person.name === name)!;

async function openPanel(page: Page, who: DemoOneOnOne): Promise<Locator> {
  await openOneOnOne(page, who);
  const panel = panelOf(page, `1:1 with ${who.person.name}`);
  await panel.getByRole('textbox', { name: 'Notes for this meeting' }).waitFor();
  await panel.getByRole('list', { name: 'Open action items' }).waitFor();
  return panel;
}

async function storedNote(eid: string): Promise<string | undefined> {
  const notes = await readStoreTable<{ meetingEid: string; text: string }>(popup, 'notes');
  return notes.find((note) => note.meetingEid === eid)?.text;
}

async function itemsWithText(text: string): Promise<number> {
  const items = await readStoreTable<{ text: string }>(popup, 'actionItems');
  return items.filter((item) => item.text === text).length;
}

async function addItem(panel: Locator, text: string): Promise<void> {
  await panel.getByRole('textbox', { name: 'New action item' }).fill(text);
  await panel.getByRole('button', { name: 'Add action item' }).click();
}

describe('the service worker stops', () => {
  it('mid-session: the open panel recovers by itself and saves what is typed next', async () => {
    const page = await openDemoCalendar(browser.context, demo);
    const alex = person('Alex Rivera');
    const panel = await openPanel(page, alex);
    await stopServiceWorker();

    const notes = panel.getByRole('textbox', { name: 'Notes for this meeting' });
    await notes.fill('Typed after the worker stopped.');
    await notes.blur();
    await expect
      .poll(() => storedNote(alex.eid), { timeout: 15_000 })
      .toBe('Typed after the worker stopped.');

    // Stopped again, while the panel is idle: it still writes, and shows no error.
    await stopServiceWorker();
    await notes.fill('Typed after the second stop.');
    await notes.blur();
    await expect
      .poll(() => storedNote(alex.eid), { timeout: 15_000 })
      .toBe('Typed after the second stop.');
    expect(await panel.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('mid-write: an action item added while the worker stops is stored exactly once', async () => {
    const page = await openDemoCalendar(browser.context, demo);
    const sam = person('Sam Chen');
    const panel = await openPanel(page, sam);
    const list = panel.getByRole('list', { name: 'Open action items' });
    // The stop lands at different moments of the add: before the message, during the write, after.
    const delays = [0, 1, 3, 8, 15, 30];
    for (const [index, delay] of delays.entries()) {
      const text = `Added while stopping #${index}`;
      await panel.getByRole('textbox', { name: 'New action item' }).fill(text);
      const click = panel.getByRole('button', { name: 'Add action item' }).click();
      await page.waitForTimeout(delay);
      await stopServiceWorker();
      await click;
      await list.getByRole('checkbox', { name: text }).waitFor({ timeout: 15_000 });
    }
    for (const [index] of delays.entries()) {
      const text = `Added while stopping #${index}`;
      expect(await itemsWithText(text), text).toBe(1);
      expect(await list.getByRole('checkbox', { name: text, exact: true }).count(), text).toBe(1);
    }
    expect(await panel.getByRole('alert').count()).toBe(0);
    await page.close();
  });
});

describe('the popover closes while a save is in flight', () => {
  it('keeps the text: close at once, reload the tab, reopen — it is there', async () => {
    const page = await openDemoCalendar(browser.context, demo);
    const priya = person('Priya Natarajan');
    const panel = await openPanel(page, priya);
    const text = 'Written, then the popover closed at once.';
    await panel.getByRole('textbox', { name: 'Notes for this meeting' }).fill(text);
    // No blur, no wait for the debounce: the close itself must flush the draft.
    await closePopoverByClick(page);
    await panelOf(page).waitFor({ state: 'detached' });
    await expect.poll(() => storedNote(priya.eid), { timeout: 15_000 }).toBe(text);

    // A fresh content script (no draft in memory) reads it back from the store.
    await page.reload();
    await page.locator('[role="main"] [data-eventchip]').first().waitFor();
    const reopened = await openPanel(page, priya);
    await expect
      .poll(() => reopened.getByRole('textbox', { name: 'Notes for this meeting' }).inputValue())
      .toBe(text);
    await page.close();
  });
});

describe('two tabs and the popup on the same person', () => {
  it('last note write wins, all items are kept, changes show in the other panels live', async () => {
    const jordan = person('Jordan Okafor');
    const tabA = await openDemoCalendar(browser.context, demo);
    const tabB = await openDemoCalendar(browser.context, demo);
    const panelA = await openPanel(tabA, jordan);
    const panelB = await openPanel(tabB, jordan);
    const listA = panelA.getByRole('list', { name: 'Open action items' });
    const listB = panelB.getByRole('list', { name: 'Open action items' });

    // Items added in both tabs: all stored once, each shown in the other tab without reopening.
    await addItem(panelA, 'Added in tab A');
    await addItem(panelB, 'Added in tab B');
    await listA.getByRole('checkbox', { name: 'Added in tab B' }).waitFor();
    await listB.getByRole('checkbox', { name: 'Added in tab A' }).waitFor();
    expect(await itemsWithText('Added in tab A')).toBe(1);
    expect(await itemsWithText('Added in tab B')).toBe(1);
    const total = jordan.openItems.length + 2;
    expect(await listA.getByRole('checkbox').count()).toBe(total);
    expect(await listB.getByRole('checkbox').count()).toBe(total);

    // Notes of the same occurrence written in both tabs: the last write is what is stored.
    const notesA = panelA.getByRole('textbox', { name: 'Notes for this meeting' });
    const notesB = panelB.getByRole('textbox', { name: 'Notes for this meeting' });
    await notesA.fill('Notes from tab A');
    await notesA.blur();
    await expect.poll(() => storedNote(jordan.eid)).toBe('Notes from tab A');
    // Tab B shows A's note live. Waited for before B writes: an update landing between the
    // steps of fill() (select all, then insert) would leave B's text after A's.
    await expect.poll(() => notesB.inputValue()).toBe('Notes from tab A');
    await notesB.fill('Notes from tab B, written last');
    await notesB.blur();
    await expect.poll(() => storedNote(jordan.eid)).toBe('Notes from tab B, written last');

    // The popup checks off one of Jordan's follow-ups: both panels drop it live.
    await popup.reload();
    const done = jordan.openItems[0]!;
    await popup
      .getByRole('list', { name: 'Open follow-ups' })
      .getByRole('checkbox', { name: done })
      .check();
    await listA.getByRole('checkbox', { name: done }).waitFor({ state: 'detached' });
    await listB.getByRole('checkbox', { name: done }).waitFor({ state: 'detached' });
    expect(await listA.getByRole('checkbox').count()).toBe(total - 1);
    await Promise.all([tabA.close(), tabB.close()]);
  });
});

describe('the extension is reloaded under an open Calendar tab', () => {
  it('removes the old panel, goes quiet and never throws into the page', async () => {
    const page = await openDemoCalendar(browser.context, demo);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    });
    const alex = person('Alex Rivera');
    const panel = await openPanel(page, alex);
    await panel.getByRole('textbox', { name: 'Notes for this meeting' }).fill('Before reload');

    // The popup goes away with the old extension, so its evaluate may never answer.
    void popup
      .evaluate(() =>
        (
          globalThis as unknown as { chrome: { runtime: { reload(): void } } }
        ).chrome.runtime.reload(),
      )
      .catch(() => {});
    await page.locator('cbc-panel').waitFor({ state: 'detached', timeout: 30_000 });

    // The old script is orphaned: using the page must not bring back UI or throw.
    const jordan = person('Jordan Okafor');
    await openEventPopover(page, jordan.eid);
    await page.keyboard.press('Escape');
    await openEventPopover(page, alex.eid);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
        ),
    );
    expect(await panelOf(page).count()).toBe(0);
    expect(
      await page.evaluate(
        () =>
          Array.from(document.querySelectorAll('*')).filter((e) => e.tagName.startsWith('CBC-'))
            .length,
      ),
    ).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    expect(problems).toEqual([]);
    await page.close();
  });
});
