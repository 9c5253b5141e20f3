// Calendar's `jslog` attribute (on #xDetDlg and on chips) holds the full ids that the eid
// abbreviates: `1:["<signed-in email>",1]` and `2:["<eventId>","<full calendar id>",…]`.
// It is logging data, not an API: read it as a bonus, never as the only source.

export interface JslogIds {
  eventId: string | null;
  calendarId: string | null;
  userEmail: string | null;
}

const EVENT_AND_CALENDAR = /(?:^|[;\s])2:\[\s*"([^"]*)"\s*,\s*"([^"]*)"/;
const USER = /(?:^|[;\s])1:\[\s*"([^"]+@[^"]+)"\s*,\s*1\s*\]/;

export function readJslog(jslog: string | null): JslogIds {
  if (!jslog) return { eventId: null, calendarId: null, userEmail: null };
  const ids = EVENT_AND_CALENDAR.exec(jslog);
  const user = USER.exec(jslog);
  return {
    eventId: ids?.[1] || null,
    calendarId: ids?.[2] || null,
    userEmail: user?.[1]?.trim().toLowerCase() || null,
  };
}
