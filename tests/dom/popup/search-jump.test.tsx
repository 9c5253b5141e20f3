import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup/popup-app';
import type { SearchHit } from '@/components/popup/popup-data';
import { jumpOf } from '@/components/popup/search-jump';
import type { FeedbackEntry, StandingTopic } from '@/utils/domain/records';
import {
  actionItem,
  overview,
  person,
  popupData,
  project,
  recordingActions,
} from './popup-fixtures';

const ada = person('ada@example.com', 'Ada Lovelace');
const bo = person('bo@example.com', 'Bo Chen');
const openItem = { ...actionItem('ada@example.com', 'Send the budget draft'), id: 'item-open' };

function hit(
  kind: SearchHit['result']['kind'],
  id: string,
  snippet: string,
  changes: Partial<SearchHit> = {},
): SearchHit {
  return {
    result: {
      kind,
      personEmail: 'ada@example.com',
      meetingEid: kind === 'note' ? id : '',
      id,
      snippet,
      at: 0,
    },
    personName: 'Ada Lovelace',
    meetingStart: null,
    ...changes,
  };
}

const topic: StandingTopic = {
  id: 'topic-1',
  personEmail: 'ada@example.com',
  text: 'How is the budget work going?',
  rhythm: 'every',
  createdAt: 0,
  updatedAt: 0,
} as StandingTopic;
const entry: FeedbackEntry = {
  id: 'entry-1',
  personEmail: 'ada@example.com',
  day: '2025-03-01',
  kind: 'praise',
  text: 'Great budget review',
  meetingEid: '',
  createdAt: 0,
  updatedAt: 0,
} as FeedbackEntry;

describe('jumpOf', () => {
  const isOpen = (id: string) => id === 'item-open';
  it.each([
    [hit('person', 'ada@example.com', 'Ada Lovelace'), { to: 'person', email: 'ada@example.com' }],
    [hit('project', 'p-billing', 'Billing'), { to: 'project', id: 'p-billing' }],
    [hit('actionItem', 'item-open', 'budget'), { to: 'followUp', itemId: 'item-open' }],
    [hit('actionItem', 'item-done', 'budget'), { to: 'person', email: 'ada@example.com' }],
    [
      hit('standingTopic', 'topic-1', 'budget'),
      { to: 'preparation', email: 'ada@example.com', entry: { kind: 'standingTopic' } },
    ],
    [
      hit('feedbackEntry', 'entry-1', 'budget'),
      { to: 'preparation', email: 'ada@example.com', entry: { kind: 'feedbackEntry' } },
    ],
    [hit('note', 'e1', 'budget'), { to: 'details', id: 'e1' }],
    [hit('talkingPoint', 'p1', 'budget'), { to: 'details', id: 'p1' }],
  ])('%#: leads where its kind is shown', (result, expected) => {
    expect(jumpOf(result, ' budget ', isOpen)).toMatchObject(expected);
  });

  it('marks the query at the target, except on a done item’s person', () => {
    expect(jumpOf(hit('person', 'x', 'Ada'), ' Ada ', isOpen)).toMatchObject({ highlight: 'Ada' });
    expect(jumpOf(hit('actionItem', 'item-done', 'x'), 'x', isOpen)).toMatchObject({
      highlight: '',
    });
  });

  it('shows a standing topic for everyone in place (it has no person)', () => {
    const forEveryone = hit('standingTopic', 't', 'x');
    forEveryone.result.personEmail = '';
    expect(jumpOf(forEveryone, 'x', isOpen).to).toBe('details');
  });
});

