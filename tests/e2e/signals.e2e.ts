// The signals a manager reads, in real Chromium with the built extension on the demo calendar:
// one "last 1:1" in the panel and the popup (a 1:1 seen on the grid counts without being opened),
// the cadence taken from a series' recurrence, "Hide notes" hiding every private value in both
// places, and badges that say what they count.
//
// The demo week is the one before today's, so every 1:1 on its grid has already started
// whatever day the suite runs; the store is reseeded before each test.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { DemoData, DemoOneOnOne } from '../demo/demo-data';
import {
  chipOf,
  launchExtension,
  openDemoCalendar,
  openOneOnOne,
  openPopup,
  openSection,
  readStoreTable,
  routeDemoCalendar,
  seedDemoData,
  type LaunchedExtension,
  removeExtensionSettings,
} from './harness';

const DAY = 24 * 60 * 60 * 1000;
const LAST_WEEK = Date.now() - 7 * DAY;

let browser: LaunchedExtension;
let demo: DemoData;
let page: Page;
/** An extension page, to read the store with the plain IndexedDB API. */
let storePage: Page;

beforeAll(async () => {
  browser = await launchExtension();
  demo = await routeDemoCalendar(browser.context, { now: LAST_WEEK, hostileEvent: true });
  storePage = await openPopup(browser.context, browser.extensionId);
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await seedDemoData(browser.context, browser.extensionId, demo.backup);
  await removeExtensionSettings(browser, ['screenShareSafe']);
  await page?.close();
  page = await openDemoCalendar(browser.context, demo);
});

// Helpers ------------------------------------------------------------------------------------

const oneOnOne = (name: string): DemoOneOnOne =>
  demo.oneOnOnes.find((o) => o.person.name === name)!;

/**
 * The side panel's landmark, wherever it is drawn: in the page (a shadow root, which role
 * locators pierce) or in an extension-page frame of it. Every frame is looked in until one
 * holds it.
 */
async function findPanel(target: Page, name: string | RegExp = /^1:1 with/): Promise<Locator> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const frame of target.frames()) {
      const panel = frame.getByRole('complementary', { name });
      if ((await panel.count()) > 0) return panel.first();
    }
    if (Date.now() > deadline) throw new Error(`No panel named ${String(name)} in any frame`);
    await target.waitForTimeout(100);
  }
}

/** Open a 1:1's popover and wait until its panel shows its data (the notes editor). */
async function openPanel(target: Page, who: { eid: string; name: string }): Promise<Locator> {
  await openOneOnOne(target, { eid: who.eid, person: { name: who.name } });
  const panel = await findPanel(target, `1:1 with ${who.name}`);
  await panel.getByRole('textbox', { name: 'Notes for this meeting' }).waitFor();
  return panel;
}

async function openLoadedPopup(): Promise<Page> {
  const popup = await openPopup(browser.context, browser.extensionId);
  await openSection(popup, 'People');
  await popup
    .getByRole('list', { name: 'Team', exact: true })
    .getByRole('heading')
    .first()
    .waitFor();
  return popup;
}

function teamRow(popup: Page, name: string): Locator {
  return popup
    .getByRole('list', { name: 'Team', exact: true })
    .getByRole('listitem')
    .filter({ has: popup.getByRole('heading', { name, exact: true }) });
}

/** A fact of a person's row ("Last 1:1", "Days since"): the text of its <dd>. */
async function factOf(row: Locator, term: string): Promise<string> {
  return row.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd').innerText();
}

/** "Nov 24, 2026", as the popup writes a day (date-fns 'MMM d, yyyy'). */
function popupDay(instant: number): string {
  return new Date(instant).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
}

const blurOf = (locator: Locator) =>
  locator.evaluate((element) => getComputedStyle(element).filter);

// Tests --------------------------------------------------------------------------------------

describe('one "last 1:1"', () => {
  it('counts a 1:1 only seen on the grid, and the panel and the popup say the same', async () => {
    const jordan = oneOnOne('Jordan Okafor');
    // Loading the grid is enough: the chip of Jordan's started 1:1 is reported and recorded.
    await expect
      .poll(async () =>
        (await readStoreTable<{ eid: string }>(storePage, 'meetings')).some(
          (meeting) => meeting.eid === jordan.eid,
        ),
      )
      .toBe(true);
    const popup = await openLoadedPopup();
    const row = teamRow(popup, 'Jordan Okafor');
    // Not the meeting before it, the last one the backup holds.
    await expect.poll(() => factOf(row, 'Last 1:1')).toBe(popupDay(jordan.start));

    // Alex's 1:1 of that week, opened: it has started, so it is the last 1:1 in both places.
    const alex = oneOnOne('Alex Rivera');
    const panel = await openPanel(page, { eid: alex.eid, name: 'Alex Rivera' });
    const shortDay = new Date(alex.start).toLocaleDateString(undefined, {
      month: 'short',
      day: 'numeric',
    });
    await expect
      .poll(() => panel.locator('.cbc-cadence').innerText())
      .toContain(`Last 1:1 ${shortDay}`);
    await popup.reload();
    await openSection(popup, 'People');
    await expect
      .poll(() => factOf(teamRow(popup, 'Alex Rivera'), 'Last 1:1'))
      .toBe(popupDay(alex.start));
    await popup.close();
  });
});

