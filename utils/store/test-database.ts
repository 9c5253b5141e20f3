// Test support: a fresh, uniquely named database per test (fake-indexeddb in unit tests).

import { openDatabase, type CbcDatabase } from './db';

export function freshDatabase(): CbcDatabase {
  return openDatabase(`test-${crypto.randomUUID()}`);
}

/** Local-time instant, so calendar-day arithmetic does not depend on the machine's zone. */
export function localTime(year: number, month: number, day: number, hour = 10): number {
  return new Date(year, month - 1, day, hour).getTime();
}

export const DAY_MS = 24 * 60 * 60 * 1000;
