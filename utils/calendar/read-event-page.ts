// The full event page, /calendar/u/<N>/r/eventedit/<eid>: editable (inputs, Save) or
// read-only (a guest who cannot edit: text instead of inputs). Reached and left by
// same-document navigation, so the URL can run ahead of the DOM: both must agree.

import { assembleEvent, textOf, type EventReading } from './assemble-event';
import { parseCalendarUrl } from './calendar-url';
import { readGuestList } from './guest-list';
import {
  EVENT_PAGE_CONTAINER,
  EVENT_PAGE_SAVE,
  EVENT_PAGE_TITLE,
  HEADING,
  MAIN,
  VIEW_FAMILY_ATTRIBUTE,
  VIEW_FAMILY_EVENT_PAGE,
} from './selectors';
import type { CalendarEvent } from './types';

export function readEventPage(doc: Document, url: string): CalendarEvent | null {
  return readEventPageWithProblems(doc, url)?.event ?? null;
}

export function readEventPageWithProblems(doc: Document, url: string): EventReading | null {
  const parsed = parseCalendarUrl(url);
  const eid = parsed?.eventPageEid;
  if (!parsed || !eid) return null;

  const viewFamily = doc.body?.getAttribute(VIEW_FAMILY_ATTRIBUTE) ?? null;
  const container = doc.querySelector(EVENT_PAGE_CONTAINER);
  if (container?.getAttribute('data-is-create') === 'true') return null;
  // The grid is still showing (navigation in progress) or nothing of the page is there yet.
  if (viewFamily !== null && viewFamily !== VIEW_FAMILY_EVENT_PAGE) return null;
  if (viewFamily === null && !container) return null;
  // A container left from the previous event page during same-document navigation.
  const containerEid =
    container?.getAttribute('data-eventid') ?? container?.getAttribute('data-eid') ?? null;
  if (containerEid && containerEid !== eid) return null;

  const scope = container ?? doc.querySelector(MAIN) ?? doc.body;
  return assembleEvent({
    doc,
    surface: 'event-page',
    eid,
    jslog: container?.getAttribute('jslog') ?? null,
    title: titleOfPage(doc, scope),
    guestList: readGuestList(scope, { countText: false }),
    accountIndex: parsed.accountIndex,
  });
}

function titleOfPage(doc: Document, scope: Element | null): string {
  const field = scope?.querySelector(EVENT_PAGE_TITLE) ?? doc.querySelector(EVENT_PAGE_TITLE);
  if (field?.tagName === 'INPUT' || field?.tagName === 'TEXTAREA') {
    return (field as HTMLInputElement).value.replace(/\s+/g, ' ').trim();
  }
  if (field) return textOf(field);
  return textOf(scope?.querySelector(HEADING));
}

/** On the full event page, what the panel must never cover: the title and the Save button. */
export function eventPageKeepClear(doc: Document): Element[] {
  return [doc.querySelector(EVENT_PAGE_TITLE), doc.querySelector(EVENT_PAGE_SAVE)].filter(
    (element): element is Element => element !== null,
  );
}
