// How a person's 1:1 rhythm is going. Pure: tested by tables of cases.

export type CadenceState = 'no-meetings' | 'on-track' | 'due' | 'overdue';

/** Whole calendar days (local time) from instant a to instant b; negative when b is earlier. */
export function daysBetween(a: number, b: number): number {
  return localDayNumber(b) - localDayNumber(a);
}

// The panel imports this file into the content script: plain Date arithmetic keeps date-fns out
// of it (about 0.5 KB gzip). The local calendar date, counted as whole days since the epoch,
// makes DST days (23 or 25 hours long) count as one day.
function localDayNumber(instant: number): number {
  const date = new Date(instant);
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000);
}

/**
 * Due from the cadence's day on; overdue once past it by half the cadence, at least two days
 * (a weekly 1:1 moved by a day or two is not yet overdue).
 */
export function cadenceState(
  lastOneOnOne: number | null,
  cadenceDays: number,
  now: number,
): CadenceState {
  if (lastOneOnOne === null) return 'no-meetings';
  const daysSince = daysBetween(lastOneOnOne, now);
  if (daysSince > cadenceDays + Math.max(2, cadenceDays / 2)) return 'overdue';
  if (daysSince >= cadenceDays) return 'due';
  return 'on-track';
}
