// Real Chromium with the built extension, on the offline demo calendar. Shared by the e2e suite
// (tests/e2e/*.e2e.ts), `npm start` (tests/demo/start.ts) and the benchmarks.
//
// calendar.google.com is never contacted: `routeDemoCalendar` answers every request to it from
// tests/demo/ (the page, its script), so the real content script runs on a page that imitates
// Google's markup (docs/calendar-page.md).

import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type BrowserContext,
  type Frame,
  type FrameLocator,
  type Locator,
  type Page,
  type Worker,
} from 'playwright-core';
import { databaseNamesInPage, readTableInPage } from './drivers/in-page';
import {
  generateDemoData,
  type DemoAccount,
  type DemoBackup,
  type DemoData,
  type DemoEvent,
} from '../demo/demo-data';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_EXTENSION_PATH = path.join(REPO_ROOT, '.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEMO_DIR = path.join(REPO_ROOT, 'tests/demo');

/**
 * The IndexedDB database of the extension (utils/store/database-name.ts DATABASE_NAME); after an
 * import the store is a new database named after it (`craft-beyond-code-<suffix>`).
 */
export const STORE_DATABASE = 'craft-beyond-code';

/** The names among `names` that are the extension's store databases. */
export function storeDatabasesAmong(names: string[]): string[] {
  return names.filter(
    (name) => name === STORE_DATABASE || /^craft-beyond-code-[0-9a-z]+$/.test(name),
  );
}

export interface LaunchOptions {
  /** Unpacked build to load; default `.output/chrome-mv3`. */
  extensionPath?: string;
  headless?: boolean;
  /** Profile directory; default a fresh temporary one, removed by `close()`. */
  userDataDir?: string;
  /** Default 1440×900; null lets a headed window size itself. */
  viewport?: { width: number; height: number } | null;
  /**
   * Keep the welcome page the extension opens on install (entrypoints/welcome/). By default the
   * harness closes it, so that every test starts with only the tabs it opens.
   */
  keepWelcomePage?: boolean;
  /**
   * The browser's UI language ('de', 'ja'): what `browser.i18n.getUILanguage()` answers, and the
   * pages' `navigator.language`. Chromium on Linux takes its UI language from the LANGUAGE
   * variable (`--lang` alone is ignored there) and needs that language's pack (Debian's
   * chromium-l10n, which .ci/run installs). Default: Chromium's own, English.
   */
  locale?: string;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** The welcome page opened on install, when `keepWelcomePage` asked to keep it. */
  welcomePage: Page | null;
  /** Closes the browser and removes the temporary profile (if the harness made it). */
  close(): Promise<void>;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const extensionPath = path.resolve(options.extensionPath ?? DEFAULT_EXTENSION_PATH);
  const manifest = path.join(extensionPath, 'manifest.json');
  await readFile(manifest).catch(() => {
    throw new Error(`No built extension at ${extensionPath} (run \`npx wxt build\` first).`);
  });
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'cbc-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1440, height: 900 } : options.viewport,
    ...(options.locale === undefined
      ? {}
      : { locale: options.locale, env: { ...process.env, LANGUAGE: options.locale } }),
    args: [
      ...(options.locale === undefined ? [] : [`--lang=${options.locale}`]),
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const serviceWorker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    const welcome = await welcomePageOf(context, extensionId, ownsProfile ? 15_000 : 3_000);
    if (welcome && !options.keepWelcomePage) await welcome.close();
    return {
      context,
      extensionId,
      serviceWorker,
      welcomePage: options.keepWelcomePage ? welcome : null,
      async close() {
        await context.close();
        if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The welcome tab the background opens on install, once it is there; null when none came in
 * time (a profile where the extension was installed before opens none).
 */
async function welcomePageOf(
  context: BrowserContext,
  extensionId: string,
  timeout: number,
): Promise<Page | null> {
  const isWelcome = (page: Page) => page.url() === extensionUrl(extensionId, 'welcome.html');
  // Polled: a tab's first URL can be about:blank until its navigation commits.
  for (const started = Date.now(); Date.now() - started < timeout;) {
    const page = context.pages().find(isWelcome);
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

// The demo calendar -------------------------------------------------------------------------

export interface DemoCalendarOptions {
  /** Data to serve; default generated from `now` / `account` / `hostileEvent`. */
  demo?: DemoData;
  now?: number | Date;
  account?: DemoAccount;
  hostileEvent?: boolean;
  /** Replace the week's events (the rest of the demo data stays). */
  events?: DemoEvent[];
  /** Default theme; a page URL with `?theme=dark` or `?theme=light` overrides it. */
  theme?: 'light' | 'dark';
  /**
   * Serve the page under a policy like Google's: nonce-based `script-src` with `strict-dynamic`
   * and Trusted Types required (the demo's own script carries the nonce).
   */
  googleLikeCsp?: boolean;
}

/** The Content-Security-Policy Google's apps send, in the shape that matters to us. */
export function googleLikeCspFor(nonce: string): string {
  return [
    `script-src 'nonce-${nonce}' 'strict-dynamic' 'unsafe-eval' https: http:`,
    "object-src 'none'",
    "base-uri 'self'",
    "require-trusted-types-for 'script'",
  ].join('; ');
}

export const THEME_COLORS = { light: '#F8FAFD', dark: '#1B1B1B' } as const;

/** JSON that is safe inside <script type="application/json">: no "<" can end the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** One answer of the routed calendar.google.com. */
export interface RoutedResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/** What the demo calendar serves: the data, and the answer to each calendar.google.com URL. */
export interface DemoCalendarServer {
  demo: DemoData;
  respond(url: string): RoutedResponse;
}

/**
 * The demo calendar as a function of the request URL, whatever the driver routes with: the page
 * for every calendar.google.com URL under /calendar/, its script, 404 for other paths there.
 */
export async function demoCalendarServer(
  options: DemoCalendarOptions = {},
): Promise<DemoCalendarServer> {
  const demo =
    options.demo ??
    generateDemoData({
      now: options.now ?? Date.now(),
      account: options.account,
      hostileEvent: options.hostileEvent,
    });
  const calendar = options.events ? { ...demo.calendar, events: options.events } : demo.calendar;
  const [template, script] = await Promise.all([
    readFile(path.join(DEMO_DIR, 'calendar-page.html'), 'utf8'),
    readFile(path.join(DEMO_DIR, 'calendar-demo.js'), 'utf8'),
  ]);
  const data = jsonForScript(calendar);
  return {
    demo: { ...demo, calendar },
    respond(requestUrl) {
      const url = new URL(requestUrl);
      if (url.pathname === '/calendar/_demo/calendar-demo.js') {
        return { status: 200, contentType: 'text/javascript', body: script };
      }
      if (!url.pathname.startsWith('/calendar/') || url.pathname.startsWith('/calendar/_demo/')) {
        return { status: 404, contentType: 'text/plain', body: 'Not found' };
      }
      const requested = url.searchParams.get('theme');
      const theme = requested === 'dark' || requested === 'light' ? requested : options.theme;
      const page = (theme ?? 'light') as 'light' | 'dark';
      // Function replacers: the data may hold "$&"-like sequences that replace() would expand.
      let body = template
        .replace('{{THEME}}', () => page)
        .replace('{{THEME_COLOR}}', () => THEME_COLORS[page])
        .replace('{{DATA}}', () => data);
      const headers: Record<string, string> = {};
      if (options.googleLikeCsp) {
        const nonce = randomBytes(16).toString('base64');
        body = body.replace('<script src=', () => `<script nonce="${nonce}" src=`);
        headers['content-security-policy'] = googleLikeCspFor(nonce);
      }
      return { status: 200, contentType: 'text/html; charset=utf-8', headers, body };
    },
  };
}

/**
 * Serve the demo calendar for every calendar.google.com URL under /calendar/ (404 for other
 * paths there). Returns the data served, so tests can name eids, people and texts.
 */
export async function routeDemoCalendar(
  context: BrowserContext,
  options: DemoCalendarOptions = {},
): Promise<DemoData> {
  const server = await demoCalendarServer(options);
  await context.route('https://calendar.google.com/**', async (route) => {
    await route.fulfill(server.respond(route.request().url()));
  });
  return server.demo;
}

/** The demo's week URL, e.g. https://calendar.google.com/calendar/u/0/r/week/2025/11/24. */
export function demoWeekUrl(demo: DemoData, options: { theme?: 'light' | 'dark' } = {}): string {
  const monday = demo.calendar.days[0]!.date.split('-');
  const query = options.theme ? `?theme=${options.theme}` : '';
  return `https://calendar.google.com/calendar/u/0/r/week/${monday.map(Number).join('/')}${query}`;
}

/** A new tab on the demo week, loaded. */
export async function openDemoCalendar(
  context: BrowserContext,
  demo: DemoData,
  options: { theme?: 'light' | 'dark' } = {},
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(demoWeekUrl(demo, options));
  await page.locator('[role="main"] [data-eventchip]').first().waitFor();
  return page;
}

/** The chip of an event in the grid (timed chips are the role=button element itself). */
export function chipOf(page: Page, eid: string): Locator {
  return page.locator(`[role="main"] [data-eventchip][data-eventid="${eid}"]`);
}

/** Click an event's chip and wait until its popover shows its eid. */
export async function openEventPopover(page: Page, eid: string): Promise<Locator> {
  await chipOf(page, eid).click();
  const details = page.locator(`[role="dialog"] #xDetDlg[data-eventid="${eid}"]`);
  await details.waitFor();
  return details;
}

/** Removes settings from the extension's storage.local (from its service worker). */
export async function removeExtensionSettings(
  browser: LaunchedExtension,
  keys: readonly string[],
): Promise<void> {
  await browser.serviceWorker.evaluate(
    (names) =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { remove(keys: string[]): Promise<void> } } };
        }
      ).chrome.storage.local.remove(names),
    [...keys],
  );
}

/**
 * How the content script shows the panel's frame: 'panel' (expanded), 'tab' (collapsed),
 * 'override' (the "Treat as 1:1" control), or null while it waits out of sight.
 */
export async function panelFrameState(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const frame = document.querySelector('cbc-panel')?.shadowRoot?.querySelector('iframe');
    return frame?.classList.contains('cbc-shown') ? (frame.dataset.state ?? null) : null;
  });
}

/**
 * A 1:1's panel as a user reaches it once the frame shows it: where it came up collapsed to its
 * tab (the docked panel would have covered the popover), a click on the tab.
 */
export async function expandPanel(
  page: Page,
  name: string,
  /** The landmark's and the tab's names in a browser of another language (launchExtension's locale). */
  names: { landmark: string; tab: string } = {
    landmark: `1:1 with ${name}`,
    tab: `Open 1:1 notes with ${name}`,
  },
): Promise<void> {
  const frame = panelFrameOf(page);
  const landmark = frame.getByRole('complementary', { name: names.landmark });
  const tab = frame.getByRole('button', { name: names.tab });
  for (const started = Date.now(); Date.now() - started < 30_000;) {
    // The frame may still show the previous event, or the override control for a moment.
    const state = await panelFrameState(page);
    if (state === 'panel' && (await landmark.count()) > 0) return;
    if (state === 'tab' && (await tab.count()) > 0) {
      await tab.click();
      await landmark.waitFor();
      return;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`The panel of the 1:1 with ${name} never showed.`);
}

/** Click a 1:1's chip and get to its panel as a user would (see expandPanel). */
export async function openOneOnOne(
  page: Page,
  who: { eid: string; person: { name: string } },
): Promise<Locator> {
  const details = await openEventPopover(page, who.eid);
  await expandPanel(page, who.person.name);
  return details;
}

/**
 * Closes the open popover with its close button, as a mouse user would: where the user opened
 * the panel over the popover, they collapse it first to reach the button.
 */
export async function closePopoverByClick(page: Page): Promise<void> {
  const close = page.locator('[role="dialog"] #xDetDlgCloseBu');
  const covered = await close.evaluate((button) => {
    const box = button.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit?.localName === 'cbc-panel';
  });
  if (covered) {
    await panelFrameOf(page).getByRole('button', { name: 'Collapse the panel' }).click();
  }
  await close.click();
}

/** The panel's frame on Calendar's page (an extension page in an iframe, under our host). */
export const PANEL_FRAME = 'cbc-panel iframe';

/** The panel frame's document, for locators (Playwright's CSS pierces our open shadow root). */
export function panelFrameOf(page: Page): FrameLocator {
  return page.frameLocator(PANEL_FRAME);
}

/** The panel frame itself (to evaluate in its document); waits until the content script made it. */
export async function panelFrame(page: Page): Promise<Frame> {
  for (const started = Date.now(); Date.now() - started < 15_000;) {
    const frame = page.frames().find((f) => f.url().endsWith('/panel.html'));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('No panel frame on the page.');
}

/** The side panel's landmark, inside its frame. */
export function panelOf(page: Page, name: string | RegExp = /^1:1 with/): Locator {
  return panelFrameOf(page).getByRole('complementary', { name });
}

// Extension pages -----------------------------------------------------------------------------

export function extensionUrl(extensionId: string, pagePath: string): string {
  return `chrome-extension://${extensionId}/${pagePath.replace(/^\/+/, '')}`;
}

/** The popup as a new opening shows it: on Follow-ups (the tab an earlier test chose is forgotten). */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.removeItem('cbc-popup-tab'));
  await page.goto(extensionUrl(extensionId, 'popup.html'));
  return page;
}

/**
 * A section of the popup (a region named by its heading), its tab selected first: the popup
 * shows one section at a time (the options page every section, without tabs).
 */
export async function openSection(popup: Page, name: string): Promise<Locator> {
  const tab = popup.getByRole('tab', { name, exact: true });
  if ((await tab.count()) > 0) await tab.click();
  return popup.getByRole('region', { name, exact: true });
}

/** Chooses `action` (a menu item's name) in the card menu of the person or project `name`. */
export async function cardAction(
  scope: Page | Locator,
  name: string,
  action: string,
): Promise<void> {
  await scope.getByRole('button', { name: `More actions for ${name}`, exact: true }).click();
  const menu = scope.getByRole('menu', { name: `More actions for ${name}`, exact: true });
  await menu.getByRole('menuitem', { name: action, exact: true }).click();
  await menu.waitFor({ state: 'detached' });
}

/** What the background answered (utils/messaging/protocol.ts Reply). */
export type WireReply = { ok: true; value: unknown } | { ok: false; error: string };

/** Send one request from an extension page, as the popup does, and return the raw reply. */
export async function sendFromExtensionPage(
  page: Page,
  message: unknown,
): Promise<WireReply | undefined> {
  return page.evaluate(async (m) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: ChromeRuntime } }).chrome
      .runtime;
    return (await runtime.sendMessage(m)) as WireReply | undefined;
  }, message);
}

interface ChromeRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/** Replace the extension's data with a backup, through the background's importBackup request. */
export async function seedDemoData(
  context: BrowserContext,
  extensionId: string,
  backup: DemoBackup,
): Promise<void> {
  const page = await openPopup(context, extensionId);
  try {
    const reply = await sendFromExtensionPage(page, { type: 'importBackup', payload: { backup } });
    if (!reply || reply.ok !== true) {
      const reason = reply && reply.ok === false ? reply.error : 'no reply from the background';
      throw new Error(`Seeding the demo data failed: ${reason}`);
    }
  } finally {
    await page.close();
  }
}

/**
 * Every record of one store table, read with the plain IndexedDB API in the page's own origin
 * (an extension page reads the extension's database). [] when the database does not exist.
 */
export async function readStoreTable<T = Record<string, unknown>>(
  page: Page,
  table: string,
): Promise<T[]> {
  // The same reader the cross-browser drivers run in their pages (packed tables unpacked).
  return page.evaluate(readTableInPage, { database: STORE_DATABASE, table }) as Promise<T[]>;
}

/** Names of the IndexedDB databases of the page's origin. */
export async function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(databaseNamesInPage);
}
