import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VisibleChip } from '@/utils/calendar';
import { createChipBadges } from './chip-badges';

let life = new AbortController();
afterEach(() => {
  life.abort();
  document.body.replaceChildren();
});

function chip(eid: string, seriesKey: string, start: number | null = null): VisibleChip {
  const element = document.createElement('div');
  element.textContent = eid;
  document.body.append(element);
  return { element, eid, seriesKey, start };
}

const badgeTexts = () =>
  Array.from(document.querySelector('cbc-badges')?.shadowRoot?.querySelectorAll('span') ?? []).map(
    (badge) => badge.textContent,
  );

describe('createChipBadges', () => {
  it('badges chips of known 1:1 series with their open item count, outside the chips', async () => {
    life = new AbortController();
    const chips = [chip('a', 'series-a'), chip('b', 'series-b'), chip('c', 'series-c')];
    let counts: Record<string, { count: number; name: string }> = {
      'series-a': { count: 3, name: 'Alex' },
      'series-b': { count: 0, name: 'Bo' },
    };
    const fetchCounts = vi.fn(async () => counts);
    const badges = createChipBadges({
      doc: document,
      signal: life.signal,
      readChips: () => chips,
      fetchCounts,
      onError: (error) => {
        throw error;
      },
    });
    await vi.waitFor(() => expect(badgeTexts()).toEqual(['3']));
    expect(fetchCounts).toHaveBeenCalledWith(['series-a', 'series-b', 'series-c']);
    // Nothing inside Google's chips.
    expect(chips.every((c) => c.element.children.length === 0)).toBe(true);
    const host = document.querySelector('cbc-badges')!;
    expect(badges.isOwnNode(host)).toBe(true);
    expect(badges.isOwnNode(chips[0]!.element)).toBe(false);

    counts = { 'series-a': { count: 1, name: 'Alex' }, 'series-b': { count: 2, name: 'Bo' } };
    badges.countsChanged();
    await vi.waitFor(() => expect(badgeTexts()).toEqual(['1', '2']));

    life.abort();
    expect(document.querySelector('cbc-badges')).toBeNull();
  });

  it('asks only for series it has not asked about when chips change', async () => {
    life = new AbortController();
    const chips = [chip('a', 'series-a')];
    const fetchCounts = vi.fn(async (keys: string[]) =>
      Object.fromEntries(keys.map((key) => [key, { count: 1, name: key }])),
    );
    const badges = createChipBadges({
      doc: document,
      signal: life.signal,
      readChips: () => [...chips],
      fetchCounts,
      onError: () => {},
    });
    await vi.waitFor(() => expect(badgeTexts()).toEqual(['1']));
    chips.push(chip('b', 'series-b'));
    badges.chipsChanged();
    await vi.waitFor(() => expect(badgeTexts()).toEqual(['1', '1']));
    expect(fetchCounts.mock.calls.map(([keys]) => keys)).toEqual([['series-a'], ['series-b']]);
    chips.splice(0, 1);
    badges.chipsChanged();
    await vi.waitFor(() => expect(badgeTexts()).toEqual(['1']));
  });

  it('reports chips of known 1:1 series once before they start and once after', async () => {
    life = new AbortController();
    const HOUR = 3_600_000;
    const now = Date.now();
    const chips = [
      chip('past', 'series-a', now - HOUR),
      chip('future', 'series-a', now + HOUR),
      chip('unknown-series', 'series-x', now - HOUR),
      chip('no-start', 'series-a', null),
    ];
    const recordOccurrences = vi.fn(async () => ({ recorded: 1 }));
    const badges = createChipBadges({
      doc: document,
      signal: life.signal,
      readChips: () => [...chips],
      fetchCounts: async () => ({ 'series-a': { count: 2, name: 'Alex' } }),
      recordOccurrences,
      onError: (error) => {
        throw error;
      },
    });
    await vi.waitFor(() => expect(recordOccurrences).toHaveBeenCalledTimes(1));
    // Started (a 1:1 that took place) and to come (the popup's Week ahead).
    expect(recordOccurrences).toHaveBeenCalledWith([
      { eid: 'past', seriesKey: 'series-a', start: now - HOUR },
      { eid: 'future', seriesKey: 'series-a', start: now + HOUR },
    ]);
    // The same chips again (a re-render, new counts): nothing more to report.
    badges.countsChanged();
    badges.chipsChanged();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recordOccurrences).toHaveBeenCalledTimes(1);
    // Two hours later the future one has started: reported once more, as started.
    vi.spyOn(Date, 'now').mockReturnValue(now + 2 * HOUR);
    badges.chipsChanged();
    await vi.waitFor(() => expect(recordOccurrences).toHaveBeenCalledTimes(2));
    expect(recordOccurrences).toHaveBeenLastCalledWith([
      { eid: 'future', seriesKey: 'series-a', start: now + HOUR },
    ]);
    vi.restoreAllMocks();
  });

  it('names each badge and gives it that tooltip; a click on it is a click on its chip', async () => {
    life = new AbortController();
    const chips = [chip('a', 'series-a'), chip('b', 'series-b')];
    createChipBadges({
      doc: document,
      signal: life.signal,
      readChips: () => chips,
      fetchCounts: async () => ({
        'series-a': { count: 3, name: 'Alex Rivera' },
        'series-b': { count: 1, name: 'bo@example.com' },
      }),
      onError: (error) => {
        throw error;
      },
    });
    const badges = () =>
      Array.from(document.querySelector('cbc-badges')?.shadowRoot?.querySelectorAll('span') ?? []);
    await vi.waitFor(() => expect(badges()).toHaveLength(2));
    expect(
      badges().map((badge) => [
        badge.getAttribute('role'),
        badge.getAttribute('aria-label'),
        badge.title,
        badge.getAttribute('aria-hidden'),
      ]),
    ).toEqual([
      ['img', '3 open action items with Alex Rivera', '3 open action items with Alex Rivera', null],
      [
        'img',
        '1 open action item with bo@example.com',
        '1 open action item with bo@example.com',
        null,
      ],
    ]);
    // The text stays the bare count (what sits on the chip's corner).
    expect(badges().map((badge) => badge.textContent)).toEqual(['3', '1']);
    const opened = vi.fn();
    chips[0]!.element.addEventListener('click', opened);
    badges()[0]!.click();
    expect(opened).toHaveBeenCalledOnce();
  });
});
