import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '@/components/popup/popup-data';
import { SearchSection } from '@/components/popup/search-section';
import { localTime } from '@/utils/store/test-database';
import { recordingActions } from './popup-fixtures';

const hits: SearchHit[] = [
  {
    result: {
      kind: 'note',
      personEmail: 'ada@example.com',
      meetingEid: 'e1',
      id: 'e1',
      snippet: 'We talked about the promotion case',
      at: localTime(2025, 3, 3),
    },
    personName: 'Ada',
    meetingStart: localTime(2025, 3, 3),
  },
  {
    result: {
      kind: 'actionItem',
      personEmail: 'bo@example.com',
      meetingEid: '',
      id: 'i1',
      snippet: 'Write the promotion packet',
      at: localTime(2025, 2, 1),
    },
    personName: 'Bo',
    meetingStart: null,
  },
];

describe('SearchSection', () => {
  afterEach(cleanup);

  it('searches on submit and names the person and meeting of each result', async () => {
    const actions = recordingActions({ search: vi.fn(async () => hits) });
    const search = actions.search;
    render(<SearchSection actions={actions} />);
    const region = screen.getByRole('region', { name: 'Search' });
    fireEvent.input(
      within(region).getByRole('searchbox', {
        name: 'Search people, projects, notes, action items and talking points',
      }),
      { target: { value: 'promotion' } },
    );
    fireEvent.click(within(region).getByRole('button', { name: 'Search' }));
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(search).toHaveBeenCalledWith('promotion');
    const items = within(results).getAllByRole('listitem');
    // What it is, whose, and when; then the snippet (the result's ways onward come after).
    const described = (item: HTMLElement) =>
      [...item.querySelectorAll('p')]
        .slice(0, 2)
        .map((p) => p.textContent)
        .join('');
    expect(items.map(described)).toEqual([
      'Note Ada · meeting of Mar 3, 2025We talked about the promotion case',
      'Action item Bo · no meeting, Feb 1, 2025Write the promotion packet',
    ]);
    expect(items.map((item) => item.querySelector('mark')?.textContent)).toEqual([
      'promotion',
      'promotion',
    ]);
    expect(within(items[0]!).getByRole('button', { name: 'Show Ada in People' })).toBeTruthy();
    // Only a result that belongs to a meeting leads to one.
    expect(within(items[0]!).queryAllByRole('link')).toHaveLength(1);
    expect(within(items[1]!).queryAllByRole('link')).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toBe('2 results.');
  });

  it('says when nothing matches', async () => {
    render(<SearchSection actions={recordingActions()} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'nothing' } });
    fireEvent.submit(screen.getByRole('search'));
    expect(await screen.findByText(/^No results\. Try a name/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull();
  });
});
