// The week ahead (popup "Week ahead"): future occurrences of known 1:1 series as the grid showed
// them (schema version 5), and what is waiting for each. A cache of what the page showed, never
// fetched: not in backups, emptied by an import and by "Delete all data".

import type { CbcDatabase } from './db';
import { daysBetween } from '../domain/cadence';
import { planWeekAhead, WEEK_AHEAD_DAYS } from '../domain/week-ahead';
import type {
  Email,
  Person,
  StandingTopic,
  UpcomingOccurrence,
  Wellbeing,
} from '../domain/records';
import { lastOneOnOne, wellbeingTrend } from './meetings';
import { personOfSeries } from './series-person';
import { openItemsForPerson } from './action-items';
import { queuedTalkingPoints } from './talking-points';
import { topicsAtMeeting } from './standing-topics';
import { comparePeopleByName } from './people';

const DAY = 24 * 60 * 60 * 1000;

/** One future chip of the grid, as the content script reports it. */
export interface UpcomingChip {
  eid: string;
  seriesKey: string;
  start: number;
}

/**
 * Records the future occurrences of series known as 1:1s (under the series' person, with the
 * title of its latest recorded meeting) as seen at `now`, in one transaction, and drops the
 * cached ones that started over a week ago (until then they still tell when Calendar was last
 * seen). Started occurrences, unknown series and series the user said are not 1:1s are
 * ignored. Returns how many were recorded.
 */
export async function recordUpcomingOccurrences(
  db: CbcDatabase,
  chips: readonly UpcomingChip[],
  now: number,
): Promise<{ recorded: number }> {
  const future = new Map<string, UpcomingChip>();
  for (const chip of chips) {
    const eid = chip.eid.trim();
    const seriesKey = chip.seriesKey.trim().toLowerCase();
    if (eid !== '' && seriesKey !== '' && chip.start > now) {
      future.set(eid, { eid, seriesKey, start: chip.start });
    }
  }
  return db.transaction(
    'rw',
    [db.upcomingOccurrences, db.meetings, db.seriesOverrides, db.people],
    async () => {
      await db.upcomingOccurrences
        .where('start')
        .below(now - WEEK_AHEAD_DAYS * DAY)
        .delete();
      const series = new Map<string, { personEmail: Email; title: string } | null>();
      const rows: UpcomingOccurrence[] = [];
      for (const { eid, seriesKey, start } of future.values()) {
        if (!series.has(seriesKey)) series.set(seriesKey, await seriesPerson(db, seriesKey));
        const known = series.get(seriesKey);
        if (known) rows.push({ eid, seriesKey, start, ...known, seenAt: now });
      }
      await db.upcomingOccurrences.bulkPut(rows);
      return { recorded: rows.length };
    },
  );
}

/** Whom a series is a 1:1 with (a stored, non-archived person) and its latest title. */
async function seriesPerson(
  db: CbcDatabase,
  seriesKey: string,
): Promise<{ personEmail: Email; title: string } | null> {
  const email = await personOfSeries(db, seriesKey);
  const person = email ? await db.people.get(email) : undefined;
  if (!person) return null;
  const meetings = await db.meetings.where('seriesKey').equals(seriesKey).toArray();
  const latest = meetings.sort((a, b) => b.start - a.start).find((m) => m.title.trim() !== '');
  return { personEmail: person.email, title: latest?.title ?? '' };
}

/** One upcoming 1:1 and what is waiting for it. */
export interface WeekAheadEntry {
  occurrence: UpcomingOccurrence;
  person: Person;
  /** Open action items: mine and theirs. */
  openItems: { me: number; them: number };
  queuedTalkingPoints: number;
  /** The standing topics due at that 1:1. */
  topicsDue: StandingTopic[];
  /** Whole days since the last 1:1, or null when there was none. */
  daysSince: number | null;
  /** The latest wellbeing check-in, or null. */
  wellbeing: Wellbeing | null;
}

export interface WeekAhead {
  entries: WeekAheadEntry[];
  /** Overdue with no 1:1 in sight, by name (WeekAheadPlan.overdue). */
  overdue: Array<{ person: Person; daysSince: number | null }>;
  /** When the grid last showed a 1:1 to come, or null when it never did. */
  seenAt: number | null;
}

/** The popup's Week ahead at `now`, read in one transaction. */
export async function weekAhead(db: CbcDatabase, now: number): Promise<WeekAhead> {
  return db.transaction(
    'r',
    [
      db.upcomingOccurrences,
      db.people,
      db.meetings,
      db.actionItems,
      db.talkingPoints,
      db.standingTopics,
      db.topicDiscussionPacks,
      db.seriesOverrides,
    ],
    async () => {
      const [cached, everyone] = await Promise.all([
        db.upcomingOccurrences.toArray(),
        db.people.toArray(),
      ]);
      const people = everyone.filter((person) => person.archived === 0).sort(comparePeopleByName);
      const byEmail = new Map(people.map((person) => [person.email, person]));
      const lastStarts = await Promise.all(
        people.map(async (person) => (await lastOneOnOne(db, person.email, now))?.start ?? null),
      );
      const lastByEmail = new Map(people.map((person, i) => [person.email, lastStarts[i]!]));
      // A series' decision may have changed since the chip was seen: ask again who it is with.
      const current = await Promise.all(
        cached.map(async (o) => ({
          ...o,
          personEmail: (await personOfSeries(db, o.seriesKey)) ?? '',
        })),
      );
      const plan = planWeekAhead(
        current,
        people.map((person) => ({
          email: person.email,
          cadenceDays: person.cadenceDays,
          lastOneOnOne: lastByEmail.get(person.email) ?? null,
        })),
        now,
      );
      const daysSinceOf = (email: Email) => {
        const last = lastByEmail.get(email) ?? null;
        return last === null ? null : daysBetween(last, now);
      };
      const entries = await Promise.all(
        plan.upcoming.map(async (occurrence): Promise<WeekAheadEntry> => {
          const email = occurrence.personEmail;
          const [items, points, topics, trend] = await Promise.all([
            openItemsForPerson(db, email),
            queuedTalkingPoints(db, email),
            topicsAtMeeting(db, occurrence),
            wellbeingTrend(db, email, 1),
          ]);
          return {
            occurrence,
            person: byEmail.get(email)!,
            openItems: {
              me: items.filter((item) => item.owner === 'me').length,
              them: items.filter((item) => item.owner === 'them').length,
            },
            queuedTalkingPoints: points.length,
            topicsDue: topics.filter((entry) => entry.due).map((entry) => entry.topic),
            daysSince: daysSinceOf(email),
            wellbeing: trend[0]?.wellbeing ?? null,
          };
        }),
      );
      return {
        entries,
        overdue: plan.overdue.map((email) => ({
          person: byEmail.get(email)!,
          daysSince: daysSinceOf(email),
        })),
        seenAt: plan.seenAt,
      };
    },
  );
}
