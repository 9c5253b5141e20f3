// The side panel on the demo calendar, driven as a user would, through the accessibility
// contract of docs/accessibility.md (landmark "1:1 with <name>", heading "Last meeting", …).
//
// Absence checks ("no panel") are made only after the content script has provably looked at
// the surface: guest rows present, two animation frames passed (the watcher batches one pass
// per frame), and the same page having shown a panel earlier in the test.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoData } from '../demo/demo-data';
import {
  chipOf,
  launchExtension,
  openDemoCalendar,
  openEventPopover,
  openOneOnOne,
  panelOf,
  routeDemoCalendar,
  seedDemoData,
  type LaunchedExtension,
} from './harness';

let browser: LaunchedExtension;
let demo: DemoData;
let page: Page;

beforeAll(async () => {
  browser = await launchExtension();
  // Under a policy like Google's (nonce + strict-dynamic, Trusted Types): the frame is not blocked.
  demo = await routeDemoCalendar(browser.context, {
    now: Date.now(),
    hostileEvent: true,
    googleLikeCsp: true,
  });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await seedDemoData(browser.context, browser.extensionId, demo.backup);
  await page?.close();
  page = await openDemoCalendar(browser.context, demo);
});

const oneOnOne = (name: string) => demo.oneOnOnes.find((o) => o.person.name === name)!;

async function afterGuestsSettled(target: Page): Promise<void> {
  await target.locator('[role="dialog"] #xDetDlgAtt').waitFor();
  await target.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}

describe('a 1:1', () => {
  it('shows the last meeting’s notes beside the popover', async () => {
    const alex = oneOnOne('Alex Rivera');
    await openOneOnOne(page, alex);
    const panel = panelOf(page, `1:1 with ${alex.person.name}`);
    await panel.waitFor();
    await panel.getByRole('heading', { name: 'Last meeting' }).waitFor();
    await panel.getByText(alex.lastNotes).waitFor();
  });

  it('offers notes, open action items and talking points by their names', async () => {
    const sam = oneOnOne('Sam Chen');
    await openOneOnOne(page, sam);
    const panel = panelOf(page, `1:1 with ${sam.person.name}`);
    await panel.waitFor();
    await panel.getByRole('textbox', { name: 'Notes for this meeting' }).waitFor();
    const items = panel.getByRole('list', { name: 'Open action items' });
    for (const text of sam.openItems) await items.getByRole('checkbox', { name: text }).waitFor();
    expect(await items.getByRole('checkbox').count()).toBe(sam.openItems.length);
    await panel.getByRole('textbox', { name: 'New action item' }).waitFor();
    await panel.getByRole('button', { name: 'Add action item' }).waitFor();
    await panel.getByRole('textbox', { name: 'New talking point' }).waitFor();
    await panel.getByRole('button', { name: 'Add talking point' }).waitFor();
    const points = panel.getByRole('list', { name: 'Talking points' });
    for (const text of sam.talkingPoints) await points.getByText(text).waitFor();
  });

  it('opens from the keyboard: Enter on a focused chip', async () => {
    const jordan = oneOnOne('Jordan Okafor');
    await chipOf(page, jordan.eid).focus();
    await page.keyboard.press('Enter');
    await panelOf(page, `1:1 with ${jordan.person.name}`).waitFor();
  });

  it('keeps the notes typed in it: close the popover, reopen, they are there', async () => {
    const priya = oneOnOne('Priya Natarajan');
    await openOneOnOne(page, priya);
    const notes = panelOf(page).getByRole('textbox', { name: 'Notes for this meeting' });
    await notes.fill('Agreed: Priya drops billing at month end.');
    // From the keyboard: Escape in the panel gives focus back to the popover, Escape closes it
    // (the expanded panel may cover the popover's close button: the user opened it over it).
    // The second Escape comes once the focus is back on the popover, as a user sees it there.
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null))
      .toBe(true);
    await page.keyboard.press('Escape');
    await panelOf(page).waitFor({ state: 'detached' });
    await openOneOnOne(page, priya);
    await expect
      .poll(
        () => panelOf(page).getByRole('textbox', { name: 'Notes for this meeting' }).inputValue(),
        {
          timeout: 10_000,
        },
      )
      .toBe('Agreed: Priya drops billing at month end.');
  });

  it('keeps keystrokes and clicks in the panel away from Calendar’s shortcuts', async () => {
    // Control: on the page itself, "c" opens Calendar's quick-create dialog.
    await page.locator('body').press('c');
    await page.locator('#tabEvent').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#tabEvent').waitFor({ state: 'detached' });

    const alex = oneOnOne('Alex Rivera');
    await openOneOnOne(page, alex);
    const notes = panelOf(page).getByRole('textbox', { name: 'Notes for this meeting' });
    await notes.click();
    await notes.pressSequentially('c check calendar access');
    expect(await notes.inputValue()).toBe('c check calendar access');
    await afterGuestsSettled(page);
    expect(await page.locator('#tabEvent').count()).toBe(0);
    // The click into the panel did not close the popover (Calendar closes on pointerdown outside).
    expect(await page.locator(`#xDetDlg[data-eventid="${alex.eid}"]`).count()).toBe(1);
  });
});

