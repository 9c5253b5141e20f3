// The notes of the latest earlier meeting, and a way back through older ones.

import type { MeetingNotes } from '@/utils/domain/records';
import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { formatDay } from './format-date';

export function LastMeeting(props: {
  lastMeeting: MeetingNotes | null;
  now: number;
  loadNotesBefore: (before: number) => Promise<MeetingNotes | null>;
}) {
  // Older notes the user browsed to, newest first after lastMeeting; local to this occurrence
  // (the panel is keyed by eid, so switching events starts over).
  const [older, setOlder] = useState<MeetingNotes[]>([]);
  const [exhausted, setExhausted] = useState(false);
  const [loading, setLoading] = useState(false);
  const shown = older.length > 0 ? older[older.length - 1] : props.lastMeeting;

  async function loadEarlier() {
    if (!shown || loading) return;
    setLoading(true);
    try {
      const earlier = await props.loadNotesBefore(shown.meeting.start);
      if (earlier) setOlder([...older, earlier]);
      else setExhausted(true);
    } catch {
      // The model reports failures; the button stays usable for another try.
    } finally {
      setLoading(false);
    }
  }

  return (
    <section class="cbc-section" aria-labelledby="cbc-last-meeting">
      <h3 id="cbc-last-meeting">{t('panelLastMeeting')}</h3>
      {shown ? (
        <>
          <p class="cbc-muted">
            {formatDay(shown.meeting.start, props.now)}
            {shown.note.wellbeing !== null && (
              <span class="cbc-private">
                {' · '}
                {t('panelWellbeingOf', { value: shown.note.wellbeing })}
              </span>
            )}
          </p>
          <p class="cbc-note-text cbc-private">{shown.note.text}</p>
          <div class="cbc-row">
            <button type="button" onClick={loadEarlier} disabled={exhausted || loading}>
              {t('panelEarlier')}
            </button>
            {older.length > 0 && (
              <button
                type="button"
                onClick={() => {
                  setOlder(older.slice(0, -1));
                  setExhausted(false);
                }}
              >
                {t('panelLater')}
              </button>
            )}
            {exhausted && <span class="cbc-muted">{t('panelNothingEarlier')}</span>}
          </div>
        </>
      ) : (
        <p class="cbc-muted">{t('panelNoEarlierNotes')}</p>
      )}
    </section>
  );
}
