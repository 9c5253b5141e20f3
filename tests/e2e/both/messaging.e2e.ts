// Who can talk to the background, and where the data lives, in each browser of the run: the
// store is the extension's IndexedDB (never Calendar's), malformed requests from an extension
// page get an error reply and write nothing, web pages and Calendar's own scripts get no
// channel, a lookalike host gets no content script, and Calendar's page cannot pose as the
// content script to the panel's frame.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoData } from '../../demo/demo-data';
import { demoCalendarServer, demoWeekUrl, storeDatabasesAmong } from '../harness';
import { browsers, type ExtensionBrowser, type Tab } from '../drivers';
import { sendMessageInPage } from '../drivers/in-page';
import {
  closePopoverByClick,
  databaseNames,
  openEventPopover,
  openPanel,
  panelOf,
  readStoreTable,
  sendFromExtensionPage,
} from './helpers';

const LOOKALIKE = 'https://calendar.google.com.evil.example';
const TABLES = [
  'people',
  'projects',
  'assignments',
  'meetings',
  'notes',
  'actionItems',
  'talkingPoints',
  'seriesOverrides',
] as const;

async function tableCounts(page: Tab): Promise<Record<(typeof TABLES)[number], number>> {
  const counts = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) counts[table] = (await readStoreTable(page, table)).length;
  return counts;
}

const cbcElements = (tab: Tab) =>
  tab.evaluate(
    () =>
      Array.from(document.querySelectorAll('*')).filter((el) => el.tagName.startsWith('CBC-'))
        .length,
  );

