// This meeting's notes. Every keystroke goes to the model, which debounces the save and keeps
// the draft (a refresh never overwrites what is being typed); blur saves at once.

import { useLayoutEffect, useRef } from 'preact/hooks';
import { t, type MessageKey } from '@/components/i18n';
import type { NoteStatus } from './panel-view';

/** The box grows with its text up to this height (px), then scrolls. */
const MAX_HEIGHT = 360;

const statusText: Record<NoteStatus, MessageKey | null> = {
  idle: null,
  saving: 'panelSaving',
  saved: 'panelSaved',
  retrying: 'panelNotSavedRetrying',
};

export function MeetingNotes(props: {
  text: string;
  status: NoteStatus;
  onEdit: (text: string) => void;
  onFlush: () => void;
}) {
  const box = useRef<HTMLTextAreaElement>(null);
  // Grows with the text (field-sizing is not in every browser we support): measured after each
  // change of the text, from its natural height.
  useLayoutEffect(() => {
    const area = box.current;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${Math.min(area.scrollHeight + 2, MAX_HEIGHT)}px`;
  }, [props.text]);
  return (
    <section class="cbc-section">
      <h3>
        <label for="cbc-notes">{t('panelNotesLabel')}</label>
      </h3>
      <textarea
        id="cbc-notes"
        class="cbc-notes cbc-private"
        ref={box}
        rows={3}
        placeholder={t('panelNotesPlaceholder')}
        value={props.text}
        onInput={(event) => props.onEdit(event.currentTarget.value)}
        onBlur={props.onFlush}
      />
      <p class={`cbc-status cbc-status-${props.status}`} aria-live="polite">
        {statusText[props.status] === null ? '' : t(statusText[props.status]!)}
      </p>
    </section>
  );
}
