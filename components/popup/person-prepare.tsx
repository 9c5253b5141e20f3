// A person's preparation in the popup: their standing topics (and the default set for
// everyone), picked from a small question bank or written, and their feedback log as a
// timeline filtered by kind and period. Read only when opened, after the popup's first paint:
// the People list itself reads none of it.

import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/components/i18n';
import type { FeedbackKind, TopicRhythm } from '@/utils/domain/records';
import { FeedbackEntryRow, KIND_LABELS, KindOptions } from './feedback-entry-row';
import type { PeopleActions, PersonPreparation } from './popup-data';
import { QUESTION_BANK } from './question-bank';
import type { Reveal } from './revealed-row';
import { RhythmOptions, StandingTopicRow } from './standing-topic-row';

/** The periods the feedback log can be narrowed to, in days back from today (0: all). */
const PERIODS: ReadonlyArray<{ days: number; label: MessageKey }> = [
  { days: 0, label: 'preparePeriodAll' },
  { days: 30, label: 'preparePeriod30' },
  { days: 90, label: 'preparePeriod90' },
  { days: 365, label: 'preparePeriod365' },
];

const DAY = 24 * 60 * 60 * 1000;

export function PersonPrepare({
  email,
  name,
  today,
  reveal = null,
  actions,
  run,
}: {
  email: string;
  name: string;
  /** Today as 'yyyy-MM-dd' (the default day of a new entry), and its instant for periods. */
  today: { day: string; at: number };
  /** A search result to show (a new object per jump): opened, the entry focused and marked. */
  reveal?: {
    entry?: { kind: 'standingTopic' | 'feedbackEntry'; id: string };
    highlight?: string;
  } | null;
  actions: PeopleActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<PersonPreparation | null>(null);
  const [topicText, setTopicText] = useState('');
  const [rhythm, setRhythm] = useState<TopicRhythm>('every');
  const [forEveryone, setForEveryone] = useState(false);
  const [entryText, setEntryText] = useState('');
  const [entryKind, setEntryKind] = useState<FeedbackKind>('praise');
  const [entryDay, setEntryDay] = useState(today.day);
  const [kindFilter, setKindFilter] = useState<FeedbackKind | ''>('');
  const [periodDays, setPeriodDays] = useState(0);

  async function reload() {
    setData(await actions.loadPreparation(email));
  }

  // A jump here opens the preparation, unfiltered, and focuses the entry once it is shown.
  const revealed = useRef<HTMLLIElement>(null);
  const handledReveal = useRef<object | null>(null);
  useEffect(() => {
    if (!reveal?.entry) return;
    setOpen(true);
    setKindFilter('');
    setPeriodDays(0);
    void run(reload);
  }, [reveal]);
  useEffect(() => {
    if (!reveal?.entry || !data || !revealed.current || handledReveal.current === reveal) return;
    handledReveal.current = reveal;
    revealed.current.scrollIntoView?.({ block: 'nearest' });
    revealed.current.focus();
  }, [reveal, data]);
  const revealFor = (id: string): Reveal | undefined =>
    reveal?.entry?.id === id ? { ref: revealed, highlight: reveal.highlight ?? '' } : undefined;

  async function toggle() {
    const next = !open;
    setOpen(next);
    if (next) await run(reload);
  }

  async function addTopic(event: Event) {
    event.preventDefault();
    const text = topicText.trim();
    if (text === '') return;
    const added = await run(async () => {
      await actions.addStandingTopic({ personEmail: forEveryone ? '' : email, text, rhythm });
      await reload();
    });
    if (added) setTopicText('');
  }

  async function addEntry(event: Event) {
    event.preventDefault();
    const text = entryText.trim();
    if (text === '') return;
    const added = await run(async () => {
      await actions.addFeedbackEntry({ personEmail: email, day: entryDay, kind: entryKind, text });
      await reload();
    });
    if (added) setEntryText('');
  }

  const fromDay =
    periodDays === 0 ? '' : new Date(today.at - periodDays * DAY).toISOString().slice(0, 10);
  const log = (data?.feedback ?? []).filter(
    (entry) => (kindFilter === '' || entry.kind === kindFilter) && entry.day >= fromDay,
  );

  return (
    <div class="cbc-prepare">
      <button
        type="button"
        class="cbc-btn cbc-btn-primary"
        aria-expanded={open}
        onClick={() => void toggle()}
      >
        {t('preparePrepareWith', { name })}
      </button>
      {open && data && (
        <div class="cbc-prepare-body">
          <h4>{t('prepareStandingTopics')}</h4>
          <ul class="cbc-list" aria-label={t('prepareStandingTopics')}>
            {data.topics.map((topic) => (
              <StandingTopicRow
                key={topic.id}
                topic={topic}
                showForEveryone
                reveal={revealFor(topic.id)}
                onSave={(changes) =>
                  run(async () => {
                    await actions.updateStandingTopic(topic.id, changes);
                    await reload();
                  })
                }
                onDelete={() =>
                  void run(async () => {
                    await actions.deleteStandingTopic(topic.id);
                    await reload();
                  })
                }
              />
            ))}
          </ul>
          {data.topics.length === 0 && <p class="cbc-muted">{t('prepareNoTopics')}</p>}
          <form class="cbc-add" onSubmit={addTopic}>
            <label>
              {t('prepareQuestionBank')}{' '}
              <select
                value=""
                onChange={(event) => {
                  if (event.currentTarget.value) setTopicText(event.currentTarget.value);
                }}
              >
                <option value="">{t('preparePickQuestion')}</option>
                {QUESTION_BANK.map((group) => (
                  <optgroup key={group.theme} label={t(group.theme)}>
                    {group.questions.map((key) => (
                      <option key={key} value={t(key)}>
                        {t(key)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
            <input
              type="text"
              aria-label={t('prepareNewTopic')}
              placeholder={t('prepareNewTopic')}
              value={topicText}
              onInput={(event) => setTopicText(event.currentTarget.value)}
            />
            <div class="cbc-row">
              <select
                aria-label={t('prepareRhythm')}
                value={rhythm}
                onChange={(event) => setRhythm(event.currentTarget.value as TopicRhythm)}
              >
                <RhythmOptions />
              </select>
              <label>
                <input
                  type="checkbox"
                  checked={forEveryone}
                  onChange={(event) => setForEveryone(event.currentTarget.checked)}
                />{' '}
                {t('prepareForEveryone')}
              </label>
              <button type="submit">{t('prepareAddStandingTopic')}</button>
            </div>
          </form>

          <h4>{t('prepareFeedbackLog')}</h4>
          <form class="cbc-add" onSubmit={addEntry}>
            <input
              type="text"
              aria-label={t('prepareFeedbackTextLabel')}
              placeholder={t('prepareFeedbackTextLabel')}
              value={entryText}
              onInput={(event) => setEntryText(event.currentTarget.value)}
            />
            <div class="cbc-row">
              <select
                aria-label={t('prepareFeedbackKindLabel')}
                value={entryKind}
                onChange={(event) => setEntryKind(event.currentTarget.value as FeedbackKind)}
              >
                <KindOptions />
              </select>
              <input
                type="date"
                aria-label={t('prepareFeedbackDay')}
                value={entryDay}
                min="1970-01-01"
                onInput={(event) => setEntryDay(event.currentTarget.value)}
              />
              <button type="submit">{t('prepareAddToFeedbackLog')}</button>
            </div>
          </form>
          <div class="cbc-row">
            <select
              aria-label={t('prepareFilterKind')}
              value={kindFilter}
              onChange={(event) => setKindFilter(event.currentTarget.value as FeedbackKind | '')}
            >
              <option value="">{t('prepareAllKinds')}</option>
              {(Object.keys(KIND_LABELS) as FeedbackKind[]).map((value) => (
                <option key={value} value={value}>
                  {t(KIND_LABELS[value])}
                </option>
              ))}
            </select>
            <select
              aria-label={t('prepareFilterPeriod')}
              value={String(periodDays)}
              onChange={(event) => setPeriodDays(Number(event.currentTarget.value))}
            >
              {PERIODS.map((period) => (
                <option key={period.days} value={String(period.days)}>
                  {t(period.label)}
                </option>
              ))}
            </select>
          </div>
          <ol class="cbc-list cbc-timeline" aria-label={t('prepareFeedbackLog')}>
            {log.map((entry) => (
              <FeedbackEntryRow
                key={entry.id}
                entry={entry}
                reveal={revealFor(entry.id)}
                onSave={(changes) =>
                  run(async () => {
                    await actions.updateFeedbackEntry(entry.id, entry.personEmail, changes);
                    await reload();
                  })
                }
                onDelete={() =>
                  void run(async () => {
                    await actions.deleteFeedbackEntry(entry.id, entry.personEmail);
                    await reload();
                  })
                }
              />
            ))}
          </ol>
          {log.length === 0 && <p class="cbc-muted">{t('prepareNoFeedback')}</p>}
        </div>
      )}
    </div>
  );
}
