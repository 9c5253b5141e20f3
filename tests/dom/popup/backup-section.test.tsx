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
    expect(alert.textContent).toContain('actionItems[12].owner: expected "me" or "them"');
    expect(actions.prepareImport).toHaveBeenCalledWith(file);
    expect(actions.importBackup).not.toHaveBeenCalled();
    expect(actions.deleteAllData).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Confirm import' })).toBeNull();
  });

  it('previews what a valid file replaces, then imports on confirm', async () => {
    const backup = { format: 'craft-beyond-code-backup' };
    const actions = recordingActions({
      prepareImport: vi.fn(async () => ({ ok: true as const, backup, preview })),
      importBackup: vi.fn(async () => ({ counts: { people: 12, projects: 3 } })),
    });
    render(<BackupSection storage={storage} actions={actions} />);
    chooseFile(backupFile());
    const group = await screen.findByRole('group', { name: 'Import preview' });
    expect(group.textContent).toContain('people: 12 in the file, replacing 10');
    expect(group.textContent).toContain('action items: 80 in the file, replacing 70');
    expect(actions.importBackup).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm import' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Imported 15 records.'),
    );
    expect(actions.importBackup).toHaveBeenCalledWith(backup);
    expect(screen.queryByRole('group', { name: 'Import preview' })).toBeNull();
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
