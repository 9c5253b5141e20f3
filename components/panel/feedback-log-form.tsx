// One step to the person's feedback log from the 1:1: a kind and what happened. The entry is
// dated today and tied to this meeting; the popup's person view lists the whole log.

import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/components/i18n';
import type { FeedbackKind } from '@/utils/domain/records';
import type { PanelActions } from './panel-view';

export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, MessageKey> = {
  praise: 'prepareKindPraise',
  feedback: 'prepareKindFeedback',
  concern: 'prepareKindConcern',
  win: 'prepareKindWin',
};

export function FeedbackLogForm({ actions }: { actions: PanelActions }) {
  const [kind, setKind] = useState<FeedbackKind>('praise');
  const [text, setText] = useState('');
  const [added, setAdded] = useState(false);

  async function add(event: Event) {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') return;
    setText('');
    setAdded(false);
    const ok = await actions.addFeedbackEntry(kind, trimmed);
    if (ok) setAdded(true);
    else setText((current) => (current === '' ? trimmed : current));
  }

  return (
    <section class="cbc-section" aria-labelledby="cbc-feedback-heading">
      <h3 id="cbc-feedback-heading">{t('prepareFeedbackLog')}</h3>
      <form class="cbc-add" onSubmit={add}>
        <input
          type="text"
          aria-label={t('prepareFeedbackTextLabel')}
          placeholder={t('prepareFeedbackTextLabel')}
          value={text}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setAdded(false);
          }}
        />
        <div class="cbc-row">
          <select
            aria-label={t('prepareFeedbackKindLabel')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as FeedbackKind)}
          >
            {(Object.keys(FEEDBACK_KIND_LABELS) as FeedbackKind[]).map((value) => (
              <option key={value} value={value}>
                {t(FEEDBACK_KIND_LABELS[value])}
              </option>
            ))}
          </select>
          <button type="submit">{t('prepareAddToFeedbackLog')}</button>
        </div>
      </form>
      <p class="cbc-muted" role="status">
        {added ? t('prepareFeedbackAdded') : ''}
      </p>
    </section>
  );
}
