import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PeopleSection } from '@/components/popup/people-section';
import type { PersonOverview } from '@/utils/store';
import { localTime } from '@/utils/store/test-database';
import { chooseInCardMenu, overview, person, recordingActions } from './popup-fixtures';

const ada = person('ada@example.com', 'Ada Lovelace', { cadenceDays: 7 });
const bo = person('bo@example.com', 'Bo Chen');
const archivedCy = person('cy@example.com', 'Cy Old', { archived: 1 });

const rows = (): PersonOverview[] => [
  overview(ada, {
    lastOneOnOne: localTime(2025, 2, 24),
    daysSince: 14,
    cadence: 'overdue',
    openItems: 3,
    wellbeingTrend: [4, 2, 2],
    allocation: 120,
    overAllocated: true,
    burnoutRisk: true,
    burnoutCauses: ['over-allocated', 'low-wellbeing'],
  }),
  overview(bo, {
    lastOneOnOne: localTime(2025, 3, 7),
    daysSince: 3,
    cadence: 'on-track',
    openItems: 0,
    wellbeingTrend: [3, 4],
    allocation: 80,
  }),
];

function renderPeople(people = rows(), actions = recordingActions()) {
  render(
    <PeopleSection
      people={people}
      directory={[ada, bo, archivedCy]}
      actions={actions}
      focusRequest={null}
    />,
  );
  const team = screen.getByRole('list', { name: 'Team' });
  const rowOf = (name: string) =>
    within(team).getByRole('heading', { name }).closest('li') as HTMLElement;
  return { actions, rowOf };
}

