// The popup's first screen read with IndexedDB alone, by the popup's first script while the app
// (Preact, Dexie, the views: most of the popup's start-up) is still loading: the first page of
// open follow-ups (what firstOpenFollowUps reads, in its order) and everyone's names for its
// group headings. The app renders with it at once and its live queries take over from there.
// A few bounded reads: no table is scanned but people (a team's few hundred rows).

import type { ActionItem, Person } from '../domain/records';
import { compareByDue, comparePeopleByName, firstPeoplesItems } from './follow-up-order';

export interface FirstScreen {
  /** firstOpenFollowUps(db, limit)'s items. */
  followUps: ActionItem[];
  /** Everyone, archived included, by name (listPeople with includeArchived). */
  directory: Person[];
}

/** Sorts after every other key (Dexie.maxKey), for the open end of a compound prefix. */
const MAX_KEY = [[]];

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Reads the first screen from an open connection, or null when the database is not (yet) at a
 * schema that has these stores (the app's own open then creates or upgrades it).
 */
export async function readFirstScreen(db: IDBDatabase, limit: number): Promise<FirstScreen | null> {
  const names = db.objectStoreNames;
  if (!names.contains('actionItems') || !names.contains('people')) return null;
  const tx = db.transaction(['actionItems', 'people'], 'readonly');
  // The team is read while the follow-ups are: neither waits for the other.
  const everyone = request(tx.objectStore('people').getAll()) as Promise<Person[]>;
  const [followUps, directory] = await Promise.all([
    readFollowUps(tx.objectStore('actionItems'), limit),
    everyone,
  ]);
  return { followUps, directory: directory.sort(comparePeopleByName) };
}

/** As firstOpenFollowUps: the first `limit` by due date and every open item of their people. */
async function readFollowUps(items: IDBObjectStore, limit: number): Promise<ActionItem[]> {
  const byDue = items.index('[open+due+createdAt]');
  const dated = (await request(
    byDue.getAll(IDBKeyRange.bound([1, '', Infinity], [1, MAX_KEY], true), limit),
  )) as ActionItem[];
  const undated =
    dated.length < limit
      ? ((await request(
          byDue.getAll(
            IDBKeyRange.bound([1, '', -Infinity], [1, '', MAX_KEY]),
            limit - dated.length,
          ),
        )) as ActionItem[])
      : [];
  const byId = new Map<string, ActionItem>();
  for (const item of [...dated, ...undated]) byId.set(item.id, item);
  const byPerson = items.index('[personEmail+open+createdAt]');
  const people = [...new Set([...byId.values()].map((item) => item.personEmail))];
  const theirs = await firstPeoplesItems(
    people,
    limit,
    (email) =>
      request(
        byPerson.getAll(IDBKeyRange.bound([email, 1, -Infinity], [email, 1, MAX_KEY])),
      ) as Promise<ActionItem[]>,
  );
  for (const item of theirs) byId.set(item.id, item);
  return [...byId.values()].sort(compareByDue);
}