describe.each(browsers)('%s', (_label, driver) => {
  let browser: ExtensionBrowser;
  let demo: DemoData;
  const opened: Tab[] = [];

  beforeAll(async () => {
    browser = await driver.launch();
    demo = await browser.serveCalendar({ now: Date.now() });
    browser.serveOrigin('https://example.com', () => ({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>Other site</title><p>Other site</p>',
    }));
    // The lookalike host serves the very same calendar page and script.
    const lookalike = await demoCalendarServer({ demo });
    browser.serveOrigin(LOOKALIKE, (url) =>
      lookalike.respond(url.replace(LOOKALIKE, 'https://calendar.google.com')),
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    await browser.seed(demo.backup);
    while (opened.length > 0) await opened.pop()!.close();
  });

  const track = (tab: Tab) => {
    opened.push(tab);
    return tab;
  };

  it('keeps what the panel records in the extension’s IndexedDB, not the page’s', async () => {
    const store = await browser.storePage();
    const jordan = demo.oneOnOnes[0]!;
    const before = await readStoreTable<{ eid: string }>(store, 'meetings');
    expect(before.some((m) => m.eid === jordan.eid)).toBe(false);

    const page = track(await browser.openCalendar(demo));
    await openPanel(page, jordan);
    // Opening the 1:1 recorded this week's occurrence through the background.
    await expect
      .poll(async () =>
        (await readStoreTable<{ eid: string }>(store, 'meetings')).map((m) => m.eid),
      )
      .toContain(jordan.eid);
    expect(storeDatabasesAmong(await databaseNames(store))).toHaveLength(1);
    expect(storeDatabasesAmong(await databaseNames(page))).toEqual([]);
  });

  it('refuses malformed requests from an extension page with an error, and writes nothing', async () => {
    const popup = track(await browser.openExtensionPage('popup.html'));
    const before = await tableCounts(popup);
    const someone = demo.oneOnOnes[0]!.person.email;
    const malformed: unknown[] = [
      { type: 'dropAllTables', payload: {} },
      { type: 'addActionItem', payload: { personEmail: 42, text: 'x', owner: 'me', due: '' } },
      {
        type: 'addActionItem',
        payload: {
          personEmail: someone,
          text: 'A'.repeat(1024 * 1024),
          owner: 'me',
          due: '',
          meetingEid: '',
        },
      },
      { type: 'addTalkingPoint', payload: { personEmail: someone, text: 'ok', extra: '<img>' } },
      { type: '__proto__', payload: {} },
      { type: 'importBackup', payload: { backup: '{"format":"nope"}' } },
      'not even an object',
      null,
    ];
    for (const message of malformed) {
      const reply = await sendFromExtensionPage(popup, message);
      const label = String(JSON.stringify(message)).slice(0, 80);
      expect(reply, label).toMatchObject({ ok: false });
      expect(reply && !reply.ok && reply.error.length, label).toBeGreaterThan(0);
    }
    expect(await tableCounts(popup)).toEqual(before);

    // The same path does write when the request is well formed (the check above can fail).
    const good = await sendFromExtensionPage(popup, {
      type: 'addTalkingPoint',
      payload: { personEmail: someone, text: 'A well-formed point' },
    });
    expect(good).toMatchObject({ ok: true });
    expect((await tableCounts(popup)).talkingPoints).toBe(before.talkingPoints + 1);
  });

  it('gives web pages no channel to the background, and runs no content script outside Calendar', async () => {
    const probe = () =>
      new Promise<string>((resolve) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
          ?.runtime;
        if (typeof runtime?.sendMessage !== 'function') return resolve('no runtime.sendMessage');
        try {
          (runtime.sendMessage as (m: unknown, cb: (r: unknown) => void) => void)(
            { type: 'deleteAllData', payload: { confirm: 'delete everything' } },
            (reply) => resolve(`reply: ${JSON.stringify(reply ?? null)}`),
          );
        } catch (error) {
          resolve(`threw: ${String(error)}`);
        }
      });
    const other = track(await browser.newTab('https://example.com/'));
    await other.getByText('Other site').first().waitFor({ state: 'attached' });
    expect(await other.evaluate(probe)).not.toMatch(/"ok":true/);
    expect(await other.evaluate(() => typeof (globalThis as { browser?: unknown }).browser)).toBe(
      'undefined',
    );
    expect(await cbcElements(other)).toBe(0);

    // Calendar's own scripts (the page's main world) cannot reach it either.
    const calendar = track(await browser.openCalendar(demo));
    expect(await calendar.evaluate(probe)).not.toMatch(/"ok":true/);
    const store = await browser.storePage();
    expect((await readStoreTable(store, 'people')).length).toBe(demo.backup.data.people.length);
  });

  it('runs no content script on a lookalike host serving the same calendar', async () => {
    // Control: on calendar.google.com the content script shows the panel.
    const alex = demo.oneOnOnes[1]!;
    const real = track(await browser.openCalendar(demo));
    await openPanel(real, alex);

    const fake = track(
      await browser.newTab(demoWeekUrl(demo).replace('https://calendar.google.com', LOOKALIKE)),
    );
    await fake.locator('[role="main"] [data-eventchip]').first().waitFor();
    await openEventPopover(fake, alex.eid);
    await fake.locator('[role="dialog"] #xDetDlgAtt').waitFor();
    expect(new URL(await fake.url()).host).toBe('calendar.google.com.evil.example');
    expect(await cbcElements(fake)).toBe(0);
  });

  it('hears the panel’s frame as an extension page in its own tab', async () => {
    // The frame claims its channel with runtime.sendMessage: the background must see its tab
    // (the claim is bound to the tab that announced the nonce) and its extension-page URL
    // (content scripts may not claim). An unknown nonce is then simply not granted.
    const page = track(await browser.openCalendar(demo));
    await openPanel(page, demo.oneOnOnes[1]!);
    const reply = await page
      .panelFrame()
      .evaluate(sendMessageInPage, { type: 'claimPanelChannel', payload: { nonce: randomUUID() } });
    expect(reply).toEqual({ ok: true, value: false });
  });

  it('lets no one but the content script hand the panel its channel', async () => {
    // Calendar's page holds the frame's window and may post a hello with a port of its own; it
    // never knows an announced nonce, so the frame never answers on that port.
    const alex = demo.oneOnOnes[1]!;
    const page = track(await browser.openCalendar(demo));
    await openPanel(page, alex);
    const answered = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const frame = document.querySelector('cbc-panel')?.shadowRoot?.querySelector('iframe');
          if (!frame?.contentWindow) return resolve('no frame reachable');
          const channel = new MessageChannel();
          channel.port1.onmessage = (event) => resolve(`answered: ${JSON.stringify(event.data)}`);
          frame.contentWindow.postMessage(
            { kind: 'cbc-panel-hello', nonce: crypto.randomUUID() },
            '*',
            [channel.port2],
          );
          setTimeout(() => resolve('silent'), 1500);
        }),
    );
    expect(answered).toBe('silent');
    // And the real channel still works: the panel follows the next event.
    await closePopoverByClick(page);
    await panelOf(page).waitFor({ state: 'detached' });
    await openPanel(page, demo.oneOnOnes[0]!);
  });
});
