// Which database the background's requests use. Normally one for the extension's life; an import
// and "Delete all data" replace its whole content, and the swapping slot does that by writing a
// new database and switching to it once complete (database-name.ts says why): the earlier data
// stays exactly as it was until then, and a failed or cancelled import only deletes the new,
// unfinished database. While a replacement is written, every other request waits for it, as it
// waited before behind the import's one transaction: nothing written meanwhile can be lost in
// the old database.

import type { CbcDatabase } from './db';
import {
  DATABASE_NAME,
  DATABASE_NAME_KEY,
  freshDatabaseName,
  isStoreDatabaseName,
  type DatabaseNameStorage,
} from './database-name';

export interface DatabaseSlot {
  /** The database to use; waits while a replacement is being written. */
  current(): Promise<CbcDatabase>;
  /**
   * Fills a database with a whole new content (`fill` gets an empty one, or the current one when
   * the slot cannot swap) and makes it current; when `fill` throws, nothing changes. It answers
   * once the new database is current; the old one is deleted after that, and the next
   * replacement waits for the deletion. With `awaitDeletion` it answers only once the old
   * database is gone ("Delete all data": nothing is left when it says so).
   */
  replace<T>(fill: (target: CbcDatabase) => Promise<T>, options?: ReplaceOptions): Promise<T>;
}

export interface ReplaceOptions {
  /** Answer only after the old database is deleted, not before. */
  awaitDeletion?: boolean;
}

/** The slot of one database that is never swapped (tests; the content is replaced in place). */
export function fixedDatabase(db: CbcDatabase): DatabaseSlot {
  return { current: () => Promise.resolve(db), replace: (fill) => fill(db) };
}

export interface SwappingDatabaseOptions {
  storage: DatabaseNameStorage;
  open: (name: string) => CbcDatabase;
  indexedDB?: Pick<IDBFactory, 'deleteDatabase'> & { databases?: IDBFactory['databases'] };
  now?: () => number;
}

function deleteDatabase(factory: Pick<IDBFactory, 'deleteDatabase'>, name: string) {
  return new Promise<void>((resolve) => {
    const request = factory.deleteDatabase(name);
    // Open connections elsewhere (a popup) close on versionchange; a failure leaves a stray
    // database, which the next start removes.
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
}

/** The background's slot: the database storage.local names, swapped by each replacement. */
export function swappingDatabase(options: SwappingDatabaseOptions): DatabaseSlot {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const now = options.now ?? Date.now;
  const stored = options.storage.get(DATABASE_NAME_KEY).then(
    (items) => items[DATABASE_NAME_KEY],
    (error: unknown) => {
      // Without the name nothing is opened, and nothing deleted: requests get the error.
      console.error('Craft Beyond Code: the database name could not be read', error);
      throw error;
    },
  );
  let active: Promise<CbcDatabase> = stored.then((name) =>
    options.open(isStoreDatabaseName(name) ? name : DATABASE_NAME),
  );
  // Replacements start only after the leftovers are gone: an import that woke the worker must
  // never have its new database taken for one.
  let replacing: Promise<unknown> = stored.then(removeStrays, () => undefined);
  // The earlier database of the last replacement, being deleted. The replacement has answered
  // by then (deleting ~40 MB, and waiting for a popup to let go of it, took most of a second
  // that the user waited for "Imported"); requests never wait for it, the next replacement does.
  let deleting: Promise<unknown> = Promise.resolve();

  /**
   * Deletes the store databases that are not the current one: what an import the browser's exit
   * interrupted left, or the earlier data of one whose switch was not followed by the deletion.
   * Only when storage.local holds a name the slot wrote, or none (then the current one is
   * DATABASE_NAME): a value it cannot read as a name leaves everything in place.
   */
  async function removeStrays(name: unknown): Promise<void> {
    if (name !== undefined && !isStoreDatabaseName(name)) return;
    const current = name ?? DATABASE_NAME;
    try {
      const all = (await factory.databases?.()) ?? [];
      for (const { name: other } of all) {
        if (isStoreDatabaseName(other) && other !== current) await deleteDatabase(factory, other);
      }
    } catch (error) {
      console.error('Craft Beyond Code: leftover databases could not be listed', error);
    }
  }

  return {
    current: async () => {
      await replacing;
      return active;
    },
    replace<T>(fill: (target: CbcDatabase) => Promise<T>, how?: ReplaceOptions): Promise<T> {
      const run = Promise.all([replacing, deleting]).then(async () => {
        const previous = await active;
        let name = freshDatabaseName(now());
        for (let attempt = 1; name === previous.name; attempt++) {
          name = freshDatabaseName(now(), attempt);
        }
        const target = options.open(name);
        let result: T;
        try {
          result = await fill(target);
          await options.storage.set({ [DATABASE_NAME_KEY]: name });
        } catch (error) {
          target.close();
          await deleteDatabase(factory, name);
          throw error;
        }
        active = Promise.resolve(target);
        previous.close();
        deleting = deleteDatabase(factory, previous.name);
        if (how?.awaitDeletion) await deleting;
        return result;
      });
      replacing = run.catch(() => undefined);
      return run;
    },
  };
}
