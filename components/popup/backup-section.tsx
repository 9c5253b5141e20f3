// Backup: export one JSON file; import one (validated whole, previewed, then confirmed); ask for
// persistent storage; delete everything behind a typed confirmation.

import { t, type MessageKey } from '@/components/i18n';
import { useState } from 'preact/hooks';
import type { TableName } from '@/utils/store/schema';
import { ActionError } from './action-error';
import { describeImportProblem } from './import-problem';
import { ProblemMessage } from './problem-message';
import { useImportFlow, type ImportStep } from './use-import-flow';
import { formatBytes } from './format-values';
import type { BackupActions, ImportPreview, StorageState } from './popup-data';
import { PopupSection } from './popup-section';
import { useActionRunner } from './use-action-runner';

/** The words typed to confirm deleting everything, in the page's language. */
export const deleteConfirmation = () => t('popupDeleteConfirmation');

const TABLE_LABELS: Record<TableName, MessageKey> = {
  people: 'popupTablePeople',
  projects: 'popupTableProjects',
  assignments: 'popupTableAssignments',
  meetings: 'popupTableMeetings',
  notes: 'popupTableNotes',
  actionItems: 'popupTableActionItems',
  talkingPoints: 'popupTableTalkingPoints',
  seriesOverrides: 'popupTableSeriesOverrides',
  standingTopics: 'prepareTableStandingTopics',
  topicDiscussions: 'prepareTableTopicDiscussions',
  feedbackEntries: 'prepareTableFeedbackEntries',
};

/** 'people: 12 in the file, replacing 10 (…)' lines, in the backup's table order. */
export function describeImport(preview: ImportPreview): string[] {
  return (Object.keys(TABLE_LABELS) as TableName[])
    .filter((table) => preview[table])
    .map((table) => {
      const { inFile, existing } = preview[table];
      return t('popupImportLine', { table: t(TABLE_LABELS[table]), inFile, existing });
    });
}

