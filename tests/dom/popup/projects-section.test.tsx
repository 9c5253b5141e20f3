import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectEntry } from '@/components/popup/popup-data';
import { ProjectsSection } from '@/components/popup/projects-section';
import { assignment, chooseInCardMenu, person, project, recordingActions } from './popup-fixtures';

const ada = person('ada@example.com', 'Ada');
const bo = person('bo@example.com', 'Bo');
const names: Record<string, string> = { 'ada@example.com': 'Ada', 'bo@example.com': 'Bo' };

const entries = (): ProjectEntry[] => [
  {
    project: project('p1', 'Billing', { description: 'New invoices' }),
    assignments: [assignment('ada@example.com', 'p1', 70)],
  },
  {
    project: project('p2', 'Search'),
    assignments: [assignment('ada@example.com', 'p2', 50), assignment('bo@example.com', 'p2', 40)],
  },
  { project: project('p3', 'Old site', { archived: 1 }), assignments: [] },
];

function renderProjects(actions = recordingActions()) {
  render(
    <ProjectsSection
      projects={entries()}
      directory={[ada, bo]}
      nameOf={(email) => names[email] ?? email}
      allocation={{ 'ada@example.com': 120, 'bo@example.com': 40 }}
      actions={actions}
    />,
  );
  const list = screen.getByRole('list', { name: 'Projects' });
  const projectRow = (name: string) =>
    within(list).getByRole('heading', { name }).closest('li') as HTMLElement;
  return { actions, list, projectRow };
}

