import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from './backup';
import { openDatabase, type CbcDatabase } from './db';
import { DATABASE_NAME, DATABASE_NAME_KEY, type DatabaseNameStorage } from './database-name';
import { fixedDatabase, swappingDatabase } from './database-slot';
import { listPeople, upsertPerson } from './people';

const NOW = 1_750_000_000_000;

function memoryStorage(initial: Record<string, unknown> = {}) {
  const items: Record<string, unknown> = { ...initial };
  const storage: DatabaseNameStorage & { items: Record<string, unknown> } = {
    items,
    get: async (key) => (key in items ? { [key]: items[key] } : {}),
    set: async (values) => void Object.assign(items, values),
  };
  return storage;
}

async function storeDatabaseNames(): Promise<string[]> {
  const all = await indexedDB.databases();
  return all
    .map(({ name }) => name ?? '')
    .filter((name) => name.startsWith(DATABASE_NAME))
    .sort();
}

const opened: CbcDatabase[] = [];
function open(name: string) {
  const db = openDatabase(name);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
  for (const name of await storeDatabaseNames()) indexedDB.deleteDatabase(name);
});

/** A backup holding one person, as an import would get it. */
async function backupOf(email: string, name: string) {
  const source = openDatabase(`source-${crypto.randomUUID()}`);
  try {
    await upsertPerson(source, { email, name }, NOW);
    return await exportBackup(source, NOW);
  } finally {
    await source.delete();
  }
}

/**
 * An IndexedDB whose deletions wait (a popup still holds the database) until `release()`, once
 * `hold()` was called (leftovers of earlier tests, removed when a slot starts, go at once).
 */
function heldDeletions() {
  let holding = false;
  let release: (() => void) | null = null;
  const deleted: string[] = [];
  const factory = {
    deleteDatabase(name: string) {
      if (!holding) return indexedDB.deleteDatabase(name);
      const request = {} as IDBOpenDBRequest;
      release = () => {
        const real = indexedDB.deleteDatabase(name);
        real.onsuccess = (event) => {
          deleted.push(name);
          request.onsuccess?.call(request, event);
        };
      };
      return request;
    },
    databases: () => indexedDB.databases(),
  };
  return {
    factory,
    deleted,
    hold: () => void (holding = true),
    release: () => release!(),
  };
}