describe('PeopleSection', () => {
  afterEach(cleanup);

  it('is a region named People with one row per person', () => {
    renderPeople();
    const region = screen.getByRole('region', { name: 'People' });
    const team = within(region).getByRole('list', { name: 'Team' });
    expect(
      within(team)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['Ada Lovelace', 'Bo Chen']);
  });

  it('shows last 1:1, days since, open items and the wellbeing trend', () => {
    const { rowOf } = renderPeople();
    const row = rowOf('Bo Chen');
    expect(within(row).getByText('Mar 7, 2025')).toBeTruthy();
    expect(within(row).getByText('Days since').nextElementSibling!.textContent).toBe('3');
    expect(within(row).getByText('Open items').nextElementSibling!.textContent).toBe('0');
    expect(within(row).getByText('Wellbeing').nextElementSibling!.textContent).toBe(
      '3 → 4 (rising)',
    );
  });

  it('flags a person overdue for a 1:1, over-allocated, at burnout risk', () => {
    const { rowOf } = renderPeople();
    const ada = rowOf('Ada Lovelace');
    expect(within(ada).getByText('Overdue for a 1:1')).toBeTruthy();
    expect(within(ada).getByText('Over-allocated: 120%')).toBeTruthy();
    expect(within(ada).getByText(/^Burnout risk/).textContent).toBe(
      'Burnout risk (allocation 120%; last two check-ins 2 → 2)',
    );
    const bo = rowOf('Bo Chen');
    expect(within(bo).queryByText(/Overdue|Over-allocated|Burnout/)).toBeNull();
  });

  it('reads the wellbeing trend over the whole window shown', () => {
    const { rowOf } = renderPeople();
    expect(within(rowOf('Ada Lovelace')).getByText('4 → 2 → 2 (falling)')).toBeTruthy();
  });

  it('names the real cause of a burnout risk, not a wellbeing trend that did not raise it', () => {
    const sam = person('sam@example.com', 'Sam Chen');
    render(
      <PeopleSection
        people={[
          overview(sam, {
            wellbeingTrend: [3, 4, 3],
            allocation: 110,
            overAllocated: true,
            burnoutRisk: true,
            burnoutCauses: ['over-allocated'],
          }),
        ]}
        directory={[sam]}
        actions={recordingActions()}
        focusRequest={null}
      />,
    );
    const badge = screen.getByText(/^Burnout risk/);
    expect(badge.textContent).toBe('Burnout risk (allocation 110%)');
    expect(screen.getByText('3 → 4 → 3 (steady)')).toBeTruthy();
  });

  it('says where a cadence comes from, and a manager’s change goes through its action', () => {
    const dee = person('dee@example.com', 'Dee', { cadenceDays: 7, cadenceSource: 'recurrence' });
    const eve = person('eve@example.com', 'Eve', { cadenceDays: 21, cadenceSource: 'seen' });
    const actions = recordingActions();
    render(
      <PeopleSection
        people={[overview(dee), overview(eve)]}
        directory={[dee, eve]}
        actions={actions}
        focusRequest={null}
      />,
    );
    const team = screen.getByRole('list', { name: 'Team' });
    const rowOf = (name: string) =>
      within(team).getByRole('heading', { name }).closest('li') as HTMLElement;
    const deeCadence = within(rowOf('Dee')).getByRole('combobox', { name: 'Cadence with Dee' });
    expect((deeCadence as HTMLSelectElement).value).toBe('7');
    expect(within(rowOf('Dee')).getByText("(from the calendar series' recurrence)")).toBeTruthy();
    expect(within(rowOf('Eve')).getByText('(from the 1:1s seen in the calendar)')).toBeTruthy();
    expect(
      (
        within(rowOf('Eve')).getByRole('combobox', {
          name: 'Cadence with Eve',
        }) as HTMLSelectElement
      ).selectedOptions[0]!.textContent,
    ).toBe('Every 21 days');
    fireEvent.change(deeCadence, { target: { value: '14' } });
    expect(actions.setCadence).toHaveBeenCalledWith('dee@example.com', 14);
  });

  it('changes the cadence through its action', () => {
    const { actions } = renderPeople();
    const select = screen.getByRole('combobox', {
      name: 'Cadence with Bo Chen',
    }) as HTMLSelectElement;
    expect(select.value).toBe('14');
    fireEvent.change(select, { target: { value: '30' } });
    expect(actions.setCadence).toHaveBeenCalledWith('bo@example.com', 30);
  });

  it('adds a person by email and name', async () => {
    const { actions } = renderPeople();
    const form = screen.getByRole('form', { name: 'Add a person' });
    fireEvent.input(within(form).getByLabelText('Email'), { target: { value: 'dee@example.com' } });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Dee' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add person' }));
    await waitFor(() =>
      expect(actions.addPerson).toHaveBeenCalledWith({ email: 'dee@example.com', name: 'Dee' }),
    );
  });

  it('asks before touching a person whose address is already there, in any letter case', async () => {
    const { actions } = renderPeople();
    const form = screen.getByRole('form', { name: 'Add a person' });
    const add = (email: string, name: string) => {
      fireEvent.input(within(form).getByLabelText('Email'), { target: { value: email } });
      fireEvent.input(within(form).getByLabelText('Name'), { target: { value: name } });
      fireEvent.click(within(form).getByRole('button', { name: 'Add person' }));
    };
    add('ADA@Example.com', 'Ada L.');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'ada@example.com is already in People as “Ada Lovelace”. Rename them to “Ada L.”?',
    );
    expect(actions.addPerson).not.toHaveBeenCalled();
    expect(actions.renamePerson).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Keep “Ada Lovelace”' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(actions.renamePerson).not.toHaveBeenCalled();

    add(' ada@example.com ', 'Ada L.');
    fireEvent.click(await screen.findByRole('button', { name: 'Rename to “Ada L.”' }));
    await waitFor(() =>
      expect(actions.renamePerson).toHaveBeenCalledWith('ada@example.com', 'Ada L.'),
    );
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(actions.addPerson).not.toHaveBeenCalled();
  });

  it('says an address belongs to an archived person and offers to bring them back', async () => {
    const { actions } = renderPeople();
    const form = screen.getByRole('form', { name: 'Add a person' });
    fireEvent.input(within(form).getByLabelText('Email'), { target: { value: 'Cy@example.com' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add person' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'cy@example.com is already in People as “Cy Old” (archived). Unarchive them?',
    );
    const question = screen.getByRole('group', { name: 'Already in People' });
    fireEvent.click(within(question).getByRole('button', { name: 'Unarchive Cy Old' }));
    await waitFor(() => expect(actions.setArchived).toHaveBeenCalledWith('cy@example.com', false));
    expect(actions.addPerson).not.toHaveBeenCalled();
  });

  it('shows the store’s refusal when the address was added meanwhile elsewhere', async () => {
    const actions = recordingActions({
      addPerson: async () => {
        throw new Error('Dee (dee@example.com) is already in People.');
      },
    });
    renderPeople(rows(), actions);
    const form = screen.getByRole('form', { name: 'Add a person' });
    fireEvent.input(within(form).getByLabelText('Email'), { target: { value: 'dee@example.com' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add person' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Dee (dee@example.com) is already in People.',
    );
    expect((within(form).getByLabelText('Email') as HTMLInputElement).value).toBe(
      'dee@example.com',
    );
  });

  it('shows a person’s profile notes as text and edits them, kept exactly as typed', async () => {
    const hostile = '<img src=x onerror=alert(1)>\nLikes Go.';
    const withNotes = person('ada@example.com', 'Ada Lovelace', { profileNotes: hostile });
    const actions = recordingActions();
    const { container } = render(
      <PeopleSection
        people={[overview(withNotes), overview(bo)]}
        directory={[withNotes, bo]}
        actions={actions}
        focusRequest={null}
      />,
    );
    const team = screen.getByRole('list', { name: 'Team' });
    const row = within(team).getByRole('heading', { name: 'Ada Lovelace' }).closest('li')!;
    const shown = within(row).getByText((_, element) => element?.textContent === hostile);
    expect(shown.closest('.cbc-private')).not.toBeNull();
    expect(container.querySelector('img')).toBeNull();
    const boRow = within(team).getByRole('heading', { name: 'Bo Chen' }).closest('li')!;
    expect(within(boRow).getByText('None yet.')).toBeTruthy();

    chooseInCardMenu('Ada Lovelace', 'Edit profile notes');
    const field = within(row).getByRole('textbox', { name: 'Profile notes of Ada Lovelace' });
    expect((field as HTMLTextAreaElement).value).toBe(hostile);
    fireEvent.input(field, { target: { value: '  Leads search.\n' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(actions.setProfileNotes).toHaveBeenCalledWith('ada@example.com', '  Leads search.\n'),
    );
    await waitFor(() =>
      expect(
        within(row).queryByRole('textbox', { name: 'Profile notes of Ada Lovelace' }),
      ).toBeNull(),
    );
  });

  it('renames, archives and exports a person', async () => {
    const { actions } = renderPeople();
    chooseInCardMenu('Bo Chen', 'Rename');
    const input = screen.getByRole('textbox', { name: 'New name for Bo Chen' });
    fireEvent.input(input, { target: { value: 'Bo Li' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(actions.renamePerson).toHaveBeenCalledWith('bo@example.com', 'Bo Li'),
    );
    chooseInCardMenu('Bo Chen', 'Archive');
    expect(actions.setArchived).toHaveBeenCalledWith('bo@example.com', true);
    chooseInCardMenu('Bo Chen', 'Export notes');
    expect(actions.exportHistory).toHaveBeenCalledWith('bo@example.com');
  });

  it('lists archived people with a way back', () => {
    const { actions } = renderPeople();
    const archived = screen.getByRole('list', { name: 'Archived people' });
    fireEvent.click(within(archived).getByRole('button', { name: 'Unarchive Cy Old' }));
    expect(actions.setArchived).toHaveBeenCalledWith('cy@example.com', false);
  });

  it('shows a failed action as an alert', async () => {
    const actions = recordingActions({
      setArchived: async () => {
        throw new Error('No person with email "bo@example.com".');
      },
    });
    renderPeople(rows(), actions);
    chooseInCardMenu('Bo Chen', 'Archive');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'No person with email "bo@example.com".',
    );
  });

  it('renders hundreds of people 50 at a time and can filter them', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      overview(person(`p${i}@example.com`, `Person ${String(i).padStart(3, '0')}`)),
    );
    renderPeople(many);
    const team = screen.getByRole('list', { name: 'Team' });
    expect(within(team).getAllByRole('heading')).toHaveLength(50);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Find a person' }), {
      target: { value: 'person 299' },
    });
    expect(
      within(team)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['Person 299']);
  });

  it('reveals and focuses a person jumped to beyond the first page', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      overview(person(`p${i}@example.com`, `Person ${String(i).padStart(3, '0')}`)),
    );
    render(
      <PeopleSection
        people={many}
        directory={[]}
        actions={recordingActions()}
        focusRequest={{ email: 'p110@example.com' }}
      />,
    );
    const heading = await screen.findByRole('heading', { name: 'Person 110' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('opens the archived people and focuses the one jumped to', async () => {
    render(
      <PeopleSection
        people={[overview(ada)]}
        directory={[ada, archivedCy]}
        actions={recordingActions()}
        focusRequest={{ email: 'cy@example.com' }}
      />,
    );
    const archived = screen.getByRole('list', { name: 'Archived people' });
    await waitFor(() => expect(archived.closest('details')!.open).toBe(true));
    await waitFor(() => expect(document.activeElement!.textContent).toContain('Cy Old'));
    expect(archived.contains(document.activeElement)).toBe(true);
  });
});
