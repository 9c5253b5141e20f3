// The Firefox leg's driver: puppeteer-core with the system Firefox ESR over WebDriver BiDi, the
// unpacked build (.output/firefox-mv3) installed as a temporary add-on. No browser is ever
// downloaded, and calendar.google.com is answered by request interception in every tab.
//
// What Firefox does differently, and how this driver meets it:
// - MV3 host access is the user's to grant: `calendarAccess` sets the pref that grants it at
//   install as a user's click would (extensions.originControls.grantByDefault), or leaves it out.
// - The add-on's UUID (its moz-extension:// host) is fixed by a pref, so pages have known URLs.
// - A navigation to a moz-extension:// page never reports completion over BiDi: the driver
//   starts it and polls the document instead.
// - The panel's frame is listed as about:blank; it is found by evaluating in each frame.
// - Background tabs get no animation frames (the content script's watcher runs on them):
//   actions bring their tab to front first.

import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, {
  type Browser,
  type ElementHandle,
  type Frame,
  type HTTPRequest,
  type Page,
} from 'puppeteer-core';
import {
  REPO_ROOT,
  demoCalendarServer,
  demoWeekUrl,
  type DemoCalendarServer,
  type RoutedResponse,
} from '../harness';
import { sendMessageInPage } from './in-page';
import { DocImpl, pressChord, type DocBackend } from './locator';
import type { Doc, Driver, ExtensionBrowser, Keyboard, Locator, Tab } from './types';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_PATH = path.join(REPO_ROOT, '.output/firefox-mv3');
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const GECKO_ID = 'craft-beyond-code@craftbeyondcode.dev';
const VIEWPORT = { width: 1440, height: 900 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function elementOf(frame: Frame, expression: string): Promise<ElementHandle<Element>> {
  const handle = await frame.evaluateHandle(expression);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) {
    await handle.dispose();
    throw new Error('Not an element.');
  }
  return element;
}

function frameBackend(
  frame: () => Promise<Frame>,
  keyboard: Keyboard,
  beforeAction: () => Promise<void>,
): DocBackend {
  return {
    keyboard,
    beforeAction,
    async evaluate<R>(expression: string): Promise<R> {
      return (await frame()).evaluate(expression) as Promise<R>;
    },
    async click(expression) {
      const element = await elementOf(await frame(), expression);
      try {
        await element.click();
      } finally {
        await element.dispose();
      }
    },
    async setInputFiles(expression, files) {
      const element = (await elementOf(
        await frame(),
        expression,
      )) as ElementHandle<HTMLInputElement>;
      try {
        await element.uploadFile(...files);
      } finally {
        await element.dispose();
      }
    },
  };
}

class FirefoxTab extends DocImpl implements Tab {
  readonly keyboard: Keyboard;
  private readonly errors: string[] = [];
  private panel: Frame | null = null;

  constructor(
    readonly page: Page,
    private readonly browser: FirefoxBrowser,
  ) {
    const keyboard: Keyboard = {
      press: (key) =>
        pressChord(key, {
          down: (k) => page.keyboard.down(k as never),
          up: (k) => page.keyboard.up(k as never),
        }),
      type: (text) => page.keyboard.type(text),
    };
    super(
      frameBackend(
        async () => page.mainFrame(),
        keyboard,
        () => this.bringToFront(),
      ),
    );
    this.keyboard = keyboard;
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }

  async url(): Promise<string> {
    return this.page.evaluate(() => location.href);
  }

  panelFrame(): Doc {
    return new DocImpl(
      frameBackend(
        () => this.findPanelFrame(),
        this.keyboard,
        () => this.bringToFront(),
      ),
    );
  }

