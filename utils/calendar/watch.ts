// Follows Calendar's page: which event is open (popover or full page), the theme, the chips.
// One MutationObserver, one pass per animation frame, no polling, nothing injected into the
// page's JS world, nothing thrown into the page, everything torn down with `signal`.

import type { EventReading } from './assemble-event';
import { classifyOneOnOne, type SeriesOverride } from './classify';
import { parseCalendarUrl } from './calendar-url';
import { consoleLog, createLogOnce, type Log } from './log-once';
import { findOpenPopover, readOpenPopover } from './read-event-dialog';
import { readEventPageWithProblems } from './read-event-page';
import { CHIP, DETAILS_ROOT_ID, EVENT_ID_ATTRIBUTE, THEME_COLOR } from './selectors';
import { readTheme } from './theme';
import type { CalendarEvent, EventSignal, Theme } from './types';
import { isVisible as defaultIsVisible, type IsVisible } from './visibility';

export interface WatchCalendarOptions {
  doc?: Document;
  win?: Window;
  signal: AbortSignal;
  /** Our own host element(s): mutations inside them are ignored. */
  isOwnNode?: (node: Node) => boolean;
  /** shown / changed (eid, guests, title… changed) / closed. */
  onEvent: (signal: EventSignal) => void;
  /** At start and whenever Calendar's theme changes. */
  onTheme?: (theme: Theme) => void;
  /** Chips in the grid were added or removed (at most once per frame). */
  onChipsChanged?: () => void;
  /** The page's URL changed (same-document navigation included). */
  onUrlChange?: (url: string) => void;
  /**
   * Lets the content script forward URL changes it hears about, e.g.
   * `(notify) => ctx.addEventListener(window, 'wxt:locationchange', notify)` (WXT's event name
   * is private to the extension context, so the watcher cannot listen for it itself).
   */
  urlChanges?: (notify: () => void) => void;
  /** The user's decision for a series, when already known synchronously. */
  overrideFor?: (seriesKey: string) => SeriesOverride | null;
  isVisible?: IsVisible;
  /** Where "calendar changed" reports go (once per kind). Defaults to console.warn. */
  log?: Log;
}

// Attributes that hide or show the open popover's shell (class: Calendar hides by class).
const VISIBILITY_ATTRIBUTES = ['class', 'style', 'hidden', 'aria-hidden', EVENT_ID_ATTRIBUTE];

