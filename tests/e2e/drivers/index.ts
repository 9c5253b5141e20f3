// The drivers a shared scenario (tests/e2e/both/) runs with: both by default, or those named in
// E2E_BROWSERS (comma-separated: "chromium", "firefox"), as `npm run test:e2e:firefox` does. A
// browser that is named but not installed fails its tests (launch throws): nothing is skipped.

import { chromiumDriver } from './chromium';
import { firefoxDriver } from './firefox';
import type { Driver } from './types';

export type * from './types';

const ALL: Driver[] = [chromiumDriver, firefoxDriver];

function selected(): Driver[] {
  const wanted = (process.env.E2E_BROWSERS ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (wanted.length === 0) return ALL;
  const unknown = wanted.filter((name) => !ALL.some((driver) => driver.name === name));
  if (unknown.length > 0) {
    throw new Error(`E2E_BROWSERS names no driver: ${unknown.join(', ')} (chromium, firefox).`);
  }
  return ALL.filter((driver) => wanted.includes(driver.name));
}

/** The drivers of this run. */
export const drivers: Driver[] = selected();

/** For `describe.each(browsers)('%s', (label, driver) => …)`: one block per browser. */
export const browsers: Array<[string, Driver]> = drivers.map((driver) => [driver.label, driver]);
