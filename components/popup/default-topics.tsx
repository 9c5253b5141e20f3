// The default standing topics, for everyone, managed on their own (People section): each comes
// up in every 1:1, counted per person by its rhythm. Read only when opened.

import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { StandingTopic, TopicRhythm } from '@/utils/domain/records';
import type { PeopleActions } from './popup-data';
import { RhythmOptions, StandingTopicRow } from './standing-topic-row';

export function DefaultTopics({
  actions,
  run,
}: {
  actions: PeopleActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const [topics, setTopics] = useState<StandingTopic[] | null>(null);
  const [text, setText] = useState('');
  const [rhythm, setRhythm] = useState<TopicRhythm>('every');

  async function reload() {
    setTopics(await actions.loadDefaultTopics());
  }

  async function toggle() {
    const next = !open;
    setOpen(next);
    if (next) await run(reload);
  }

  async function add(event: Event) {
    event.preventDefault();
    const typed = text.trim();
    if (typed === '') return;
    const added = await run(async () => {
      await actions.addStandingTopic({ personEmail: '', text: typed, rhythm });
      await reload();
    });
    if (added) setText('');
  }

  return (
    <div class="cbc-prepare">
      <button type="button" aria-expanded={open} onClick={() => void toggle()}>
        {t('prepareTopicsForEveryone')}
      </button>
      {open && topics && (
        <div class="cbc-prepare-body">
          <p class="cbc-summary">{t('prepareTopicsForEveryoneIntro')}</p>
          <ul class="cbc-list" aria-label={t('prepareTopicsForEveryone')}>
            {topics.map((topic) => (
              <StandingTopicRow
                key={topic.id}
                topic={topic}
                showForEveryone={false}
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
          {topics.length === 0 && <p class="cbc-summary">{t('prepareNoTopicsForEveryone')}</p>}
          <form class="cbc-add" onSubmit={add}>
            <input
              type="text"
              aria-label={t('prepareNewTopicForEveryone')}
              placeholder={t('prepareNewTopicForEveryone')}
              value={text}
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <div class="cbc-row">
              <select
                aria-label={t('prepareRhythm')}
                value={rhythm}
                onChange={(event) => setRhythm(event.currentTarget.value as TopicRhythm)}
              >
                <RhythmOptions />
              </select>
              <button type="submit">{t('prepareAddTopicForEveryone')}</button>
            </div>
          </form>
        </div>
      )}
    </div>
  );
}
