// A person's cadence as the calendar shows it, unless the manager chose one (Person.cadenceSource):
// the series' recurrence line when a 1:1 of it is opened, else the usual gap between the 1:1s
// recorded with them (opened or seen on the grid).

import type { CbcDatabase } from './db';
import { isCadenceDays } from './normalize-input';
import type { Person } from '../domain/records';

const DAY_MS = 86_400_000;
/** Latest meetings whose gaps are looked at: enough for a missed week not to count. */
const RECENT_MEETINGS = 8;

/**
 * The person with the series' recurrence as their cadence (the manager's choice wins); the same
 * object when nothing changes, so a caller can tell that no write is needed.
 */
export function withRecurrenceCadence(
  person: Person,
  recurrenceDays: number | null | undefined,
  now: number,
): Person {
  if (person.cadenceSource === 'manager' || !isCadenceDays(recurrenceDays)) return person;
  if (person.cadenceSource === 'recurrence' && person.cadenceDays === recurrenceDays) return person;
  return { ...person, cadenceDays: recurrenceDays, cadenceSource: 'recurrence', updatedAt: now };
}

/**
 * The usual number of days between occurrences: the lower median of the gaps between
 * consecutive starts (same-day repeats left out), so one missed week does not double a weekly
 * cadence. null with fewer than two starts on different days.
 */
export function typicalGapDays(starts: readonly number[]): number | null {
  const sorted = [...starts].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let index = 1; index < sorted.length; index++) {
    const days = Math.round((sorted[index]! - sorted[index - 1]!) / DAY_MS);
    if (days >= 1) gaps.push(days);
  }
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  return Math.min(365, gaps[(gaps.length - 1) >> 1]!);
}

/**
 * Inside the caller's transaction (it reads meetings): the person with the usual gap between
 * their recorded 1:1s (and `alsoStarts`, occurrences about to be written) as cadence, when it
 * comes from nowhere better (neither the series nor the manager). The same object when nothing
 * changes.
 */
export async function withSeenCadence(
  db: CbcDatabase,
  person: Person,
  alsoStarts: readonly number[],
  now: number,
): Promise<Person> {
  if (person.cadenceSource !== 'default' && person.cadenceSource !== 'seen') return person;
  const recent = await db.meetings
    .where('[personEmail+start]')
    .between([person.email, -Infinity], [person.email, Infinity])
    .reverse()
    .limit(RECENT_MEETINGS)
    .toArray();
  const gap = typicalGapDays([...recent.map((meeting) => meeting.start), ...alsoStarts]);
  if (gap === null || (person.cadenceSource === 'seen' && person.cadenceDays === gap)) {
    return person;
  }
  return { ...person, cadenceDays: gap, cadenceSource: 'seen', updatedAt: now };
}
