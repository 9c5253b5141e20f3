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
