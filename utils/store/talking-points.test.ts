import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CbcDatabase } from './db';
import { addTalkingPoint, queuedTalkingPoints, setTalkingPointDiscussed } from './talking-points';
import { freshDatabase } from './test-database';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const ADA = 'ada@example.com';

describe('talking points', () => {
  it('queues a trimmed point for a normalised person and creates the person row', async () => {
    const point = await addTalkingPoint(db, { personEmail: 'ADA@example.com', text: ' Promo ' }, 5);
    expect(point).toMatchObject({
      personEmail: ADA,
      text: 'Promo',
      createdAt: 5,
      discussedAt: null,
      discussedIn: '',
      open: 1,
    });
    expect(await db.people.get(ADA)).toBeDefined();
  });

  it('is idempotent with a given id', async () => {
    const first = await addTalkingPoint(db, { id: 'p1', personEmail: ADA, text: 'a' }, 1);
    expect(await addTalkingPoint(db, { id: 'p1', personEmail: ADA, text: 'b' }, 2)).toEqual(first);
    expect(await db.talkingPoints.count()).toBe(1);
  });

  it('refuses empty text', async () => {
    await expect(addTalkingPoint(db, { personEmail: ADA, text: ' ' }, 1)).rejects.toThrow(
      'Talking point text is empty.',
    );
  });

  it('lists queued points oldest first and drops discussed ones', async () => {
    expect(await queuedTalkingPoints(db, ADA)).toEqual([]);
    const later = await addTalkingPoint(db, { personEmail: ADA, text: 'later' }, 20);
    const earlier = await addTalkingPoint(db, { personEmail: ADA, text: 'earlier' }, 10);
    await addTalkingPoint(db, { personEmail: 'bob@example.com', text: 'bob' }, 1);
    expect(await queuedTalkingPoints(db, ADA)).toEqual([earlier, later]);

    const discussed = await setTalkingPointDiscussed(db, earlier.id, true, 'e1', 30);
    expect(discussed).toMatchObject({ discussedAt: 30, discussedIn: 'e1', open: 0 });
    expect(await queuedTalkingPoints(db, ADA)).toEqual([later]);

    const requeued = await setTalkingPointDiscussed(db, earlier.id, false, '', 40);
    expect(requeued).toEqual(earlier);
    expect(await queuedTalkingPoints(db, ADA)).toEqual([earlier, later]);
  });

  it('refuses an unknown id with a StoreError', async () => {
    await expect(setTalkingPointDiscussed(db, 'x', true, 'e', 1)).rejects.toThrow(
      'No talking point with id "x".',
    );
  });
});

describe('discussed points are packed per person and year', () => {
  it('moves a point into its pack when discussed, and back when queued again', async () => {
    const point = await addTalkingPoint(db, { id: 'p', personEmail: ADA, text: 'Promo' }, 5);
    const at = Date.UTC(2025, 2, 3);
    const discussed = await setTalkingPointDiscussed(db, point.id, true, 'eid-1', at);
    expect(await db.talkingPoints.get('p')).toBeUndefined();
    expect(await db.discussedTalkingPoints.toArray()).toEqual([
      { personEmail: ADA, year: 2025, ids: ['p'], items: [discussed] },
    ]);
    const queued = await setTalkingPointDiscussed(db, 'p', false, '', at + 1);
    expect(queued).toMatchObject({ discussedAt: null, discussedIn: '', open: 1 });
    expect(await db.talkingPoints.get('p')).toEqual(queued);
    expect(await db.discussedTalkingPoints.count()).toBe(0);
    const again = await setTalkingPointDiscussed(db, 'p', true, 'eid-2', at + 2);
    expect((await db.discussedTalkingPoints.get([ADA, 2025]))?.items).toEqual([again]);
    expect(await db.talkingPoints.count()).toBe(0);
  });
});
