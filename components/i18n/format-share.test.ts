import { describe, expect, it } from 'vitest';
import { setPageLocale } from './index';
import { formatShare } from './format-share';

describe('formatShare', () => {
  it.each([
    ['en', 80, '80%'],
    ['en', 0, '0%'],
    ['en', 110, '110%'],
    ['en', 1250, '1,250%'],
    ['de', 80, '80\u00a0%'],
    ['de', 1250, '1.250\u00a0%'],
    ['ja', 80, '80%'],
  ] as const)('writes %s %d as %j', (code, percent, written) => {
    setPageLocale(code);
    expect(formatShare(percent)).toBe(written);
  });

  it('follows a change of the UI language', () => {
    setPageLocale('de');
    expect(formatShare(60)).toBe('60\u00a0%');
    setPageLocale('en');
    expect(formatShare(60)).toBe('60%');
  });
});
