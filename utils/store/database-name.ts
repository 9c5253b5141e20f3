// The database's name, on its own so that code which must stay small (the popup's first
// script) can name the database without loading Dexie.
//
// An import (or "Delete all data") writes its records into a new database and then makes it the
// current one (database-slot.ts): in Chromium, emptying the tables of a large store first took
// 2.5 s and left the writes after it slower, while deleting a whole database takes a few ms. So
// the name of the current database is kept in the extension's storage.local; until the first
// import it is DATABASE_NAME, the name every earlier version used.

export const DATABASE_NAME = 'craft-beyond-code';

/** The storage.local key of the current database's name. */
export const DATABASE_NAME_KEY = 'databaseName';

/** Whether `name` is one of the extension's store databases (the first, or one an import made). */
export function isStoreDatabaseName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    (name === DATABASE_NAME || /^craft-beyond-code-[0-9a-z]{1,16}$/.test(name))
  );
}

/** The name of a new database for an import, unique per millisecond and slot. */
export function freshDatabaseName(now: number, attempt = 0): string {
  return `${DATABASE_NAME}-${now.toString(36)}${attempt > 0 ? attempt.toString(36) : ''}`;
}

/** The part of browser.storage.local that names the database. */
export interface DatabaseNameStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The current database's name: what storage.local says, DATABASE_NAME when it says nothing. */
export async function readDatabaseName(storage: Pick<DatabaseNameStorage, 'get'>): Promise<string> {
  const stored = (await storage.get(DATABASE_NAME_KEY))[DATABASE_NAME_KEY];
  return isStoreDatabaseName(stored) ? stored : DATABASE_NAME;
}