describe('ProjectsSection', () => {
  afterEach(cleanup);

  it('is a region named Projects with a list named Projects, archived hidden', () => {
    const { list } = renderProjects();
    expect(screen.getByRole('region', { name: 'Projects' })).toBeTruthy();
    expect(
      within(list)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['Billing', 'Search']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show archived projects' }));
    expect(within(list).getByRole('heading', { name: 'Old site' })).toBeTruthy();
  });

  it('adds a project by name and clears the field', async () => {
    const { actions } = renderProjects();
    const name = screen.getByRole('textbox', { name: 'Project name' }) as HTMLInputElement;
    fireEvent.input(name, { target: { value: '  Mobile app ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add project' }));
    await waitFor(() => expect(name.value).toBe(''));
    expect(actions.createProject).toHaveBeenCalledWith('Mobile app');
  });

  it('brings a new project’s row into view and focuses it, even past the first page', async () => {
    const many: ProjectEntry[] = Array.from({ length: 60 }, (_, i) => ({
      project: project(`p${i}`, `Project ${String(i).padStart(2, '0')}`),
      assignments: [],
    }));
    const actions = recordingActions();
    const props = {
      directory: [ada, bo],
      nameOf: (email: string) => names[email] ?? email,
      allocation: {},
      actions,
    };
    const scrolled: Element[] = [];
    const scrollIntoView = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      const { rerender } = render(<ProjectsSection projects={many} {...props} />);
      fireEvent.input(screen.getByRole('textbox', { name: 'Project name' }), {
        target: { value: 'Zeta' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Add project' }));
      await waitFor(() => expect(actions.createProject).toHaveBeenCalledWith('Zeta'));
      await waitFor(() =>
        expect(
          (screen.getByRole('textbox', { name: 'Project name' }) as HTMLInputElement).value,
        ).toBe(''),
      );
      // The store's answer arrives through the live query: sorted last, on the second page.
      const withNew = [...many, { project: project('project-new', 'Zeta'), assignments: [] }];
      rerender(<ProjectsSection projects={withNew} {...props} />);
      const heading = await screen.findByRole('heading', { name: 'Zeta' });
      await waitFor(() => expect(document.activeElement).toBe(heading));
      expect(scrolled).toContain(heading);
    } finally {
      Element.prototype.scrollIntoView = scrollIntoView;
    }
  });

  it('shows the store’s refusal of a duplicate name and keeps what was typed', async () => {
    const actions = recordingActions({
      createProject: async () => {
        throw new Error('A project named "Billing" already exists.');
      },
    });
    renderProjects(actions);
    const name = screen.getByRole('textbox', { name: 'Project name' }) as HTMLInputElement;
    fireEvent.input(name, { target: { value: 'billing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add project' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'A project named "Billing" already exists.',
    );
    expect(name.value).toBe('billing');
  });

  it('says what a 0 % share means beside it', () => {
    render(
      <ProjectsSection
        projects={[
          {
            project: project('p1', 'Billing'),
            assignments: [assignment('ada@example.com', 'p1', 0)],
          },
        ]}
        directory={[ada, bo]}
        nameOf={(email) => names[email] ?? email}
        allocation={{ 'ada@example.com': 0 }}
        actions={recordingActions()}
      />,
    );
    const people = screen.getByRole('list', { name: 'People on Billing' });
    expect(within(people).getByText('(on the project, no time counted)')).toBeTruthy();
  });

  it('shows each person’s share and total, with a warning above 100 %', () => {
    const { projectRow } = renderProjects();
    const people = within(projectRow('Search')).getByRole('list', { name: 'People on Search' });
    const adaLine = within(people).getByText('Ada').closest('li')!;
    const boLine = within(people).getByText('Bo').closest('li')!;
    expect(
      (
        within(adaLine).getByRole('spinbutton', {
          name: 'Share of Ada on Search (%)',
        }) as HTMLInputElement
      ).value,
    ).toBe('50');
    expect(within(adaLine).getByText('Total 120%: over-allocated')).toBeTruthy();
    expect(within(boLine).getByText('Total 40%')).toBeTruthy();
  });

  it('assigns a person with a share', async () => {
    const { actions, projectRow } = renderProjects();
    const billing = projectRow('Billing');
    const who = within(billing).getByRole('combobox', { name: 'Person to assign to Billing' });
    // Ada is already on Billing: only Bo can be chosen.
    expect(
      within(who)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a person…', 'Bo']);
    fireEvent.change(who, { target: { value: 'bo@example.com' } });
    fireEvent.input(
      within(billing).getByRole('spinbutton', { name: 'Share of time on Billing (%)' }),
      {
        target: { value: '30' },
      },
    );
    fireEvent.click(within(billing).getByRole('button', { name: 'Assign to Billing' }));
    await waitFor(() =>
      expect(actions.assignPerson).toHaveBeenCalledWith({
        personEmail: 'bo@example.com',
        projectId: 'p1',
        share: 30,
      }),
    );
  });

  it('refuses a share above 100 % with an alert and no write', async () => {
    const { actions, projectRow } = renderProjects();
    const billing = projectRow('Billing');
    fireEvent.change(
      within(billing).getByRole('spinbutton', { name: 'Share of Ada on Billing (%)' }),
      {
        target: { value: '150' },
      },
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/whole percent from 0 to 100/);
    expect(actions.assignPerson).not.toHaveBeenCalled();
  });

  it('changes a share, removes a person, sets status, describes, archives', async () => {
    const { actions, projectRow } = renderProjects();
    const search = projectRow('Search');
    fireEvent.change(
      within(search).getByRole('spinbutton', { name: 'Share of Bo on Search (%)' }),
      {
        target: { value: '60' },
      },
    );
    expect(actions.assignPerson).toHaveBeenCalledWith({
      personEmail: 'bo@example.com',
      projectId: 'p2',
      share: 60,
    });
    fireEvent.click(within(search).getByRole('button', { name: 'Remove Bo from Search' }));
    expect(actions.unassignPerson).toHaveBeenCalledWith('bo@example.com', 'p2');
    fireEvent.change(within(search).getByRole('combobox', { name: 'Status of Search' }), {
      target: { value: 'paused' },
    });
    expect(actions.updateProject).toHaveBeenCalledWith({ id: 'p2', status: 'paused' });
    chooseInCardMenu('Search', 'Describe');
    fireEvent.input(within(search).getByRole('textbox', { name: 'Description of Search' }), {
      target: { value: 'Faster results' },
    });
    fireEvent.click(within(search).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(actions.updateProject).toHaveBeenCalledWith({
        id: 'p2',
        description: 'Faster results',
      }),
    );
    chooseInCardMenu('Search', 'Archive');
    expect(actions.updateProject).toHaveBeenCalledWith({ id: 'p2', archived: true });
  });

  it('renames a project', async () => {
    const { actions, projectRow } = renderProjects();
    const billing = projectRow('Billing');
    chooseInCardMenu('Billing', 'Rename');
    fireEvent.input(within(billing).getByRole('textbox', { name: 'New name for Billing' }), {
      target: { value: 'Invoicing' },
    });
    fireEvent.click(within(billing).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(actions.updateProject).toHaveBeenCalledWith({ id: 'p1', name: 'Invoicing' }),
    );
  });
});
