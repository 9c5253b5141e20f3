// Hostile text in a real Chromium with the built extension: the demo calendar's hostile 1:1
// (title and counterpart name are markup that sets `window.__cbcPwned`), and its seeded history
// holds corpus strings as the last meeting's notes, open action items and talking points. Open
// it: nothing runs — in Calendar's page (main world, where inline handlers of injected markup
// would run, also for markup inside our shadow root) nor in the extension's popup — every text
// is on screen as text, and what the store holds is exactly what was seeded.
//
// A control proves the canary can fire on this page: markup parsed in the main world sets it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriesKeyOf } from '@/utils/calendar/eid';
import type { DemoBackup, DemoData } from '../demo/demo-data';
import { hostileNames, hostileStrings } from '../fixtures/hostile-strings';
import {
  launchExtension,
  openDemoCalendar,
  openOneOnOne,
  openPopup,
  panelOf,
  readStoreTable,
  routeDemoCalendar,
  seedDemoData,
  type LaunchedExtension,
} from './harness';

const DAY = 86_400_000;
const MALLORY = 'mallory@example.com';

let browser: LaunchedExtension;
let demo: DemoData;
let backup: DemoBackup;
/** Corpus strings seeded as items and talking points (a spread of kinds, each kept short). */
const itemTexts = hostileStrings.filter((text) => text.length < 200).slice(0, 24);
const pointTexts = hostileStrings.filter((text) => text.length < 200).slice(24, 44);
const lastNotes = hostileStrings.filter((text) => text.length < 200).join('\n');

const pwned = (page: Page) => page.evaluate(() => (window as { __cbcPwned?: unknown }).__cbcPwned);

/** The demo backup plus Mallory's history: one earlier meeting with notes, items, points. */
function withHostileHistory(data: DemoData): DemoBackup {
  const hostile = data.hostile!;
  const seriesKey = seriesKeyOf(hostile.eventId);
  const earlier = hostile.start - 7 * DAY;
  const copy = structuredClone(data.backup);
  copy.data.people.push({
    email: MALLORY,
    name: hostileNames[0]!,
    cadenceDays: 7,
    cadenceSource: 'manager',
    profileNotes: lastNotes,
    archived: 0,
    createdAt: earlier - DAY,
    updatedAt: earlier - DAY,
  });
  copy.data.meetings.push({
    eid: 'hostile-earlier-eid',
    seriesKey,
    personEmail: MALLORY,
    start: earlier,
    title: hostile.title,
    createdAt: earlier,
  });
  copy.data.notes.push({
    meetingEid: 'hostile-earlier-eid',
    personEmail: MALLORY,
    meetingStart: earlier,
    text: lastNotes,
    wellbeing: 3,
    updatedAt: earlier,
  });
  itemTexts.forEach((text, index) =>
    copy.data.actionItems.push({
      id: `hostile-item-${index}`,
      personEmail: MALLORY,
      // Backups hold single-line fields as the store keeps them: trimmed.
      text: text.trim(),
      owner: index % 2 === 0 ? 'me' : 'them',
      due: '',
      meetingEid: 'hostile-earlier-eid',
      createdAt: earlier + index,
      updatedAt: earlier + index,
      doneAt: null,
      open: 1,
    }),
  );
  pointTexts.forEach((text, index) =>
    copy.data.talkingPoints.push({
      id: `hostile-point-${index}`,
      personEmail: MALLORY,
      text: text.trim(),
      createdAt: earlier + index,
      discussedAt: null,
      discussedIn: '',
      open: 1,
    }),
  );
  return copy;
}

beforeAll(async () => {
  browser = await launchExtension();
  demo = await routeDemoCalendar(browser.context, { now: Date.now(), hostileEvent: true });
  backup = withHostileHistory(demo);
  await seedDemoData(browser.context, browser.extensionId, backup);
});

afterAll(async () => {
  await browser?.close();
});