const hasData = (preview: ImportPreview) =>
  Object.values(preview).some(({ existing }) => existing > 0);

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
        summary: t('popupFileUnreadable'),
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
      setStatus(t('popupImported', { count: total }));
      if (outcome.safetySaved) setNote(t('popupSafetySaved'));
    } else if (outcome.kind === 'cancelled') {
      // Called off while it wrote (before that, cancelImport below has said so already).
      setPrepared(null);
      setStatus(t('popupImportCancelled'));
      if (outcome.safetySaved) setNote(t('popupSafetyStillSaved'));
    } else if (outcome.kind === 'failed') {
      setProblem(
        outcome.stage === 'safety'
          ? {
              summary: t('popupSafetyFailed'),
              detail: outcome.detail,
            }
          : { summary: t('popupImportFailed'), detail: outcome.detail },
      );
    }
  };

  const cancelImport = () => {
    if (!flow.cancel()) return;
    const safety = flow.step.kind === 'safety';
    setPrepared(null);
    setStatus(t('popupImportCancelled'));
    if (safety && safetyExport) setNote(t('popupSafetyStillSaved'));
  };

  const exportNow = async () => {
    setExporting(true);
    setStatus('');
    setNote('');
    setProblem(null);
    try {
      await actions.exportBackup();
      setStatus(t('popupExported'));
      setNote(t('popupExportedNote'));
    } catch (failure) {
      setProblem({
        summary: t('popupExportFailed'),
        detail: failure instanceof Error ? failure.message : String(failure),
      });
    } finally {
      setExporting(false);
    }
  };

  return (
    <PopupSection id="backup" title={t('popupBackup')}>
      <p>{t('popupBackupIntro')}</p>
      <div class="cbc-row-actions">
        <button
          type="button"
          class="cbc-btn cbc-btn-primary"
          disabled={busy}
          onClick={() => void exportNow()}
        >
          {t('popupExportBackup')}
        </button>
        <label class={`cbc-btn cbc-file${busy ? ' cbc-file-disabled' : ''}`}>
          {t('popupImportBackup')}
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
          <progress aria-label={t('popupExportProgress')} />
          <span>{t('popupExporting')}</span>
        </div>
      )}
      {reading && (
        <div class="cbc-progress-line">
          <progress aria-label={t('popupReadingBackup')} />
          <span>{t('popupCheckingFile')}</span>
        </div>
      )}
      {problem !== null && <ProblemMessage summary={problem.summary} detail={problem.detail} />}
      <ActionError error={error} />
      <p role="status" class="cbc-status">
        {status}
      </p>
      {note !== '' && <p class="cbc-note">{note}</p>}
      {prepared !== null && (
        <div class="cbc-preview cbc-destructive" role="group" aria-label={t('popupImportPreview')}>
          <p class="cbc-destructive-title">
            <strong>{t('popupImportReplacesStrong')}</strong> {t('popupImportReplacesRest')}
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
              {t('popupSafetyExportFirst')}
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
              {t('popupConfirmImport')}
            </button>
            <button
              type="button"
              class="cbc-btn cbc-btn-text"
              disabled={flow.step.kind === 'importing' && flow.step.cancelling === true}
              onClick={() => (importing ? cancelImport() : discardPreview())}
            >
              {t('popupCancelImport')}
            </button>
          </div>
        </div>
      )}

      <h3>{t('popupStorage')}</h3>
      <StorageLine storage={storage} />
      {storage.supported && storage.persisted === false && (
        <button
          type="button"
          class="cbc-btn"
          onClick={() => void run(() => actions.requestPersistence())}
        >
          {t('popupKeepPersistent')}
        </button>
      )}

      <h3>{t('popupDeleteAll')}</h3>
      <form
        class="cbc-inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (deleteText !== deleteConfirmation()) return;
          if (await run(() => actions.deleteAllData())) {
            setDeleteText('');
            setStatus(t('popupAllDeleted'));
          }
        }}
      >
        <label>
          {t('popupTypeToConfirm', { words: deleteConfirmation() })}{' '}
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
          disabled={busy || deleteText !== deleteConfirmation()}
        >
          {t('popupDeleteAll')}
        </button>
      </form>
    </PopupSection>
  );

  function discardPreview() {
    setPrepared(null);
    setStatus(t('popupImportCancelled'));
  }
}

/**
 * Where a running import is: with a safety export first, step 1 or 2 of 2 in words; the bar
 * shows the records written of all once the background reports them (indeterminate before).
 */
function ImportProgress({ step, safety }: { step: ImportStep; safety: boolean }) {
  const steps = safety ? 2 : 1;
  const index = step.kind === 'safety' ? 1 : steps;
  const words =
    step.kind === 'safety'
      ? t('popupStepSafety')
      : step.kind === 'importing' && step.cancelling
        ? t('popupStepCancelling')
        : step.kind === 'importing' && step.total
          ? t('popupStepImportingCount', { written: step.written ?? 0, count: step.total })
          : t('popupStepImporting');
  return (
    <div class="cbc-progress-line">
      {step.kind === 'importing' && step.total ? (
        <progress
          aria-label={t('popupImportProgress')}
          max={step.total}
          value={step.written ?? 0}
        />
      ) : (
        <progress aria-label={t('popupImportProgress')} />
      )}
      <span>{steps > 1 ? t('popupStepOf', { index, steps, words }) : words}</span>
    </div>
  );
}

function StorageLine({ storage }: { storage: StorageState }) {
  if (!storage.supported) return <p>{t('popupStorageUnknown')}</p>;
  const persistence =
    storage.persisted === null
      ? t('popupStorageChecking')
      : storage.persisted
        ? t('popupStoragePersistent')
        : t('popupStorageNotPersistent');
  return (
    <>
      <p>{persistence}</p>
      {storage.usage !== null && (
        <p>
          {storage.quota !== null
            ? t('popupStorageUsageOf', {
                usage: formatBytes(storage.usage),
                quota: formatBytes(storage.quota),
              })
            : t('popupStorageUsage', { usage: formatBytes(storage.usage) })}
        </p>
      )}
    </>
  );
}