describe('swappingDatabase', () => {
  it('opens DATABASE_NAME until storage.local names another', async () => {
    expect((await swappingDatabase({ storage: memoryStorage(), open }).current()).name).toBe(
      DATABASE_NAME,
    );
    const named = memoryStorage({ [DATABASE_NAME_KEY]: `${DATABASE_NAME}-abc` });
    expect((await swappingDatabase({ storage: named, open }).current()).name).toBe(
      `${DATABASE_NAME}-abc`,
    );
    // Anything else stored there is not trusted as a name.
    const odd = memoryStorage({ [DATABASE_NAME_KEY]: 'someone-else' });
    expect((await swappingDatabase({ storage: odd, open }).current()).name).toBe(DATABASE_NAME);
  });

  it('writes an import into a new database, switches to it and deletes the old one', async () => {
    const storage = memoryStorage();
    const slot = swappingDatabase({ storage, open, now: () => NOW });
    const before = await slot.current();
    await upsertPerson(before, { email: 'old@x.io', name: 'Old' }, NOW);
    const backup = await backupOf('new@x.io', 'New');

    await slot.replace((target) => importBackup(target, backup));

    const after = await slot.current();
    expect(after.name).not.toBe(DATABASE_NAME);
    expect(storage.items[DATABASE_NAME_KEY]).toBe(after.name);
    expect((await listPeople(after)).map((person) => person.email)).toEqual(['new@x.io']);
    await expect.poll(storeDatabaseNames).toEqual([after.name]);
    // A slot started later (the worker woke again) opens the same one.
    expect((await swappingDatabase({ storage, open }).current()).name).toBe(after.name);
  });

  it('changes nothing when the fill fails: the new database is deleted', async () => {
    const storage = memoryStorage();
    const slot = swappingDatabase({ storage, open, now: () => NOW });
    const before = await slot.current();
    await upsertPerson(before, { email: 'old@x.io', name: 'Old' }, NOW);

    await expect(
      slot.replace(async (target) => {
        await upsertPerson(target, { email: 'half@x.io', name: 'Half' }, NOW);
        throw new Error('the last record was refused');
      }),
    ).rejects.toThrow('the last record was refused');

    const after = await slot.current();
    expect(after).toBe(before);
    expect(storage.items[DATABASE_NAME_KEY]).toBeUndefined();
    expect((await listPeople(after)).map((person) => person.email)).toEqual(['old@x.io']);
    expect(await storeDatabaseNames()).toEqual([DATABASE_NAME]);
  });

  it('keeps the old database when the new name cannot be stored', async () => {
    const storage = memoryStorage();
    storage.set = async () => {
      throw new Error('storage.local is full');
    };
    const slot = swappingDatabase({ storage, open, now: () => NOW });
    await upsertPerson(await slot.current(), { email: 'old@x.io', name: 'Old' }, NOW);
    const backup = await backupOf('new@x.io', 'New');
    await expect(slot.replace((target) => importBackup(target, backup))).rejects.toThrow(
      'storage.local is full',
    );
    expect((await slot.current()).name).toBe(DATABASE_NAME);
    expect((await listPeople(await slot.current())).map((p) => p.email)).toEqual(['old@x.io']);
    expect(await storeDatabaseNames()).toEqual([DATABASE_NAME]);
  });

  it('makes requests wait while a replacement is written, then gives them the new database', async () => {
    const slot = swappingDatabase({ storage: memoryStorage(), open, now: () => NOW });
    await slot.current();
    let finish = () => undefined as void;
    const filling = new Promise<void>((resolve) => (finish = resolve));
    const replaced = slot.replace(async (target) => {
      await upsertPerson(target, { email: 'new@x.io', name: 'New' }, NOW);
      await filling;
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    let answered: CbcDatabase | null = null;
    const request = slot.current().then((db) => (answered = db));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBeNull();
    finish();
    await replaced;
    await request;
    expect(answered!.name).not.toBe(DATABASE_NAME);
    // A write made by the waiting request lands in the new database, never in the deleted one.
    await upsertPerson(answered!, { email: 'typed@x.io', name: 'Typed' }, NOW);
    expect((await listPeople(await slot.current())).map((p) => p.email).sort()).toEqual([
      'new@x.io',
      'typed@x.io',
    ]);
  });

  it('deletes what an interrupted import left, and nothing that is not a store database', async () => {
    const storage = memoryStorage({ [DATABASE_NAME_KEY]: `${DATABASE_NAME}-b` });
    for (const name of [DATABASE_NAME, `${DATABASE_NAME}-a`, `${DATABASE_NAME}-b`]) {
      await open(name).open();
    }
    const unrelated = openDatabase('craft-beyond-code-notes-of-someone');
    await unrelated.open();
    for (const db of opened) db.close();
    unrelated.close();

    const slot = swappingDatabase({ storage, open });
    expect((await slot.current()).name).toBe(`${DATABASE_NAME}-b`);
    await expect
      .poll(storeDatabaseNames)
      .toEqual([`${DATABASE_NAME}-b`, 'craft-beyond-code-notes-of-someone']);
    await unrelated.delete();
  });

  it('keeps the new database of an import that woke the worker; only leftovers are deleted', async () => {
    const storage = memoryStorage({ [DATABASE_NAME_KEY]: `${DATABASE_NAME}-b` });
    for (const name of [`${DATABASE_NAME}-a`, `${DATABASE_NAME}-b`]) await open(name).open();
    for (const db of opened) db.close();
    const backup = await backupOf('new@x.io', 'New');

    // The import is the first request, and listing the databases is slow: the list would name
    // the import's new database if it were made meanwhile.
    const slowList = {
      deleteDatabase: (name: string) => indexedDB.deleteDatabase(name),
      databases: async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return indexedDB.databases();
      },
    };
    const slot = swappingDatabase({ storage, open, now: () => NOW, indexedDB: slowList });
    await slot.replace((target) => importBackup(target, backup));

    const after = await slot.current();
    expect((await listPeople(after)).map((person) => person.email)).toEqual(['new@x.io']);
    await expect.poll(storeDatabaseNames).toEqual([after.name]);
  });

  it('answers before the old database is deleted; the next replacement waits for the deletion', async () => {
    const storage = memoryStorage();
    const held = heldDeletions();
    const slot = swappingDatabase({ storage, open, now: () => NOW, indexedDB: held.factory });
    const first = await slot.current();
    const [backup, later] = [
      await backupOf('new@x.io', 'New'),
      await backupOf('third@x.io', 'Third'),
    ];
    held.hold();
    await slot.replace((target) => importBackup(target, backup));
    const afterFirst = await slot.current();
    expect(afterFirst.name).not.toBe(first.name);
    expect(held.deleted).toEqual([]);
    // Requests go on meanwhile, in the new database.
    await upsertPerson(afterFirst, { email: 'typed@x.io', name: 'Typed' }, NOW);

    let secondDone = false;
    const second = slot
      .replace((target) => importBackup(target, later))
      .then(() => (secondDone = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(secondDone).toBe(false);
    held.release();
    await second;
    expect(held.deleted).toEqual([first.name]);
    expect((await listPeople(await slot.current())).map((p) => p.email)).toEqual(['third@x.io']);
  });

  it('with awaitDeletion answers only once the old database is deleted', async () => {
    const held = heldDeletions();
    const slot = swappingDatabase({ storage: memoryStorage(), open, indexedDB: held.factory });
    const first = await slot.current();
    held.hold();
    let done = false;
    const replaced = slot
      .replace(async () => 'emptied', { awaitDeletion: true })
      .then((result) => {
        done = true;
        return result;
      });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(done).toBe(false);
    held.release();
    expect(await replaced).toBe('emptied');
    expect(held.deleted).toEqual([first.name]);
  });

  it('deletes nothing when storage.local holds something it did not write', async () => {
    const storage = memoryStorage({ [DATABASE_NAME_KEY]: 42 });
    await open(`${DATABASE_NAME}-a`).open();
    for (const db of opened) db.close();
    const slot = swappingDatabase({ storage, open });
    expect((await slot.current()).name).toBe(DATABASE_NAME);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await storeDatabaseNames()).toContain(`${DATABASE_NAME}-a`);
  });
});

describe('fixedDatabase', () => {
  it('replaces the content in place', async () => {
    const db = open(`test-${crypto.randomUUID()}`);
    await upsertPerson(db, { email: 'old@x.io', name: 'Old' }, NOW);
    const slot = fixedDatabase(db);
    await slot.replace(async (target) => importBackup(target, await backupOf('new@x.io', 'New')));
    expect(await slot.current()).toBe(db);
    expect((await listPeople(db)).map((person) => person.email)).toEqual(['new@x.io']);
  });
});
