import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type CbcDatabase } from './db';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { warmOpen } from './warm-open';

const names: string[] = [];
function uniqueName(): string {
  const name = `test-warm-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '');
}

/**
 * An IDBFactory that remembers the open it was asked for: `answered` resolves once that open
 * succeeded or failed (after warmOpen's own handlers ran), `isOpen` tells whether the
 * connection is still open.
 */
function spyFactory() {
  const requests: IDBOpenDBRequest[] = [];
  let answer: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const factory = {
    open: (name: string) => {
      const request = indexedDB.open(name);
      requests.push(request);
      // These listeners come before warmOpen's own handlers: answer a task later, after them.
      const done = () => setTimeout(answer, 0);
      request.addEventListener('success', done);
      request.addEventListener('error', done);
      return request;
    },
  } as unknown as IDBFactory;
  const isOpen = () => {
    try {
      requests[0]!.result.transaction('people').abort();
      return true;
    } catch {
      return false;
    }
  };
  return { factory, isOpen, answered };
}

async function existingDatabase(): Promise<string> {
  const name = uniqueName();
  const created = openDatabase(name);
  await created.open();
  created.close();
  return name;
}

describe('warmOpen', () => {
  let db: CbcDatabase | undefined;
  afterEach(async () => {
    db?.close();
    db = undefined;
    await Promise.all(
      names.splice(0).map(
        (name) =>
          new Promise((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = resolve;
          }),
      ),
    );
  });

  it('creates nothing when the database does not exist yet, and Dexie creates it after', async () => {
    const name = uniqueName();
    const spy = spyFactory();
    const release = warmOpen(name, { indexedDB: spy.factory });
    await spy.answered;
    expect(spy.isOpen()).toBe(false);
    expect(await databaseNames()).not.toContain(name);
    db = openDatabase(name);
    await db.open();
    release();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.length).toBeGreaterThan(0);
  });

  it('holds a connection to an existing database until released', async () => {
    const spy = spyFactory();
    const release = warmOpen(await existingDatabase(), { indexedDB: spy.factory });
    await spy.answered;
    expect(spy.isOpen()).toBe(true);
    release();
    expect(spy.isOpen()).toBe(false);
  });

  it('steps aside when a newer schema upgrades the database', async () => {
    const name = await existingDatabase();
    const spy = spyFactory();
    const release = warmOpen(name, { indexedDB: spy.factory });
    await spy.answered;
    expect(spy.isOpen()).toBe(true);
    const upgraded = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(name, CURRENT_SCHEMA_VERSION * 10 + 10);
      request.onblocked = () => reject(new Error('blocked by the early connection'));
      request.onsuccess = () => {
        request.result.close();
        resolve(request.result.version);
      };
      request.onerror = () => reject(request.error);
    });
    expect(upgraded).toBe(CURRENT_SCHEMA_VERSION * 10 + 10);
    expect(spy.isOpen()).toBe(false);
    release();
  });

  it('closes the connection by itself after maxHoldMs', async () => {
    const spy = spyFactory();
    warmOpen(await existingDatabase(), { indexedDB: spy.factory, maxHoldMs: 1_000 });
    await spy.answered;
    expect(spy.isOpen()).toBe(true);
    await vi.waitFor(() => expect(spy.isOpen()).toBe(false), { timeout: 5_000, interval: 50 });
  });

  it('does nothing when IndexedDB cannot be opened', () => {
    const failing = {
      open() {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const release = warmOpen('x', { indexedDB: failing });
    expect(() => release()).not.toThrow();
  });
});
