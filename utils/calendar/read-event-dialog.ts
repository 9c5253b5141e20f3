// The event-details popover: a visible `[role=dialog][data-chips-dialog]` shell holding
// `#xDetDlg[data-eventid]`. Quick create (same shell, tabs, no details root) and hidden
// leftover dialogs are not events.

import { assembleEvent, textOf, type EventReading } from './assemble-event';
import { parseCalendarUrl } from './calendar-url';
import { readGuestList } from './guest-list';
import { recurrenceDays } from './recurrence';
import {
  DETAILS_ROOT,
  DIALOG,
  EVENT_ID_ATTRIBUTE,
  HEADING,
  POPOVER_GUESTS,
  GUEST_LIST,
  POPOVER_SHELL,
  POPOVER_TITLE,
  POPOVER_WHEN,
  QUICK_CREATE_MARKERS,
} from './selectors';
import type { CalendarEvent } from './types';
import { isVisible as defaultIsVisible, type IsVisible } from './visibility';

export interface ReadOptions {
  /** How to decide that an element is rendered; defaults to what the markup says (visibility.ts). */
  isVisible?: IsVisible;
}

export interface OpenPopover {
  /** The dialog shell (what the user sees as the popover). */
  shell: Element;
  /** `#xDetDlg`, carrying the eid. */
  root: Element;
}

/** The open event-details popover, or null (none, hidden leftovers only, or quick create). */
export function findOpenPopover(doc: Document, options: ReadOptions = {}): OpenPopover | null {
  const visible = options.isVisible ?? defaultIsVisible;
  const roots = doc.querySelectorAll(DETAILS_ROOT);
  // Newest last: Calendar appends the live dialog after any leftover.
  for (let index = roots.length - 1; index >= 0; index -= 1) {
    const root = roots[index]!;
    if (!root.getAttribute(EVENT_ID_ATTRIBUTE)?.trim()) continue;
    const shell = root.closest(POPOVER_SHELL) ?? root.closest(DIALOG) ?? root;
    if (shell.querySelector(QUICK_CREATE_MARKERS)) continue;
    // What shows or hides is the shell: it is the one asked (the watcher's answer comes from an
    // observer, one element per popover); the details root inside it by its markup alone.
    const shown = shell === root ? visible(root) : defaultIsVisible(root) && visible(shell);
    if (!shown) continue;
    return { shell, root };
  }
  return null;
}

/** The visible event-details popover read into plain values, else null. */
export function readEventDialog(doc: Document, options: ReadOptions = {}): CalendarEvent | null {
  const popover = findOpenPopover(doc, options);
  return popover ? readOpenPopover(doc, popover).event : null;
}

/** Reads a popover found by findOpenPopover. */
export function readOpenPopover(doc: Document, popover: OpenPopover): EventReading {
  const { shell, root } = popover;
  const title = textOf(shell.querySelector(POPOVER_TITLE) ?? root.querySelector(HEADING));
  const guestSection = root.querySelector(POPOVER_GUESTS) ?? root.querySelector(GUEST_LIST);
  return assembleEvent({
    doc,
    surface: 'popover',
    eid: root.getAttribute(EVENT_ID_ATTRIBUTE)?.trim() ?? '',
    jslog: root.getAttribute('jslog'),
    title,
    guestList: readGuestList(guestSection, { countText: true }),
    accountIndex: parseCalendarUrl(doc.location?.href ?? '')?.accountIndex ?? 0,
    recurrenceDays: recurrenceOf(root.querySelector(POPOVER_WHEN)),
  });
}

/** The first line after the date line of the "when" row that reads as a recurrence. */
function recurrenceOf(when: Element | null): number | null {
  const lines = Array.from(when?.children ?? []).slice(1);
  for (const line of lines) {
    const days = recurrenceDays(textOf(line));
    if (days !== null) return days;
  }
  return null;
}

/** Gives keyboard focus back to the open popover (Escape in our panel); false when none is open. */
export function focusOpenPopover(doc: Document): boolean {
  const popover = findOpenPopover(doc);
  if (!popover) return false;
  (popover.shell as HTMLElement).focus();
  return true;
}
