// Turns what a surface shows (eid, jslog, title, guest rows) into a CalendarEvent, and says
// what could not be read so the watcher can report a changed Calendar once.

import { decodeEid, isTaskEid, seriesKeyOf, startOfInstance } from './eid';
import type { GuestListReading } from './guest-list';
import { readJslog } from './jslog';
import { readSignedInUser } from './signed-in-user';
import type { CalendarEvent, Surface } from './types';

export interface EventReading {
  event: CalendarEvent;
  /** What the page did not offer, for a one-time "calendar changed" log. Empty when all read. */
  problems: string[];
}

export function assembleEvent(input: {
  doc: Document;
  surface: Surface;
  eid: string;
  jslog: string | null;
  title: string;
  guestList: GuestListReading;
  accountIndex: number;
  recurrenceDays?: number | null;
}): EventReading {
  const { doc, surface, eid, title, guestList, accountIndex } = input;
  const problems: string[] = [];

  const decoded = decodeEid(eid);
  if (!decoded.ok && !isTaskEid(eid)) problems.push(`eid did not decode (${decoded.reason})`);
  const eventId = decoded.ok ? decoded.eventId : '';

  // jslog holds the full calendar id ("…@gmail.com" where the eid says "@m"), but only trust
  // it when it is about the same event: the popover is reused between events.
  const ids = readJslog(input.jslog);
  const jslogMatches = ids.eventId === null || ids.eventId.toLowerCase() === eventId.toLowerCase();
  const calendarId =
    (jslogMatches && ids.calendarId) || (decoded.ok ? decoded.calendarId : '') || '';

  const me = readSignedInUser(doc);
  if (me === null) problems.push('signed-in user not found');
  if (guestList.guests.length === 0) problems.push('no guest rows readable');

  const { guests } = guestList;
  // An event on my own calendar that does not list me was created by me: invitations always
  // list the invitee. Language-independent, unlike the localized "Organizer" subtitle.
  const inferredOrganizer =
    me !== null &&
    calendarId.toLowerCase() === me &&
    guests.length > 0 &&
    !guests.some((guest) => guest.email === me)
      ? me
      : null;

  const event: CalendarEvent = {
    surface,
    eid,
    eventId,
    calendarId,
    seriesKey: eventId === '' ? '' : seriesKeyOf(eventId),
    title,
    start: eventId === '' ? null : startOfInstance(eventId),
    recurrenceDays: input.recurrenceDays ?? null,
    guests,
    guestListComplete: guestList.complete,
    organizer: guestList.organizer ?? inferredOrganizer,
    me,
    accountIndex,
  };
  return { event, problems };
}

/** Text as a reader sees it: whitespace collapsed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