  /** Puppeteer lists the extension's frame as about:blank: ask each frame where it is. */
  private async findPanelFrame(): Promise<Frame> {
    const origin = this.browser.extensionOrigin;
    for (const started = Date.now(); Date.now() - started < 15_000;) {
      if (this.panel && !this.panel.detached) return this.panel;
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        const where = await frame.evaluate(() => location.href).catch(() => '');
        if (where.startsWith(`${origin}/panel.html`)) {
          this.panel = frame;
          return frame;
        }
      }
      await sleep(50);
    }
    throw new Error('No panel frame on the page.');
  }

  async goto(url: string): Promise<void> {
    this.panel = null;
    if (!url.startsWith('moz-extension:')) {
      await this.page.goto(url);
      return;
    }
    // Never reports completion over BiDi: start it, then wait for the document.
    void this.page.goto(url, { timeout: 60_000 }).catch(() => undefined);
    await this.documentLoaded((href) => href === url);
  }

  /** Waits until the tab shows a loaded document for which `accept(location.href)` holds. */
  private async documentLoaded(accept: (href: string) => boolean, old?: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const state = await this.page
        .evaluate(
          (marker) => ({
            href: location.href,
            ready: document.readyState,
            old:
              marker !== undefined &&
              (window as unknown as Record<string, unknown>)[marker] === true,
          }),
          old,
        )
        .catch(() => null);
      if (state && state.ready === 'complete' && !state.old && accept(state.href)) return;
      if (Date.now() > deadline)
        throw new Error(`The tab did not load (${JSON.stringify(state)}).`);
      await sleep(50);
    }
  }

  async reload(): Promise<void> {
    this.panel = null;
    const href = await this.url();
    if (!href.startsWith('moz-extension:')) {
      await this.page.reload();
      return;
    }
    const marker = `__cbcBeforeReload${Date.now()}`;
    await this.page.evaluate((name) => {
      (window as unknown as Record<string, unknown>)[name] = true;
      setTimeout(() => location.reload(), 0);
    }, marker);
    await this.documentLoaded((loaded) => loaded === href, marker);
  }

  async bringToFront(): Promise<void> {
    if (this.browser.front === this) return;
    await this.page.bringToFront();
    this.browser.front = this;
  }

  async download(control: Locator) {
    const dir = this.browser.downloadDir;
    const before = new Set(await readdir(dir));
    await control.click();
    const deadline = Date.now() + 15_000;
    for (;;) {
      const names = (await readdir(dir)).filter(
        (name) => !before.has(name) && !name.endsWith('.part'),
      );
      // Firefox writes the file beside a .part and renames it when complete.
      const partial = (await readdir(dir)).some((name) => name.endsWith('.part'));
      if (names.length > 0 && !partial) {
        const file = path.join(dir, names[0]!);
        if ((await stat(file)).size > 0) {
          return { fileName: names[0]!, text: await readFile(file, 'utf8'), path: file };
        }
      }
      if (Date.now() > deadline) throw new Error('No download arrived.');
      await sleep(100);
    }
  }

  pageErrors(): string[] {
    return [...this.errors];
  }

  async close(): Promise<void> {
    if (this.browser.front === this) this.browser.front = null;
    await this.page.close();
  }
}

class FirefoxBrowser implements ExtensionBrowser {
  readonly name = 'firefox' as const;
  front: FirefoxTab | null = null;
  private store: FirefoxTab | null = null;
  private readonly origins = new Map<string, (url: string) => RoutedResponse>();

  constructor(
    private readonly browser: Browser,
    readonly extensionOrigin: string,
    readonly downloadDir: string,
  ) {}

  async serveCalendar(options = {}) {
    const server: DemoCalendarServer = await demoCalendarServer(options);
    this.origins.set('https://calendar.google.com', (url) => server.respond(url));
    return server.demo;
  }

  serveOrigin(origin: string, respond: (url: string) => RoutedResponse): void {
    this.origins.set(origin, respond);
  }

  private route(request: HTTPRequest): void {
    let origin = '';
    try {
      origin = new URL(request.url()).origin;
    } catch {
      // not a URL with an origin (data:, blob:): let it through
    }
    const respond = this.origins.get(origin);
    if (respond) {
      const answer = respond(request.url());
      void request.respond({
        status: answer.status,
        contentType: answer.contentType,
        headers: answer.headers,
        body: answer.body,
      });
    } else if (/^https?:$/.test(new URL(request.url()).protocol)) {
      // Nothing else is reachable offline: answer at once instead of waiting on the network.
      void request.respond({ status: 404, contentType: 'text/plain', body: 'Not routed' });
    } else void request.continue();
  }

