// Who can talk to the background, in a real Chromium. Complements foundation.e2e.ts (malformed
// requests from an extension page; example.com and Calendar's main world get no channel):
// - a lookalike host (calendar.google.com.evil.example) serving the very same calendar page gets
//   no content script at all (no isolated world of ours, no cbc- element, no panel);
// - inside the real content script's isolated world on calendar.google.com, IndexedDB is
//   Calendar's, never the extension's, and malformed or unknown requests sent from there (a
//   trusted sender) are refused with an error reply and write nothing;
// - another installed extension cannot message or connect to ours.
//
// The isolated world is reached through the DevTools protocol: each content script world is an
// execution context whose origin is `chrome-extension://<id>`.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { DemoData } from '../demo/demo-data';
import {
  CHROMIUM_PATH,
  DEFAULT_EXTENSION_PATH,
  REPO_ROOT,
  STORE_DATABASE,
  storeDatabasesAmong,
  databaseNames,
  demoWeekUrl,
  openEventPopover,
  openOneOnOne,
  openPopup,
  panelOf,
  readStoreTable,
  routeDemoCalendar,
  seedDemoData,
} from './harness';

const LOOKALIKE = 'https://calendar.google.com.evil.example';
const TABLES = ['people', 'meetings', 'notes', 'actionItems', 'talkingPoints', 'projects'];

let context: BrowserContext;
let profile: string;
let probeDir: string;
let extensionId: string;
let probeId: string;
let demo: DemoData;

/** A second, unrelated extension with one page, from which we try to reach ours. */
async function writeProbeExtension(dir: string): Promise<void> {
  await writeFile(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Probe',
      version: '1.0',
      background: { service_worker: 'probe-worker.js' },
    }),
  );
  await writeFile(path.join(dir, 'probe-worker.js'), '// keeps an id discoverable\n');
  await writeFile(path.join(dir, 'probe.html'), '<!doctype html><title>Probe</title>');
}

beforeAll(async () => {
  profile = await mkdtemp(path.join(tmpdir(), 'cbc-hardening-'));
  probeDir = await mkdtemp(path.join(tmpdir(), 'cbc-probe-'));
  await writeProbeExtension(probeDir);
  const extensions = `${DEFAULT_EXTENSION_PATH},${probeDir}`;
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const idOf = async (file: string) => {
    const worker =
      context.serviceWorkers().find((w) => w.url().endsWith(file)) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().endsWith(file),
        timeout: 15_000,
      }));
    return new URL(worker.url()).host;
  };
  extensionId = await idOf('/background.js');
  probeId = await idOf('/probe-worker.js');
  demo = await routeDemoCalendar(context, { now: Date.now() });

  // The lookalike host serves the same page and script as the demo calendar.
  const [template, script] = await Promise.all([
    readFile(path.join(REPO_ROOT, 'tests/demo/calendar-page.html'), 'utf8'),
    readFile(path.join(REPO_ROOT, 'tests/demo/calendar-demo.js'), 'utf8'),
  ]);
  const data = JSON.stringify(demo.calendar).replace(/</g, '\\u003c');
  const body = template
    .replace('{{THEME}}', () => 'light')
    .replace('{{THEME_COLOR}}', () => '#F8FAFD')
    .replace('{{DATA}}', () => data);
  await context.route(`${LOOKALIKE}/**`, (route) =>
    new URL(route.request().url()).pathname.endsWith('calendar-demo.js')
      ? route.fulfill({ contentType: 'text/javascript', body: script })
      : route.fulfill({ contentType: 'text/html; charset=utf-8', body }),
  );
  await seedDemoData(context, extensionId, demo.backup);
});

afterAll(async () => {
  await context?.close();
  await rm(profile, { recursive: true, force: true });
  await rm(probeDir, { recursive: true, force: true });
});

/** Execution contexts of the page's main frame, collected from the DevTools protocol. */
async function executionContexts(
  page: Page,
): Promise<{ session: CDPSession; contexts: Array<{ id: number; origin: string }> }> {
  const session = await context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string }> = [];
  session.on('Runtime.executionContextCreated', ({ context: created }) =>
    contexts.push({ id: created.id, origin: created.origin }),
  );
  // Runtime.enable reports every existing context before it returns.
  await session.send('Runtime.enable');
  return { session, contexts };
}

