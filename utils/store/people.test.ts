import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CbcDatabase } from './db';
import { StoreError } from './db';
import {
  addPerson,
  DEFAULT_CADENCE_DAYS,
  getPerson,
  listPeople,
  updatePerson,
  upsertPerson,
} from './people';
import { freshDatabase } from './test-database';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

describe('upsertPerson', () => {
  it('creates a person with a normalised email, trimmed name and default cadence', async () => {
    const person = await upsertPerson(db, { email: '  Ada@Example.COM ', name: ' Ada ' }, 100);
    expect(person).toEqual({
      email: 'ada@example.com',
      name: 'Ada',
      cadenceDays: DEFAULT_CADENCE_DAYS,
      cadenceSource: 'default',
      profileNotes: '',
      archived: 0,
      createdAt: 100,
      updatedAt: 100,
    });
    expect(await getPerson(db, 'ADA@example.com')).toEqual(person);
  });

  it('updates the name only when the given name is non-empty', async () => {
    await upsertPerson(db, { email: 'ada@example.com', name: 'Ada' }, 100);
    const unchanged = await upsertPerson(db, { email: 'ada@example.com', name: '  ' }, 200);
    expect(unchanged.name).toBe('Ada');
    expect(unchanged.updatedAt).toBe(100);
    const renamed = await upsertPerson(db, { email: 'ada@example.com', name: 'Ada L.' }, 300);
    expect(renamed).toMatchObject({ name: 'Ada L.', createdAt: 100, updatedAt: 300 });
  });

  it('keeps the profile notes exactly and validates the cadence', async () => {
    const person = await upsertPerson(
      db,
      { email: 'a@x.io', name: 'A', cadenceDays: 7, profileNotes: '  likes Go\n' },
      1,
    );
    expect(person).toMatchObject({ cadenceDays: 7, profileNotes: '  likes Go\n' });
    await expect(
      upsertPerson(db, { email: 'a@x.io', name: 'A', cadenceDays: 0 }, 2),
    ).rejects.toThrow(StoreError);
  });

  it('refuses an empty email', async () => {
    await expect(upsertPerson(db, { email: '  ', name: 'Nobody' }, 1)).rejects.toThrow(
      'An email address is required.',
    );
  });
});

describe('addPerson', () => {
  it('adds a new person with a lowercased address', async () => {
    const person = await addPerson(db, { email: ' Dee@Example.com ', name: ' Dee ' }, 5);
    expect(person).toMatchObject({
      email: 'dee@example.com',
      name: 'Dee',
      cadenceSource: 'default',
    });
  });

  it('refuses an address already stored, in any case, naming who has it, and renames nobody', async () => {
    await upsertPerson(db, { email: 'ada@example.com', name: 'Ada Lovelace' }, 1);
    await expect(addPerson(db, { email: 'ADA@Example.com', name: 'Ada L.' }, 2)).rejects.toThrow(
      'Ada Lovelace (ada@example.com) is already in People.',
    );
    expect((await getPerson(db, 'ada@example.com'))?.name).toBe('Ada Lovelace');
    await updatePerson(db, { email: 'ada@example.com', archived: true }, 3);
    await expect(addPerson(db, { email: 'ada@example.com', name: '' }, 4)).rejects.toThrow(
      'Ada Lovelace (ada@example.com) is already in People, archived.',
    );
    expect(await db.people.count()).toBe(1);
  });
});

describe('updatePerson', () => {
  it('changes only the given fields and archives with a flag', async () => {
    await upsertPerson(db, { email: 'a@x.io', name: 'A', profileNotes: 'n' }, 1);
    const person = await updatePerson(db, { email: 'A@x.io', cadenceDays: 30, archived: true }, 5);
    expect(person).toMatchObject({
      name: 'A',
      cadenceDays: 30,
      cadenceSource: 'manager',
      profileNotes: 'n',
      archived: 1,
      updatedAt: 5,
    });
    expect((await updatePerson(db, { email: 'a@x.io', archived: false }, 6)).archived).toBe(0);
  });

  it('keeps the cadence source unless the cadence itself is given', async () => {
    await upsertPerson(db, { email: 'a@x.io', name: 'A' }, 1);
    expect((await updatePerson(db, { email: 'a@x.io', name: 'Ann' }, 2)).cadenceSource).toBe(
      'default',
    );
    expect((await updatePerson(db, { email: 'a@x.io', cadenceDays: 14 }, 3)).cadenceSource).toBe(
      'manager',
    );
  });

  it('throws a StoreError for an unknown person', async () => {
    await expect(updatePerson(db, { email: 'ghost@x.io', name: 'G' }, 1)).rejects.toThrow(
      'No person with email "ghost@x.io".',
    );
  });
});

describe('getPerson / listPeople', () => {
  it('returns nothing on an empty database', async () => {
    expect(await getPerson(db, 'a@x.io')).toBeUndefined();
    expect(await listPeople(db, {})).toEqual([]);
  });

  it('lists by name case-insensitively, the email standing in for a missing name', async () => {
    await upsertPerson(db, { email: 'z@x.io', name: 'bea' }, 1);
    await upsertPerson(db, { email: 'b@x.io', name: 'Carl' }, 1);
    await upsertPerson(db, { email: 'alex@x.io', name: '' }, 1);
    await upsertPerson(db, { email: 'd@x.io', name: 'Archie' }, 1);
    await updatePerson(db, { email: 'd@x.io', archived: true }, 2);
    expect((await listPeople(db, {})).map((p) => p.email)).toEqual([
      'alex@x.io',
      'z@x.io',
      'b@x.io',
    ]);
    expect((await listPeople(db, { includeArchived: true })).map((p) => p.email)).toEqual([
      'alex@x.io',
      'd@x.io',
      'z@x.io',
      'b@x.io',
    ]);
  });
});
