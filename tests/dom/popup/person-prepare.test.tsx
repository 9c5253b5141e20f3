import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersonPrepare } from '@/components/popup/person-prepare';
import type { PersonPreparation } from '@/components/popup/popup-data';
import { recordingActions } from './popup-fixtures';

afterEach(cleanup);

const ADA = 'ada@example.com';
const TODAY = { day: '2025-06-17', at: Date.UTC(2025, 5, 17, 12) };

const preparation: PersonPreparation = {
  topics: [
    {
      id: 't1',
      personEmail: '',
      text: 'How are you, really?',
      rhythm: 'every',
      createdAt: 1,
      updatedAt: 1,
    },
    {
      id: 't2',
      personEmail: ADA,
      text: 'Career goals',
      rhythm: 'quarterly',
      createdAt: 2,
      updatedAt: 2,
    },
  ],
  feedback: [
    {
      id: 'f1',
      personEmail: ADA,
      day: '2025-06-10',
      kind: 'praise',
      text: 'Great demo',
      meetingEid: '',
      createdAt: 3,
      updatedAt: 3,
    },
    {
      id: 'f2',
      personEmail: ADA,
      day: '2025-01-05',
      kind: 'concern',
      text: 'Late reviews',
      meetingEid: '',
      createdAt: 4,
      updatedAt: 4,
    },
  ],
};

function renderPrepare() {
  const actions = recordingActions({ loadPreparation: vi.fn(async () => preparation) });
  const run = vi.fn(async (action: () => Promise<unknown>) => {
    await action();
    return true;
  });
  render(<PersonPrepare email={ADA} name="Ada" today={TODAY} actions={actions} run={run} />);
  return actions;
}

async function open() {
  fireEvent.click(screen.getByRole('button', { name: 'Prepare 1:1s with Ada' }));
  return screen.findByRole('list', { name: 'Standing topics' });
}

