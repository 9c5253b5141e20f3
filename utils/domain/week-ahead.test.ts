import { describe, expect, it } from 'vitest';
import type { UpcomingOccurrence } from './records';
import { isInWeekAhead, planWeekAhead, type WeekAheadPerson } from './week-ahead';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 5, 2, 9);
const ANA = 'ana@example.com';
const BO = 'bo@example.com';
const CY = 'cy@example.com';

function occurrence(eid: string, personEmail: string, start: number): UpcomingOccurrence {
  return { eid, seriesKey: `series-${personEmail}`, personEmail, start, title: '', seenAt: NOW };
}

const onTrack = (email: string): WeekAheadPerson => ({
  email,
  cadenceDays: 7,
  lastOneOnOne: NOW - 2 * DAY,
});
const overdue = (email: string): WeekAheadPerson => ({
  email,
  cadenceDays: 7,
  lastOneOnOne: NOW - 30 * DAY,
});

describe('isInWeekAhead', () => {
  it.each([
    [NOW - 1, false],
    [NOW, false],
    [NOW + 1, true],
    [NOW + 3 * DAY, true],
    [NOW + 7 * DAY, true],
    [NOW + 7 * DAY + 1, false],
  ])('a start at %i is in the next seven days: %s', (start, expected) => {
    expect(isInWeekAhead(start, NOW)).toBe(expected);
  });
});

describe('planWeekAhead', () => {
  it('lists the 1:1s of the next seven days, soonest first, and nothing past or later', () => {
    const plan = planWeekAhead(
      [
        occurrence('later', ANA, NOW + 8 * DAY),
        occurrence('friday', BO, NOW + 4 * DAY),
        occurrence('past', ANA, NOW - HOUR),
        occurrence('tomorrow', ANA, NOW + DAY),
      ],
      [onTrack(ANA), onTrack(BO)],
      NOW,
    );
    expect(plan.upcoming.map((o) => o.eid)).toEqual(['tomorrow', 'friday']);
  });

  it('leaves out occurrences of people no longer listed (archived or deleted)', () => {
    const plan = planWeekAhead([occurrence('gone', CY, NOW + DAY)], [onTrack(ANA)], NOW);
    expect(plan.upcoming).toEqual([]);
  });

  it('flags an overdue person with no 1:1 in sight, not one with a 1:1 seen later on', () => {
    const plan = planWeekAhead(
      [occurrence('bo-in-ten-days', BO, NOW + 10 * DAY), occurrence('ana', ANA, NOW + DAY)],
      [overdue(ANA), overdue(BO), overdue(CY), onTrack('dee@example.com')],
      NOW,
    );
    expect(plan.overdue).toEqual([CY]);
  });

  it('does not flag someone never met (no cadence to be late on)', () => {
    const plan = planWeekAhead(
      [occurrence('ana', ANA, NOW + DAY)],
      [{ email: CY, cadenceDays: 7, lastOneOnOne: null }],
      NOW,
    );
    expect(plan.overdue).toEqual([]);
  });

  it('never seen: no seen-at, and nobody flagged (whether a 1:1 is planned is unknown)', () => {
    const plan = planWeekAhead([], [overdue(ANA)], NOW);
    expect(plan).toEqual({ upcoming: [], overdue: [], seenAt: null });
  });

  it('says when the grid was last seen: the latest report', () => {
    const plan = planWeekAhead(
      [
        { ...occurrence('a', ANA, NOW + DAY), seenAt: NOW - 3 * HOUR },
        { ...occurrence('b', ANA, NOW - DAY), seenAt: NOW - HOUR },
      ],
      [onTrack(ANA)],
      NOW,
    );
    expect(plan.seenAt).toBe(NOW - HOUR);
  });
});
