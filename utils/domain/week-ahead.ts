// The week ahead (popup "Week ahead"), pure: which 1:1s seen on Calendar's grid fall in the next
// seven days, who is overdue with no 1:1 in sight, and when the grid was last seen. Only from
// what the content script saw: a week never looked at is unknown, never guessed.

import { cadenceState } from './cadence';
import type { Email, UpcomingOccurrence } from './records';

/** How far ahead the popup looks. */
export const WEEK_AHEAD_DAYS = 7;

const DAY = 24 * 60 * 60 * 1000;

/** What the week ahead needs of a person. */
export interface WeekAheadPerson {
  email: Email;
  cadenceDays: number;
  /** Start of the last 1:1 (meetings.ts lastOneOnOne), or null when none. */
  lastOneOnOne: number | null;
}

export interface WeekAheadPlan {
  /** The occurrences starting after now and within WEEK_AHEAD_DAYS, soonest first. */
  upcoming: UpcomingOccurrence[];
  /**
   * People whose cadence is overdue with no future 1:1 seen at all; empty when the grid was
   * never seen (nobody can tell whether one is planned).
   */
  overdue: Email[];
  /**
   * When the grid last showed a 1:1 to come, or null when it showed none in the past week
   * (the cache keeps a week of started ones, for this).
   */
  seenAt: number | null;
}

/** Whether `start` is after `now` and at most WEEK_AHEAD_DAYS later. */
export function isInWeekAhead(start: number, now: number): boolean {
  return start > now && start <= now + WEEK_AHEAD_DAYS * DAY;
}

export function planWeekAhead(
  occurrences: readonly UpcomingOccurrence[],
  people: readonly WeekAheadPerson[],
  now: number,
): WeekAheadPlan {
  const known = new Set(people.map((person) => person.email));
  const future = occurrences.filter((o) => o.start > now && known.has(o.personEmail));
  const seenAt = occurrences.reduce<number | null>(
    (latest, o) => (latest === null || o.seenAt > latest ? o.seenAt : latest),
    null,
  );
  const upcoming = future
    .filter((o) => isInWeekAhead(o.start, now))
    .sort((a, b) => a.start - b.start || (a.eid < b.eid ? -1 : 1));
  const inSight = new Set(future.map((o) => o.personEmail));
  const overdue =
    seenAt === null
      ? []
      : people
          .filter(
            (person) =>
              !inSight.has(person.email) &&
              cadenceState(person.lastOneOnOne, person.cadenceDays, now) === 'overdue',
          )
          .map((person) => person.email);
  return { upcoming, overdue, seenAt };
}
