// Occurrences of known 1:1 series that the grid shows once they have started: a 1:1 that took
// place but was never opened in the panel still counts as the last 1:1 (lastOneOnOne).

import { withSeenCadence } from './cadence-from-calendar';
import type { CbcDatabase } from './db';
import { requireEmail } from './normalize-input';
import { personOfSeries } from './series-person';
import type { Meeting } from '../domain/records';

/** One chip of the grid, as the content script reports it. */
export interface SeenOccurrence {
  eid: string;
  seriesKey: string;
  /** The occurrence's start (from its recurring-instance id). */
  start: number;
}

export interface SeenOccurrencesResult {
  /** How many occurrences were new and recorded. */
  recorded: number;
  /** The people they were recorded for. */
  personEmails: string[];
}

/**
 * Records the occurrences of series known as 1:1s (and updates the cadence taken from the gaps
 * between occurrences, for people whose cadence neither the series nor the manager set) (from a recorded meeting or the user's
 * decision) whose start is at or before `now`, under that series' person, in one transaction.
 * Occurrences already recorded are left as they are (the panel's open owns title and person),
 * and the rest are ignored: unknown series, series the user said are not 1:1s, future starts
 * (a future occurrence may still be cancelled), or a person no longer stored.
 */
export async function recordSeenOccurrences(
  db: CbcDatabase,
  occurrences: readonly SeenOccurrence[],
  now: number,
): Promise<SeenOccurrencesResult> {
  const started = new Map<string, SeenOccurrence>();
  for (const occurrence of occurrences) {
    const eid = occurrence.eid.trim();
    if (eid !== '' && occurrence.start <= now) started.set(eid, { ...occurrence, eid });
  }
  if (started.size === 0) return { recorded: 0, personEmails: [] };
  return db.transaction('rw', db.meetings, db.seriesOverrides, db.people, async () => {
    const eids = [...started.keys()];
    const existing = await db.meetings.bulkGet(eids);
    const personBySeries = new Map<string, string | null>();
    const added: Meeting[] = [];
    for (const [index, eid] of eids.entries()) {
      if (existing[index]) continue;
      const { seriesKey: rawKey, start } = started.get(eid)!;
      const seriesKey = rawKey.trim().toLowerCase();
      if (seriesKey === '') continue;
      if (!personBySeries.has(seriesKey)) {
        const email = await personOfSeries(db, seriesKey);
        const person = email ? await db.people.get(requireEmail(email)) : undefined;
        personBySeries.set(seriesKey, person ? person.email : null);
      }
      const personEmail = personBySeries.get(seriesKey);
      if (!personEmail) continue;
      added.push({ eid, seriesKey, personEmail, start, title: '', createdAt: now });
    }
    if (added.length === 0) return { recorded: 0, personEmails: [] };
    await db.meetings.bulkAdd(added);
    const personEmails = [...new Set(added.map((meeting) => meeting.personEmail))];
    // The occurrences seen tell how often the 1:1s happen, unless the series or manager said.
    for (const email of personEmails) {
      const person = await db.people.get(email);
      if (!person) continue;
      const updated = await withSeenCadence(db, person, [], now);
      if (updated !== person) await db.people.put(updated);
    }
    return { recorded: added.length, personEmails };
  });
}
