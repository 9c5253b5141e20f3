// Google Calendar's eid: base64("<eventId> <calendar id>"), padding stripped, sometimes
// base64url. Reminders and tasks carry ids that do not decode: failure is a value, never an
// exception, because it happens on ordinary pages.

export type DecodedEid =
  { ok: true; eventId: string; calendarId: string } | { ok: false; reason: string };

const BASE64_ALPHABET = /^[A-Za-z0-9+/\-_]+$/;
// Event ids and calendar ids are printable and contain no whitespace; anything else means the
// bytes were not an eid (e.g. "tasks_…" happens to be valid base64 of binary junk).
const PRINTABLE_TOKEN = /^[^\s\p{Cc}\p{Cs}\uFFFD]+$/u;

/** One decoder for every eid: making one is far dearer than decoding a few dozen bytes. */
let utf8: TextDecoder | null = null;
const NON_ASCII = /[\u0080-\uffff]/;

/** The UTF-8 text of a binary string (atob's output); throws when it is not UTF-8. */
function utf8Text(binary: string): string {
  // Almost every eid is ASCII, which is its own UTF-8.
  if (!NON_ASCII.test(binary)) return binary;
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  utf8 ??= new TextDecoder('utf-8', { fatal: true });
  return utf8.decode(bytes);
}

export function decodeEid(eid: string): DecodedEid {
  const trimmed = eid.trim();
  if (trimmed === '') return { ok: false, reason: 'empty eid' };
  const unpadded = trimmed.replace(/=+$/, '');
  if (!BASE64_ALPHABET.test(unpadded)) return { ok: false, reason: 'not base64' };
  if (unpadded.length % 4 === 1) return { ok: false, reason: 'not base64 (bad length)' };
  const standard = unpadded.replace(/-/g, '+').replace(/_/g, '/');
  const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);

  let text: string;
  try {
    text = utf8Text(atob(padded));
  } catch {
    return { ok: false, reason: 'not base64 of UTF-8 text' };
  }

  const space = text.indexOf(' ');
  if (space <= 0) return { ok: false, reason: 'no "<eventId> <calendar>" pair' };
  const eventId = text.slice(0, space);
  const calendarId = text.slice(space + 1);
  if (!PRINTABLE_TOKEN.test(eventId)) return { ok: false, reason: 'event id is not printable' };
  // Calendar ids always hold an "@" (full address or the @m / @g / @v abbreviations).
  if (!PRINTABLE_TOKEN.test(calendarId) || !calendarId.includes('@')) {
    return { ok: false, reason: 'calendar id is not an address' };
  }
  return { ok: true, eventId, calendarId };
}

// Recurring instances: "<seriesId>_<YYYYMMDDTHHMMSSZ>" (timed, original start in UTC) or
// "<seriesId>_<YYYYMMDD>" (all-day). Case differs between places (t…z vs T…Z).
const INSTANCE_SUFFIX = /_\d{8}(T\d{6}Z)?$/i;
const TIMED_INSTANCE_SUFFIX = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/i;

/**
 * The series an occurrence belongs to: event id without the instance suffix, lowercased.
 * Best effort: Google announced opaque instance ids from Q3 2026.
 */
export function seriesKeyOf(eventId: string): string {
  return eventId.replace(INSTANCE_SUFFIX, '').toLowerCase();
}

/**
 * Original start of a recurring timed instance, in epoch ms, from its id suffix. All-day
 * instances (date only, no time zone) and non-recurring ids give null.
 */
export function startOfInstance(eventId: string): number | null {
  const match = TIMED_INSTANCE_SUFFIX.exec(eventId);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  // Date.UTC rolls over (month 13 → next year); a rolled-over date was not a real suffix.
  const exact =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return exact ? ms : null;
}

/** Tasks show in the grid with a "tasks_…" / "ttb_…" id instead of an eid. */
export function isTaskEid(eid: string): boolean {
  return /^(tasks_|ttb_)/i.test(eid.trim());
}

/**
 * Virtual calendars (birthdays "#contacts@v", holidays "#holiday@group.v.calendar.google.com")
 * hold no meetings.
 */
export function isVirtualCalendar(calendarId: string): boolean {
  const id = calendarId.toLowerCase();
  return id.endsWith('@v') || id.endsWith('@group.v.calendar.google.com');
}
