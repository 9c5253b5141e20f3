import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionItem } from '../domain/records';
import { addActionItem } from './action-items';
import { countPacked, findPacked } from './closed-packs';
import type { CbcDatabase } from './db';
import { packOf } from './pack-records';
import { freshDatabase } from './test-database';

const done = (id: string, personEmail: string, doneAt: number): ActionItem => ({
  id,
  personEmail,
  text: `Item ${id}`,
  owner: 'me',
  due: '',
  meetingEid: '',
  createdAt: doneAt - 1_000,
  updatedAt: doneAt,
  doneAt,
  open: 0,
});

const Y2024 = Date.UTC(2024, 5, 1);
const Y2025 = Date.UTC(2025, 5, 1);

async function seeded(): Promise<CbcDatabase> {
  const db = freshDatabase();
  await db.doneActionItems.bulkAdd([
    packOf('ada@example.com', 2024, [done('a1', 'ada@example.com', Y2024)]),
    packOf('ada@example.com', 2025, [
      done('a2', 'ada@example.com', Y2025),
      done('a3', 'ada@example.com', Y2025),
    ]),
    packOf('bo@example.com', 2025, [done('b1', 'bo@example.com', Y2025)]),
  ]);
  return db;
}

describe('closed packs without an index of their ids', () => {
  afterEach(() => vi.restoreAllMocks());

  it("finds a record in the named person's packs without reading anyone else's", async () => {
    const db = await seeded();
    const everyPack = vi.spyOn(db.doneActionItems, 'filter');
    const found = await findPacked(db.doneActionItems, 'a3', ' Ada@Example.com ');
    expect(found?.record).toMatchObject({ id: 'a3', personEmail: 'ada@example.com' });
    expect(found?.pack).toMatchObject({ personEmail: 'ada@example.com', year: 2025 });
    expect(everyPack).not.toHaveBeenCalled();
  });

  it('finds it in every pack only when no person is named', async () => {
    const db = await seeded();
    expect((await findPacked(db.doneActionItems, 'b1'))?.record.id).toBe('b1');
    const everyPack = vi.spyOn(db.doneActionItems, 'filter');
    // A person named is whose it is: a new id (an add) is known new without reading every pack.
    expect(await findPacked(db.doneActionItems, 'b1', 'ada@example.com')).toBeUndefined();
    expect(await findPacked(db.doneActionItems, 'new-id', 'ada@example.com')).toBeUndefined();
    expect(everyPack).not.toHaveBeenCalled();
  });

  it('adds an item with a new id without reading every pack', async () => {
    const db = await seeded();
    const everyPack = vi.spyOn(db.doneActionItems, 'filter');
    const input = { personEmail: 'ada@example.com', text: 'New', owner: 'me' as const, due: '' };
    const added = await addActionItem(db, { ...input, id: 'a9', meetingEid: '' }, Y2025);
    expect(added).toMatchObject({ id: 'a9', open: 1 });
    // A resent add of a done item finds it, in its person's packs.
    const resent = await addActionItem(db, { ...input, id: 'a2', meetingEid: '' }, Y2025);
    expect(resent).toMatchObject({ id: 'a2', text: 'Item a2', open: 0 });
    expect(everyPack).not.toHaveBeenCalled();
  });

  it('counts the packed records from one index entry per pack', async () => {
    const db = await seeded();
    const read = vi.spyOn(db.doneActionItems, 'toArray');
    expect(await countPacked(db.doneActionItems)).toBe(4);
    expect(read).not.toHaveBeenCalled();
  });
});
