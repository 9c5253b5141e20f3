// Event chips in the grid. Chips list no guests, so they are only marked for series already
// known to be 1:1s; this just says which events are on screen.

import { decodeEid, isTaskEid, isVirtualCalendar, seriesKeyOf } from './eid';
import { CHIP, CHIP_WITH_EID, EVENT_ID_ATTRIBUTE, MAIN, TASK_MARKER } from './selectors';
import { isVisible as defaultIsVisible, type IsVisible } from './visibility';

export interface VisibleChip {
  /** The chip (`closest('[data-eventchip]')`, never a drag handle). */
  element: HTMLElement;
  eid: string;
  seriesKey: string;
}

/** The series key of a chip's eid, or '' for eids that are not events (tasks, birthdays). */
function seriesKeyOfEid(eid: string): string {
  const decoded = isTaskEid(eid) ? null : decodeEid(eid);
  return decoded?.ok && !isVirtualCalendar(decoded.calendarId) ? seriesKeyOf(decoded.eventId) : '';
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
      const seriesKey = seriesKeyOfEid(eid);
      if (seriesKey === '') continue;
      if (element.matches(TASK_MARKER) || element.querySelector(TASK_MARKER)) continue;
      chips.push({ element, eid, seriesKey });
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