  async newTab(url: string): Promise<Tab> {
    const page = await this.browser.newPage();
    await page.setViewport(VIEWPORT);
    await page.setRequestInterception(true);
    page.on('request', (request) => this.route(request));
    const tab = new FirefoxTab(page, this);
    this.front = tab;
    await tab.goto(url);
    return tab;
  }

  async openCalendar(demo: Parameters<typeof demoWeekUrl>[0], options = {}) {
    const tab = await this.newTab(demoWeekUrl(demo, options));
    await tab.locator('[role="main"] [data-eventchip]').first().waitFor();
    return tab;
  }

  async openExtensionPage(pagePath: string): Promise<Tab> {
    return this.newTab(`${this.extensionOrigin}/${pagePath.replace(/^\/+/, '')}`);
  }

  async storePage(): Promise<Tab> {
    this.store ??= (await this.openExtensionPage('popup.html')) as FirefoxTab;
    return this.store;
  }

  async seed(backup: unknown): Promise<void> {
    const page = await this.storePage();
    const reply = (await page.evaluate(sendMessageInPage, {
      type: 'importBackup',
      payload: { backup },
    })) as { ok: boolean; error?: string } | undefined;
    if (!reply?.ok) throw new Error(`Seeding the demo data failed: ${reply?.error ?? 'no reply'}`);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await rm(this.downloadDir, { recursive: true, force: true });
  }
}

/**
 * Installing opens the welcome page (entrypoints/background.ts) in a new, selected tab: closed
 * here, so that tests start with only the tabs they open (and the tab they think is in front is).
 */
async function closeWelcomePage(browser: Browser, url: string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 15_000; await sleep(100)) {
    for (const page of await browser.pages()) {
      // BiDi lists moz-extension:// tabs as about:blank: ask the document where it is.
      const href = await Promise.race([
        page.evaluate(() => location.href).catch(() => ''),
        sleep(1_000).then(() => ''),
      ]);
      if (href === url) {
        await page.close();
        return;
      }
    }
  }
}

export const firefoxDriver: Driver = {
  name: 'firefox',
  label: 'Firefox ESR',
  async launch(options = {}) {
    await readFile(path.join(FIREFOX_EXTENSION_PATH, 'manifest.json')).catch(() => {
      throw new Error(
        `No Firefox build at ${FIREFOX_EXTENSION_PATH} (run \`npx wxt build -b firefox\` first).`,
      );
    });
    const uuid = randomUUID();
    const downloadDir = await mkdtemp(path.join(tmpdir(), 'cbc-firefox-downloads-'));
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      defaultViewport: VIEWPORT,
      // Lets BiDi open and script moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        // As if the user allowed Calendar when installing (or not).
        'extensions.originControls.grantByDefault': options.calendarAccess !== false,
        // permissions.request() answered as a user's "Allow" would: no prompt to click.
        'extensions.webextOptionalPermissionPrompts': false,
        'browser.download.dir': downloadDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        ...(options.locale === undefined
          ? {}
          : {
              'intl.locale.requested': options.locale,
              // Debian installs language packs for every profile, outside the profile (the
              // application scope), which Firefox would otherwise leave disabled.
              'extensions.autoDisableScopes': 0,
            }),
      },
    });
    try {
      await browser.installExtension(FIREFOX_EXTENSION_PATH);
      await closeWelcomePage(browser, `moz-extension://${uuid}/welcome.html`);
      return new FirefoxBrowser(browser, `moz-extension://${uuid}`, downloadDir);
    } catch (error) {
      await browser.close();
      await rm(downloadDir, { recursive: true, force: true });
      throw error;
    }
  },
};