describe('cadence', () => {
  it("takes a new person's cadence from the weekly series, and the manager can change it", async () => {
    const hostile = demo.hostile!;
    const name = hostile.guests.find((guest) => guest.email === 'mallory@example.com')!.name;
    await openPanel(page, { eid: hostile.eid, name });
    const popup = await openLoadedPopup();
    const row = teamRow(popup, name);
    const cadence = row.getByRole('combobox', { name: `Cadence with ${name}`, exact: true });
    await expect.poll(() => cadence.inputValue()).toBe('7');
    await row.getByText("(from the calendar series' recurrence)").waitFor();
    // Hostile names stay text in the popup too.
    expect(await popup.locator('img[src="x"]').count()).toBe(0);

    await cadence.selectOption({ label: 'Monthly' });
    await row.getByText('(your choice)').waitFor();
    // Opening the weekly series again does not undo the manager's choice.
    await page.reload();
    await page.locator('[role="main"] [data-eventchip]').first().waitFor();
    await openPanel(page, { eid: hostile.eid, name });
    await popup.reload();
    await openSection(popup, 'People');
    await expect
      .poll(() =>
        teamRow(popup, name)
          .getByRole('combobox', { name: `Cadence with ${name}`, exact: true })
          .inputValue(),
      )
      .toBe('30');
    await popup.close();
  });
});

describe('"Hide notes"', () => {
  it('blurs the last meeting’s wellbeing too, and one switch serves the popup and the panel', async () => {
    const alex = oneOnOne('Alex Rivera');
    const panel = await openPanel(page, { eid: alex.eid, name: 'Alex Rivera' });
    const wellbeing = panel.getByText(/wellbeing \d\/5/);
    expect(await blurOf(wellbeing)).not.toContain('blur');

    // Turned on in the popup: the panel in the Calendar tab hides its private values.
    const popup = await openLoadedPopup();
    await popup.getByRole('button', { name: 'Hide notes', pressed: false }).click();
    await popup.getByRole('button', { name: 'Hide notes', pressed: true }).waitFor();
    const trend = teamRow(popup, 'Alex Rivera').locator('dd.cbc-private');
    await expect.poll(() => blurOf(trend)).toContain('blur');
    await expect.poll(() => blurOf(wellbeing)).toContain('blur');
    await expect
      .poll(() => blurOf(panel.getByText(alex.lastNotes, { exact: true })))
      .toContain('blur');

    // Turned off in the panel: the popup follows.
    await panel.getByRole('button', { name: 'Hide notes' }).click();
    await popup.getByRole('button', { name: 'Hide notes', pressed: false }).waitFor();
    await expect.poll(() => blurOf(wellbeing)).not.toContain('blur');
    await popup.close();
  });
});

describe('badges', () => {
  it('name what they count: a chip’s, and the toolbar button’s', async () => {
    const sam = oneOnOne('Sam Chen');
    const count = sam.openItems.length;
    const label = `${count} open action item${count === 1 ? '' : 's'} with Sam Chen`;
    await expect
      .poll(() =>
        page.evaluate(() =>
          Array.from(
            document.querySelector('cbc-badges')?.shadowRoot?.querySelectorAll('span') ?? [],
          ).map((badge) => [
            badge.getAttribute('role'),
            badge.getAttribute('aria-label'),
            badge.title,
          ]),
        ),
      )
      .toContainEqual(['img', label, label]);
    // Its accessible name, as assistive technology gets it.
    await page.getByRole('img', { name: label }).waitFor({ state: 'attached' });
    // A click on the badge opens the event, as a click on the chip would.
    await page.getByRole('img', { name: label }).click();
    await page.locator(`[role="dialog"] #xDetDlg[data-eventid="${sam.eid}"]`).waitFor();
    expect(await chipOf(page, sam.eid).count()).toBe(1);

    const open = demo.backup.data.actionItems.filter((item) => item.open === 1).length;
    await expect
      .poll(() =>
        browser.serviceWorker.evaluate(() =>
          (
            globalThis as unknown as {
              chrome: { action: { getTitle(details: object): Promise<string> } };
            }
          ).chrome.action.getTitle({}),
        ),
      )
      .toBe(`Craft Beyond Code: ${open} open action items`);
  });
});
