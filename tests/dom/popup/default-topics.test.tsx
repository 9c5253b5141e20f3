import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeopleSection } from '@/components/popup/people-section';
import type { StandingTopic } from '@/utils/domain/records';
import { recordingActions } from './popup-fixtures';

afterEach(cleanup);

const everyone: StandingTopic = {
  id: 't1',
  personEmail: '',
  text: 'How are you, really?',
  rhythm: 'every',
  createdAt: 1,
  updatedAt: 1,
};

function renderPeople(changes: Parameters<typeof recordingActions>[0] = {}) {
  const actions = recordingActions({
    loadDefaultTopics: vi.fn(async () => [everyone]),
    ...changes,
  });
  render(<PeopleSection people={[]} directory={[]} actions={actions} focusRequest={null} />);
  return actions;
}

async function open() {
  fireEvent.click(screen.getByRole('button', { name: 'Standing topics for everyone' }));
  return screen.findByRole('list', { name: 'Standing topics for everyone' });
}

describe('the standing topics for everyone, in People', () => {
  it('reads nothing until opened, then lists the default set', async () => {
    const actions = renderPeople();
    expect(actions.loadDefaultTopics).not.toHaveBeenCalled();
    const list = await open();
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual([
      'How are you, really? every 1:1Edit How are you, really?Delete How are you, really?',
    ]);
  });

  it('adds, edits and deletes a topic for everyone', async () => {
    const actions = renderPeople();
    const list = await open();
    fireEvent.input(screen.getByRole('textbox', { name: 'New topic for everyone' }), {
      target: { value: 'Anything blocking you?' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Rhythm' }), {
      target: { value: 'every-other' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add topic for everyone' }));
    await waitFor(() =>
      expect(actions.addStandingTopic).toHaveBeenCalledWith({
        personEmail: '',
        text: 'Anything blocking you?',
        rhythm: 'every-other',
      }),
    );
    fireEvent.click(within(list).getByRole('button', { name: 'Edit How are you, really?' }));
    fireEvent.input(within(list).getByRole('textbox', { name: 'Topic text' }), {
      target: { value: 'How are you, honestly?' },
    });
    fireEvent.click(within(list).getByRole('button', { name: 'Save topic' }));
    await waitFor(() =>
      expect(actions.updateStandingTopic).toHaveBeenCalledWith('t1', {
        text: 'How are you, honestly?',
        rhythm: 'every',
      }),
    );
    await waitFor(() => expect(within(list).queryByRole('textbox')).toBeNull());
    fireEvent.click(within(list).getByRole('button', { name: 'Delete How are you, really?' }));
    await waitFor(() => expect(actions.deleteStandingTopic).toHaveBeenCalledWith('t1'));
  });

  it('shows why a change was refused, and keeps what was typed', async () => {
    renderPeople({
      updateStandingTopic: vi.fn(async () => {
        throw new Error('Standing topic text is empty.');
      }),
    });
    const list = await open();
    fireEvent.click(within(list).getByRole('button', { name: 'Edit How are you, really?' }));
    fireEvent.input(within(list).getByRole('textbox', { name: 'Topic text' }), {
      target: { value: ' ' },
    });
    fireEvent.click(within(list).getByRole('button', { name: 'Save topic' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Standing topic text is empty.');
    expect(within(list).getByRole('textbox', { name: 'Topic text' })).toBeTruthy();
  });
});
