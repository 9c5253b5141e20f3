// The Chromium leg's driver: playwright-core with the system Chromium, through the same launch
// and routing as the Playwright-only files (../harness.ts).

import { readFile } from 'node:fs/promises';
import type { ElementHandle, Frame, JSHandle, Page } from 'playwright-core';
import {
  demoCalendarServer,
  demoWeekUrl,
  extensionUrl,
  launchExtension,
  type RoutedResponse,
} from '../harness';
import { sendMessageInPage } from './in-page';
import { DocImpl, type DocBackend } from './locator';
import type { Doc, Driver, ExtensionBrowser, Keyboard, Locator, Tab } from './types';

async function elementOf(frame: Frame, expression: string): Promise<ElementHandle<Element>> {
  const handle = (await frame.evaluateHandle(expression)) as JSHandle<Element>;
  const element = handle.asElement();
  if (!element) {
    await handle.dispose();
    throw new Error('Not an element.');
  }
  return element;
}

class ChromiumTab extends DocImpl implements Tab {
  readonly keyboard: Keyboard;
  private readonly errors: string[] = [];

  constructor(
    readonly page: Page,
    private readonly browser: ChromiumBrowser,
  ) {
    const keyboard: Keyboard = {
      press: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
    };
    super(
      frameBackend(
        () => Promise.resolve(page.mainFrame()),
        keyboard,
        () => this.bringToFront(),
      ),
    );
    this.keyboard = keyboard;
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }

  async url(): Promise<string> {
    return this.page.url();
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

  private async findPanelFrame(): Promise<Frame> {
    for (const started = Date.now(); Date.now() - started < 15_000;) {
      const frame = this.page.frames().find((f) => new URL(f.url()).pathname === '/panel.html');
      if (frame) return frame;
      await this.page.waitForTimeout(50);
    }
    throw new Error('No panel frame on the page.');
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async bringToFront(): Promise<void> {
    if (this.browser.front === this) return;
    await this.page.bringToFront();
    this.browser.front = this;
  }

  async download(control: Locator) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), control.click()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8'), path };
  }

  pageErrors(): string[] {
    return [...this.errors];
  }

  async close(): Promise<void> {
    if (this.browser.front === this) this.browser.front = null;
    await this.page.close();
  }
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
      const handle = await elementOf(await frame(), expression);
      try {
        await handle.click({ timeout: 10_000 });
      } finally {
        await handle.dispose();
      }
    },
    async setInputFiles(expression, files) {
      const handle = await elementOf(await frame(), expression);
      await handle.setInputFiles(files);
      await handle.dispose();
    },
  };
}

class ChromiumBrowser implements ExtensionBrowser {
  readonly name = 'chromium' as const;
  front: ChromiumTab | null = null;
  private store: ChromiumTab | null = null;
  private calendarRouted = false;

  constructor(
    private readonly launched: Awaited<ReturnType<typeof launchExtension>>,
    readonly extensionOrigin: string,
  ) {}

  private get context() {
    return this.launched.context;
  }

  async serveCalendar(options = {}) {
    const server = await demoCalendarServer(options);
    if (this.calendarRouted) await this.context.unroute('https://calendar.google.com/**');
    await this.context.route('https://calendar.google.com/**', (route) =>
      route.fulfill(server.respond(route.request().url())),
    );
    this.calendarRouted = true;
    return server.demo;
  }

  serveOrigin(origin: string, respond: (url: string) => RoutedResponse): void {
    void this.context.route(`${origin}/**`, (route) =>
      route.fulfill(respond(route.request().url())),
    );
  }

  async newTab(url: string): Promise<Tab> {
    const tab = new ChromiumTab(await this.context.newPage(), this);
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
    return this.newTab(extensionUrl(new URL(this.extensionOrigin).host, pagePath));
  }

  async storePage(): Promise<Tab> {
    this.store ??= (await this.openExtensionPage('popup.html')) as ChromiumTab;
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
    await this.launched.close();
  }
}

export const chromiumDriver: Driver = {
  name: 'chromium',
  label: 'Chromium',
  async launch(options = {}) {
    if (options.calendarAccess === false) {
      throw new Error('Chromium grants a manifest’s host permissions at install.');
    }
    const launched = await launchExtension({ locale: options.locale });
    return new ChromiumBrowser(launched, `chrome-extension://${launched.extensionId}`);
  },
};
