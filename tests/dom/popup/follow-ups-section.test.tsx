import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FollowUpsSection } from '@/components/popup/follow-ups-section';
import type { ActionItem } from '@/utils/store';
import { actionItem, recordingActions, TODAY } from './popup-fixtures';

const NAMES: Record<string, string> = { 'ada@example.com': 'Ada', 'bo@example.com': 'Bo' };
const nameOf = (email: string) => NAMES[email] ?? email;

function renderFollowUps(items: ActionItem[], actions = recordingActions()) {
  const shown: string[] = [];
  render(
    <FollowUpsSection
      items={items}
      today={TODAY}
      nameOf={nameOf}
      actions={actions}
      onShowPerson={(email) => shown.push(email)}
    />,
  );
  return { actions, shown, list: screen.getByRole('list', { name: 'Open follow-ups' }) };
}

function checkboxNames(list: HTMLElement): string[] {
  return within(list)
    .getAllByRole('checkbox')
    .map((box) => box.closest('label')!.textContent!.trim());
}

const team = () => [
  actionItem('ada@example.com', 'Ada: review doc', { due: '2025-03-20', owner: 'them' }),
  actionItem('bo@example.com', 'Bo: send budget', { due: '2025-03-01' }),
  actionItem('ada@example.com', 'Ada: book training', { owner: 'them' }),
  actionItem('bo@example.com', 'Bo: intro to design', { due: '2025-03-12', owner: 'them' }),
];

