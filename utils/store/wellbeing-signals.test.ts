import { describe, expect, it } from 'vitest';
import { isLowLately, wellbeingDirection } from './wellbeing-signals';

describe('wellbeingDirection', () => {
  it.each<[number[], ReturnType<typeof wellbeingDirection>]>([
    [[], null],
    [[3], null],
    // The case: the last two are equal, the window falls.
    [[4, 2, 2], 'falling'],
    [[2, 4, 4], 'rising'],
    [[3, 4, 3], 'steady'],
    [[3, 4], 'rising'],
    [[4, 3], 'falling'],
    [[4, 4], 'steady'],
    [[5, 4, 4, 4, 4, 4], 'steady'],
    [[5, 4, 4, 3, 3, 3], 'falling'],
    [[2, 2, 5, 2, 2, 2], 'steady'],
  ])('%j reads %s', (values, direction) => {
    expect(wellbeingDirection(values)).toBe(direction);
  });
});

describe('isLowLately', () => {
  it.each<[number[], boolean]>([
    [[], false],
    [[1], false],
    [[4, 2, 2], true],
    [[2, 4, 2], false],
    [[5, 1, 3], false],
  ])('%j: %s', (values, low) => {
    expect(isLowLately(values)).toBe(low);
  });
});
