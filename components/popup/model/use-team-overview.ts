// The People section's rows, kept live a few people at a time. One liveQuery over the whole
// team re-read every person (three reads each) after any write to their meetings, notes or
// items, e.g. each 1:1 the panel records while the popup or options page is open, and made
// those writes wait. Each chunk here is its own liveQuery, so such a write re-reads one chunk.

import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { peopleOverview, type CbcDatabase, type PersonOverview } from '@/utils/store';
import type { Person } from '@/utils/domain/records';
import type { LiveValue } from './use-live-query';

/** People per liveQuery: small enough to re-read quickly, few enough subscriptions. */
export const OVERVIEW_CHUNK_SIZE = 25;

/**
 * `directory`: everyone by name (archived too), or undefined while loading. The rows come in
 * the directory's order, archived people left out; until every chunk of a new roster is read,
 * the previous rows stay.
 */
export function useTeamOverview(
  db: CbcDatabase,
  now: number,
  directory: Person[] | undefined,
  enabled: boolean,
): LiveValue<PersonOverview[]> {
  const chunks = useMemo(() => {
    if (!directory) return null;
    const emails = directory.filter((person) => person.archived === 0).map((p) => p.email);
    const result: string[][] = [];
    for (let at = 0; at < emails.length; at += OVERVIEW_CHUNK_SIZE) {
      result.push(emails.slice(at, at + OVERVIEW_CHUNK_SIZE));
    }
    return result;
  }, [directory]);
  // A new directory object with the same people in the same order keeps the subscriptions.
  const rosterKey = chunks?.map((chunk) => chunk.join('\n')).join('\n\n') ?? null;
  const [state, setState] = useState<LiveValue<PersonOverview[]>>({
    value: undefined,
    error: null,
  });

  useEffect(() => {
    if (!enabled || chunks === null) return;
    const rows: Array<PersonOverview[] | undefined> = chunks.map(() => undefined);
    const publish = () => {
      if (rows.every((chunk) => chunk !== undefined)) {
        setState({ value: rows.flat(), error: null });
      }
    };
    publish(); // an empty team has no chunk to wait for
    const subscriptions = chunks.map((emails, index) =>
      liveQuery(() => peopleOverview(db, now, { emails })).subscribe({
        next: (value) => {
          rows[index] = value;
          publish();
        },
        error: (failure: unknown) =>
          setState((current) => ({
            value: current.value,
            error: failure instanceof Error ? failure.message : String(failure),
          })),
      }),
    );
    return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
    // rosterKey stands for chunks.
  }, [db, now, rosterKey, enabled]);

  return state;
}
