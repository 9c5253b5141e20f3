import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupSection } from '@/components/popup/backup-section';
import type { ImportPreview, StorageState } from '@/components/popup/popup-data';
import { recordingActions } from './popup-fixtures';

const storage: StorageState = {
  supported: true,
  persisted: false,
  usage: 2 * 1024 * 1024,
  quota: null,
};

const preview: ImportPreview = {
  people: { inFile: 12, existing: 10 },
  projects: { inFile: 3, existing: 2 },
  assignments: { inFile: 5, existing: 4 },
  meetings: { inFile: 40, existing: 30 },
  notes: { inFile: 35, existing: 25 },
  actionItems: { inFile: 80, existing: 70 },
  talkingPoints: { inFile: 9, existing: 8 },
  seriesOverrides: { inFile: 1, existing: 0 },
  standingTopics: { inFile: 4, existing: 2 },
  topicDiscussions: { inFile: 6, existing: 3 },
  feedbackEntries: { inFile: 7, existing: 5 },
};

function chooseFile(file: File) {
  const input = screen.getByLabelText('Import backup') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const backupFile = () => new File(['{}'], 'backup.json', { type: 'application/json' });

describe('BackupSection', () => {
  afterEach(cleanup);

  it('is a region named Backup with an Export backup button', () => {
    const actions = recordingActions();
    render(<BackupSection storage={storage} actions={actions} />);
    expect(screen.getByRole('region', { name: 'Backup' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    expect(actions.exportBackup).toHaveBeenCalledOnce();
  });

  it('shows an invalid file’s error in an alert and writes nothing', async () => {
    const actions = recordingActions({
      prepareImport: vi.fn(async () => ({
        ok: false as const,
        error: 'actionItems[12].owner: expected "me" or "them"',
      })),
    });
    render(<BackupSection storage={storage} actions={actions} />);
    const file = backupFile();
    chooseFile(file);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Part of this backup cannot be read');
    // The validator's exact words are one click away.
    expect(alert.querySelector('details')!.textContent).toContain(
      'actionItems[12].owner: expected "me" or "them"',
    );
    expect(actions.prepareImport).toHaveBeenCalledWith(file);
    expect(actions.importBackup).not.toHaveBeenCalled();
    expect(actions.deleteAllData).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Confirm import' })).toBeNull();
  });

  it('previews what a valid file replaces, makes a safety export, then imports', async () => {
    const backup = { format: 'craft-beyond-code-backup' };
    const actions = recordingActions({
      prepareImport: vi.fn(async () => ({ ok: true as const, backup, preview })),
      importBackup: vi.fn(async () => ({ counts: { people: 12, projects: 3 } })),
    });
    render(<BackupSection storage={storage} actions={actions} />);
    chooseFile(backupFile());
    const group = await screen.findByRole('group', { name: 'Import preview' });
    expect(group.textContent).toContain('Importing replaces all data in this browser');
    expect(group.textContent).toContain('people: 12 in the file, replacing 10');
    expect(group.textContent).toContain('action items: 80 in the file, replacing 70');
    expect(group.textContent).toContain('feedback log entries: 7 in the file, replacing 5');
    // There is data to lose: the safety export is offered, and on by default.
    const safety = screen.getByRole('checkbox', {
      name: 'Export a safety backup of my current data first',
    }) as HTMLInputElement;
    expect(safety.checked).toBe(true);
    expect(actions.importBackup).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm import' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Imported 15 records.'),
    );
    expect(actions.exportBackup).toHaveBeenCalledOnce();
    expect(actions.importBackup).toHaveBeenCalledWith(backup);
    expect(vi.mocked(actions.exportBackup).mock.invocationCallOrder[0]).toBeLessThan(
      vi.mocked(actions.importBackup).mock.invocationCallOrder[0]!,
    );
    expect(screen.getByText(/earlier data is in the safety backup/)).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Import preview' })).toBeNull();
  });

  it('skips the safety export when it is unticked, or when there is nothing to lose', async () => {
    const empty = Object.fromEntries(
      Object.entries(preview).map(([table, counts]) => [table, { ...counts, existing: 0 }]),
    ) as ImportPreview;
    for (const [shown, untick] of [
      [preview, true],
      [empty, false],
    ] as const) {
      const actions = recordingActions({
        prepareImport: vi.fn(async () => ({ ok: true as const, backup: {}, preview: shown })),
      });
      render(<BackupSection storage={storage} actions={actions} />);
      chooseFile(backupFile());
      await screen.findByRole('group', { name: 'Import preview' });
      const safety = screen.queryByRole('checkbox', { name: /safety backup/ });
      expect(safety !== null).toBe(untick);
      if (safety) fireEvent.click(safety);
      fireEvent.click(screen.getByRole('button', { name: 'Confirm import' }));
      await waitFor(() => expect(actions.importBackup).toHaveBeenCalledOnce());
      expect(actions.exportBackup).not.toHaveBeenCalled();
      cleanup();
    }
  });

  it('shows each step, disables the controls while importing, and cancels before it writes', async () => {
    let finish!: () => void;
    let exported!: () => void;
    const actions = recordingActions({
      prepareImport: vi.fn(async () => ({ ok: true as const, backup: {}, preview })),
      exportBackup: vi.fn(() => new Promise<void>((resolve) => (exported = resolve))),
      importBackup: vi.fn(
        () =>
          new Promise<{ counts: Record<string, number> }>(
            (resolve) => (finish = () => resolve({ counts: { people: 1 } })),
          ),
      ),
    });
    render(<BackupSection storage={storage} actions={actions} />);
    // First run: cancelled while the safety export is being made; the import is never sent.
    chooseFile(backupFile());
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm import' }));
    await screen.findByText('Step 1 of 2: Saving a safety backup of your current data…');
    expect(
      (screen.getByRole('button', { name: 'Confirm import' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(
      (screen.getByRole('button', { name: 'Export backup' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    expect(screen.getByRole('status').textContent).toBe('Import cancelled, nothing was changed.');
    exported();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(actions.importBackup).not.toHaveBeenCalled();
    expect(actions.exportBackup).toHaveBeenCalledOnce();

    // Second run: the import follows the safety export at once, and only Cancel can be pressed
    // until it is done.
    chooseFile(backupFile());
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm import' }));
    await waitFor(() => expect(actions.exportBackup).toHaveBeenCalledTimes(2));
    exported();
    await screen.findByText('Step 2 of 2: Importing…');
    expect(actions.importBackup).toHaveBeenCalledOnce();
    for (const name of ['Confirm import', 'Export backup']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    }
    expect(
      (screen.getByRole('button', { name: 'Cancel import' }) as HTMLButtonElement).disabled,
    ).toBe(false);
    expect((screen.getByLabelText('Import backup') as HTMLInputElement).disabled).toBe(true);
    finish();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported 1 record.'));
    expect(
      (screen.getByRole('button', { name: 'Export backup' }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });

  it('shows how far the import has got, and a Cancel while it writes changes nothing', async () => {
    let refuse!: (error: Error) => void;
    const actions = recordingActions({
      prepareImport: vi.fn(async () => ({ ok: true as const, backup: {}, preview })),
      importBackup: vi.fn(
        () =>
          new Promise<{ counts: Record<string, number> }>((_resolve, reject) => (refuse = reject)),
      ),
      importProgress: vi.fn(async () => ({ written: 4000, total: 10000 })),
      cancelImport: vi.fn(async () => {
        // The background stops the import at its next chunk; the import's request then fails.
        refuse(new Error('Import cancelled, nothing was changed.'));
        return { cancelled: true };
      }),
    });
    render(<BackupSection storage={storage} actions={actions} />);
    chooseFile(backupFile());
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm import' }));
    await screen.findByText('Step 2 of 2: Importing… 4000 of 10000 records.', undefined, {
      timeout: 3000,
    });
    const bar = screen.getByRole('progressbar', { name: 'Import progress' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['4000', '10000']);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    expect(actions.cancelImport).toHaveBeenCalledOnce();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Import cancelled, nothing was changed.'),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Confirm import' })).toBeNull();
  });

  it('words a failed import for people, with the technical detail in a details element', async () => {
    const actions = recordingActions({
      prepareImport: vi.fn(async () => ({ ok: true as const, backup: {}, preview })),
      importBackup: vi.fn(async () => {
        throw new Error('QuotaExceededError: the transaction was aborted');
      }),
    });
    render(<BackupSection storage={storage} actions={actions} />);
    chooseFile(backupFile());
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm import' }));
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')!.textContent).toBe(
      'The import did not finish. Nothing was changed: your data is as it was before.',
    );
    const details = alert.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('Technical details');
    expect(details.textContent).toContain('QuotaExceededError');
  });

  it('shows an export in progress, with its button disabled until it is done', async () => {
    let done!: () => void;
    const actions = recordingActions({
      exportBackup: vi.fn(() => new Promise<void>((resolve) => (done = resolve))),
    });
    render(<BackupSection storage={storage} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    expect(await screen.findByRole('progressbar', { name: 'Export progress' })).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Export backup' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    done();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Backup exported.'));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('cancelling the preview imports nothing', async () => {
    const actions = recordingActions({
      prepareImport: vi.fn(async () => ({ ok: true as const, backup: {}, preview })),
    });
    render(<BackupSection storage={storage} actions={actions} />);
    chooseFile(backupFile());
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel import' }));
    expect(screen.queryByRole('group', { name: 'Import preview' })).toBeNull();
    expect(actions.importBackup).not.toHaveBeenCalled();
  });

  it('deletes all data only after the typed confirmation', async () => {
    const actions = recordingActions();
    render(<BackupSection storage={storage} actions={actions} />);
    const button = screen.getByRole('button', { name: 'Delete all data' }) as HTMLButtonElement;
    const confirm = screen.getByRole('textbox', { name: 'Type “delete everything” to confirm' });
    fireEvent.input(confirm, { target: { value: 'delete' } });
    expect(button.disabled).toBe(true);
    fireEvent.input(confirm, { target: { value: 'delete everything' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(actions.deleteAllData).toHaveBeenCalledOnce());
  });

  it('shows whether storage is persistent and asks for it', () => {
    const actions = recordingActions();
    const { rerender } = render(<BackupSection storage={storage} actions={actions} />);
    expect(screen.getByText(/Not persistent/)).toBeTruthy();
    expect(screen.getByText('Using about 2.0 MB.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep data persistent' }));
    expect(actions.requestPersistence).toHaveBeenCalledOnce();
    rerender(<BackupSection storage={{ ...storage, persisted: true }} actions={actions} />);
    expect(screen.getByText(/^Persistent/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Keep data persistent' })).toBeNull();
  });
});