describe('a 1:1 whose title, counterpart and history are hostile', () => {
  it('the canary works on this page: markup parsed in the main world fires it', async () => {
    const page = await openDemoCalendar(browser.context, demo);
    expect(await pwned(page)).toBeUndefined();
    await page.evaluate(() => {
      const probe = document.createElement('div');
      // The control deliberately parses markup, to prove inline handlers can run here.
      probe.innerHTML = '<img src="data:," onerror="window.__cbcPwned=1">';
      document.body.append(probe);
    });
    await expect.poll(() => pwned(page)).toBe(1);
    await page.close();
  });

  it('shows every text as text and runs nothing, in the page and in the popup', async () => {
    const errors: string[] = [];
    const page = await openDemoCalendar(browser.context, demo);
    page.on('pageerror', (error) => errors.push(String(error)));
    const hostile = demo.hostile!;
    await openOneOnOne(page, { eid: hostile.eid, person: { name: hostileNames[0]! } });
    const panel = panelOf(page, `1:1 with ${hostileNames[0]}`);
    await panel.waitFor();
    const items = panel.getByRole('list', { name: 'Open action items' });
    // The panel lists the oldest 20 at first; every hostile one is asked for.
    await panel.getByRole('button', { name: `Show all ${itemTexts.length} open items` }).click();
    await items
      .getByRole('checkbox')
      .nth(itemTexts.length - 1)
      .waitFor();
    expect(await items.getByRole('checkbox').count()).toBe(itemTexts.length);
    await panel.getByRole('heading', { name: 'Last meeting' }).waitFor();

    // Visible, as text, where a user looks for them.
    await panel
      .getByText('<script>window.__cbcPwned=1</script>', { exact: true })
      .first()
      .waitFor();
    await items
      .getByRole('checkbox', { name: '<img src=x onerror="window.__cbcPwned=1">' })
      .waitFor();

    // The panel is its frame's whole body now (the frame's <head> holds our own script and
    // stylesheet links, which are not injected markup).
    const shown = await panel.evaluate((landmark) => ({
      text: landmark.textContent ?? '',
      injected: landmark.ownerDocument.body.querySelectorAll(
        'img, script, iframe, object, embed, video, math, details, a, base, meta, link, template',
      ).length,
      handlers: Array.from(landmark.ownerDocument.body.querySelectorAll('*')).filter((element) =>
        element.getAttributeNames().some((name) => name.startsWith('on')),
      ).length,
    }));
    expect(shown.injected).toBe(0);
    expect(shown.handlers).toBe(0);
    expect(shown.text).toContain(lastNotes);
    for (const text of [...itemTexts, ...pointTexts]) expect(shown.text).toContain(text.trim());
    expect(shown.text).toContain(hostileNames[0]);

    // Type hostile text into this meeting's notes; it is stored exactly, and still nothing runs.
    const typed = hostileStrings.slice(0, 10).join('\n');
    await panel.getByRole('textbox', { name: 'Notes for this meeting' }).fill(typed);
    await panel.getByRole('textbox', { name: 'Notes for this meeting' }).blur();
    const popup = await openPopup(browser.context, browser.extensionId);
    await expect
      .poll(async () => {
        const notes = await readStoreTable<{ meetingEid: string; text: string }>(popup, 'notes');
        return notes.find((note) => note.meetingEid === hostile.eid)?.text;
      })
      .toBe(typed);

    // The seeded records are exactly what was imported (no escaping, no loss).
    const stored = await readStoreTable<{ id: string; text: string }>(popup, 'actionItems');
    for (const item of backup.data.actionItems.filter((i) => i.personEmail === MALLORY)) {
      expect(stored.find((row) => row.id === item.id)?.text).toBe(item.text);
    }

    await popup.getByRole('list', { name: 'Open follow-ups' }).waitFor();
    expect(await pwned(page)).toBeUndefined();
    expect(await pwned(popup)).toBeUndefined();
    expect(
      await popup.evaluate(
        () => document.querySelectorAll('img, iframe, object, embed, script:not([src])').length,
      ),
    ).toBe(0);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
