// This meeting's notes. Every keystroke goes to the model, which debounces the save and keeps
// the draft (a refresh never overwrites what is being typed); blur saves at once.

import type { NoteStatus } from './panel-view';

const statusText: Record<NoteStatus, string> = {
  idle: '',
  saving: 'Saving…',
  saved: 'Saved',
  retrying: 'Not saved — retrying',
};

export function MeetingNotes(props: {
  text: string;
  status: NoteStatus;
  onEdit: (text: string) => void;
  onFlush: () => void;
}) {
  return (
    <section class="cbc-section">
      <h3>
        <label for="cbc-notes">Notes for this meeting</label>
      </h3>
      <textarea
        id="cbc-notes"
        class="cbc-notes cbc-private"
        rows={6}
        value={props.text}
        onInput={(event) => props.onEdit(event.currentTarget.value)}
        onBlur={props.onFlush}
      />
      <p class={`cbc-status cbc-status-${props.status}`} aria-live="polite">
        {statusText[props.status]}
      </p>
    </section>
  );
}
