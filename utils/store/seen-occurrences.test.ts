import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CbcDatabase } from './db';
import { setSeriesOverride } from './overrides';
import { peopleOverview } from './overview';
import { openOneOnOne } from './panel';
import { upsertPerson } from './people';
import { recordSeenOccurrences } from './seen-occurrences';
import { DAY_MS, freshDatabase, localTime } from './test-database';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const JORDAN = { email: 'jordan@example.com', name: 'Jordan' };
/** Tuesday, 09:00: Jordan's weekly 1:1 was yesterday at 15:00 and was never opened. */
const NOW = localTime(2026, 12, 1, 9);
const MONDAY_1500 = localTime(2026, 11, 30, 15);

async function openedLastWeek() {
  await openOneOnOne(
    db,
    {
      event: {
        eid: 'jordan-w1',
        seriesKey: 'series-jordan',
        title: 'Jordan / Me',
        start: MONDAY_1500 - 7 * DAY_MS,
      },
      person: JORDAN,
    },
    MONDAY_1500 - 7 * DAY_MS,
  );
}

describe('recordSeenOccurrences', () => {
  it('makes a 1:1 seen on the grid, never opened, the last 1:1 of the popup and panel', async () => {
    await upsertPerson(db, { email: JORDAN.email, name: 'Jordan', cadenceDays: 7 }, 1);
    await openedLastWeek();
    expect((await peopleOverview(db, NOW))[0]).toMatchObject({ daysSince: 8, cadence: 'due' });

    const result = await recordSeenOccurrences(
      db,
      [{ eid: 'jordan-w2', seriesKey: 'SERIES-JORDAN', start: MONDAY_1500 }],
      NOW,
    );
    expect(result).toEqual({ recorded: 1, personEmails: [JORDAN.email] });
    expect((await peopleOverview(db, NOW))[0]).toMatchObject({
      lastOneOnOne: MONDAY_1500,
      daysSince: 1,
      cadence: 'on-track',
    });
    // The panel of next week's occurrence agrees.
    const panel = await openOneOnOne(
      db,
      {
        event: {
          eid: 'jordan-w3',
          seriesKey: 'series-jordan',
          title: 'Jordan / Me',
          start: MONDAY_1500 + 7 * DAY_MS,
        },
        person: JORDAN,
      },
      NOW,
    );
    expect(panel.lastOneOnOne).toBe(MONDAY_1500);
  });

  it('ignores future starts, unknown series, "not a 1:1" series and known occurrences', async () => {
    await openedLastWeek();
    await setSeriesOverride(
      db,
      { seriesKey: 'series-standup', decision: 'not-one-on-one', personEmail: '', personName: '' },
      1,
    );
    const result = await recordSeenOccurrences(
      db,
      [
        { eid: 'jordan-next', seriesKey: 'series-jordan', start: NOW + DAY_MS },
        { eid: 'unknown', seriesKey: 'series-unknown', start: NOW - DAY_MS },
        { eid: 'standup', seriesKey: 'series-standup', start: NOW - DAY_MS },
        { eid: 'jordan-w1', seriesKey: 'series-jordan', start: NOW - DAY_MS },
      ],
      NOW,
    );
    expect(result).toEqual({ recorded: 0, personEmails: [] });
    expect((await db.meetings.toArray()).map((m) => [m.eid, m.start])).toEqual([
      ['jordan-w1', MONDAY_1500 - 7 * DAY_MS],
    ]);
  });

  it('records under the person the user chose for the series', async () => {
    await upsertPerson(db, { email: 'kim@example.com', name: 'Kim' }, 1);
    await setSeriesOverride(
      db,
      {
        seriesKey: 'series-kim',
        decision: 'one-on-one',
        personEmail: 'kim@example.com',
        personName: 'Kim',
      },
      1,
    );
    await recordSeenOccurrences(
      db,
      [{ eid: 'kim-1', seriesKey: 'series-kim', start: NOW - DAY_MS }],
      NOW,
    );
    expect(await db.meetings.get('kim-1')).toMatchObject({ personEmail: 'kim@example.com' });
  });
});