describe('FollowUpsSection', () => {
  afterEach(cleanup);

  it('is a region named Follow-ups', () => {
    renderFollowUps(team());
    expect(screen.getByRole('region', { name: 'Follow-ups' })).toBeTruthy();
  });

  it('groups by person, the person with an overdue item first, items by due date', () => {
    const { list } = renderFollowUps(team());
    const groups = within(list).getAllByRole('heading', { level: 3 });
    expect(groups.map((heading) => heading.textContent)).toEqual(['Bo', 'Ada']);
    expect(checkboxNames(list)).toEqual([
      'Bo: send budget',
      'Bo: intro to design',
      'Ada: review doc',
      'Ada: book training',
    ]);
  });

  it('marks overdue items', () => {
    const { list } = renderFollowUps(team());
    const overdueRow = within(list)
      .getByRole('checkbox', { name: 'Bo: send budget' })
      .closest('li')!;
    const laterRow = within(list)
      .getByRole('checkbox', { name: 'Bo: intro to design' })
      .closest('li')!;
    expect(within(overdueRow).getByText('Overdue')).toBeTruthy();
    expect(within(laterRow).queryByText('Overdue')).toBeNull();
  });

  it('groups by due date on request: overdue, next days, no due date', () => {
    const { list } = renderFollowUps(team());
    fireEvent.change(screen.getByRole('combobox', { name: 'Group by' }), {
      target: { value: 'due' },
    });
    const groups = within(list).getAllByRole('heading', { level: 3 });
    expect(groups.map((heading) => heading.textContent)).toEqual([
      'Overdue',
      'Due in the next 7 days',
      'Due later',
      'No due date',
    ]);
    // Without a person group, each row names the person.
    const row = within(list).getByRole('checkbox', { name: 'Bo: send budget' }).closest('li')!;
    expect(within(row).getByRole('button', { name: 'Bo' })).toBeTruthy();
  });

  it('filters mine and theirs', () => {
    const { list } = renderFollowUps(team());
    fireEvent.click(screen.getByRole('radio', { name: 'Mine' }));
    expect(checkboxNames(list)).toEqual(['Bo: send budget']);
    fireEvent.click(screen.getByRole('radio', { name: 'Theirs' }));
    expect(checkboxNames(list)).toEqual([
      'Bo: intro to design',
      'Ada: review doc',
      'Ada: book training',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: 'All' }));
    expect(checkboxNames(list)).toHaveLength(4);
  });

  it('checks an item off through its action and keeps it in place, checked', async () => {
    const items = team();
    const actions = recordingActions();
    const view = (open: ActionItem[]) => (
      <FollowUpsSection
        items={open}
        today={TODAY}
        nameOf={nameOf}
        actions={actions}
        onShowPerson={() => {}}
      />
    );
    const { rerender } = render(view(items));
    const list = screen.getByRole('list', { name: 'Open follow-ups' });
    fireEvent.click(within(list).getByRole('checkbox', { name: 'Ada: review doc' }));
    expect(actions.setItemDone).toHaveBeenCalledWith(items[0]!.id, true, items[0]!.personEmail);
    // The store's update no longer lists it as open: the row stays, checked, so nothing jumps.
    rerender(view(items.slice(1)));
    const box = within(list).getByRole('checkbox', { name: 'Ada: review doc' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(within(box.closest('li')!).getByText('Done')).toBeTruthy();
    expect(screen.getByText('3 open items')).toBeTruthy();
  });

  it('reopens an item checked off by mistake', async () => {
    const items = team();
    const { actions, list } = renderFollowUps(items);
    const box = within(list).getByRole('checkbox', { name: 'Bo: send budget' }) as HTMLInputElement;
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    fireEvent.click(box);
    expect(actions.setItemDone).toHaveBeenLastCalledWith(
      items[1]!.id,
      false,
      items[1]!.personEmail,
    );
    await waitFor(() => expect(screen.getByText('4 open items')).toBeTruthy());
    expect(box.checked).toBe(false);
  });

  it('shows a failed check-off as an alert and unchecks the item', async () => {
    const actions = recordingActions({
      setItemDone: async () => {
        throw new Error('No action item with id "x".');
      },
    });
    const { list } = renderFollowUps(team(), actions);
    const box = within(list).getByRole('checkbox', { name: 'Ada: review doc' }) as HTMLInputElement;
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toBe('No action item with id "x".');
    expect(box.checked).toBe(false);
  });

  it('changes a due date through its action', () => {
    const items = team();
    const { actions } = renderFollowUps(items);
    fireEvent.change(screen.getByLabelText('Due date of Ada: book training'), {
      target: { value: '2025-04-01' },
    });
    expect(actions.setItemDue).toHaveBeenCalledWith(
      items[2]!.id,
      '2025-04-01',
      items[2]!.personEmail,
    );
  });

  it('jumps to the person of a group', () => {
    const { shown } = renderFollowUps(team());
    fireEvent.click(screen.getByRole('button', { name: 'Show Ada in People' }));
    expect(shown).toEqual(['ada@example.com']);
  });

  it('renders 50 items at a time, never the whole list', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      actionItem(i % 2 ? 'ada@example.com' : 'bo@example.com', `Item ${i}`),
    );
    const { list } = renderFollowUps(many);
    expect(within(list).getAllByRole('checkbox')).toHaveLength(50);
    expect(screen.getByText('1000 open items')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(within(list).getAllByRole('checkbox')).toHaveLength(100);
  });

  it('says so when nothing is open', () => {
    renderFollowUps([]);
    expect(screen.getByText('No open follow-ups.')).toBeTruthy();
  });
});

describe('FollowUpsSection while every item is still loading', () => {
  afterEach(cleanup);

  function renderPreview(preview: ActionItem[]) {
    render(
      <FollowUpsSection
        items={undefined}
        preview={preview}
        today={TODAY}
        nameOf={nameOf}
        actions={recordingActions()}
        onShowPerson={() => {}}
      />,
    );
    return screen.getByRole('list', { name: 'Open follow-ups' });
  }

  it('lists the first page from the preview, grouped as usual, with no count or Show more yet', () => {
    const list = renderPreview(team());
    expect(checkboxNames(list)).toEqual([
      'Bo: send budget',
      'Bo: intro to design',
      'Ada: review doc',
      'Ada: book training',
    ]);
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
  });

  it('shows nothing from the preview once an owner filter is chosen (it holds every owner)', () => {
    const list = renderPreview(team());
    fireEvent.click(screen.getByRole('radio', { name: 'Mine' }));
    expect(within(list).queryAllByRole('checkbox')).toEqual([]);
  });
});
