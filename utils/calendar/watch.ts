// Follows Calendar's page: which event is open (popover or full page), the theme, the chips.
// One page-wide MutationObserver (and one on the open popover), one pass per animation frame,
// no polling, nothing injected into the page's JS world, nothing thrown into the page,
// everything torn down with `signal`.

import type { EventReading } from './assemble-event';
import { parseCalendarUrl } from './calendar-url';
import { consoleLog, createLogOnce, type Log } from './log-once';
import { findOpenPopover, readOpenPopover } from './read-event-dialog';
import { eventPageKeepClear, readEventPageWithProblems } from './read-event-page';
import {
  CHIP,
  CHIP_ATTRIBUTE,
  DETAILS_ROOT_ID,
  DIALOG_OR_DETAILS,
  EVENT_ID_ATTRIBUTE,
  MAIN,
  THEME_COLOR,
} from './selectors';
import { readTheme } from './theme';
import type { CalendarEvent, EventSignal, Theme } from './types';
import { trackVisibility, type IsVisible } from './visibility';

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
  /**
   * The box the panel must keep clear (viewport px): the open popover's, or on the full event
   * page the one around its title and Save, after every layout that changed its size; null when
   * there is none. Read inside a ResizeObserver callback, where layout is already done: never a
   * forced layout. `undefined` at once when a new one appears, until its box is read.
   */
  onSurfaceBox?: (box: SurfaceBox | null | undefined) => void;
  isVisible?: IsVisible;
  /** How long after a popover opens its box is read once more (its opening animation). */
  settleMs?: number;
  /** Where "calendar changed" reports go (once per kind). Defaults to console.warn. */
  log?: Log;
}

export interface SurfaceBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Calendar animates its popover in: its box is read again once that is over. */
const SETTLE_MS = 250;

// Attributes that hide or show the open popover's shell (class: Calendar hides by class).
const VISIBILITY_ATTRIBUTES = ['class', 'style', 'hidden', 'aria-hidden', EVENT_ID_ATTRIBUTE];

