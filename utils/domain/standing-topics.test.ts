import { describe, expect, it } from 'vitest';
import { isTopicDue, nextDueAt } from './standing-topics';

const DAY = 24 * 60 * 60 * 1000;
const MEETING = Date.UTC(2025, 5, 30, 9);

describe('isTopicDue', () => {
  it.each([
    ['never discussed, any rhythm', 'quarterly', null, MEETING - 7 * DAY, true],
    ['every 1:1, discussed last time', 'every', MEETING - 7 * DAY, MEETING - 7 * DAY, true],
    [
      'every other, discussed last time',
      'every-other',
      MEETING - 7 * DAY,
      MEETING - 7 * DAY,
      false,
    ],
    ['every other, skipped last time', 'every-other', MEETING - 14 * DAY, MEETING - 7 * DAY, true],
    ['monthly, four weeks ago', 'monthly', MEETING - 28 * DAY, MEETING - 7 * DAY, true],
    [
      'monthly, four weeks ago and a few hours later',
      'monthly',
      MEETING - 28 * DAY + 3 * 3_600_000,
      MEETING - 7 * DAY,
      true,
    ],
    ['monthly, three weeks ago', 'monthly', MEETING - 21 * DAY, MEETING - 7 * DAY, false],
    ['quarterly, twelve weeks ago', 'quarterly', MEETING - 84 * DAY, MEETING - 7 * DAY, false],
    ['quarterly, thirteen weeks ago', 'quarterly', MEETING - 91 * DAY, MEETING - 7 * DAY, true],
  ] as const)('%s: %s', (_what, rhythm, lastDiscussedStart, previousMeetingStart, due) => {
    expect(
      isTopicDue({ rhythm, lastDiscussedStart, meetingStart: MEETING, previousMeetingStart }),
    ).toBe(due);
  });

  it('every other with no earlier 1:1 is due', () => {
    expect(
      isTopicDue({
        rhythm: 'every-other',
        lastDiscussedStart: MEETING - 30 * DAY,
        meetingStart: MEETING,
        previousMeetingStart: null,
      }),
    ).toBe(true);
  });
});

describe('nextDueAt', () => {
  it('counts days for monthly and quarterly, 1:1s for the others', () => {
    expect(nextDueAt('monthly', MEETING)).toBe(MEETING + 28 * DAY);
    expect(nextDueAt('quarterly', MEETING)).toBe(MEETING + 91 * DAY);
    expect(nextDueAt('every', MEETING)).toBeNull();
    expect(nextDueAt('every-other', MEETING)).toBeNull();
  });
});
