// Backup: export one JSON file; import one (validated whole, previewed, then confirmed); ask for
// persistent storage; delete everything behind a typed confirmation.

import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { TableName } from '@/utils/store/schema';
import { ActionError } from './action-error';
import { describeImportProblem, EXPORT_FAILED, IMPORT_FAILED } from './import-problem';
import { ProblemMessage } from './problem-message';
import { useImportFlow, type ImportStep } from './use-import-flow';
import { formatBytes } from './format-values';
import type { BackupActions, ImportPreview, StorageState } from './popup-data';
import { PopupSection } from './popup-section';
import { useActionRunner } from './use-action-runner';

export const DELETE_CONFIRMATION = 'delete everything';

/** The tables of schema version 4, named in the page's language. */
type PrepareTable = 'standingTopics' | 'topicDiscussions' | 'feedbackEntries';

const PREPARE_TABLE_LABELS: Record<PrepareTable, () => string> = {
  standingTopics: () => t('prepareTableStandingTopics'),
  topicDiscussions: () => t('prepareTableTopicDiscussions'),
  feedbackEntries: () => t('prepareTableFeedbackEntries'),
};

const TABLE_LABELS: Record<Exclude<TableName, PrepareTable>, string> = {
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
  const labels: Record<TableName, () => string> = {
    ...(Object.fromEntries(
      Object.entries(TABLE_LABELS).map(([table, label]) => [table, () => label]),
    ) as Record<Exclude<TableName, PrepareTable>, () => string>),
    ...PREPARE_TABLE_LABELS,
  };
  return (Object.keys(labels) as TableName[])
    .filter((table) => preview[table])
    .map((table) => {
      const { inFile, existing } = preview[table];
      return `${labels[table]()}: ${inFile} in the file, replacing ${existing}`;
    });
}

/** Seconds between the safety export and the import, while Cancel still works. */
export const IMPORT_GRACE_SECONDS = 3;

const hasData = (preview: ImportPreview) =>
  Object.values(preview).some(({ existing }) => existing > 0);

