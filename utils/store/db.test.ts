import { afterEach, describe, expect, it } from 'vitest';
import { CbcDatabase, DATABASE_NAME, newId, openDatabase, StoreError } from './db';
import { NOTES_INDEX } from './notes-in-meetings';
import { CURRENT_SCHEMA_VERSION, STORE_TABLE_NAMES } from './schema';

describe('openDatabase', () => {
  let db: CbcDatabase | undefined;
  afterEach(async () => {
    await db?.delete();
  });

  it('uses the extension database name by default and does not open yet', () => {
    db = openDatabase();
    expect(db.name).toBe(DATABASE_NAME);
    expect(db.isOpen()).toBe(false);
  });

  it('opens at the current schema version with every table', async () => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((table) => table.name).sort()).toEqual([...STORE_TABLE_NAMES].sort());
  });

  it('indexes what the hot queries use', async () => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
    await db.open();
    const indexNames = (name: string) => db!.table(name).schema.indexes.map((index) => index.name);
    expect(indexNames('actionItems')).toEqual(
      expect.arrayContaining(['[personEmail+open+createdAt]', '[open+due+createdAt]']),
    );
    expect(indexNames('meetings')).toEqual(
      expect.arrayContaining(['seriesKey', '[personEmail+start]', NOTES_INDEX]),
    );
    expect(indexNames('talkingPoints')).toContain('[personEmail+open+createdAt]');
  });
});

describe('StoreError and newId', () => {
  it('is an Error named StoreError with the given message', () => {
    const error = new StoreError('No action item with id "abc".');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StoreError');
    expect(error.message).toBe('No action item with id "abc".');
  });

  it('makes distinct uuids', () => {
    const [a, b] = [newId(), newId()];
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});
