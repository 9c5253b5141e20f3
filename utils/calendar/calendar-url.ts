// Calendar's routing, read from the URL alone (pure): /calendar/u/<N>/r/<view>/…,
// /calendar/u/<N>/r/eventedit/<eid>. <N> is the signed-in account index: each index is a
// different "me".

export interface CalendarUrl {
  /** N of /calendar/u/N (or ?authuser=N); 0 when absent. */
  accountIndex: number;
  /** The eid of the full event page, or null when the URL is not an event page. */
  eventPageEid: string | null;
}

const CALENDAR_HOST = 'calendar.google.com';

/** The last URL parsed and its answer: the watcher asks about the same URL on every pass. */
let last: { url: string; result: Readonly<CalendarUrl> | null } | null = null;

export function parseCalendarUrl(url: string): Readonly<CalendarUrl> | null {
  if (last?.url !== url) last = { url, result: parseUrl(url) };
  return last.result;
}

function parseUrl(url: string): CalendarUrl | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.hostname !== CALENDAR_HOST) return null;
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  if (segments[0] !== 'calendar') return null;

  let rest = segments.slice(1);
  let accountIndex = 0;
  if (rest[0] === 'u' && rest[1] !== undefined && /^\d+$/.test(rest[1])) {
    accountIndex = Number(rest[1]);
    rest = rest.slice(2);
  } else {
    const authuser = parsed.searchParams.get('authuser');
    if (authuser !== null && /^\d+$/.test(authuser)) accountIndex = Number(authuser);
  }

  return { accountIndex, eventPageEid: eventPageEidOf(rest, parsed.searchParams) };
}

function eventPageEidOf(rest: string[], search: URLSearchParams): string | null {
  // /r/eventedit/<eid>. "/r/eventedit/copy/<eid>" is a new event prefilled from another one:
  // not that event, so it is not an event page.
  if (rest[0] !== 'r' || rest[1] !== 'eventedit') return null;
  if (rest[2] === 'copy') return null;
  const raw = rest[2] ?? search.get('eid');
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
