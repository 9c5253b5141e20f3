// The scenarios that run in Chromium only, named in the Firefox leg's output with their reason
// (tests/e2e/chromium-only.ts), so that nothing is left out silently. Where the reason is a fact
// a test can check, it is checked.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ONLY } from '../chromium-only';
import { drivers } from '../drivers';
import { FIREFOX_EXTENSION_PATH } from '../drivers/firefox';
import { REPO_ROOT } from '../harness';

const checks: Record<number, () => Promise<void>> = {
  0: async () => {
    const manifest = JSON.parse(
      await readFile(path.join(FIREFOX_EXTENSION_PATH, 'manifest.json'), 'utf8'),
    ) as { background?: { scripts?: string[]; service_worker?: string } };
    expect(manifest.background?.scripts).toEqual(['background.js']);
    expect(manifest.background?.service_worker).toBeUndefined();
  },
  2: async () => {
    // We never listen for other extensions: there is no receiving end for them in any browser.
    const sources = await Promise.all(
      ['entrypoints/background.ts', 'utils/messaging/serve-background.ts'].map((file) =>
        readFile(path.join(REPO_ROOT, file), 'utf8'),
      ),
    );
    for (const source of sources) expect(source).not.toMatch(/onMessageExternal\.addListener/);
  },
};

describe.runIf(drivers.some((driver) => driver.name === 'firefox'))('Firefox ESR', () => {
  CHROMIUM_ONLY.forEach((entry, index) => {
    it(`${entry.what} (not in Firefox: ${entry.why})`, async () => {
      // Each entry's Chromium file is there and runs in the Chromium leg.
      const file = entry.what.split(':')[0]!.split(',')[0]!.trim();
      await readFile(path.join(REPO_ROOT, 'tests/e2e', file), 'utf8');
      await checks[index]?.();
    });
  });
});
