// Open-action-item badges on the grid's chips of known 1:1 series. The badges are our own
// elements on one host appended to <body> (Google's controller removes foreign children from
// its nodes), positioned over each chip's top-right corner. A badge whose corner is scrolled out
// of the grid's scroller (clipped by an ancestor with overflow) is hidden.
//
// Cost: Calendar replaces every chip twice per frame while a week change animates. Reading a
// chip's box after writing a badge's position forces a layout per chip, so nothing here reads
// layout while chips change: badges hide, and are placed again once chip changes have been
// quiet for `quietMs`, in one pass that reads every box first and writes every badge after.
// Counts are cached per series and only unknown series are asked for.

import type { VisibleChip } from '@/utils/calendar';
import { contentStrings } from '@/components/i18n/content-strings';
import { createShadowHost, type ShadowHost } from './shadow-host';

export interface ChipBadgesOptions {
  doc: Document;
  signal: AbortSignal;
  /** The adapter's gridChips (chips in the grid, without reading layout). */
  readChips: () => VisibleChip[];
  /** Open item count of each known 1:1 series, and whom it is with. */
  fetchCounts: (seriesKeys: string[]) => Promise<Record<string, { count: number; name: string }>>;
  /**
   * Reports chips of known 1:1 series with a start: started ones, so the store counts a 1:1
   * that took place but was never opened, and ones to come, for the popup's Week ahead (at most
   * 500 at once; each eid once per page before it starts and once after).
   */
  recordOccurrences?: (
    occurrences: Array<{ eid: string; seriesKey: string; start: number }>,
  ) => Promise<unknown>;
  onError: (error: unknown) => void;
  /** How long chip changes must have stopped before badges are placed again. */
  quietMs?: number;
}

// One fixed layer holds every badge: a fixed position per badge would give the compositor one
// layer (and paint chunk) per badge to update on every frame of the page.
// Badges take the pointer (for their tooltip) and pass a click on to their chip.
const BADGE_CSS = `div{position:fixed;inset:0;overflow:hidden;pointer-events:none;z-index:3}
span{pointer-events:auto;cursor:pointer;position:absolute;min-width:16px;height:16px;padding:0 4px;box-sizing:border-box;border-radius:8px;
background:#0b57d0;color:#fff;font:600 11px/16px Roboto,Arial,sans-serif;text-align:center;
box-shadow:0 0 0 1px #fff}
:host(.cbc-dark) span{background:#a8c7fa;color:#062e6f;box-shadow:0 0 0 1px #1b1b1b}`;

/** Calendar's week animation lasts ~200 ms; placing badges mid-animation would be wasted. */
export const BADGE_QUIET_MS = 200;

interface Clip {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function createChipBadges(options: ChipBadgesOptions) {
  const { doc, signal } = options;
  const win = doc.defaultView ?? window;
  const quietMs = options.quietMs ?? BADGE_QUIET_MS;
  // The page's language, read once: Calendar's own UI language is the one its user reads.
  const words = contentStrings(win.navigator.language);
  /** Open items per known 1:1 series; series absent here are not known 1:1s (no badge). */
  const counts = new Map<string, { count: number; name: string }>();
  const asked = new Set<string>();
  /** Eids reported to recordOccurrences (or on their way), with whether they had started. */
  const reported = new Set<string>();
  const badges = new Map<HTMLElement, HTMLSpanElement>();
  let chips: VisibleChip[] = [];
  let ui: ShadowHost | null = null;
  let frame = 0;
  let rescan = true;
  let fetching = false;
  let dark = false;
  let hidden = false;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  /** When chips last changed (quiet-period bookkeeping without re-arming a timer per change). */
  let lastChipChange = 0;

  /**
   * The part of the viewport where `element`'s content shows: the intersection of the boxes of
   * its ancestors that clip (overflow other than visible), or null for the whole viewport.
   * Chips share their columns' ancestors, so each ancestor is looked at once per pass.
   */
  function clipOf(element: Element, known: Map<Element, Clip | null>): Clip | null {
    const parent = element.parentElement;
    if (!parent || parent === doc.body || parent === doc.documentElement) return null;
    if (known.has(parent)) return known.get(parent)!;
    let clip = clipOf(parent, known);
    const style = win.getComputedStyle(parent);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      const box = parent.getBoundingClientRect();
      clip = clip
        ? {
            left: Math.max(clip.left, box.left),
            top: Math.max(clip.top, box.top),
            right: Math.min(clip.right, box.right),
            bottom: Math.min(clip.bottom, box.bottom),
          }
        : { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
    }
    known.set(parent, clip);
    return clip;
  }

  function ensureHost(): HTMLElement {
    ui ??= createShadowHost(doc, { name: 'cbc-badges', css: BADGE_CSS });
    if (!ui.host.isConnected) {
      ui.host.classList.toggle('cbc-dark', dark);
      doc.body.append(ui.host);
    }
    return ui.container;
  }

  /** One pass in the next frame (after the quiet period, or for scroll and resize). */
  function schedule() {
    if (signal.aborted || frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      try {
        pass();
      } catch (error) {
        options.onError(error);
      }
    });
  }

  function setHidden(value: boolean) {
    if (hidden === value || !ui) return;
    hidden = value;
    // On the container inside the shadow root: the host's `all: initial !important` would win
    // over any style set on the host from outside.
    ui.container.style.display = value ? 'none' : '';
  }

