import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CbcDatabase } from './db';
import { getSeriesOverride, setSeriesOverride } from './overrides';
import { freshDatabase } from './test-database';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

describe('series overrides', () => {
  it('is null when the user decided nothing', async () => {
    expect(await getSeriesOverride(db, 'abc')).toBeNull();
  });

  it('sets, replaces and clears a decision, normalising key and email', async () => {
    const set = await setSeriesOverride(
      db,
      { seriesKey: ' ABC ', decision: 'one-on-one', personEmail: 'Ada@X.io', personName: ' Ada ' },
      5,
    );
    expect(set).toEqual({
      seriesKey: 'abc',
      decision: 'one-on-one',
      personEmail: 'ada@x.io',
      personName: 'Ada',
      updatedAt: 5,
    });
    expect(await getSeriesOverride(db, 'abc')).toEqual(set);
    await setSeriesOverride(
      db,
      { seriesKey: 'abc', decision: 'not-one-on-one', personEmail: '', personName: '' },
      6,
    );
    expect((await getSeriesOverride(db, 'ABC'))?.decision).toBe('not-one-on-one');
  });

  it('needs a series key, and a person for a 1:1', async () => {
    await expect(
      setSeriesOverride(
        db,
        { seriesKey: ' ', decision: 'not-one-on-one', personEmail: '', personName: '' },
        1,
      ),
    ).rejects.toThrow('A series key is required.');
    await expect(
      setSeriesOverride(
        db,
        { seriesKey: 'a', decision: 'one-on-one', personEmail: ' ', personName: '' },
        1,
      ),
    ).rejects.toThrow('Choose the person this 1:1 is with.');
    expect(await db.seriesOverrides.count()).toBe(0);
  });
});
