import { describe, expect, it } from 'vitest';
import { cadenceState, daysBetween, type CadenceState } from './cadence';
import { localTime } from '../store/test-database';

const NOW = localTime(2025, 3, 20, 9);

describe('daysBetween', () => {
  it.each([
    [localTime(2025, 3, 20, 23), 0],
    [localTime(2025, 3, 19, 23), 1],
    [localTime(2025, 3, 19, 1), 1],
    [localTime(2025, 3, 6, 10), 14],
    [localTime(2025, 2, 20, 9), 28],
    [localTime(2025, 3, 21, 9), -1],
  ])('from %s to now is %i calendar days', (from, days) => {
    expect(daysBetween(from, NOW)).toBe(days);
  });
});

describe('cadenceState', () => {
  const daysAgo = (days: number) => localTime(2025, 3, 20 - days, 15);
  it.each<[number | null, number, CadenceState]>([
    [null, 14, 'no-meetings'],
    [0, 14, 'on-track'],
    [13, 14, 'on-track'],
    [14, 14, 'due'],
    [21, 14, 'due'], // 14 + 14/2 = 21: still only due
    [22, 14, 'overdue'],
    [6, 7, 'on-track'],
    [7, 7, 'due'],
    [10, 7, 'due'], // 7 + max(2, 3.5) = 10.5
    [11, 7, 'overdue'],
    [1, 1, 'due'],
    [3, 1, 'due'], // a daily cadence gets the 2-day minimum grace
    [4, 1, 'overdue'],
    [45, 30, 'due'],
    [46, 30, 'overdue'],
  ])('last 1:1 %s days ago with a %i-day cadence is %s', (ago, cadenceDays, state) => {
    expect(cadenceState(ago === null ? null : daysAgo(ago), cadenceDays, NOW)).toBe(state);
  });
});