export function BackupSection({
  storage,
  actions,
  graceSeconds = IMPORT_GRACE_SECONDS,
}: {
  storage: StorageState;
  actions: BackupActions;
  /** The pause before an import commits (tests shorten it). */
  graceSeconds?: number;
}) {
  const [prepared, setPrepared] = useState<{ backup: unknown; preview: ImportPreview } | null>(
    null,
  );
  const [safetyExport, setSafetyExport] = useState(true);
  const [problem, setProblem] = useState<{ summary: string; detail: string | null } | null>(null);
  const [status, setStatus] = useState('');
  const [note, setNote] = useState('');
  const [exporting, setExporting] = useState(false);
  const [reading, setReading] = useState(false);
  const [deleteText, setDeleteText] = useState('');
  const { error, run } = useActionRunner();
  const flow = useImportFlow({
    exportBackup: actions.exportBackup,
    importBackup: actions.importBackup,
    importProgress: actions.importProgress,
    cancelImport: actions.cancelImport,
    graceSeconds,
  });
  const importing = flow.step.kind !== 'idle';
  const busy = importing || exporting || reading;

  const chooseFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setPrepared(null);
    setProblem(null);
    setStatus('');
    setNote('');
    if (!file) return;
    setReading(true);
    try {
      const result = await actions.prepareImport(file);
      if (result.ok) {
        setPrepared({ backup: result.backup, preview: result.preview });
        setSafetyExport(hasData(result.preview));
      } else setProblem({ summary: describeImportProblem(result.error), detail: result.error });
    } catch (failure) {
      setProblem({
        summary: 'This file could not be read. Nothing was changed.',
        detail: failure instanceof Error ? failure.message : String(failure),
      });
    } finally {
      setReading(false);
      // Choosing the same file again must read it again.
      input.value = '';
    }
  };

  const confirmImport = async () => {
    if (!prepared) return;
    setProblem(null);
    setStatus('');
    setNote('');
    const outcome = await flow.start(prepared.backup, safetyExport && hasData(prepared.preview));
    if (outcome.kind === 'imported') {
      setPrepared(null);
      const total = Object.values(outcome.summary.counts).reduce((sum, count) => sum + count, 0);
      setStatus(`Imported ${total} ${total === 1 ? 'record' : 'records'}.`);
      if (outcome.safetySaved) {
        setNote('Your earlier data is in the safety backup saved to your downloads.');
      }
    } else if (outcome.kind === 'cancelled') {
      // Called off while it wrote (before that, cancelImport below has said so already).
      setPrepared(null);
      setStatus('Import cancelled, nothing was changed.');
      if (outcome.safetySaved) setNote('The safety backup was still saved to your downloads.');
    } else if (outcome.kind === 'failed') {
      setProblem(
        outcome.stage === 'safety'
          ? {
              summary:
                'The safety backup could not be saved, so nothing was imported. Nothing was changed.',
              detail: outcome.detail,
            }
          : { summary: IMPORT_FAILED, detail: outcome.detail },
      );
    }
  };

  const cancelImport = () => {
    if (!flow.cancel()) return;
    const safety = flow.step.kind === 'waiting' || flow.step.kind === 'safety';
    setPrepared(null);
    setStatus('Import cancelled, nothing was changed.');
    if (safety && safetyExport) setNote('The safety backup was still saved to your downloads.');
  };

  const exportNow = async () => {
    setExporting(true);
    setStatus('');
    setNote('');
    setProblem(null);
    try {
      await actions.exportBackup();
      setStatus('Backup exported.');
      setNote('It is in your downloads: keep it somewhere safe, it holds your private notes.');
    } catch (failure) {
      setProblem({
        summary: EXPORT_FAILED,
        detail: failure instanceof Error ? failure.message : String(failure),
      });
    } finally {
      setExporting(false);
    }
  };

  return (
    <PopupSection id="backup" title="Backup">
      <p>
        Everything stays in this browser. Export a backup to keep a copy or move to another one.
      </p>
      <div class="cbc-row-actions">
        <button
          type="button"
          class="cbc-btn cbc-btn-primary"
          disabled={busy}
          onClick={() => void exportNow()}
        >
          Export backup
        </button>
        <label class={`cbc-btn cbc-file${busy ? ' cbc-file-disabled' : ''}`}>
          Import backup
          <input
            type="file"
            class="cbc-sr-only"
            accept="application/json,.json"
            disabled={busy}
            onChange={(event) => void chooseFile(event.currentTarget)}
          />
        </label>
      </div>
      {exporting && (
        <div class="cbc-progress-line">
          <progress aria-label="Export progress" />
          <span>Exporting your data…</span>
        </div>
      )}
      {reading && (
        <div class="cbc-progress-line">
          <progress aria-label="Reading the backup" />
          <span>Checking the file…</span>
        </div>
      )}
      {problem !== null && <ProblemMessage summary={problem.summary} detail={problem.detail} />}
      <ActionError error={error} />
      <p role="status" class="cbc-status">
        {status}
      </p>
      {note !== '' && <p class="cbc-note">{note}</p>}
      {prepared !== null && (
        <div class="cbc-preview cbc-destructive" role="group" aria-label="Import preview">
          <p class="cbc-destructive-title">
            <strong>Importing replaces all data in this browser</strong> with the file's:
          </p>
          <ul>
            {describeImport(prepared.preview).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {hasData(prepared.preview) && (
            <label class="cbc-check-line">
              <input
                type="checkbox"
                checked={safetyExport}
                disabled={importing}
                onChange={(event) => setSafetyExport(event.currentTarget.checked)}
              />{' '}
              Export a safety backup of my current data first
            </label>
          )}
          {importing && <ImportProgress step={flow.step} safety={safetyExport} />}
          <div class="cbc-row-actions">
            <button
              type="button"
              class="cbc-btn cbc-btn-danger"
              disabled={importing}
              onClick={() => void confirmImport()}
            >
              Confirm import
            </button>
            <button
              type="button"
              class="cbc-btn cbc-btn-text"
              disabled={flow.step.kind === 'importing' && flow.step.cancelling === true}
              onClick={() => (importing ? cancelImport() : discardPreview())}
            >
              Cancel import
            </button>
          </div>
        </div>
      )}

      <h3>Storage</h3>
      <StorageLine storage={storage} />
      {storage.supported && storage.persisted === false && (
        <button
          type="button"
          class="cbc-btn"
          onClick={() => void run(() => actions.requestPersistence())}
        >
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
        <button
          type="submit"
          class="cbc-btn cbc-btn-danger"
          disabled={busy || deleteText !== DELETE_CONFIRMATION}
        >
          Delete all data
        </button>
      </form>
    </PopupSection>
  );

  function discardPreview() {
    setPrepared(null);
    setStatus('Import cancelled, nothing was changed.');
  }
}

/** Where a running import is: step n of 2 or 3, in words, with a progress bar. */
function ImportProgress({ step, safety }: { step: ImportStep; safety: boolean }) {
  const steps = safety ? 3 : 2;
  const index =
    step.kind === 'safety'
      ? 1
      : step.kind === 'waiting'
        ? steps - 1
        : step.kind === 'importing'
          ? steps
          : 0;
  const words =
    step.kind === 'safety'
      ? 'Saving a safety backup of your current data…'
      : step.kind === 'waiting'
        ? `Replacing your data in ${step.secondsLeft} s. Cancel now to keep it.`
        : step.kind === 'importing' && step.cancelling
          ? 'Cancelling…'
          : step.kind === 'importing' && step.total
            ? `Importing… ${step.written ?? 0} of ${step.total} records.`
            : 'Importing…';
  return (
    <div class="cbc-progress-line">
      <progress aria-label="Import progress" max={steps} value={index} />
      <span>
        Step {index} of {steps}: {words}
      </span>
    </div>
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
