import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OneOnOnePanel } from './one-on-one-panel';
import {
  actionItem,
  NOW,
  panelData,
  panelView,
  standingTopic,
  talkingPoint,
} from './panel-test-data';
import type { PanelActions, PanelView } from './panel-view';

function fakeActions(): PanelActions {
  return {
    editNote: vi.fn(),
    flushNote: vi.fn(),
    setWellbeing: vi.fn(),
    loadNotesBefore: vi.fn(async () => null),
    addActionItem: vi.fn(async () => true),
    setActionItemDone: vi.fn(),
    updateActionItem: vi.fn(),
    deleteActionItem: vi.fn(),
    undo: vi.fn(),
    addTalkingPoint: vi.fn(async () => true),
    setTalkingPointDiscussed: vi.fn(),
    setStandingTopicDiscussed: vi.fn(),
    addFeedbackEntry: vi.fn(async () => true),
    copyAgenda: vi.fn(async () => true),
    toggleScreenShareSafe: vi.fn(),
    markNotOneOnOne: vi.fn(),
  };
}

function renderPanel(view: Partial<PanelView> = {}, actions = fakeActions()) {
  const result = render(<OneOnOnePanel view={panelView(view)} actions={actions} />);
  return { ...result, actions };
}

const hostile = '<img src=x onerror=alert(1)>';

/**
 * The values shown outside a `.cbc-private` (blurred) element: for each value, the innermost
 * elements whose text holds it must be inside one.
 */
function exposedValues(root: Element, values: readonly string[]): string[] {
  const exposed: string[] = [];
  for (const value of values) {
    for (const element of Array.from(root.querySelectorAll('*'))) {
      const holds = (node: Element) => (node.textContent ?? '').includes(value);
      const innermost = holds(element) && !Array.from(element.children).some(holds);
      if (innermost && !element.closest('.cbc-private')) exposed.push(value);
    }
  }
  return exposed;
}

afterEach(cleanup);

