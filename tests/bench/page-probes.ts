// Typed access to page/bench-page.js, the probes the benchmark injects into a calendar page's
// main world. Calls go through page.evaluate with plain data only.

import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const PROBES_PATH = fileURLToPath(new URL('./page/bench-page.js', import.meta.url));

export interface PopoverGuest {
  email: string;
  name: string;
  organizer: boolean;
}

/** The event-details popover to attach, as bench-page.js's buildPopover reads it. */
export interface PopoverSpec {
  eid: string;
  eventId: string;
  /** Full calendar id (jslog), e.g. the signed-in address. */
  calendarId: string;
  me: string;
  title: string;
  when: string;
  recurrence: string;
  guests: PopoverGuest[];
}

export interface HeavyWeekRun {
  popoverCycles: number;
  stormFrames: number;
  popover: PopoverSpec;
  /** Quiet time after the storm so frame-batched and asynchronous work is counted. */
  settleMs: number;
}

interface Probes {
  heavyWeek(run: HeavyWeekRun): Promise<void>;
  timePanelOpen(
    spec: PopoverSpec,
    expect: { name: string; text: string },
    timeoutMs: number,
  ): Promise<{ latency: number }>;
  closePopoverAndPanel(timeoutMs: number): Promise<void>;
  panelState(): string;
}

declare global {
  interface Window {
    __cbcBench: Probes;
    __cbcBenchOptions?: { watchDetails?: boolean };
  }
}

/** Must be called before the page navigates. */
export async function installProbes(page: Page, options: { watchDetails: boolean }): Promise<void> {
  await page.addInitScript((values) => {
    window.__cbcBenchOptions = values;
  }, options);
  await page.addInitScript({ path: PROBES_PATH });
}

export function runHeavyWeek(page: Page, run: HeavyWeekRun): Promise<void> {
  return page.evaluate((value) => window.__cbcBench.heavyWeek(value), run);
}

export function timePanelOpen(
  page: Page,
  spec: PopoverSpec,
  expect: { name: string; text: string },
  timeoutMs: number,
): Promise<{ latency: number }> {
  return page.evaluate(
    ({ spec, expect, timeoutMs }) => window.__cbcBench.timePanelOpen(spec, expect, timeoutMs),
    { spec, expect, timeoutMs },
  );
}

export function closePopoverAndPanel(page: Page, timeoutMs: number): Promise<void> {
  return page.evaluate((ms) => window.__cbcBench.closePopoverAndPanel(ms), timeoutMs);
}

/** `yyyyMMddTHHmmssZ`, the instance suffix of a recurring event id. */
export function instanceStamp(start: number): string {
  return new Date(start)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}
