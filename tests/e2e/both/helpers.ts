// What the shared scenarios (tests/e2e/both/) do often, over the driver-neutral API.

import { STORE_DATABASE } from '../harness';
import { databaseNamesInPage, readTableInPage, sendMessageInPage } from '../drivers/in-page';
import type { Doc, Locator, Tab } from '../drivers/types';

/** The chip of an event in the grid (timed chips are the role=button element itself). */
export function chipOf(tab: Tab, eid: string): Locator {
  return tab.locator(`[role="main"] [data-eventchip][data-eventid="${eid}"]`);
}

/** Click an event's chip and wait until its popover shows its eid. */
export async function openEventPopover(tab: Tab, eid: string): Promise<Locator> {
  await chipOf(tab, eid).click();
  const details = tab.locator(`[role="dialog"] #xDetDlg[data-eventid="${eid}"]`);
  await details.waitFor();
  return details;
}

/** Whether the panel's frame is shown, and how: 'panel', 'tab', 'override'; null while it waits. */
export function panelFrameState(tab: Tab): Promise<string | null> {
  return tab.evaluate(() => {
    const frame = document.querySelector('cbc-panel')?.shadowRoot?.querySelector('iframe');
    return frame?.classList.contains('cbc-shown') ? (frame.dataset.state ?? null) : null;
  });
}

/**
 * A 1:1's panel as a user reaches it once the frame shows it: where it came up collapsed to its
 * tab (the docked panel would have covered the popover), a click on the tab.
 */
export async function expandPanel(
  tab: Tab,
  name: string,
  /** The landmark's and the tab's names in a browser of another language (LaunchOptions.locale). */
  names: { landmark: string; tab: string } = {
    landmark: `1:1 with ${name}`,
    tab: `Open 1:1 notes with ${name}`,
  },
): Promise<void> {
  const frame = tab.panelFrame();
  const landmark = frame.getByRole('complementary', { name: names.landmark });
  const open = frame.getByRole('button', { name: names.tab });
  for (const started = Date.now(); Date.now() - started < 30_000;) {
    // The frame may still show the previous event, or the override control for a moment.
    const state = await panelFrameState(tab);
    if (state === 'panel' && (await landmark.count()) > 0) return;
    if (state === 'tab' && (await open.count()) > 0) {
      await open.click();
      await landmark.waitFor();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The panel of the 1:1 with ${name} never showed.`);
}

/**
 * Closes the open popover with its close button, as a mouse user would: where the user opened
 * the panel over the popover, they collapse it first to reach the button.
 */
export async function closePopoverByClick(tab: Tab): Promise<void> {
  const covered = await tab.evaluate(() => {
    const button = document.querySelector('[role="dialog"] #xDetDlgCloseBu');
    if (!button) return false;
    const box = button.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit?.localName === 'cbc-panel';
  });
  if (covered) await tab.panelFrame().getByRole('button', { name: 'Collapse the panel' }).click();
  await tab.locator('[role="dialog"] #xDetDlgCloseBu').click();
}

/** The side panel's landmark, inside its frame. */
export function panelOf(tab: Tab, name: string | RegExp = /^1:1 with/): Locator {
  return tab.panelFrame().getByRole('complementary', { name });
}

/** Open a 1:1's popover and wait until its panel shows its data (the notes editor). */
export async function openPanel(
  tab: Tab,
  who: { eid: string; person: { name: string } },
): Promise<Locator> {
  await openEventPopover(tab, who.eid);
  await expandPanel(tab, who.person.name);
  const panel = panelOf(tab, `1:1 with ${who.person.name}`);
  await panel.getByRole('textbox', { name: 'Notes for this meeting' }).waitFor();
  return panel;
}

/** Calendar's single-frame batching: two frames after the last change, our watcher has run. */
export async function afterTwoFrames(doc: Doc): Promise<void> {
  await doc.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}

/** Every record of one store table, read in an extension page with the plain IndexedDB API. */
export async function readStoreTable<T = Record<string, unknown>>(
  doc: Doc,
  table: string,
): Promise<T[]> {
  return (await doc.evaluate(readTableInPage, { database: STORE_DATABASE, table })) as T[];
}

export function databaseNames(doc: Doc): Promise<string[]> {
  return doc.evaluate(databaseNamesInPage);
}

/** What the background answered (utils/messaging/protocol.ts Reply). */
export type WireReply = { ok: true; value: unknown } | { ok: false; error: string };

/** Send one request from an extension page, as the popup does, and return the raw reply. */
export async function sendFromExtensionPage(
  doc: Doc,
  message: unknown,
): Promise<WireReply | undefined> {
  return (await doc.evaluate(sendMessageInPage, message)) as WireReply | undefined;
}

/**
 * The text of our badge over a chip's top-right corner, or null when none is shown there (the
 * badges live in the `cbc-badges` host's shadow root on <body>, each over its chip's corner).
 */
export async function chipBadgeText(tab: Tab, eid: string): Promise<string | null> {
  return tab.evaluate((chipEid) => {
    const chip = document.querySelector(
      `[role="main"] [data-eventchip][data-eventid="${CSS.escape(chipEid)}"]`,
    );
    const host = document.querySelector('cbc-badges');
    if (!chip || !host?.shadowRoot) return null;
    const corner = chip.getBoundingClientRect();
    for (const badge of host.shadowRoot.querySelectorAll('span')) {
      const box = badge.getBoundingClientRect();
      if (box.width === 0) continue;
      const centerX = box.left + box.width / 2;
      const centerY = box.top + box.height / 2;
      if (Math.hypot(centerX - corner.right, centerY - corner.top) < 24) return badge.textContent;
    }
    return null;
  }, eid);
}

/**
 * A section of the popup (a region named by its heading), its tab selected first: the popup
 * shows one section at a time (the options page every section, without tabs).
 */
export async function openSection(tab: Tab, name: string): Promise<Locator> {
  const sectionTab = tab.getByRole('tab', { name, exact: true });
  const region = tab.getByRole('region', { name, exact: true });
  // Until the app replaces the first paint's skeleton there is neither: asked then, "no tab"
  // would skip the click on a popup that reopens on another tab (seen on a busy machine).
  for (const started = Date.now(); Date.now() - started < 15_000;) {
    if ((await sectionTab.count()) > 0) {
      await sectionTab.click();
      return region;
    }
    if ((await region.count()) > 0) return region;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The popup never showed its ${name} section.`);
}

/** Opens the card menu of the person or project named `name` (a click) and returns the menu. */
export async function openCardMenu(scope: Tab | Locator, name: string): Promise<Locator> {
  await scope.getByRole('button', { name: `More actions for ${name}`, exact: true }).click();
  const menu = scope.getByRole('menu', { name: `More actions for ${name}`, exact: true });
  await menu.waitFor();
  return menu;
}

/** Chooses `action` (a menu item's name) in the card menu of `name`. */
export async function cardAction(
  scope: Tab | Locator,
  name: string,
  action: string,
): Promise<void> {
  const menu = await openCardMenu(scope, name);
  await menu.getByRole('menuitem', { name: action, exact: true }).click();
  await menu.waitFor({ state: 'detached' });
}