async function evaluateIn<T>(session: CDPSession, contextId: number, expression: string) {
  const result = await session.send('Runtime.evaluate', {
    expression,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
  return result.result.value as T;
}

async function counts(page: Page): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = (await readStoreTable(page, table)).length;
  return result;
}

async function openCalendar(url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[role="main"] [data-eventchip]').first().waitFor();
  return page;
}

describe('a lookalike host', () => {
  it('gets no content script: no isolated world of ours, no element, no panel', async () => {
    const ourOrigin = `chrome-extension://${extensionId}`;
    // Control: on calendar.google.com our content script has its world and shows the panel.
    const real = await openCalendar(demoWeekUrl(demo));
    const alex = demo.oneOnOnes[1]!;
    await openOneOnOne(real, alex);
    await panelOf(real, `1:1 with ${alex.person.name}`).waitFor();
    const onReal = await executionContexts(real);
    expect(onReal.contexts.map((c) => c.origin)).toContain(ourOrigin);
    await onReal.session.detach();

    const fake = await openCalendar(
      demoWeekUrl(demo).replace('https://calendar.google.com', LOOKALIKE),
    );
    expect(new URL(fake.url()).host).toBe('calendar.google.com.evil.example');
    await openEventPopover(fake, alex.eid);
    const onFake = await executionContexts(fake);
    expect(onFake.contexts.length).toBeGreaterThan(0);
    expect(onFake.contexts.map((c) => c.origin)).not.toContain(ourOrigin);
    await onFake.session.detach();
    expect(
      await fake.evaluate(
        () =>
          Array.from(document.querySelectorAll('*')).filter((e) => e.tagName.startsWith('CBC-'))
            .length,
      ),
    ).toBe(0);
    expect(await panelOf(fake).count()).toBe(0);
    await Promise.all([real.close(), fake.close()]);
  });
});

describe('the content script’s own world on calendar.google.com', () => {
  it('sees Calendar’s IndexedDB, never the extension’s', async () => {
    const page = await openCalendar(demoWeekUrl(demo));
    const { session, contexts } = await executionContexts(page);
    const ours = contexts.find((c) => c.origin === `chrome-extension://${extensionId}`)!;
    expect(ours).toBeDefined();
    const names = await evaluateIn<string[]>(
      session,
      ours.id,
      '(async () => (await indexedDB.databases()).map((d) => d.name))()',
    );
    expect(storeDatabasesAmong(names)).toEqual([]);
    expect(await evaluateIn<string>(session, ours.id, 'location.origin')).toBe(
      'https://calendar.google.com',
    );
    // The same database name opened from there is an empty one of Calendar's origin.
    const tables = await evaluateIn<string[]>(
      session,
      ours.id,
      `new Promise((resolve) => { const r = indexedDB.open(${JSON.stringify(STORE_DATABASE)});
        r.onsuccess = () => { const n = Array.from(r.result.objectStoreNames); r.result.close();
          indexedDB.deleteDatabase(${JSON.stringify(STORE_DATABASE)}); resolve(n); }; })`,
    );
    expect(tables).toEqual([]);
    const popup = await openPopup(context, extensionId);
    expect(storeDatabasesAmong(await databaseNames(popup))).toHaveLength(1);
    expect((await readStoreTable(popup, 'people')).length).toBe(demo.backup.data.people.length);
    await session.detach();
    await Promise.all([page.close(), popup.close()]);
  });

  it('gets error replies to malformed and unknown requests, and nothing is written', async () => {
    const page = await openCalendar(demoWeekUrl(demo));
    const popup = await openPopup(context, extensionId);
    const before = await counts(popup);
    const { session, contexts } = await executionContexts(page);
    const ours = contexts.find((c) => c.origin === `chrome-extension://${extensionId}`)!;
    const someone = demo.oneOnOnes[0]!.person.email;
    const messages: unknown[] = [
      { type: 'deleteAllData', payload: { confirm: 'yes' } },
      { type: 'exportEverything', payload: {} },
      { type: '__proto__', payload: {} },
      { type: 'toString', payload: {} },
      {
        type: 'saveNote',
        payload: { meetingEid: 'x', text: 'A'.repeat(1024 * 1024), wellbeing: null },
      },
      {
        type: 'addActionItem',
        payload: { personEmail: '<img src=x>', text: 'x', owner: 'me', due: '', meetingEid: '' },
      },
      {
        type: 'addActionItem',
        payload: { personEmail: someone, text: '   ', owner: 'me', due: '', meetingEid: '' },
      },
      {
        type: 'addActionItem',
        payload: { personEmail: someone, text: 'x', owner: 'boss', due: '', meetingEid: '' },
      },
      { type: 'addTalkingPoint', payload: { personEmail: someone, text: 'x' }, extra: true },
      { type: 'importBackup', payload: { backup: '{"format":"nope"}' } },
      { type: 'addTalkingPoint' },
      [],
      null,
      42,
    ];
    const replies = await evaluateIn<unknown[]>(
      session,
      ours.id,
      `(async (messages) => {
        const replies = [];
        for (const m of messages) {
          try { replies.push(await chrome.runtime.sendMessage(m)); }
          catch (e) { replies.push({ thrown: String(e) }); }
        }
        return replies;
      })(${JSON.stringify(messages)})`,
    );
    expect(replies.length).toBe(messages.length);
    replies.forEach((reply, index) => {
      const label = JSON.stringify(messages[index]).slice(0, 60);
      expect(reply, label).toMatchObject({ ok: false });
      expect((reply as { error: string }).error.length, label).toBeGreaterThan(0);
    });
    // Worded for people, with the exact problem kept as the detail.
    expect(replies[4]).toEqual({
      ok: false,
      error: 'This is longer than 100000 characters. Shorten it, then try again.',
      detail: 'saveNote.text: longer than 100000 characters',
    });
    expect(replies[1]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The extension could not read this request/),
      detail: 'Unknown request type "exportEverything".',
    });
    expect(await counts(popup)).toEqual(before);

    // A well-formed write is refused too: the content script may not write at all (the panel's
    // frame and the popup do, from the extension's origin). The counts it draws it does get.
    const write = await evaluateIn<unknown>(
      session,
      ours.id,
      `chrome.runtime.sendMessage({ type: 'addTalkingPoint', payload: { personEmail: ${JSON.stringify(someone)}, text: 'From the content script' } })`,
    );
    expect(write).toEqual({
      ok: false,
      error: 'Refused: addTalkingPoint is not served to content scripts.',
    });
    const read = await evaluateIn<unknown>(
      session,
      ours.id,
      `chrome.runtime.sendMessage({ type: 'openOneOnOne', payload: { event: { eid: 'x', seriesKey: 'x', title: 'x', start: null }, person: { email: ${JSON.stringify(someone)}, name: '' } } })`,
    );
    expect(read).toMatchObject({ ok: false });
    const counts_ = await evaluateIn<{ ok: boolean; value: Record<string, number> }>(
      session,
      ours.id,
      `chrome.runtime.sendMessage({ type: 'getOpenItemCounts', payload: { seriesKeys: [${JSON.stringify(demo.oneOnOnes[0]!.seriesKey)}] } })`,
    );
    expect(counts_.ok).toBe(true);
    expect(Object.keys(counts_.value)).toEqual([demo.oneOnOnes[0]!.seriesKey]);
    expect(await counts(popup)).toEqual(before);
    await session.detach();
    await Promise.all([page.close(), popup.close()]);
  });
});

