// Backup: export one JSON file; import one (validated whole, previewed, then confirmed); ask for
// persistent storage; delete everything behind a typed confirmation.

import { useState } from 'preact/hooks';
import type { TableName } from '@/utils/store/schema';
import { ActionError } from './action-error';
import { formatBytes } from './format-values';
import type { BackupActions, ImportPreview, StorageState } from './popup-data';
import { PopupSection } from './popup-section';
import { useActionRunner } from './use-action-runner';

export const DELETE_CONFIRMATION = 'delete everything';

const TABLE_LABELS: Record<TableName, string> = {
  people: 'people',
  projects: 'projects',
  assignments: 'assignments',
  meetings: 'meetings',
  notes: 'notes',
  actionItems: 'action items',
  talkingPoints: 'talking points',
  seriesOverrides: 'calendar series choices',
};

/** 'people: 12 in the file, replacing 10 (…)' lines, in the backup's table order. */
export function describeImport(preview: ImportPreview): string[] {
  return (Object.keys(TABLE_LABELS) as TableName[])
    .filter((table) => preview[table])
    .map((table) => {
      const { inFile, existing } = preview[table];
      return `${TABLE_LABELS[table]}: ${inFile} in the file, replacing ${existing}`;
    });
}

export function BackupSection({
  storage,
  actions,
}: {
  storage: StorageState;
  actions: BackupActions;
}) {
  const [prepared, setPrepared] = useState<{ backup: unknown; preview: ImportPreview } | null>(
    null,
  );
  const [importError, setImportError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [deleteText, setDeleteText] = useState('');
  const { error, run } = useActionRunner();

  const chooseFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setPrepared(null);
    setImportError(null);
    setStatus('');
    if (!file) return;
    await run(async () => {
      const result = await actions.prepareImport(file);
      if (result.ok) setPrepared({ backup: result.backup, preview: result.preview });
      else setImportError(result.error);
    });
    // Choosing the same file again must read it again.
    input.value = '';
  };

  const confirmImport = async () => {
    if (!prepared) return;
    const { backup } = prepared;
    await run(async () => {
      const summary = await actions.importBackup(backup);
      setPrepared(null);
      const total = Object.values(summary.counts).reduce((sum, count) => sum + count, 0);
      setStatus(`Imported ${total} records.`);
    });
  };

  return (
    <PopupSection id="backup" title="Backup">
      <p>
        Everything stays in this browser. Export a backup to keep a copy or move to another one.
      </p>
      <div class="cbc-row-actions">
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              await actions.exportBackup();
              setStatus('Backup exported.');
            })
          }
        >
          Export backup
        </button>
        <label class="cbc-file">
          Import backup{' '}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(event) => void chooseFile(event.currentTarget)}
          />
        </label>
      </div>
      {importError !== null && (
        <p role="alert" class="cbc-error">
          This backup cannot be imported, nothing was changed: {importError}
        </p>
      )}
      <ActionError error={error} />
      <p role="status" class="cbc-status">
        {status}
      </p>
      {prepared !== null && (
        <div class="cbc-preview" role="group" aria-label="Import preview">
          <p>Importing replaces all data in this browser with the file's:</p>
          <ul>
            {describeImport(prepared.preview).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div class="cbc-row-actions">
            <button type="button" onClick={() => void confirmImport()}>
              Confirm import
            </button>
            <button
              type="button"
              onClick={() => {
                setPrepared(null);
                setStatus('Import cancelled, nothing was changed.');
              }}
            >
              Cancel import
            </button>
          </div>
        </div>
      )}

      <h3>Storage</h3>
      <StorageLine storage={storage} />
      {storage.supported && storage.persisted === false && (
        <button type="button" onClick={() => void run(() => actions.requestPersistence())}>
          Keep data persistent
        </button>
      )}

      <h3>Delete all data</h3>
      <form
        class="cbc-inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (deleteText !== DELETE_CONFIRMATION) return;
          if (await run(() => actions.deleteAllData())) {
            setDeleteText('');
            setStatus('All data deleted.');
          }
        }}
      >
        <label>
          Type “{DELETE_CONFIRMATION}” to confirm{' '}
          <input
            type="text"
            autocomplete="off"
            value={deleteText}
            onInput={(event) => setDeleteText(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="cbc-danger" disabled={deleteText !== DELETE_CONFIRMATION}>
          Delete all data
        </button>
      </form>
    </PopupSection>
  );
}

function StorageLine({ storage }: { storage: StorageState }) {
  if (!storage.supported) return <p>This browser does not report its storage.</p>;
  const persistence =
    storage.persisted === null
      ? 'Checking whether storage is persistent…'
      : storage.persisted
        ? 'Persistent: the browser will not clear this data to free space.'
        : 'Not persistent: the browser may clear this data when space runs low.';
  return (
    <>
      <p>{persistence}</p>
      {storage.usage !== null && (
        <p>
          Using about {formatBytes(storage.usage)}
          {storage.quota !== null ? ` of ${formatBytes(storage.quota)} available` : ''}.
        </p>
      )}
    </>
  );
}