export function watchCalendar(options: WatchCalendarOptions): void {
  const { signal } = options;
  if (signal.aborted) return;
  const doc = options.doc ?? document;
  const win = options.win ?? doc.defaultView ?? window;
  const visible = options.isVisible ?? defaultIsVisible;
  const logOnce = createLogOnce(options.log ?? consoleLog);

  let frame = 0;
  let eventDirty = true;
  let themeDirty = true;
  let chipsDirty = false;
  let lastUrl: string | null = null;
  let lastTheme: Theme | null = null;
  let shown: { fingerprint: string } | null = null;
  let observedShell: Element | null = null;
  let meta: Element | null = null;

  /** Runs a callback or a step; errors are logged once per kind and never reach the page. */
  const guard = (kind: string, run: () => void): void => {
    try {
      run();
    } catch (error) {
      logOnce(`${kind} failed`, error);
    }
  };

  const isOwn = (node: Node): boolean => {
    if (!options.isOwnNode) return false;
    try {
      return options.isOwnNode(node);
    } catch (error) {
      logOnce('isOwnNode failed', error);
      return false;
    }
  };

  const schedule = (): void => {
    if (frame !== 0 || signal.aborted) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      guard('calendar watcher pass', pass);
    });
  };

  // The window's own constructor, so that a watcher on another window (tests) observes it.
  const Observer = (win as Window & typeof globalThis).MutationObserver ?? MutationObserver;
  const observer = new Observer((records: MutationRecord[]) =>
    guard('calendar watcher', () => handle(records)),
  );

  function observeTargets(shell: Element | null): void {
    const pending = observer.takeRecords();
    observer.disconnect();
    if (pending.length > 0) handle(pending);
    const body = doc.body ?? doc.documentElement;
    observer.observe(body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: [EVENT_ID_ATTRIBUTE],
    });
    if (doc.head) observer.observe(doc.head, { childList: true });
    meta = doc.querySelector(THEME_COLOR);
    if (meta) observer.observe(meta, { attributes: true, attributeFilter: ['content'] });
    observedShell = shell;
    if (!shell) return;
    // The popover can be hidden without leaving the DOM, and its text can change in place.
    observer.observe(shell, {
      attributes: true,
      attributeFilter: VISIBILITY_ATTRIBUTES,
      characterData: true,
      subtree: true,
    });
    for (let node = shell.parentElement; node && node !== body; node = node.parentElement) {
      observer.observe(node, { attributes: true, attributeFilter: VISIBILITY_ATTRIBUTES });
    }
  }

  function handle(records: MutationRecord[]): void {
    if (signal.aborted) return;
    for (const record of records) {
      const target = record.target;
      if (isOwn(target)) continue;
      if (record.type === 'attributes') {
        if (target === meta) themeDirty = true;
        else eventDirty = true;
        continue;
      }
      if (record.type === 'characterData') {
        eventDirty = true;
        continue;
      }
      if (target === doc.head) {
        if (touchesMeta(record)) themeDirty = true;
        continue;
      }
      const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
      if (nodes.length > 0 && nodes.every(isOwn)) continue;
      eventDirty = true;
      if (options.onChipsChanged && !chipsDirty && nodes.some(holdsChip)) chipsDirty = true;
    }
    if (eventDirty || themeDirty || chipsDirty) schedule();
  }

  function pass(): void {
    if (signal.aborted) return;
    const url = doc.location?.href ?? '';
    if (url !== lastUrl) {
      const first = lastUrl === null;
      lastUrl = url;
      eventDirty = true;
      if (!first && options.onUrlChange) guard('onUrlChange', () => options.onUrlChange!(url));
    }
    if (themeDirty) {
      themeDirty = false;
      if (doc.querySelector(THEME_COLOR) !== meta) observeTargets(observedShell);
      const theme = readTheme(doc);
      if (theme !== lastTheme) {
        lastTheme = theme;
        if (options.onTheme) guard('onTheme', () => options.onTheme!(theme));
      }
    }
    if (chipsDirty) {
      chipsDirty = false;
      if (options.onChipsChanged) guard('onChipsChanged', options.onChipsChanged);
    }
    if (eventDirty) {
      eventDirty = false;
      readAndEmit(url);
    }
  }

  function readAndEmit(url: string): void {
    let reading: EventReading | null = null;
    let shell: Element | null = null;
    if (parseCalendarUrl(url)?.eventPageEid) {
      reading = readEventPageWithProblems(doc, url);
    } else if (shown !== null || doc.getElementById(DETAILS_ROOT_ID) !== null) {
      // Cheap exit above: no details root anywhere and nothing shown means nothing to do.
      const popover = findOpenPopover(doc, { isVisible: visible });
      if (popover) {
        shell = popover.shell;
        reading = readOpenPopover(doc, popover);
      }
    }
    if (shell !== observedShell) observeTargets(shell);

    if (!reading) {
      if (shown !== null) {
        shown = null;
        emit({ type: 'closed' });
      }
      return;
    }
    for (const problem of reading.problems) logOnce(`calendar changed? ${problem}`);
    const fingerprint = fingerprintOf(reading.event);
    if (shown !== null && shown.fingerprint === fingerprint) return;
    const type = shown === null ? 'shown' : 'changed';
    shown = { fingerprint };
    const event = reading.event;
    let override: SeriesOverride | null = null;
    if (options.overrideFor && event.seriesKey !== '') {
      guard('overrideFor', () => {
        override = options.overrideFor!(event.seriesKey);
      });
    }
    emit({ type, event, classification: classifyOneOnOne(event, override) });
  }

  function emit(eventSignal: EventSignal): void {
    if (signal.aborted) return;
    guard('onEvent', () => options.onEvent(eventSignal));
  }

  const onUrlSignal = (): void => {
    if (signal.aborted) return;
    eventDirty = true;
    schedule();
  };

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (frame !== 0) win.cancelAnimationFrame(frame);
      frame = 0;
    },
    { once: true },
  );
  win.addEventListener('popstate', onUrlSignal, { signal });
  // The Navigation API reports pushState navigations (Chrome ≥102), without polling.
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  guard('navigation listener', () => {
    navigation?.addEventListener?.('navigatesuccess', onUrlSignal, { signal });
  });
  if (options.urlChanges) guard('urlChanges', () => options.urlChanges!(onUrlSignal));

  observeTargets(null);
  guard('calendar watcher pass', pass);
}

function touchesMeta(record: MutationRecord): boolean {
  const isMeta = (node: Node): boolean => node.nodeName === 'META';
  return Array.from(record.addedNodes).some(isMeta) || Array.from(record.removedNodes).some(isMeta);
}

function holdsChip(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  return element.matches(CHIP) || element.querySelector(CHIP) !== null;
}

/** What makes an emitted event different from the previous one. */
function fingerprintOf(event: CalendarEvent): string {
  return JSON.stringify([
    event.surface,
    event.eid,
    event.title,
    event.guests.map((guest) => [guest.email, guest.name, guest.kind, guest.isOrganizer]),
    event.guestListComplete,
    event.organizer,
    event.me,
    event.accountIndex,
  ]);
}