describe('another extension', () => {
  it('cannot message or connect to ours, and writes nothing', async () => {
    const popup = await openPopup(context, extensionId);
    const before = await counts(popup);
    const probe = await context.newPage();
    await probe.goto(`chrome-extension://${probeId}/probe.html`);
    const outcome = await probe.evaluate(async (target) => {
      const runtime = (
        globalThis as unknown as {
          chrome: {
            runtime: {
              sendMessage(id: string, m: unknown): Promise<unknown>;
              connect(
                id: string,
                info: { name: string },
              ): {
                onDisconnect: { addListener(f: () => void): void };
                postMessage(m: unknown): void;
              };
              lastError?: { message?: string };
            };
          };
        }
      ).chrome.runtime;
      let message: string;
      try {
        message = `reply: ${JSON.stringify(
          await runtime.sendMessage(target, {
            type: 'deleteAllData',
            payload: { confirm: 'delete everything' },
          }),
        )}`;
      } catch (error) {
        message = `refused: ${String(error)}`;
      }
      const port = runtime.connect(target, { name: 'cbc-changes' });
      const connect = await new Promise<string>((resolve) => {
        port.onDisconnect.addListener(() =>
          resolve(`disconnected: ${runtime.lastError?.message ?? ''}`),
        );
        try {
          port.postMessage({ type: 'deleteAllData', payload: { confirm: 'delete everything' } });
        } catch (error) {
          resolve(`threw: ${String(error)}`);
        }
      });
      return { message, connect };
    }, extensionId);
    expect(outcome.message).toMatch(/^refused: .*Receiving end does not exist/);
    expect(outcome.connect).toMatch(/^disconnected|^threw/);
    expect(await counts(popup)).toEqual(before);
    await Promise.all([probe.close(), popup.close()]);
  });
});
