import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionItem } from '../domain/records';
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

  it('finds it in every pack when no person, or the wrong one, is named', async () => {
    const db = await seeded();
    expect((await findPacked(db.doneActionItems, 'b1'))?.record.id).toBe('b1');
    expect((await findPacked(db.doneActionItems, 'b1', 'ada@example.com'))?.record.id).toBe('b1');
    expect(await findPacked(db.doneActionItems, 'nobody', 'ada@example.com')).toBeUndefined();
  });

  it('counts the packed records from one index entry per pack', async () => {
    const db = await seeded();
    const read = vi.spyOn(db.doneActionItems, 'toArray');
    expect(await countPacked(db.doneActionItems)).toBe(4);
    expect(read).not.toHaveBeenCalled();
  });
});
