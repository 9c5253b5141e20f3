// The orders the popup's first screen sorts by, without Dexie: the popup's first script reads
// that screen with IndexedDB alone (first-screen.ts), before the app and Dexie have loaded.

import type { ActionItem, Person } from '../domain/records';

/** openFollowUps' order: dated items by due date, then undated ones; oldest first within. */
export function compareByDue(a: ActionItem, b: ActionItem): number {
  if (a.due !== b.due) {
    if (a.due === '') return 1;
    if (b.due === '') return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** People by name (or address), case- and accent-insensitively, then by address. */
export function comparePeopleByName(a: Person, b: Person): number {
  return (
    (a.name || a.email).localeCompare(b.name || b.email, undefined, { sensitivity: 'base' }) ||
    a.email.localeCompare(b.email)
  );
}

/** People whose open items are asked for at once (see firstPeoplesItems). */
const PEOPLE_PER_WAVE = 8;

/**
 * Every open item of the first people of `emails` (most urgent first), for as many people as it
 * takes to cover `limit` items: what the first screen adds to its first page. The items of a
 * few people are asked for at once, in one round trip instead of one per person (in the popup
 * each answer waits behind the app's loading); answers past the cover are not used, so the
 * result is the same as asking one person after the other.
 */
export async function firstPeoplesItems(
  emails: readonly string[],
  limit: number,
  openItemsOf: (email: string) => Promise<ActionItem[]>,
): Promise<ActionItem[]> {
  const items: ActionItem[] = [];
  let covered = 0;
  for (let start = 0; start < emails.length && covered < limit; start += PEOPLE_PER_WAVE) {
    const wave = emails.slice(start, start + PEOPLE_PER_WAVE);
    for (const theirs of await Promise.all(wave.map(openItemsOf))) {
      if (covered >= limit) break;
      items.push(...theirs);
      covered += theirs.length;
    }
  }
  return items;
}