  function chipsChanged() {
    if (signal.aborted) return;
    rescan = true;
    lastChipChange = performance.now();
    setHidden(true);
    if (frame) {
      win.cancelAnimationFrame(frame);
      frame = 0;
    }
    quietTimer ??= setTimeout(whenQuiet, quietMs);
  }

  function whenQuiet() {
    const left = lastChipChange + quietMs - performance.now();
    if (left > 1) {
      quietTimer = setTimeout(whenQuiet, left);
      return;
    }
    quietTimer = undefined;
    schedule();
  }

  async function fetchMissing() {
    const missing = [...new Set(chips.map((chip) => chip.seriesKey))].filter(
      (key) => !asked.has(key),
    );
    if (fetching || missing.length === 0) return;
    fetching = true;
    missing.forEach((key) => asked.add(key));
    try {
      const answer = await options.fetchCounts(missing);
      for (const key of missing) {
        // Absent from the answer: not (or no longer) a known 1:1.
        const known = answer[key];
        if (known) counts.set(key, known);
        else counts.delete(key);
      }
    } catch (error) {
      missing.forEach((key) => asked.delete(key));
      options.onError(error);
      return;
    } finally {
      fetching = false;
    }
    if (signal.aborted) return;
    reportStarted();
    if (quietTimer === undefined) schedule();
    // Chips that appeared while asking.
    if (chips.some((chip) => !asked.has(chip.seriesKey))) void fetchMissing();
  }

  function reportStarted() {
    const now = Date.now();
    const started = new Map<string, { eid: string; seriesKey: string; start: number }>();
    for (const { eid, seriesKey, start } of chips) {
      if (start !== null && counts.has(seriesKey) && !reported.has(eid + (start <= now))) {
        started.set(eid + (start <= now), { eid, seriesKey, start });
      }
    }
    const keys = [...started.keys()].slice(0, 500);
    const batch = keys.map((key) => started.get(key)!);
    if (!options.recordOccurrences || batch.length === 0) return;
    keys.forEach((key) => reported.add(key));
    options.recordOccurrences(batch).catch((error: unknown) => {
      keys.forEach((key) => reported.delete(key));
      options.onError(error);
    });
  }

  function pass() {
    if (signal.aborted || quietTimer !== undefined) return;
    if (rescan) {
      rescan = false;
      chips = options.readChips();
      void fetchMissing();
      reportStarted();
    }
    // Reads first (one layout for all chips), writes after.
    const clips = new Map<Element, Clip | null>();
    const placed: Array<{
      element: HTMLElement;
      label: string;
      count: number;
      x: number;
      y: number | null;
    }> = [];
    for (const chip of chips) {
      const { count = 0, name = '' } = counts.get(chip.seriesKey) ?? {};
      if (count <= 0 || !chip.element.isConnected) continue;
      const rect = chip.element.getBoundingClientRect();
      const x = rect.right - 10;
      const clip = rect.width === 0 ? null : clipOf(chip.element, clips);
      // No box: hidden (the week animation keeps old columns, display:none). A corner outside
      // the scroller's visible part: scrolled away.
      const shown =
        rect.width > 0 &&
        (!clip ||
          (x >= clip.left && x <= clip.right && rect.top >= clip.top && rect.top <= clip.bottom));
      const label = words('chipBadge', { count, name });
      placed.push({ element: chip.element, label, count, x, y: shown ? rect.top - 6 : null });
    }
    const wanted = new Set<HTMLElement>();
    for (const { element, label, count, x, y } of placed) {
      wanted.add(element);
      let badge = badges.get(element);
      if (!badge) {
        badge = doc.createElement('span');
        // Named like an image ("3 open action items with Alex Rivera"), with the same tooltip.
        badge.setAttribute('role', 'img');
        badge.addEventListener('click', () => element.click(), { signal });
        ensureHost().append(badge);
        badges.set(element, badge);
      }
      const text = count > 99 ? '99+' : String(count);
      if (badge.textContent !== text) badge.textContent = text;
      if (badge.title !== label) {
        badge.title = label;
        badge.setAttribute('aria-label', label);
      }
      badge.style.display = y === null ? 'none' : '';
      if (y !== null) {
        badge.style.left = `${Math.round(x)}px`;
        badge.style.top = `${Math.round(y)}px`;
      }
    }
    for (const [element, badge] of badges) {
      if (wanted.has(element)) continue;
      badge.remove();
      badges.delete(element);
    }
    setHidden(false);
  }

  const reposition = () => {
    if (quietTimer === undefined) schedule();
  };
  // Capture: the grid scrolls in its own container, and scroll events do not bubble.
  doc.addEventListener('scroll', reposition, { capture: true, passive: true, signal });
  win.addEventListener('resize', reposition, { passive: true, signal });
  signal.addEventListener('abort', dispose, { once: true });

  function dispose() {
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    clearTimeout(quietTimer);
    badges.clear();
    ui?.host.remove();
    ui = null;
  }

  schedule();

  return {
    /** Chips were added or removed: badges hide until chip changes stop. */
    chipsChanged,
    /** Stored data changed: counts may differ. */
    countsChanged() {
      // Old counts stay on screen until the new ones arrive (no flicker).
      asked.clear();
      void fetchMissing();
    },
    setTheme(theme: 'light' | 'dark') {
      dark = theme === 'dark';
      ui?.host.classList.toggle('cbc-dark', dark);
    },
    isOwnNode: (node: Node) => ui?.isOwnNode(node) ?? false,
  };
}