export function watchCalendar(options: WatchCalendarOptions): void {
  const { signal } = options;
  if (signal.aborted) return;
  const doc = options.doc ?? document;
  const win = options.win ?? doc.defaultView ?? window;
  // Learnt without reading layout (visibility.ts); a report that changes an answer is a change.
  const tracker = options.isVisible
    ? null
    : trackVisibility(win, () => {
        eventDirty = true;
        schedule();
      });
  const visible = options.isVisible ?? tracker!.isVisible;
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
  /** meta[name=theme-color]'s content when the theme was last read. */
  let metaContent: string | null = null;
  /** On the full event page every DOM change may concern the event (no popover there). */
  let onEventPage = false;
  /** A pass already ran straight from a mutation batch since the last frame. */
  let readEarlyThisFrame = false;
  /** Observation stopped until the next frame: a chip storm is under way (see `pause`). */
  let paused = false;

  /**
   * Reports, after layout, the box the panel must keep clear (see onSurfaceBox): the shown
   * popover's, or on the full event page the one around its title and Save. When it is first
   * laid out, whenever a size changes, and once more when Calendar's opening animation (a
   * transform, which no ResizeObserver reports) has ended: observing again brings a fresh report.
   */
  const Resize = (win as Window & typeof globalThis).ResizeObserver;
  let surfaceObserver: ResizeObserver | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let surfaceWatched: readonly Element[] = [];
  const watchSurface = (elements: readonly Element[]): void => {
    const report = options.onSurfaceBox;
    if (!report) return;
    if (
      elements.length === surfaceWatched.length &&
      elements.every((element, index) => element === surfaceWatched[index])
    ) {
      return;
    }
    surfaceWatched = elements;
    surfaceObserver?.disconnect();
    surfaceObserver = null;
    clearTimeout(settleTimer);
    if (elements.length === 0 || typeof Resize !== 'function') {
      guard('onSurfaceBox', () => report(null));
      return;
    }
    guard('onSurfaceBox', () => report(undefined));
    const observer = new Resize(() =>
      guard('onSurfaceBox', () => {
        let left = Infinity;
        let top = Infinity;
        let right = -Infinity;
        let bottom = -Infinity;
        for (const element of elements) {
          const box = element.getBoundingClientRect();
          left = Math.min(left, box.left);
          top = Math.min(top, box.top);
          right = Math.max(right, box.right);
          bottom = Math.max(bottom, box.bottom);
        }
        report({ left, top, width: right - left, height: bottom - top });
      }),
    );
    for (const element of elements) observer.observe(element);
    surfaceObserver = observer;
    settleTimer = setTimeout(() => {
      if (surfaceObserver !== observer || signal.aborted) return;
      for (const element of elements) {
        observer.unobserve(element);
        observer.observe(element);
      }
    }, options.settleMs ?? SETTLE_MS);
  };

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
      readEarlyThisFrame = false;
      if (paused) resume();
      guard('calendar watcher pass', pass);
    });
  };

  // The window's own constructor, so that a watcher on another window (tests) observes it.
  const Observer = (win as Window & typeof globalThis).MutationObserver ?? MutationObserver;
  const observer = new Observer((records: MutationRecord[]) =>
    guard('calendar watcher', () => handle(records)),
  );
  // The open popover's shell and its ancestors, on an observer of their own: a popover opening
  // or closing swaps these targets without touching the page-wide observation.
  const shellObserver = new Observer((records: MutationRecord[]) =>
    guard('calendar watcher', () => handle(records)),
  );

  /** The theme's meta, looked for in <head> first (a document-wide query walks every chip). */
  function findThemeMeta(): Element | null {
    return doc.head?.querySelector(THEME_COLOR) ?? doc.querySelector(THEME_COLOR);
  }

  /** The page-wide observation: body (dialogs, chips), head and the theme's meta. */
  function observePage(): void {
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
    meta = findThemeMeta();
    if (meta) observer.observe(meta, { attributes: true, attributeFilter: ['content'] });
  }

  /** The shown popover's shell: it can be hidden without leaving the DOM, its text can change. */
  function observeShell(shell: Element | null): void {
    const pending = shellObserver.takeRecords();
    shellObserver.disconnect();
    if (pending.length > 0) handle(pending);
    observedShell = shell;
    if (!shell) return;
    shellObserver.observe(shell, {
      attributes: true,
      attributeFilter: VISIBILITY_ATTRIBUTES,
      characterData: true,
      subtree: true,
    });
    const body = doc.body ?? doc.documentElement;
    for (let node = shell.parentElement; node && node !== body; node = node.parentElement) {
      shellObserver.observe(node, { attributes: true, attributeFilter: VISIBILITY_ATTRIBUTES });
    }
  }

  /**
   * Sorts one batch of mutation records into dirty flags, without reading layout: Calendar's
   * week animation replaces every chip twice per frame, so this runs over thousands of records
   * and must stay cheap. Only records that can change what the popover shows (inside a dialog,
   * a dialog added, the shown shell gone, anything on the full event page) mark the event dirty.
   */
  function handle(records: MutationRecord[]): void {
    if (signal.aborted) return;
    const wasEventDirty = eventDirty;
    const wantChips = options.onChipsChanged !== undefined;
    // Calendar's mutations come in runs on a few parents (a day column): each target is placed
    // once per batch. In the grid, only chips matter, and once chips changed the observer
    // pauses until the next frame (see `pause`): the rest of the batch is not looked at.
    const places = new Map<Node, Place>();
    const placeOf = (target: Node): Place => {
      let place = places.get(target);
      if (place === undefined) {
        const element = target.nodeType === 1 ? (target as Element) : target.parentElement;
        place = isOwn(target)
          ? 'own'
          : element?.closest(DIALOG_OR_DETAILS)
            ? 'dialog'
            : element?.closest(MAIN)
              ? 'grid'
              : 'other';
        places.set(target, place);
      }
      return place;
    };
    const hasForeignNode = (record: MutationRecord): boolean => {
      for (const list of [record.addedNodes, record.removedNodes]) {
        for (let index = 0; index < list.length; index++) if (!isOwn(list[index]!)) return true;
      }
      return false;
    };
    for (const record of records) {
      const target = record.target;
      if (record.type === 'attributes') {
        if (placeOf(target) === 'own') continue;
        if (target === meta) themeDirty = true;
        else if (wantChips && isChip(target)) chipsDirty = true;
        else eventDirty = true;
        continue;
      }
      if (target === doc.head) {
        if (touchesMeta(record)) themeDirty = true;
        continue;
      }
      const place = placeOf(target);
      if (place === 'own') continue;
      if (record.type === 'characterData' || place === 'dialog') {
        eventDirty = true;
        continue;
      }
      // On the full event page any change may concern the event (guests stream in).
      if (onEventPage && !eventDirty && hasForeignNode(record)) eventDirty = true;
      if (place === 'grid') {
        // In the grid only chips matter: once they changed, the rest of the frame is skipped.
        if (wantChips && (chipsDirty || changesChips(record))) {
          chipsDirty = true;
          pause();
          return;
        }
        continue;
      }
      // Outside the grid and the dialogs: a dialog (or chips) may have been added.
      for (const list of [record.addedNodes, record.removedNodes]) {
        for (let index = 0; index < list.length; index++) {
          const node = list[index]!;
          if (node.nodeType !== 1 || isOwn(node)) continue;
          const element = node as Element;
          if (
            !eventDirty &&
            (element.matches(DIALOG_OR_DETAILS) || element.querySelector(DIALOG_OR_DETAILS))
          ) {
            eventDirty = true;
          }
          if (wantChips && !chipsDirty && (isChip(element) || element.querySelector(CHIP))) {
            chipsDirty = true;
          }
        }
      }
    }
    // The shown popover's shell (or an ancestor) was removed.
    if (!eventDirty && observedShell !== null && !observedShell.isConnected) eventDirty = true;
    // A navigation that no event reported yet (pass() reads the new URL).
    if (!eventDirty && (doc.location?.href ?? '') !== lastUrl) eventDirty = true;
    if (eventDirty && shown !== null && observedShell !== null && !observedShell.isConnected) {
      // The shown popover left the page: said now rather than in the next frame, before the
      // browser's layout would report its box and visibility once more for nothing. One such
      // read per popover shown, so it needs no frame's limit.
      guard('calendar watcher pass', pass);
      if (eventDirty || themeDirty || chipsDirty) schedule();
      return;
    }
    if (eventDirty && !wasEventDirty && shown === null && !readEarlyThisFrame) {
      // A popover may have just opened: read it now rather than in the next frame, so the panel's
      // data request leaves up to a frame sooner. Once per frame; later batches wait for it.
      // Found, it is followed by its own mutations from here on: no frame pass is needed (the
      // next one, whenever it comes, lets early reads happen again).
      readEarlyThisFrame = true;
      guard('calendar watcher pass', pass);
      if (shown === null || eventDirty || themeDirty || chipsDirty) schedule();
      return;
    }
    if (eventDirty || themeDirty || chipsDirty) schedule();
  }

  /**
   * Chips in the grid changed: the rest of this frame's mutations are not needed one by one.
   * While Calendar animates a week change it replaces every chip twice per frame, thousands of
   * records per frame that the browser would build and hand to us only to be skipped; so the
   * observer is disconnected (the browser then builds no records at all) until the next frame,
   * which reconnects it and treats everything as possibly changed. A popover opened in that
   * window is read in that next frame instead of straight away.
   */
  function pause(): void {
    observer.disconnect();
    paused = true;
    schedule();
  }

  function resume(): void {
    paused = false;
    observePage();
    eventDirty = true;
    // The theme's meta changed, or was replaced, while no records came.
    if (!meta?.isConnected || meta.getAttribute('content') !== metaContent) themeDirty = true;
    chipsDirty = true;
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
      if (findThemeMeta() !== meta) observePage();
      metaContent = meta?.getAttribute('content') ?? null;
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
    onEventPage = Boolean(parseCalendarUrl(url)?.eventPageEid);
    if (onEventPage) {
      reading = readEventPageWithProblems(doc, url);
    } else if (doc.getElementById(DETAILS_ROOT_ID) !== null) {
      // Cheap exit: with no details root anywhere there is no popover (a document-wide query
      // for it walks every chip).
      const popover = findOpenPopover(doc, { isVisible: visible });
      if (popover) {
        shell = popover.shell;
        reading = readOpenPopover(doc, popover);
      }
    }
    if (shell !== observedShell) {
      // The popover removed: no visibility report is needed for it (one callback less).
      if (observedShell && !observedShell.isConnected) tracker?.forget(observedShell);
      observeShell(shell);
    }
    if (!reading && shown !== null) {
      // Closed first: the panel goes back to waiting before it would be placed once more.
      shown = null;
      emit({ type: 'closed' });
    }
    watchSurface(shell ? [shell] : onEventPage && reading ? eventPageKeepClear(doc) : []);
    if (!reading) return;
    for (const problem of reading.problems) logOnce(`calendar changed? ${problem}`);
    const fingerprint = fingerprintOf(reading.event);
    if (shown !== null && shown.fingerprint === fingerprint) return;
    const type = shown === null ? 'shown' : 'changed';
    shown = { fingerprint };
    // What the page shows, as values: whether it is a 1:1 is decided once, where the user's
    // decision for the series is known (the panel's frame).
    emit({ type, event: reading.event });
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
      shellObserver.disconnect();
      tracker?.disconnect();
      surfaceObserver?.disconnect();
      clearTimeout(settleTimer);
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

  observePage();
  guard('calendar watcher pass', pass);
}

function touchesMeta(record: MutationRecord): boolean {
  const isMeta = (node: Node): boolean => node.nodeName === 'META';
  return Array.from(record.addedNodes).some(isMeta) || Array.from(record.removedNodes).some(isMeta);
}

/** Where a mutation happened, as far as the watcher cares. */
type Place = 'own' | 'dialog' | 'grid' | 'other';

/** Whether a record of the grid added or removed a chip, or an element holding chips. */
function changesChips(record: MutationRecord): boolean {
  for (const list of [record.addedNodes, record.removedNodes]) {
    for (let index = 0; index < list.length; index++) {
      const node = list[index]!;
      if (isChip(node) || (node.nodeType === 1 && (node as Element).querySelector(CHIP))) {
        return true;
      }
    }
  }
  return false;
}

/** A chip element itself (an attribute test: cheaper than matching a selector). */
function isChip(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute(CHIP_ATTRIBUTE);
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