describe('OneOnOnePanel', () => {
  it('renders the landmark and every name of the accessibility contract', () => {
    renderPanel();
    const panel = screen.getByRole('complementary', { name: '1:1 with Alex Rivera' });
    const inPanel = within(panel);
    expect(inPanel.getByRole('heading', { name: 'Last meeting' })).toBeTruthy();
    expect(inPanel.getByRole('textbox', { name: 'Notes for this meeting' })).toBeTruthy();
    const items = inPanel.getByRole('list', { name: 'Open action items' });
    expect(within(items).getByRole('checkbox', { name: 'Send the RFC' })).toBeTruthy();
    expect(inPanel.getByRole('textbox', { name: 'New action item' })).toBeTruthy();
    expect(inPanel.getByRole('button', { name: 'Add action item' })).toBeTruthy();
    expect(inPanel.getByRole('textbox', { name: 'New talking point' })).toBeTruthy();
    expect(inPanel.getByRole('button', { name: 'Add talking point' })).toBeTruthy();
    const points = inPanel.getByRole('list', { name: 'Talking points' });
    expect(within(points).getByRole('checkbox', { name: 'Promotion timeline' })).toBeTruthy();
    expect(inPanel.getByRole('radiogroup', { name: 'Wellbeing' })).toBeTruthy();
  });

  it('names the landmark by email when the person has no name', () => {
    renderPanel({
      person: { email: 'sam@example.com', name: '' },
      data: panelData({ person: { ...panelData().person, email: 'sam@example.com', name: '' } }),
    });
    expect(screen.getByRole('complementary', { name: '1:1 with sam@example.com' })).toBeTruthy();
  });

  it('shows the last meeting notes as text, the projects and the cadence', () => {
    renderPanel();
    expect(screen.getByText('Talked about the migration plan')).toBeTruthy();
    expect(screen.getByText(/Apollo 60%/)).toBeTruthy();
    expect(screen.getByText(/14 days ago/)).toBeTruthy();
    expect(screen.getByText('Due')).toBeTruthy();
  });

  it('says "No earlier notes" when there is no earlier meeting', () => {
    renderPanel({ data: panelData({ lastMeeting: null, lastOneOnOne: null }) });
    expect(screen.getByText('No earlier notes')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Earlier' })).toBeNull();
  });

  it('browses to earlier notes', async () => {
    const actions = fakeActions();
    const earlier = panelData().lastMeeting!;
    actions.loadNotesBefore = vi.fn(async () => ({
      meeting: { ...earlier.meeting, eid: 'eid-older', start: earlier.meeting.start - 7e8 },
      note: { ...earlier.note, text: 'Older notes' },
    }));
    renderPanel({}, actions);
    fireEvent.click(screen.getByRole('button', { name: 'Earlier' }));
    await screen.findByText('Older notes');
    expect(actions.loadNotesBefore).toHaveBeenCalledWith(earlier.meeting.start);
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.getByText('Talked about the migration plan')).toBeTruthy();
  });

  it('renders hostile text as text, never as markup', () => {
    const data = panelData({
      person: { ...panelData().person, name: hostile },
      openItems: [actionItem({ text: hostile })],
      talkingPoints: [talkingPoint({ text: hostile })],
    });
    data.lastMeeting!.note.text = hostile;
    const { container } = renderPanel({ data, noteText: hostile });
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('complementary', { name: `1:1 with ${hostile}` })).toBeTruthy();
    expect(screen.getAllByRole('checkbox', { name: hostile })).toHaveLength(2);
    expect(screen.getAllByText(hostile).length).toBeGreaterThanOrEqual(3);
  });

  it('adds an action item with text, owner and due date, and clears the input', async () => {
    const { actions } = renderPanel();
    const input = screen.getByRole('textbox', { name: 'New action item' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: '  Book the offsite  ' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Owner' }), {
      target: { value: 'me' },
    });
    fireEvent.input(screen.getByLabelText('Due date (optional)'), {
      target: { value: '2025-06-30' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add action item' }));
    expect(actions.addActionItem).toHaveBeenCalledWith({
      text: 'Book the offsite',
      owner: 'me',
      due: '2025-06-30',
    });
    await waitFor(() => expect(input.value).toBe(''));
  });

  it('gives the text back when adding failed', async () => {
    const actions = fakeActions();
    actions.addActionItem = vi.fn(async () => false);
    renderPanel({}, actions);
    const input = screen.getByRole('textbox', { name: 'New action item' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'Keep me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add action item' }));
    await waitFor(() => expect(input.value).toBe('Keep me'));
  });

  it('does not add an empty action item', () => {
    const { actions } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Add action item' }));
    expect(actions.addActionItem).not.toHaveBeenCalled();
  });

  it('checks an item off', () => {
    const { actions } = renderPanel();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Send the RFC' }));
    expect(actions.setActionItemDone).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'item-1' }),
      true,
    );
  });

  it('keeps items checked off in this session listed, checked', () => {
    const done = actionItem({ id: 'item-2', text: 'Done one', doneAt: NOW, open: 0 });
    renderPanel({ doneItems: [done] });
    const checkbox = screen.getByRole('checkbox', { name: 'Done one' }) as HTMLInputElement;
    expect(checkbox.checked).toBe(true);
  });

  it('lists the oldest 20 open items, and all of them on request', () => {
    const openItems = Array.from({ length: 25 }, (_, index) =>
      actionItem({ id: `item-${index}`, text: `Item ${index}`, createdAt: NOW - (25 - index) }),
    );
    renderPanel({ data: panelData({ openItems }) });
    const list = screen.getByRole('list', { name: 'Open action items' });
    expect(within(list).getAllByRole('checkbox')).toHaveLength(20);
    expect(within(list).getByRole('checkbox', { name: 'Item 0' })).toBeTruthy();
    expect(within(list).queryByRole('checkbox', { name: 'Item 24' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show all 25 open items' }));
    expect(within(list).getAllByRole('checkbox')).toHaveLength(25);
    fireEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(within(list).getAllByRole('checkbox')).toHaveLength(20);
  });

  it('marks overdue items and shows since and due dates', () => {
    renderPanel({ data: panelData({ openItems: [actionItem({ due: '2025-06-01' })] }) });
    const list = screen.getByRole('list', { name: 'Open action items' });
    expect(within(list).getByText('Overdue').className).toBe('cbc-overdue-badge');
    expect(within(list).getByText(/since/)).toBeTruthy();
  });

  it('edits an item', () => {
    const { actions } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Edit: Send the RFC' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Action item text' }), {
      target: { value: 'Send the RFC v2' },
    });
    fireEvent.input(screen.getByLabelText('Due date'), { target: { value: '2025-07-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(actions.updateActionItem).toHaveBeenCalledWith('item-1', {
      text: 'Send the RFC v2',
      due: '2025-07-01',
    });
  });

  it('deletes an item and offers undo', () => {
    const { actions, rerender } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Delete: Send the RFC' }));
    expect(actions.deleteActionItem).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'item-1' }),
    );
    rerender(
      <OneOnOnePanel
        view={panelView({
          data: panelData({ openItems: [] }),
          undo: { message: 'Action item deleted' },
        })}
        actions={actions}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(actions.undo).toHaveBeenCalledTimes(1);
  });

  it('adds a talking point and marks one discussed', async () => {
    const { actions } = renderPanel();
    const input = screen.getByRole('textbox', { name: 'New talking point' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'Conference budget' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add talking point' }));
    expect(actions.addTalkingPoint).toHaveBeenCalledWith('Conference budget');
    await waitFor(() => expect(input.value).toBe(''));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Promotion timeline' }));
    expect(actions.setTalkingPointDiscussed).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'point-1' }),
      true,
    );
  });

  it('lists the standing topics due among the talking points, marked as standing', () => {
    const { actions } = renderPanel({
      data: panelData({
        standingTopics: [
          standingTopic(),
          standingTopic({ id: 'topic-2', text: 'Career goals' }, { discussedHere: true }),
        ],
      }),
      topicChecks: { 'topic-1': false },
    });
    const points = screen.getByRole('list', { name: 'Talking points' });
    const rows = within(points).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      'How are you, really? standing',
      'Career goals standing',
      'Promotion timeline',
    ]);
    const due = within(points).getByRole('checkbox', { name: /How are you, really\?/ });
    const discussed = within(points).getByRole('checkbox', { name: /Career goals/ });
    expect((due as HTMLInputElement).checked).toBe(false);
    expect((discussed as HTMLInputElement).checked).toBe(true);
    fireEvent.click(due);
    expect(actions.setStandingTopicDiscussed).toHaveBeenCalledWith('topic-1', true);
    fireEvent.click(discussed);
    expect(actions.setStandingTopicDiscussed).toHaveBeenLastCalledWith('topic-2', false);
  });

  it('adds to the feedback log in one step, kind and text, and says so politely', async () => {
    const { actions } = renderPanel();
    const text = screen.getByRole('textbox', { name: 'What happened' }) as HTMLInputElement;
    fireEvent.input(text, { target: { value: 'Missed the review deadline' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), {
      target: { value: 'concern' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add to feedback log' }));
    expect(actions.addFeedbackEntry).toHaveBeenCalledWith('concern', 'Missed the review deadline');
    await waitFor(() =>
      expect(screen.getByText('Added to the feedback log').getAttribute('role')).toBe('status'),
    );
    expect(text.value).toBe('');
  });

  it('copies the agenda and says so politely, or says it could not', async () => {
    const actions = fakeActions();
    renderPanel({}, actions);
    fireEvent.click(screen.getByRole('button', { name: 'Copy agenda' }));
    expect(actions.copyAgenda).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect(screen.getByText('Agenda copied').getAttribute('role')).toBe('status'),
    );
    actions.copyAgenda = vi.fn(async () => false);
    cleanup();
    renderPanel({}, actions);
    fireEvent.click(screen.getByRole('button', { name: 'Copy agenda' }));
    await screen.findByText('The agenda could not be copied.');
  });

  it('keeps the feedback log text when the entry is refused', async () => {
    const actions = fakeActions();
    actions.addFeedbackEntry = vi.fn(async () => false);
    renderPanel({}, actions);
    const text = screen.getByRole('textbox', { name: 'What happened' }) as HTMLInputElement;
    fireEvent.input(text, { target: { value: 'Great demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to feedback log' }));
    await waitFor(() => expect(text.value).toBe('Great demo'));
    expect(screen.queryByText('Added to the feedback log')).toBeNull();
  });

  it('sends every keystroke of the notes to the model and flushes on blur', () => {
    const { actions } = renderPanel({ noteText: 'Draft' });
    const notes = screen.getByRole('textbox', { name: 'Notes for this meeting' });
    expect((notes as HTMLTextAreaElement).value).toBe('Draft');
    fireEvent.input(notes, { target: { value: 'Draft plus' } });
    expect(actions.editNote).toHaveBeenCalledWith('Draft plus');
    expect(actions.flushNote).not.toHaveBeenCalled();
    fireEvent.blur(notes);
    expect(actions.flushNote).toHaveBeenCalledTimes(1);
  });

  it('announces the save status politely', () => {
    renderPanel({ noteStatus: 'retrying' });
    const status = screen.getByText('Not saved — retrying');
    expect(status.getAttribute('aria-live')).toBe('polite');
  });

  it('records a wellbeing check-in and shows the trend as text', () => {
    const { actions } = renderPanel({ wellbeing: 2 });
    const group = screen.getByRole('radiogroup', { name: 'Wellbeing' });
    expect((within(group).getByRole('radio', { name: '2' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(within(group).getByRole('radio', { name: '5' }));
    expect(actions.setWellbeing).toHaveBeenCalledWith(5);
    expect(screen.getByText(/Recent check-ins, oldest first: 3, 4/)).toBeTruthy();
  });

  it('clears a check-in, and offers to only when there is one', () => {
    const { actions, rerender } = renderPanel({ wellbeing: 3 });
    fireEvent.click(screen.getByRole('button', { name: 'Clear check-in' }));
    expect(actions.setWellbeing).toHaveBeenCalledWith(null);
    rerender(<OneOnOnePanel view={panelView({ wellbeing: null })} actions={actions} />);
    expect(screen.queryByRole('button', { name: 'Clear check-in' })).toBeNull();
    const group = screen.getByRole('radiogroup', { name: 'Wellbeing' });
    expect(
      within(group)
        .getAllByRole('radio')
        .some((radio) => (radio as HTMLInputElement).checked),
    ).toBe(false);
  });

  it('reads the trend over every check-in shown, as the popup does', () => {
    const trend = [4, 2, 2].map((wellbeing, index) => ({
      start: NOW - (3 - index) * 7 * 86_400_000,
      wellbeing: wellbeing as 2 | 4,
    }));
    renderPanel({ data: panelData({ wellbeingTrend: trend }) });
    expect(screen.getByText(/Recent check-ins, oldest first: 4, 2, 2 \(falling\)/)).toBeTruthy();
  });

  it('toggles screen-share safe with a pressed button that blurs notes', () => {
    const { actions, container, rerender } = renderPanel();
    const hide = screen.getByRole('button', { name: 'Hide notes' });
    expect(hide.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(hide);
    expect(actions.toggleScreenShareSafe).toHaveBeenCalledTimes(1);
    rerender(<OneOnOnePanel view={panelView({ screenShareSafe: true })} actions={actions} />);
    const show = screen.getByRole('button', { name: 'Hide notes', pressed: true });
    expect(show.getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('.cbc-safe')).not.toBeNull();
  });

  it('with "Hide notes" on, leaves no private value outside the blurred parts', () => {
    const { container } = renderPanel({
      screenShareSafe: true,
      noteText: 'Draft about the pay review',
      wellbeing: 2,
    });
    // Notes (last and this meeting's), wellbeing (last meeting's and this one's), the trend,
    // items and talking points.
    const privateValues = [
      'Talked about the migration plan',
      '4/5',
      'Send the RFC',
      'Promotion timeline',
      '3, 4',
    ];
    expect(exposedValues(container, privateValues)).toEqual([]);
    for (const field of [
      screen.getByRole('textbox', { name: 'Notes for this meeting' }),
      screen.getByRole('radiogroup', { name: 'Wellbeing' }),
    ]) {
      expect(field.closest('.cbc-private')).not.toBeNull();
    }
    expect(container.querySelector('.cbc-safe')).not.toBeNull();
  });

  it('offers "Not a 1:1"', () => {
    const { actions } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Not a 1:1' }));
    expect(actions.markNotOneOnOne).toHaveBeenCalledTimes(1);
  });

  it('shows the landmark while loading, then an error in words', () => {
    renderPanel({ data: null, error: 'The background did not answer.' });
    expect(screen.getByRole('complementary', { name: '1:1 with Alex Rivera' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('The background did not answer.');
  });
});
