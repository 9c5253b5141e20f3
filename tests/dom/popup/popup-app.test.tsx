import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '@/components/popup/popup-app';
import { actionItem, overview, person, popupData, recordingActions } from './popup-fixtures';

describe('PopupApp', () => {
  afterEach(cleanup);

  it('reaches every section by name, and the named controls of the design contract', () => {
    render(<PopupApp data={popupData()} actions={recordingActions()} />);
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
    const { container, rerender } = render(<PopupApp data={data} actions={actions} />);
    const toggle = screen.getByRole('button', { name: 'Hide notes', pressed: false });
    fireEvent.click(toggle);
    expect(actions.toggleScreenShareSafe).toHaveBeenCalledOnce();

    rerender(<PopupApp data={{ ...data, screenShareSafe: true }} actions={actions} />);
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
});
