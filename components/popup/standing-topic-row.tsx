// One standing topic in a list: its text and rhythm, Edit (text and rhythm in place) and Delete.
// Used by a person's preparation and by the default set for everyone.

import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/components/i18n';
import type { StandingTopic, TopicRhythm } from '@/utils/domain/records';
import { RowText, type Reveal } from './revealed-row';

export const RHYTHM_LABELS: Record<TopicRhythm, MessageKey> = {
  every: 'prepareRhythmEvery',
  'every-other': 'prepareRhythmEveryOther',
  monthly: 'prepareRhythmMonthly',
  quarterly: 'prepareRhythmQuarterly',
};

export function RhythmOptions() {
  return (
    <>
      {(Object.keys(RHYTHM_LABELS) as TopicRhythm[]).map((value) => (
        <option key={value} value={value}>
          {t(RHYTHM_LABELS[value])}
        </option>
      ))}
    </>
  );
}

export function StandingTopicRow({
  topic,
  showForEveryone,
  onSave,
  onDelete,
  reveal,
}: {
  topic: StandingTopic;
  /** Set when a search result opened this topic: focused, the match marked. */
  reveal?: Reveal;
  /** Tag a topic of the default set "for everyone" (in a person's list). */
  showForEveryone: boolean;
  /** Resolves whether the change was saved (false: the runner shows why). */
  onSave: (changes: { text: string; rhythm: TopicRhythm }) => Promise<boolean>;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(topic.text);
  const [rhythm, setRhythm] = useState<TopicRhythm>(topic.rhythm);

  function startEditing() {
    setText(topic.text);
    setRhythm(topic.rhythm);
    setEditing(true);
  }

  async function save(event: Event) {
    event.preventDefault();
    if (await onSave({ text, rhythm })) setEditing(false);
  }

  if (editing) {
    return (
      <li class="cbc-item">
        <form class="cbc-inline-form" onSubmit={save}>
          <input
            type="text"
            aria-label={t('prepareTopicText')}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <select
            aria-label={t('prepareTopicRhythm')}
            value={rhythm}
            onChange={(event) => setRhythm(event.currentTarget.value as TopicRhythm)}
          >
            <RhythmOptions />
          </select>
          <button type="submit">{t('prepareSaveTopic')}</button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('commonCancel')}
          </button>
        </form>
      </li>
    );
  }
  return (
    <li class="cbc-item" ref={reveal?.ref} tabIndex={reveal ? -1 : undefined}>
      <span class="cbc-private">
        <RowText text={topic.text} reveal={reveal} />
      </span>{' '}
      <span class="cbc-tag">{t(RHYTHM_LABELS[topic.rhythm])}</span>
      {showForEveryone && topic.personEmail === '' && (
        <span class="cbc-tag">{t('prepareForEveryone')}</span>
      )}
      <button type="button" class="cbc-link" onClick={startEditing}>
        {t('prepareEditTopic')}
        <span class="cbc-sr-only"> {topic.text}</span>
      </button>
      <button type="button" class="cbc-link" onClick={onDelete}>
        {t('prepareDeleteTopic')}
        <span class="cbc-sr-only"> {topic.text}</span>
      </button>
    </li>
  );
}
