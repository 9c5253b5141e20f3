import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '@/components/popup/popup-app';
import { actionItem, overview, person, popupData, recordingActions } from './popup-fixtures';

describe('PopupApp', () => {
  afterEach(cleanup);

  it('on the options page, shows every section by name, and the named controls of the design contract', () => {
    render(<PopupApp data={popupData()} actions={recordingActions()} layout="page" />);
    for (const name of ['Follow-ups', 'People', 'Projects', 'Search', 'Backup']) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
      expect(
        within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name }),
      ).toBeTruthy();
    }
    expect(screen.getByRole('list', { name: 'Open follow-ups' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Project name' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add project' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Projects' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export backup' })).toBeTruthy();
    expect(screen.getByLabelText('Import backup')).toHaveProperty('type', 'file');
  });

  it('names follow-ups by the person’s name, and jumps from a follow-up group to the person', async () => {
    const ada = person('ada@example.com', 'Ada');
    const data = popupData({
      followUps: [actionItem('ada@example.com', 'Share the roadmap')],
      people: [overview(ada)],
      directory: [ada],
    });
    render(<PopupApp data={data} actions={recordingActions()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show Ada in People' }));
    // In the popup, the jump selects the People tab.
    expect(screen.getByRole('tab', { name: 'People' }).getAttribute('aria-selected')).toBe('true');
    const people = screen.getByRole('region', { name: 'People' });
    const heading = within(people).getByRole('heading', { name: 'Ada' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('"Hide notes" is a toggle that blurs every private value of the popup', () => {
    const ada = person('ada@example.com', 'Ada', { profileNotes: 'Wants to lead search' });
    const actions = recordingActions();
    const data = popupData({
      followUps: [actionItem('ada@example.com', 'Share the roadmap')],
      people: [
        overview(ada, {
          wellbeingTrend: [4, 2, 2],
          burnoutRisk: true,
          burnoutCauses: ['low-wellbeing'],
        }),
      ],
      directory: [ada],
    });
    const { container, rerender } = render(
      <PopupApp data={data} actions={actions} layout="page" />,
    );
    const toggle = screen.getByRole('button', { name: 'Hide notes', pressed: false });
    fireEvent.click(toggle);
    expect(actions.toggleScreenShareSafe).toHaveBeenCalledOnce();

    rerender(
      <PopupApp data={{ ...data, screenShareSafe: true }} actions={actions} layout="page" />,
    );
    expect(screen.getByRole('button', { name: 'Hide notes', pressed: true })).toBeTruthy();
    expect(container.querySelector('.cbc-app.cbc-safe')).not.toBeNull();
    for (const value of ['Share the roadmap', '4 → 2 → 2', 'last two check-ins 2 → 2']) {
      const holders = Array.from(container.querySelectorAll('*')).filter(
        (element) =>
          (element.textContent ?? '').includes(value) &&
          !Array.from(element.children).some((child) => (child.textContent ?? '').includes(value)),
      );
      expect(holders.length, value).toBeGreaterThan(0);
      for (const holder of holders) expect(holder.closest('.cbc-private'), value).not.toBeNull();
    }
  });

  it('shows a failure to read the store as an alert', () => {
    render(
      <PopupApp data={popupData()} actions={recordingActions()} loadError="QuotaExceededError" />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not read your data: QuotaExceededError',
    );
  });

  describe('the popup’s tabs', () => {
    const tabNames = ['Follow-ups', 'People', 'Week ahead', 'Projects', 'Search', 'Backup'];
    const selectedTab = () =>
      screen.getAllByRole('tab').filter((tab) => tab.getAttribute('aria-selected') === 'true');

    it('shows one section at a time, Follow-ups first, each panel named by its tab', () => {
      render(<PopupApp data={popupData()} actions={recordingActions()} />);
      const list = screen.getByRole('tablist', { name: 'Sections' });
      expect(
        within(list)
          .getAllByRole('tab')
          .map((tab) => tab.textContent),
      ).toEqual(tabNames);
      expect(selectedTab().map((tab) => tab.textContent)).toEqual(['Follow-ups']);
      // One tab stop for the whole list.
      expect(
        within(list)
          .getAllByRole('tab')
          .map((tab) => tab.tabIndex),
      ).toEqual([0, -1, -1, -1, -1, -1]);
      const panel = screen.getByRole('tabpanel', { name: 'Follow-ups' });
      expect(screen.getByRole('tab', { name: 'Follow-ups' }).getAttribute('aria-controls')).toBe(
        panel.id,
      );
      expect(within(panel).getByRole('region', { name: 'Follow-ups' })).toBeTruthy();
      // The others are hidden, and not built before they are shown.
      expect(screen.queryByRole('region', { name: 'People' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Export backup', hidden: true })).toBeNull();
      expect(screen.queryByRole('navigation', { name: 'Sections' })).toBeNull();
    });

    it('moves selection and focus with the arrow keys, Home and End, wrapping around', () => {
      render(<PopupApp data={popupData()} actions={recordingActions()} />);
      const tab = (name: string) => screen.getByRole('tab', { name });
      tab('Follow-ups').focus();
      const press = (key: string, expected: string) => {
        fireEvent.keyDown(document.activeElement!, { key });
        expect(document.activeElement, key).toBe(tab(expected));
        expect(selectedTab(), key).toEqual([tab(expected)]);
        expect(tab(expected).tabIndex).toBe(0);
        expect(screen.getByRole('tabpanel', { name: expected })).toBeTruthy();
      };
      press('ArrowRight', 'People');
      press('ArrowRight', 'Week ahead');
      press('ArrowRight', 'Projects');
      press('ArrowLeft', 'Week ahead');
      press('End', 'Backup');
      press('ArrowRight', 'Follow-ups');
      press('ArrowLeft', 'Backup');
      press('Home', 'Follow-ups');
      expect(
        within(screen.getByRole('tabpanel', { name: 'Follow-ups' })).getByRole('region', {
          name: 'Follow-ups',
        }),
      ).toBeTruthy();
    });

    it('keeps a shown panel rendered (hidden) when another tab is selected', () => {
      render(<PopupApp data={popupData()} actions={recordingActions()} />);
      fireEvent.click(screen.getByRole('tab', { name: 'Projects' }));
      fireEvent.input(screen.getByRole('textbox', { name: 'Project name' }), {
        target: { value: 'Half typed' },
      });
      fireEvent.click(screen.getByRole('tab', { name: 'Backup' }));
      expect(screen.queryByRole('textbox', { name: 'Project name' })).toBeNull();
      fireEvent.click(screen.getByRole('tab', { name: 'Projects' }));
      expect(
        (screen.getByRole('textbox', { name: 'Project name' }) as HTMLInputElement).value,
      ).toBe('Half typed');
    });

    it('opens on the remembered tab and remembers the one selected', () => {
      const written: string[] = [];
      const tabMemory = { read: () => 'projects', write: (id: string) => void written.push(id) };
      render(<PopupApp data={popupData()} actions={recordingActions()} tabMemory={tabMemory} />);
      expect(selectedTab().map((tab) => tab.textContent)).toEqual(['Projects']);
      fireEvent.click(screen.getByRole('tab', { name: 'Search' }));
      expect(written).toEqual(['search']);
    });

    it('ignores a remembered tab that no longer exists', () => {
      const tabMemory = { read: () => 'week-gone', write: () => undefined };
      render(<PopupApp data={popupData()} actions={recordingActions()} tabMemory={tabMemory} />);
      expect(selectedTab().map((tab) => tab.textContent)).toEqual(['Follow-ups']);
    });

    it('opens at #backup on the Backup tab with its heading focused, whatever was remembered', async () => {
      history.replaceState(null, '', '#backup');
      try {
        const tabMemory = { read: () => 'projects', write: () => undefined };
        render(<PopupApp data={popupData()} actions={recordingActions()} tabMemory={tabMemory} />);
        expect(selectedTab().map((tab) => tab.textContent)).toEqual(['Backup']);
        const heading = within(screen.getByRole('tabpanel', { name: 'Backup' })).getByRole(
          'heading',
          { name: 'Backup' },
        );
        await waitFor(() => expect(document.activeElement).toBe(heading));
      } finally {
        history.replaceState(null, '', location.pathname);
      }
    });
  });
});