describe('activating a search result', () => {
  afterEach(cleanup);

  async function searchFor(query: string, hits: SearchHit[]) {
    const actions = recordingActions({
      search: vi.fn(async () => hits),
      loadPreparation: vi.fn(async () => ({ topics: [topic], feedback: [entry] })),
    });
    const data = popupData({
      followUps: [openItem],
      people: [overview(bo), overview(ada)],
      directory: [ada, bo],
      projects: [
        { project: project('p-apollo', 'Apollo'), assignments: [] },
        { project: project('p-budget', 'Budget tool', { archived: 1 }), assignments: [] },
      ],
    });
    render(<PopupApp data={data} actions={actions} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Search' }));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: query } });
    fireEvent.submit(screen.getByRole('search'));
    const results = await screen.findByRole('list', { name: 'Search results' });
    return { results, actions };
  }

  const selectedTab = () =>
    screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true')
      ?.textContent;
  const marks = (element: Element) =>
    [...element.querySelectorAll('mark')].map((mark) => mark.textContent);

  it('a person opens their card in People, focused, the name marked', async () => {
    const { results } = await searchFor('Love', [hit('person', 'ada@example.com', 'Ada Lovelace')]);
    // (happy-dom spaces a <mark> inside a word apart in names: the button is found by its text.)
    const open = within(results)
      .getAllByRole('button')
      .find((button) => button.textContent === 'Ada Lovelace')!;
    fireEvent.click(open);
    expect(selectedTab()).toBe('People');
    const heading = within(screen.getByRole('region', { name: 'People' }))
      .getAllByRole('heading')
      .find((element) => element.textContent === 'Ada Lovelace')!;
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(marks(heading)).toEqual(['Love']);
  });

  it('a project opens its card in Projects, focused, the name marked (an archived one too)', async () => {
    const { results } = await searchFor('budget', [
      { ...hit('project', 'p-budget', 'Budget tool'), personName: '' },
    ]);
    expect(within(results).queryByRole('button', { name: /in People/ })).toBeNull();
    fireEvent.click(within(results).getByRole('button', { name: 'Budget tool' }));
    expect(selectedTab()).toBe('Projects');
    const heading = await within(screen.getByRole('region', { name: 'Projects' })).findByRole(
      'heading',
      { name: 'Budget tool' },
    );
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(marks(heading)).toEqual(['Budget']);
  });

  it('an open action item opens its follow-up, focused, the match marked', async () => {
    const { results } = await searchFor('budget', [
      hit('actionItem', 'item-open', 'Send the budget draft'),
    ]);
    fireEvent.click(within(results).getByRole('button', { name: 'Send the budget draft' }));
    expect(selectedTab()).toBe('Follow-ups');
    const row = within(screen.getByRole('list', { name: 'Open follow-ups' }))
      .getByRole('checkbox', { name: 'Send the budget draft' })
      .closest('li')!;
    await waitFor(() => expect(document.activeElement).toBe(row));
    expect(marks(row)).toEqual(['budget']);
  });

  it('a done action item opens the person’s card', async () => {
    const { results } = await searchFor('budget', [
      hit('actionItem', 'item-done', 'Sent the budget'),
    ]);
    fireEvent.click(within(results).getByRole('button', { name: 'Sent the budget' }));
    expect(selectedTab()).toBe('People');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Ada Lovelace'));
  });

  it.each([
    [
      'standing topic',
      hit('standingTopic', 'topic-1', 'How is the budget work going?'),
      'Standing topics',
      'How is the budget work going?',
    ],
    [
      'feedback entry',
      hit('feedbackEntry', 'entry-1', 'Great budget review'),
      'Feedback log',
      'Great budget review',
    ],
  ])("a %s opens the person's preparation with that entry", async (_kind, result, list, text) => {
    const { results, actions } = await searchFor('budget', [result]);
    fireEvent.click(within(results).getByRole('button', { name: text }));
    expect(selectedTab()).toBe('People');
    await waitFor(() => expect(actions.loadPreparation).toHaveBeenCalledWith('ada@example.com'));
    const shown = await screen.findByRole('list', { name: list });
    const row = within(shown).getByText(
      (_, element) => element?.localName === 'li' && element.textContent!.includes(text),
    );
    await waitFor(() => expect(document.activeElement).toBe(row));
    expect(marks(row)).toEqual(['budget']);
    expect(
      screen
        .getByRole('button', { name: 'Prepare 1:1s with Ada Lovelace' })
        .getAttribute('aria-expanded'),
    ).toBe('true');
  });

  it.each([
    [
      'note',
      hit('note', 'e1', '…the budget for Q3…', {
        fullText: 'We went over the budget for Q3.\nNext: hiring.',
      }),
      'Note of Ada Lovelace',
      'We went over the budget for Q3.\nNext: hiring.',
    ],
    [
      'talking point',
      hit('talkingPoint', 'p1', 'Budget freeze', { fullText: 'Budget freeze' }),
      'Talking point of Ada Lovelace',
      'Budget freeze',
    ],
  ])(
    'a %s opens under the result in full, focused, the match marked',
    async (_kind, result, name, full) => {
      const { results } = await searchFor('budget', [result]);
      const open = within(results).getByRole('button', { name: result.result.snippet });
      expect(open.getAttribute('aria-expanded')).toBe('false');
      fireEvent.click(open);
      expect(selectedTab()).toBe('Search');
      expect(open.getAttribute('aria-expanded')).toBe('true');
      const details = within(results).getByRole('region', { name });
      expect(details.textContent).toBe(full);
      await waitFor(() => expect(document.activeElement).toBe(details));
      expect(marks(details).map((m) => m!.toLowerCase())).toEqual(['budget']);
      fireEvent.click(open);
      expect(within(results).queryByRole('region', { name })).toBeNull();
    },
  );

  it('is reachable and activated by keyboard: each result is a button', async () => {
    const { results } = await searchFor('budget', [
      hit('actionItem', 'item-open', 'Send the budget draft'),
    ]);
    const open = within(results).getByRole('button', { name: 'Send the budget draft' });
    expect(open.localName).toBe('button');
    expect(open.tabIndex).toBe(0);
  });
});