describe('not a 1:1', () => {
  it('shows no panel for a group meeting', async () => {
    // The content script is live on this page: a 1:1 shows the panel, closing hides it.
    const alex = oneOnOne('Alex Rivera');
    await openOneOnOne(page, alex);
    await panelOf(page).waitFor();
    await page.keyboard.press('Escape');
    await panelOf(page).waitFor({ state: 'detached' });

    await openEventPopover(page, demo.groupMeeting.eid);
    await afterGuestsSettled(page);
    expect(await page.locator('#xDetDlgAtt [data-email]').count()).toBe(7);
    expect(await panelOf(page).count()).toBe(0);
  });

  it('removes the panel when the open popover is reused for a group meeting', async () => {
    const sam = oneOnOne('Sam Chen');
    await openOneOnOne(page, sam);
    await panelOf(page, `1:1 with ${sam.person.name}`).waitFor();
    await openEventPopover(page, demo.groupMeeting.eid);
    await panelOf(page).waitFor({ state: 'detached' });
    // Still the same dialog shell, now showing the group meeting.
    expect(await page.locator('[role="dialog"][data-chips-dialog="true"]:visible').count()).toBe(1);
  });

  it('follows the reused popover from one 1:1 to another', async () => {
    const alex = oneOnOne('Alex Rivera');
    const jordan = oneOnOne('Jordan Okafor');
    const sam = oneOnOne('Sam Chen');
    await openOneOnOne(page, alex);
    await panelOf(page, `1:1 with ${alex.person.name}`).waitFor();
    // The demo swaps #xDetDlg for a new node on every second reuse, so both ways are covered.
    await openOneOnOne(page, jordan);
    await panelOf(page, `1:1 with ${jordan.person.name}`).waitFor();
    await openOneOnOne(page, sam);
    await panelOf(page, `1:1 with ${sam.person.name}`).waitFor();
    await panelOf(page, `1:1 with ${alex.person.name}`).waitFor({ state: 'detached' });
  });
});

describe('hostile page text', () => {
  it('renders a hostile title and guest name as text and runs nothing', async () => {
    const hostile = demo.hostile!;
    const guestName = hostile.guests.find((g) => !g.organizer)!.name;
    await openOneOnOne(page, { eid: hostile.eid, person: { name: guestName } });
    await panelOf(page, `1:1 with ${guestName}`).waitFor();
    await afterGuestsSettled(page);
    expect(await page.evaluate(() => (window as { __cbcPwned?: unknown }).__cbcPwned)).toBe(
      undefined,
    );
    expect(await panelOf(page).locator('img, svg[onload], script').count()).toBe(0);
  });
});

describe('the full event page', () => {
  it('shows the panel for a 1:1 opened as a page, and not after going back', async () => {
    const alex = oneOnOne('Alex Rivera');
    await openOneOnOne(page, alex);
    await page.getByRole('button', { name: 'Open event page' }).click();
    await page.locator(`[data-is-create="false"][data-eid="${alex.eid}"]`).waitFor();
    expect(page.url()).toContain('/r/eventedit/');
    await panelOf(page, `1:1 with ${alex.person.name}`).waitFor();
    await page.getByRole('button', { name: 'Back' }).click();
    await page.locator('[role="main"] [data-eventchip]').first().waitFor();
    await panelOf(page).waitFor({ state: 'detached' });
  });
});
