// Search across people, notes, action items and talking points; each result names its person
// and the meeting it belongs to, marks the words it matched, and leads there: activating it
// opens what it found in the popup (search-jump.ts; a note or talking point opens under it, in
// full), and the meeting's event page in Google Calendar is a link beside it.

import { t, type MessageKey } from '@/components/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ActionError } from './action-error';
import { formatDay } from './format-values';
import { HighlightMatch } from './highlight-match';
import type { SearchActions, SearchHit } from './popup-data';
import { PopupSection } from './popup-section';
import { jumpOf, type SearchJump } from './search-jump';
import { ShowInPeople } from './show-in-people';
import { useActionRunner } from './use-action-runner';

/** Typing pauses this long before searching (a search walks up to three tables). */
const TYPING_PAUSE_MS = 250;

const KIND_LABELS: Record<SearchHit['result']['kind'], MessageKey> = {
  person: 'popupKindPerson',
  project: 'popupKindProject',
  note: 'popupKindNote',
  actionItem: 'popupKindActionItem',
  talkingPoint: 'popupKindTalkingPoint',
  standingTopic: 'prepareSearchKindStandingTopic',
  feedbackEntry: 'prepareSearchKindFeedback',
};

/** A meeting's full event page in Google Calendar, where the side panel shows its notes. */
export function meetingUrl(eid: string): string {
  return `https://calendar.google.com/calendar/r/eventedit/${encodeURIComponent(eid)}`;
}

export function SearchSection({
  actions,
  onShowPerson = () => undefined,
  onJump = () => undefined,
  isOpenItem = () => false,
}: {
  actions: SearchActions;
  /** Moves to the person's row in People. */
  onShowPerson?: (email: string) => void;
  /** Opens a result's target in another section (a jump to 'details' stays here). */
  onJump?: (jump: SearchJump) => void;
  /** Whether an action item is open (in Follow-ups). */
  isOpenItem?: (id: string) => boolean;
}) {
  // The result opened in place (a note, a talking point), by its key.
  const [opened, setOpened] = useState<string | null>(null);
  const detailsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (opened === null) return;
    detailsRef.current?.scrollIntoView?.({ block: 'nearest' });
    detailsRef.current?.focus();
  }, [opened]);
  const activate = (hit: SearchHit, key: string) => {
    const jump = jumpOf(hit, answered, isOpenItem);
    if (jump.to === 'details') setOpened(opened === key ? null : key);
    else onJump(jump);
  };
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  // The query the shown results answer (the box may already hold the next one).
  const [answered, setAnswered] = useState('');
  const { error, run } = useActionRunner();
  // Answers can arrive out of order: only the latest search's answer is shown.
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const search = (text: string) => {
    clearTimeout(timer.current);
    const ticket = ++latest.current;
    if (text.trim() === '') {
      setHits(null);
      return;
    }
    void run(async () => {
      const found = await actions.search(text);
      if (ticket !== latest.current) return;
      setHits(found);
      setAnswered(text);
    });
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <PopupSection id="search" title={t('popupSearch')}>
      <form
        role="search"
        class="cbc-add-form"
        onSubmit={(event) => {
          event.preventDefault();
          search(query);
        }}
      >
        <label>
          {t('popupSearchLabel')}{' '}
          <input
            type="search"
            value={query}
            onInput={(event) => {
              const text = event.currentTarget.value;
              setQuery(text);
              clearTimeout(timer.current);
              timer.current = setTimeout(() => search(text), TYPING_PAUSE_MS);
            }}
          />
        </label>
        <button type="submit">{t('popupSearch')}</button>
      </form>
      <ActionError error={error} />
      <p role="status" class="cbc-status">
        {hits === null
          ? ''
          : hits.length === 0
            ? t('popupNoResults')
            : t('popupResults', { count: hits.length })}
      </p>
      {hits !== null && hits.length > 0 && (
        <ol aria-label={t('popupSearchResults')} class="cbc-results">
          {hits.map((hit) => {
            const key = `${hit.result.kind}:${hit.result.id}`;
            const inPlace = jumpOf(hit, answered, isOpenItem).to === 'details';
            const foundByName = hit.result.kind === 'person' || hit.result.kind === 'project';
            return (
              <li key={key}>
                <p class="cbc-result-meta">
                  <span class="cbc-badge">{t(KIND_LABELS[hit.result.kind])}</span>
                  {/* A person or project found by name is its own context. */}
                  {!foundByName && (
                    <>
                      {' '}
                      <span>{hit.personName}</span>
                      {' · '}
                      <span>
                        {hit.meetingStart === null
                          ? t('popupNoMeeting', { date: formatDay(hit.result.at) })
                          : t('popupMeetingOf', { date: formatDay(hit.meetingStart) })}
                      </span>
                    </>
                  )}
                </p>
                <p class="cbc-snippet">
                  {/* The result itself leads to what it found; its words are its name. */}
                  <button
                    type="button"
                    class="cbc-result-open cbc-private"
                    aria-expanded={inPlace ? opened === key : undefined}
                    onClick={() => activate(hit, key)}
                  >
                    <HighlightMatch text={hit.result.snippet} query={answered} />
                  </button>
                </p>
                {inPlace && opened === key && (
                  <div
                    ref={detailsRef}
                    role="region"
                    tabIndex={-1}
                    class="cbc-result-details cbc-private"
                    aria-label={t('popupResultDetails', {
                      kind: t(KIND_LABELS[hit.result.kind]),
                      name: hit.personName,
                    })}
                  >
                    <HighlightMatch text={hit.fullText ?? hit.result.snippet} query={answered} />
                  </div>
                )}
                <p class="cbc-result-actions">
                  {!foundByName && hit.result.personEmail !== '' && (
                    <button
                      type="button"
                      class="cbc-btn cbc-btn-text"
                      onClick={() => onShowPerson(hit.result.personEmail)}
                    >
                      <ShowInPeople name={hit.personName} />
                    </button>
                  )}
                  {hit.result.meetingEid !== '' && (
                    <a
                      class="cbc-btn cbc-btn-text"
                      href={meetingUrl(hit.result.meetingEid)}
                      target="_blank"
                      rel="noopener"
                    >
                      {t('popupOpenMeeting')}
                      <span class="cbc-sr-only">
                        {' '}
                        {t('popupOpenMeetingHidden', {
                          date: hit.meetingStart === null ? '' : formatDay(hit.meetingStart),
                        })}
                      </span>
                    </a>
                  )}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </PopupSection>
  );
}
