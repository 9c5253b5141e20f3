import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRef } from '../messaging/protocol';
import { typicalGapDays } from './cadence-from-calendar';
import type { CbcDatabase } from './db';
import { openOneOnOne } from './panel';
import { getPerson, updatePerson } from './people';
import { recordSeenOccurrences } from './seen-occurrences';
import { DAY_MS, freshDatabase } from './test-database';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const T0 = 1_750_000_000_000;
const ANA = { email: 'ana@example.com', name: 'Ana' };
const event = (eid: string, start: number, recurrenceDays: number | null = null): EventRef => ({
  eid,
  seriesKey: 'series-ana',
  title: 'Ana / Me',
  start,
  recurrenceDays,
});
const open = (ref: EventRef, now = ref.start ?? T0) =>
  openOneOnOne(db, { event: ref, person: ANA }, now);

describe('typicalGapDays', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[T0], null],
    [[T0, T0 + 3_600_000], null],
    [[T0, T0 + 7 * DAY_MS], 7],
    // A missed week does not make a weekly 1:1 biweekly.
    [[T0, T0 + 7 * DAY_MS, T0 + 21 * DAY_MS, T0 + 28 * DAY_MS], 7],
    [[T0 + 28 * DAY_MS, T0, T0 + 14 * DAY_MS], 14],
    // An hour of daylight saving time either way is the same day count.
    [[T0, T0 + 7 * DAY_MS - 3_600_000], 7],
    [[T0, T0 + 800 * DAY_MS], 365],
  ])('%j → %s', (starts, days) => {
    expect(typicalGapDays(starts)).toBe(days);
  });
});

describe('cadence from the calendar', () => {
  it('takes a new person’s cadence from a weekly series, not the 14-day default', async () => {
    const data = await open(event('w1', T0, 7));
    expect(data.person).toMatchObject({ cadenceDays: 7, cadenceSource: 'recurrence' });
    expect(await getPerson(db, ANA.email)).toMatchObject({ cadenceDays: 7 });
  });

  it('follows a series that changes its recurrence, and reopening says nothing new', async () => {
    await open(event('w1', T0, 7));
    const changed = await open(event('w2', T0 + 7 * DAY_MS, 14));
    expect(changed.person).toMatchObject({ cadenceDays: 14, cadenceSource: 'recurrence' });
    const again = await open(event('w2', T0 + 7 * DAY_MS, 14), T0 + 8 * DAY_MS);
    expect(again.person).toEqual(changed.person);
  });

  it('never changes a cadence the manager chose', async () => {
    await open(event('w1', T0, 7));
    await updatePerson(db, { email: ANA.email, cadenceDays: 30 }, T0 + 1);
    const data = await open(event('w2', T0 + 7 * DAY_MS, 7));
    expect(data.person).toMatchObject({ cadenceDays: 30, cadenceSource: 'manager' });
    await recordSeenOccurrences(
      db,
      [{ eid: 'w3', seriesKey: 'series-ana', start: T0 + 14 * DAY_MS }],
      T0 + 15 * DAY_MS,
    );
    expect(await getPerson(db, ANA.email)).toMatchObject({ cadenceDays: 30 });
  });

  it('without a recurrence line, uses the gap between the occurrences opened', async () => {
    expect((await open(event('a', T0))).person).toMatchObject({
      cadenceDays: 14,
      cadenceSource: 'default',
    });
    expect((await open(event('b', T0 + 7 * DAY_MS))).person).toMatchObject({
      cadenceDays: 7,
      cadenceSource: 'seen',
    });
  });

  it('without a recurrence line, uses the gap between the occurrences seen on the grid', async () => {
    await open(event('a', T0));
    await recordSeenOccurrences(
      db,
      [
        { eid: 'b', seriesKey: 'series-ana', start: T0 + 21 * DAY_MS },
        { eid: 'c', seriesKey: 'series-ana', start: T0 + 42 * DAY_MS },
      ],
      T0 + 43 * DAY_MS,
    );
    expect(await getPerson(db, ANA.email)).toMatchObject({
      cadenceDays: 21,
      cadenceSource: 'seen',
    });
  });

  it('keeps the series’ cadence over gaps between occurrences', async () => {
    await open(event('a', T0, 14));
    await open(event('b', T0 + 3 * DAY_MS));
    expect(await getPerson(db, ANA.email)).toMatchObject({
      cadenceDays: 14,
      cadenceSource: 'recurrence',
    });
  });
});
