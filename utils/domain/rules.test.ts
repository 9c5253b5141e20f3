import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './rules';

describe('isCalendarDate', () => {
  it.each(['2025-01-31', '2024-02-29', '2000-02-29', '1999-12-01', '2025-04-30'])(
    'accepts the real day %s',
    (value) => expect(isCalendarDate(value)).toBe(true),
  );

  it.each([
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'a century that is not a leap year'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-01-00', 'day 0'],
    ['2025-1-01', 'a one-digit month'],
    ['2025/01/01', 'slashes'],
    ['2025-01-01 ', 'a trailing space'],
    ['20a5-01-01', 'a letter'],
    ['0099-01-01', 'a year before 100'],
    ['', 'nothing'],
  ])('refuses %j (%s)', (value) => expect(isCalendarDate(value)).toBe(false));
});
