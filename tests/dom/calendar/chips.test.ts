import { describe, expect, it } from 'vitest';
import { visibleChips } from '@/utils/calendar';
import { loadFixture } from './load-fixture';

describe('visibleChips on the week view', () => {
  it('lists event chips in the grid, without tasks, birthdays, drag handles or the popover', () => {
    const doc = loadFixture('popover-one-on-one.en.light.html');
    const chips = visibleChips(doc);
    expect(chips.map((chip) => chip.seriesKey)).toEqual([
      '2b4d6f8h0j2l4n6p8r0t2v4a6c', // all-day offsite (instance suffix stripped)
      '4p1k2m8fqb0v6s3t9c7e5d1a2g', // 1:1
      '7h3j9k2l5m8n1p4q6r0s2t5u8v', // group with room
      '5q7s9u1a3c5e7g9i1k3m5o7q9s', // recurring 1:1 instance
    ]);
    for (const chip of chips) {
      expect(chip.element.hasAttribute('data-eventchip')).toBe(true);
      expect(chip.element.getAttribute('data-eventid')).toBe(chip.eid);
      expect(chip.element.closest('[role="main"]')).not.toBeNull();
    }
    // Only a recurring timed instance carries its start (in its id): 2025-06-12 13:00 UTC.
    expect(chips.map((chip) => chip.start)).toEqual([null, null, null, Date.UTC(2025, 5, 12, 13)]);
    // The timed chip is the role=button element; the all-day chip is its wrapper.
    expect(chips[1]!.element.getAttribute('role')).toBe('button');
    expect(chips[0]!.element.getAttribute('role')).toBeNull();
  });

  it('skips chips hidden during the week animation', () => {
    const doc = loadFixture('week-view.en.light.html');
    doc.querySelector('[data-datekey="28362"]')!.setAttribute('style', 'display:none');
    expect(visibleChips(doc).map((chip) => chip.seriesKey)).not.toContain(
      '4p1k2m8fqb0v6s3t9c7e5d1a2g',
    );
    expect(visibleChips(doc)).toHaveLength(3);
  });
});
