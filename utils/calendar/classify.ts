// Is this event a 1:1, and with whom? First whether it can be one at all (a task, a birthday, a
// reminder never is), then the user's per-series decision (applied by
// utils/domain/series-decision.ts, the one place that does), then the guest addresses
// (language-independent), then — only when the list cannot be read — the title.

import { counterpartAfterDecision, type SeriesDecision } from '../domain/series-decision';
import type { Counterpart } from '../domain/records';
import { isTaskEid, isVirtualCalendar } from './eid';
import { titleLooksLikeOneOnOne } from './title-patterns';
import type { CalendarEvent, Classification, Guest } from './types';

/**
 * Why no decision can make this event a 1:1 (a task, a birthday or holiday, a reminder: never
 * meetings, whatever anyone says), or null when one can.
 */
function neverOneOnOne(event: CalendarEvent): string | null {
  if (isTaskEid(event.eid)) return 'task';
  if (isVirtualCalendar(event.calendarId)) return 'birthday or holiday';
  if (event.eventId === '' && event.guests.length === 0) return 'reminder (eid does not decode)';
  return null;
}

/** Whether the user's decision could make this event a 1:1. */
export function canBeOneOnOne(event: CalendarEvent): boolean {
  return neverOneOnOne(event) === null;
}

export function classifyOneOnOne(
  event: CalendarEvent,
  override?: SeriesDecision | null,
): Classification {
  const never = neverOneOnOne(event);
  if (never !== null) return { kind: 'not-one-on-one', reason: never };

  if (override) {
    const person = counterpartAfterDecision(null, override);
    return person
      ? { kind: 'one-on-one', person, confidence: 'high', reason: 'marked as a 1:1 by you' }
      : { kind: 'not-one-on-one', reason: 'marked as not a 1:1 by you' };
  }

  const people = uniquePeople(event.guests);
  const me = event.me;
  const others = me === null ? people : people.filter((guest) => guest.email !== me);

  // A clear group meeting, even from a partial list: three people, or two besides me.
  if (people.length >= 3 || (me !== null && others.length >= 2)) {
    return { kind: 'not-one-on-one', reason: `group meeting (${people.length} people)` };
  }

  if (!event.guestListComplete) {
    return fromTitle(event, others, me, 'guest list not readable (collapsed or count only)');
  }
  if (me === null) return fromTitle(event, [], me, 'signed-in user not found');

  const meListed = people.length > others.length;
  if (meListed && others.length === 1) {
    return oneOnOne(others[0]!, 'high', 'two people: you and one other');
  }
  if (!meListed && others.length === 1) {
    if (event.organizer === me) {
      return oneOnOne(others[0]!, 'high', 'you organize it for one other person');
    }
    if (event.organizer !== null) {
      return { kind: 'not-one-on-one', reason: 'you are not a guest' };
    }
    return fromTitle(event, others, me, 'you are not listed and the organizer is unknown');
  }
  if (meListed && others.length === 0) {
    // Only me listed: a private block, or an organizer who hid the guest list.
    return fromTitle(event, [], me, 'only you are listed (the guest list may be hidden)');
  }
  return { kind: 'not-one-on-one', reason: 'no other people invited' };
}

function uniquePeople(guests: Guest[]): Guest[] {
  const seen = new Set<string>();
  return guests.filter((guest) => {
    if (guest.kind !== 'person' || seen.has(guest.email)) return false;
    seen.add(guest.email);
    return true;
  });
}

function oneOnOne(guest: Guest, confidence: 'high' | 'low', reason: string): Classification {
  const person: Counterpart = { email: guest.email, name: guest.name };
  return { kind: 'one-on-one', person, confidence, reason };
}

/**
 * The guest list did not decide. A 1:1-looking title decides with low confidence when exactly
 * one other person is visible and I am known (never pick a counterpart that might be me).
 */
function fromTitle(
  event: CalendarEvent,
  others: Guest[],
  me: string | null,
  reason: string,
): Classification {
  if (me !== null && others.length === 1 && titleLooksLikeOneOnOne(event.title)) {
    return oneOnOne(others[0]!, 'low', `${reason}; the title looks like a 1:1`);
  }
  return { kind: 'unknown', reason };
}
