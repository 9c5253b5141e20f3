// Typed access to page/bench-page.js, the probes the benchmark injects into a calendar page's
// main world. Calls go through page.evaluate with plain data only.

import { fileURLToPath } from 'node:url';
import type { Frame, Page } from 'playwright-core';

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

/** The workloads of the heavy week (bench-page.js heavyWeekPhase). */
export const HEAVY_WEEK_PHASES = ['one-on-ones', 'group', 'reuse', 'storm'] as const;
export type HeavyWeekPhase = (typeof HEAVY_WEEK_PHASES)[number];

export interface HeavyWeekPhaseRun {
  phase: HeavyWeekPhase;
  /** Popover cycles (not for the storm). */
  cycles: number;
  /** Popovers to open in turn. */
  popovers: PopoverSpec[];
  /** Frames a popover stays open (a user looks at it); group meetings stay two. */
  holdFrames: number;
  stormFrames: number;
  /** Quiet time after the phase so frame-batched and asynchronous work is counted. */
  settleMs: number;
}

interface Probes {
  heavyWeekPhase(run: HeavyWeekPhaseRun): Promise<void>;
  timePanelOpen(spec: PopoverSpec, timeoutMs: number): Promise<PanelOpenTimes>;
  waitForPanel(expect: { name: string; text: string }, timeoutMs: number): Promise<number>;
  closePopoverAndPanel(timeoutMs: number): Promise<void>;
  panelState(): string;
}

/** Epoch ms (sub-ms), comparable between the page and the panel's frame. */
export interface PanelOpenTimes {
  /** #xDetDlg attached by the page. */
  attachedAt: number;
  /** One frame after the content script showed the panel's frame. */
  revealedAt: number;
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

export function runHeavyWeekPhase(page: Page, run: HeavyWeekPhaseRun): Promise<void> {
  return page.evaluate((value) => window.__cbcBench.heavyWeekPhase(value), run);
}

/** The panel's frame on the page (an extension page; the probes are injected there too). */
export function panelFrameOf(page: Page): Frame | null {
  const isPanel = (frame: Frame) => {
    try {
      return new URL(frame.url()).pathname === '/panel.html';
    } catch {
      return false; // a frame that has no URL yet
    }
  };
  return page.frames().find(isPanel) ?? null;
}

/** Waits until the content script has made its panel frame and the frame's probes are there. */
export async function waitForPanelFrame(page: Page, timeoutMs: number): Promise<Frame> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const frame = panelFrameOf(page);
    if (frame) {
      const ready = await frame
        .evaluate(() => typeof window.__cbcBench?.waitForPanel === 'function')
        .catch(() => false);
      if (ready) return frame;
    }
    if (Date.now() > until) throw new Error('no-frame: the content script made no panel frame');
    await page.waitForTimeout(50);
  }
}

/**
 * Opens the popover and times it to the panel painted with the person's data: the later of the
 * page showing the panel's frame and the frame painting the data, from #xDetDlg attached.
 */
export async function timePanelOpen(
  page: Page,
  spec: PopoverSpec,
  expect: { name: string; text: string },
  timeoutMs: number,
): Promise<{ latency: number; painted: number; revealed: number }> {
  const frame = panelFrameOf(page);
  if (!frame) throw new Error('no-frame: the content script made no panel frame');
  const painted = frame.evaluate(
    ({ expect, timeoutMs }) => window.__cbcBench.waitForPanel(expect, timeoutMs),
    { expect, timeoutMs },
  );
  // The frame's probe must be listening before the popover opens.
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  const [times, paintedAt] = await Promise.all([
    page.evaluate(({ spec, timeoutMs }) => window.__cbcBench.timePanelOpen(spec, timeoutMs), {
      spec,
      timeoutMs,
    }),
    painted,
  ]);
  return {
    latency: Math.max(times.revealedAt, paintedAt) - times.attachedAt,
    painted: paintedAt - times.attachedAt,
    revealed: times.revealedAt - times.attachedAt,
  };
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
