// The two browsers the benchmark compares: the same Chromium with the same flags and a fresh
// profile each, one with the built extension loaded and one without. Figures "with" and
// "without" are always measured side by side in one run.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BenchBrowser {
  context: BrowserContext;
  /** chrome-extension://<id> origin, or null for the browser without the extension. */
  extensionOrigin: string | null;
  close(): Promise<void>;
}

export async function launchBenchBrowser(extensionDir: string | null): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'cbc-bench-'));
  // The e2e harness's flags (tests/e2e/harness.ts launchExtension), for both browsers alike.
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // Background tabs and occluded windows would otherwise throttle timers and frames.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ];
  if (extensionDir) {
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  let extensionOrigin: string | null = null;
  if (extensionDir) {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // Node's URL gives chrome-extension: URLs an opaque ("null") origin: take scheme and host.
    const origin = /^chrome-extension:\/\/[a-p]{32}/.exec(worker.url())?.[0];
    if (!origin) throw new Error(`unexpected service worker URL ${worker.url()}`);
    extensionOrigin = origin;
  }
  return {
    context,
    extensionOrigin,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function chromiumVersionOf(browser: BenchBrowser): string {
  const version = browser.context.browser()?.version();
  if (version) return version;
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Opens an extension page (e.g. popup.html) as a tab, with a script run before its own. */
export async function openExtensionPage(
  browser: BenchBrowser,
  path: string,
  initScript?: string,
): Promise<Page> {
  if (!browser.extensionOrigin) throw new Error('this browser has no extension');
  const page = await browser.context.newPage();
  if (initScript) await page.addInitScript(initScript);
  await page.goto(`${browser.extensionOrigin}/${path}`);
  return page;
}
