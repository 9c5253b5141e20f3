// The team at a glance (popup "People"): rhythm, open items, wellbeing and allocation per person.

import type { CbcDatabase } from './db';
import { cadenceState, daysBetween, type CadenceState } from '../domain/cadence';
import { prefixRange } from './key-range';
import { comparePeopleByName } from './people';
import { allocationByPerson } from './projects';
import { lastOneOnOne as lastOneOnOneOf, wellbeingTrend } from './meetings';
import type { Person } from '../domain/records';

import { isLowLately, WELLBEING_WINDOW } from './wellbeing-signals';

export const OVERVIEW_WELLBEING_LIMIT = WELLBEING_WINDOW;

/** Why a person is flagged at burnout risk. */
export type BurnoutCause = 'over-allocated' | 'low-wellbeing';

export interface PersonOverview {
  person: Person;
  /** The last 1:1 (meetings.ts lastOneOnOne): start of the latest occurrence at or before now. */
  lastOneOnOne: number | null;
  daysSince: number | null;
  cadence: CadenceState;
  openItems: number;
  /** Latest wellbeing check-ins, oldest first (at most 6). */
  wellbeingTrend: number[];
  /** Sum of shares over non-archived, non-done projects. */
  allocation: number;
  overAllocated: boolean;
  /** Over-allocated, or the last two check-ins were both low. */
  burnoutRisk: boolean;
  /** What makes burnoutRisk true, in that order; empty when it is false. */
  burnoutCauses: BurnoutCause[];
}

/**
 * One row per non-archived person, by name; with `emails`, only those people (unknown emails
 * are left out). Reading a few people at a time keeps each read small: a live view re-reads
 * only the part a write touched.
 */
export async function peopleOverview(
  db: CbcDatabase,
  now: number,
  options: { emails?: readonly string[] } = {},
): Promise<PersonOverview[]> {
  return db.transaction(
    'r',
    [db.people, db.meetings, db.actionItems, db.assignments, db.projects],
    async () => {
      const [found, allocation] = await Promise.all([
        options.emails ? db.people.bulkGet([...options.emails]) : db.people.toArray(),
        allocationByPerson(db),
      ]);
      const people = found
        .filter((person): person is Person => person !== undefined && person.archived === 0)
        .sort(comparePeopleByName);
      return Promise.all(
        people.map((person) => overviewOf(db, person, allocation[person.email] ?? 0, now)),
      );
    },
  );
}

async function overviewOf(
  db: CbcDatabase,
  person: Person,
  allocation: number,
  now: number,
): Promise<PersonOverview> {
  // Three small requests per person, each answered by one index lookup (no cursor walks).
  const [lastMeeting, openItems, trend] = await Promise.all([
    lastOneOnOneOf(db, person.email, now),
    db.actionItems
      .where('[personEmail+open+createdAt]')
      .between(...prefixRange(person.email, 1))
      .count(),
    wellbeingTrend(db, person.email, OVERVIEW_WELLBEING_LIMIT),
  ]);
  const lastOneOnOne = lastMeeting?.start ?? null;
  const wellbeing = trend.map((entry) => entry.wellbeing);
  const overAllocated = allocation > 100;
  const burnoutCauses: BurnoutCause[] = [];
  if (overAllocated) burnoutCauses.push('over-allocated');
  if (isLowLately(wellbeing)) burnoutCauses.push('low-wellbeing');
  return {
    person,
    lastOneOnOne,
    daysSince: lastOneOnOne === null ? null : daysBetween(lastOneOnOne, now),
    cadence: cadenceState(lastOneOnOne, person.cadenceDays, now),
    openItems,
    wellbeingTrend: wellbeing,
    allocation,
    overAllocated,
    burnoutRisk: burnoutCauses.length > 0,
    burnoutCauses,
  };
}
