// One entry of a person's feedback log: its day, kind and text, Edit (all three in place) and
// Delete.

import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/components/i18n';
import type { FeedbackEntry, FeedbackKind } from '@/utils/domain/records';
import { formatDay } from './format-values';
import { RowText, type Reveal } from './revealed-row';

export const KIND_LABELS: Record<FeedbackKind, MessageKey> = {
  praise: 'prepareKindPraise',
  feedback: 'prepareKindFeedback',
  concern: 'prepareKindConcern',
  win: 'prepareKindWin',
};

export function KindOptions() {
  return (
    <>
      {(Object.keys(KIND_LABELS) as FeedbackKind[]).map((value) => (
        <option key={value} value={value}>
          {t(KIND_LABELS[value])}
        </option>
      ))}
    </>
  );
}

export function FeedbackEntryRow({
  entry,
  onSave,
  onDelete,
  reveal,
}: {
  entry: FeedbackEntry;
  /** Set when a search result opened this entry: focused, the match marked. */
  reveal?: Reveal;
  /** Resolves whether the change was saved (false: the runner shows why). */
  onSave: (changes: { day: string; kind: FeedbackKind; text: string }) => Promise<boolean>;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(entry.text);
  const [kind, setKind] = useState<FeedbackKind>(entry.kind);
  const [day, setDay] = useState(entry.day);

  function startEditing() {
    setText(entry.text);
    setKind(entry.kind);
    setDay(entry.day);
    setEditing(true);
  }

  async function save(event: Event) {
    event.preventDefault();
    if (await onSave({ day, kind, text })) setEditing(false);
  }

  if (editing) {
    return (
      <li class="cbc-item">
        <form class="cbc-inline-form" onSubmit={save}>
          <input
            type="text"
            aria-label={t('prepareEntryText')}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <select
            aria-label={t('prepareEntryKind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as FeedbackKind)}
          >
            <KindOptions />
          </select>
          <input
            type="date"
            aria-label={t('prepareEntryDay')}
            value={day}
            min="1970-01-01"
            onInput={(event) => setDay(event.currentTarget.value)}
          />
          <button type="submit">{t('prepareSaveEntry')}</button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('commonCancel')}
          </button>
        </form>
      </li>
    );
  }
  return (
    <li class="cbc-item" ref={reveal?.ref} tabIndex={reveal ? -1 : undefined}>
      <time dateTime={entry.day}>{formatDay(Date.parse(`${entry.day}T12:00:00`))}</time>{' '}
      <span class="cbc-tag">{t(KIND_LABELS[entry.kind])}</span>{' '}
      <span class="cbc-private">
        <RowText text={entry.text} reveal={reveal} />
      </span>{' '}
      <button type="button" class="cbc-link" onClick={startEditing}>
        {t('prepareEditEntry')}
        <span class="cbc-sr-only"> {entry.text}</span>
      </button>
      <button type="button" class="cbc-link" onClick={onDelete}>
        {t('prepareDeleteEntry')}
        <span class="cbc-sr-only"> {entry.text}</span>
      </button>
    </li>
  );
}
