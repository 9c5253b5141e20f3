// Open-action-item badges on the grid's chips of known 1:1 series. The badges are our own
// elements on one host appended to <body> (Google's controller removes foreign children from
// its nodes), positioned over each chip's top-right corner and repositioned once per frame on
// chip changes, scroll and resize. Chips scrolled out of the grid's view lose their badge
// (IntersectionObserver sees the scroller's clipping; rects alone do not).

import type { VisibleChip } from '@/utils/calendar';
import { createShadowHost, type ShadowHost } from './shadow-host';

export interface ChipBadgesOptions {
  doc: Document;
  signal: AbortSignal;
  /** The adapter's visibleChips. */
  readChips: () => VisibleChip[];
  fetchCounts: (seriesKeys: string[]) => Promise<Record<string, number>>;
  onError: (error: unknown) => void;
}

const BADGE_CSS = `span{position:fixed;min-width:16px;height:16px;padding:0 4px;box-sizing:border-box;border-radius:8px;
background:#0b57d0;color:#fff;font:600 11px/16px Roboto,Arial,sans-serif;text-align:center;
box-shadow:0 0 0 1px #fff;pointer-events:none;z-index:3}
:host(.cbc-dark) span{background:#a8c7fa;color:#062e6f;box-shadow:0 0 0 1px #1b1b1b}`;

export function createChipBadges(options: ChipBadgesOptions) {
  const { doc, signal } = options;
  const win = doc.defaultView ?? window;
  /** Open item count per known 1:1 series; series absent here are not known 1:1s (0 badges). */
  const counts = new Map<string, number>();
  const asked = new Set<string>();
  const badges = new Map<HTMLElement, HTMLSpanElement>();
  const hiddenByScroll = new WeakSet<Element>();
  let chips: VisibleChip[] = [];
  let ui: ShadowHost | null = null;
  let frame = 0;
  let rescan = true;
  let fetching = false;
  let dark = false;

  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => {
          for (const entry of entries) {
            if (entry.isIntersecting) hiddenByScroll.delete(entry.target);
            else hiddenByScroll.add(entry.target);
          }
          schedule(false);
        })
      : null;

  function ensureHost(): HTMLElement {
    ui ??= createShadowHost(doc, { name: 'cbc-badges', css: BADGE_CSS });
    if (!ui.host.isConnected) {
      ui.host.classList.toggle('cbc-dark', dark);
      doc.body.append(ui.host);
    }
    return ui.container;
  }

  function schedule(withRescan: boolean) {
    if (signal.aborted) return;
    rescan ||= withRescan;
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      try {
        pass();
      } catch (error) {
        options.onError(error);
      }
    });
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
        if (key in answer) counts.set(key, answer[key] ?? 0);
        else counts.delete(key);
      }
    } catch (error) {
      missing.forEach((key) => asked.delete(key));
      options.onError(error);
      return;
    } finally {
      fetching = false;
    }
    schedule(false);
    // Chips that appeared while asking.
    if (chips.some((chip) => !asked.has(chip.seriesKey))) void fetchMissing();
  }

  function pass() {
    if (rescan) {
      rescan = false;
      chips = options.readChips();
      void fetchMissing();
    }
    const wanted = new Set<HTMLElement>();
    for (const chip of chips) {
      const count = counts.get(chip.seriesKey) ?? 0;
      if (count <= 0 || !chip.element.isConnected) continue;
      wanted.add(chip.element);
      let badge = badges.get(chip.element);
      if (!badge) {
        badge = doc.createElement('span');
        badge.setAttribute('aria-hidden', 'true');
        ensureHost().append(badge);
        badges.set(chip.element, badge);
        observer?.observe(chip.element);
      }
      badge.textContent = count > 99 ? '99+' : String(count);
      const rect = chip.element.getBoundingClientRect();
      const hidden = hiddenByScroll.has(chip.element) || rect.width === 0;
      badge.style.display = hidden ? 'none' : '';
      badge.style.left = `${Math.round(rect.right - 10)}px`;
      badge.style.top = `${Math.round(rect.top - 6)}px`;
    }
    for (const [element, badge] of badges) {
      if (wanted.has(element)) continue;
      badge.remove();
      badges.delete(element);
      observer?.unobserve(element);
    }
  }

  const reposition = () => schedule(false);
  // Capture: the grid scrolls in its own container, and scroll events do not bubble.
  doc.addEventListener('scroll', reposition, { capture: true, passive: true, signal });
  win.addEventListener('resize', reposition, { passive: true, signal });
  signal.addEventListener('abort', dispose, { once: true });

  function dispose() {
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    observer?.disconnect();
    badges.clear();
    ui?.host.remove();
    ui = null;
  }

  schedule(true);

  return {
    /** Chips were added or removed. */
    chipsChanged: () => schedule(true),
    /** Stored data changed: counts may differ. */
    countsChanged() {
      // Old counts stay on screen until the new ones arrive (no flicker).
      asked.clear();
      schedule(true);
    },
    setTheme(theme: 'light' | 'dark') {
      dark = theme === 'dark';
      ui?.host.classList.toggle('cbc-dark', dark);
    },
    isOwnNode: (node: Node) => ui?.isOwnNode(node) ?? false,
  };
}
