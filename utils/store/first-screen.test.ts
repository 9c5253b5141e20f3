import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addActionItem, firstOpenFollowUps, setActionItemDone } from './action-items';
import type { CbcDatabase } from './db';
import { readFirstScreen } from './first-screen';
import { listPeople, upsertPerson } from './people';
import { seedLargeDataset } from './seed-large';
import { freshDatabase } from './test-database';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

/** The same database, opened with IndexedDB alone, as the popup's first script does. */
async function rawConnection(): Promise<IDBDatabase> {
  await db.open();
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(db.name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('readFirstScreen', () => {
  it.each([1, 5, 20, 60])(
    'reads what firstOpenFollowUps and listPeople read, limit %i',
    async (limit) => {
      await seedLargeDataset(
        db,
        { people: 9, meetings: 40, actionItems: 900, talkingPoints: 20 },
        Date.UTC(2025, 5, 10),
      );
      const raw = await rawConnection();
      try {
        const screen = await readFirstScreen(raw, limit);
        expect(screen?.followUps).toEqual(await firstOpenFollowUps(db, limit));
        expect(screen?.directory).toEqual(await listPeople(db, { includeArchived: true }));
        expect(screen!.followUps.length).toBeGreaterThanOrEqual(Math.min(limit, 1));
      } finally {
        raw.close();
      }
    },
  );

  it('orders dated items before undated ones and leaves done items out', async () => {
    await upsertPerson(db, { email: 'ada@x.io', name: 'Ada' }, 1);
    const add = (id: string, due: string, at: number) =>
      addActionItem(
        db,
        { id, personEmail: 'ada@x.io', text: id, owner: 'me', due, meetingEid: '' },
        at,
      );
    await add('undated', '', 1);
    await add('later', '2025-03-01', 2);
    await add('sooner', '2025-02-01', 3);
    await add('done', '2025-01-01', 4);
    await setActionItemDone(db, 'done', true, 5);
    const raw = await rawConnection();
    try {
      const screen = await readFirstScreen(raw, 10);
      expect(screen?.followUps.map((item) => item.id)).toEqual(['sooner', 'later', 'undated']);
    } finally {
      raw.close();
    }
  });

  it('is null for a database without the stores yet', async () => {
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`empty-${crypto.randomUUID()}`, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      expect(await readFirstScreen(raw, 10)).toBeNull();
    } finally {
      raw.close();
    }
  });
});