describe('a person’s preparation in the popup', () => {
  it('reads nothing until it is opened', async () => {
    const actions = renderPrepare();
    expect(actions.loadPreparation).not.toHaveBeenCalled();
    expect(screen.queryByRole('list', { name: 'Standing topics' })).toBeNull();
    await open();
    expect(actions.loadPreparation).toHaveBeenCalledWith(ADA);
    expect(
      screen.getByRole('button', { name: 'Prepare 1:1s with Ada' }).getAttribute('aria-expanded'),
    ).toBe('true');
  });

  it('lists standing topics, the default set marked for everyone, and adds one from the bank', async () => {
    const actions = renderPrepare();
    const list = await open();
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      'How are you, really? every 1:1for everyoneEdit How are you, really?Delete How are you, really?',
      'Career goals quarterlyEdit Career goalsDelete Career goals',
    ]);
    const bank = screen.getByRole('combobox', { name: 'Question bank' });
    fireEvent.change(bank, { target: { value: 'Where do you want to be a year from now?' } });
    const text = screen.getByRole('textbox', { name: 'New standing topic' }) as HTMLInputElement;
    expect(text.value).toBe('Where do you want to be a year from now?');
    fireEvent.change(screen.getByRole('combobox', { name: 'Rhythm' }), {
      target: { value: 'monthly' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add standing topic' }));
    await waitFor(() =>
      expect(actions.addStandingTopic).toHaveBeenCalledWith({
        personEmail: ADA,
        text: 'Where do you want to be a year from now?',
        rhythm: 'monthly',
      }),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'for everyone' }));
    fireEvent.input(text, { target: { value: 'Anything blocking you?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add standing topic' }));
    await waitFor(() =>
      expect(actions.addStandingTopic).toHaveBeenLastCalledWith({
        personEmail: '',
        text: 'Anything blocking you?',
        rhythm: 'monthly',
      }),
    );
    fireEvent.click(within(list).getByRole('button', { name: 'Delete Career goals' }));
    await waitFor(() => expect(actions.deleteStandingTopic).toHaveBeenCalledWith('t2'));
  });

  it('shows the feedback log as a timeline filtered by kind and period, and adds to it', async () => {
    const actions = renderPrepare();
    await open();
    const log = screen.getByRole('list', { name: 'Feedback log' });
    expect(
      within(log)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual([expect.stringContaining('Great demo'), expect.stringContaining('Late reviews')]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Show kind' }), {
      target: { value: 'concern' },
    });
    expect(
      within(log)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual([expect.stringContaining('Late reviews')]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: '30' } });
    expect(within(log).queryAllByRole('listitem')).toHaveLength(0);
    screen.getByText('Nothing in the feedback log for this choice.');

    fireEvent.input(screen.getByRole('textbox', { name: 'What happened' }), {
      target: { value: 'Shipped search' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'win' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to feedback log' }));
    await waitFor(() =>
      expect(actions.addFeedbackEntry).toHaveBeenCalledWith({
        personEmail: ADA,
        day: '2025-06-17',
        kind: 'win',
        text: 'Shipped search',
      }),
    );
  });

  it('edits a standing topic’s text and rhythm in place', async () => {
    const actions = renderPrepare();
    const list = await open();
    fireEvent.click(within(list).getByRole('button', { name: 'Edit Career goals' }));
    const text = within(list).getByRole('textbox', { name: 'Topic text' }) as HTMLInputElement;
    expect(text.value).toBe('Career goals');
    fireEvent.input(text, { target: { value: 'Career goals: staff' } });
    fireEvent.change(within(list).getByRole('combobox', { name: 'Topic rhythm' }), {
      target: { value: 'monthly' },
    });
    fireEvent.click(within(list).getByRole('button', { name: 'Save topic' }));
    await waitFor(() =>
      expect(actions.updateStandingTopic).toHaveBeenCalledWith('t2', {
        text: 'Career goals: staff',
        rhythm: 'monthly',
      }),
    );
    await waitFor(() => expect(within(list).queryByRole('textbox')).toBeNull());
    // Cancel leaves the topic as it was and sends nothing.
    fireEvent.click(within(list).getByRole('button', { name: 'Edit How are you, really?' }));
    fireEvent.click(within(list).getByRole('button', { name: 'Cancel' }));
    expect(actions.updateStandingTopic).toHaveBeenCalledTimes(1);
  });

  it('edits and deletes a feedback log entry', async () => {
    const actions = renderPrepare();
    await open();
    const log = screen.getByRole('list', { name: 'Feedback log' });
    fireEvent.click(within(log).getByRole('button', { name: 'Edit Great demo' }));
    fireEvent.input(within(log).getByRole('textbox', { name: 'Entry text' }), {
      target: { value: 'Great demo of search' },
    });
    fireEvent.change(within(log).getByRole('combobox', { name: 'Entry kind' }), {
      target: { value: 'win' },
    });
    fireEvent.input(within(log).getByLabelText('Entry day'), { target: { value: '2025-06-11' } });
    fireEvent.click(within(log).getByRole('button', { name: 'Save entry' }));
    await waitFor(() =>
      expect(actions.updateFeedbackEntry).toHaveBeenCalledWith('f1', ADA, {
        day: '2025-06-11',
        kind: 'win',
        text: 'Great demo of search',
      }),
    );
    fireEvent.click(within(log).getByRole('button', { name: 'Delete Late reviews' }));
    await waitFor(() => expect(actions.deleteFeedbackEntry).toHaveBeenCalledWith('f2', ADA));
  });

  it('keeps a refused edit open, so nothing typed is lost', async () => {
    const actions = recordingActions({
      loadPreparation: vi.fn(async () => preparation),
      updateFeedbackEntry: vi.fn(async () => {
        throw new Error('updateFeedbackEntry.text: must not be empty');
      }),
    });
    const run = vi.fn(async (action: () => Promise<unknown>) => {
      try {
        await action();
        return true;
      } catch {
        return false;
      }
    });
    render(<PersonPrepare email={ADA} name="Ada" today={TODAY} actions={actions} run={run} />);
    await open();
    const log = screen.getByRole('list', { name: 'Feedback log' });
    fireEvent.click(within(log).getByRole('button', { name: 'Edit Great demo' }));
    fireEvent.input(within(log).getByRole('textbox', { name: 'Entry text' }), {
      target: { value: '   ' },
    });
    fireEvent.click(within(log).getByRole('button', { name: 'Save entry' }));
    await waitFor(() => expect(run).toHaveBeenCalled());
    await waitFor(() => expect(actions.updateFeedbackEntry).toHaveBeenCalled());
    expect(within(log).getByRole('textbox', { name: 'Entry text' })).toBeTruthy();
  });
});
