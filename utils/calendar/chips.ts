// Event chips in the grid. Chips list no guests, so they are only marked for series already
// known to be 1:1s; this just says which events are on screen.

import { decodeEid, isTaskEid, isVirtualCalendar, seriesKeyOf, startOfInstance } from './eid';
import { CHIP, CHIP_WITH_EID, EVENT_ID_ATTRIBUTE, MAIN, TASK_MARKER } from './selectors';
import { isVisible as defaultIsVisible, type IsVisible } from './visibility';

export interface VisibleChip {
  /** The chip (`closest('[data-eventchip]')`, never a drag handle). */
  element: HTMLElement;
  eid: string;
  seriesKey: string;
  /** Start of a recurring timed instance (from its id), else null: chips show no other. */
  start: number | null;
}

/**
 * Series key and start of eids already decoded. Calendar re-renders the same chips again and
 * again (a week change replaces each chip by a copy), and decoding is most of a chip scan's
 * time; the answer depends on the eid alone. Bounded: emptied when it grows past a few weeks of
 * chips.
 */
const decodedEids = new Map<string, [seriesKey: string, start: number | null]>();
const MAX_REMEMBERED_EIDS = 5_000;

/** Series key ('' for eids that are not events: tasks, birthdays) and start of a chip's eid. */
function readEid(eid: string): [seriesKey: string, start: number | null] {
  let read = decodedEids.get(eid);
  if (read === undefined) {
    const decoded = isTaskEid(eid) ? null : decodeEid(eid);
    read =
      decoded?.ok && !isVirtualCalendar(decoded.calendarId)
        ? [seriesKeyOf(decoded.eventId), startOfInstance(decoded.eventId)]
        : ['', null];
    if (decodedEids.size >= MAX_REMEMBERED_EIDS) decodedEids.clear();
    decodedEids.set(eid, read);
  }
  return read;
}

/**
 * The grid's event chips (no tasks, reminders, birthdays), rendered or not. Reads no layout:
 * callers that place things over chips read the chips' boxes anyway.
 */
export function gridChips(doc: Document): VisibleChip[] {
  const chips: VisibleChip[] = [];
  const seen = new Set<Element>();
  // Scoped to the grid: the popover's #xDetDlg also carries data-eventid.
  for (const main of Array.from(doc.querySelectorAll(MAIN))) {
    for (const candidate of Array.from(main.querySelectorAll(CHIP_WITH_EID))) {
      const element = candidate.closest(CHIP) as HTMLElement | null;
      if (!element || seen.has(element)) continue;
      seen.add(element);
      const eid = element.getAttribute(EVENT_ID_ATTRIBUTE)?.trim() ?? '';
      const [seriesKey, start] = readEid(eid);
      if (seriesKey === '') continue;
      if (element.matches(TASK_MARKER) || element.querySelector(TASK_MARKER)) continue;
      chips.push({ element, eid, seriesKey, start });
    }
  }
  return chips;
}

/** The grid's event chips that are rendered (not hidden during the week animation). */
export function visibleChips(
  doc: Document,
  options: { isVisible?: IsVisible } = {},
): VisibleChip[] {
  const visible = options.isVisible ?? defaultIsVisible;
  return gridChips(doc).filter((chip) => visible(chip.element));
}
