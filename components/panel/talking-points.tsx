// Talking points queued for the next 1:1, and the standing topics due at this one (marked as
// standing); checking one marks it discussed in this meeting. A standing topic left unchecked
// is skipped: it stays due.

import { useState } from 'preact/hooks';
import type { StandingTopicAtMeeting, TalkingPoint } from '@/utils/domain/records';
import { t } from '@/components/i18n';
import type { PanelActions } from './panel-view';

export function TalkingPoints(props: {
  points: TalkingPoint[];
  discussed: TalkingPoint[];
  /** Standing topics due at this 1:1 or discussed in it. */
  standing: StandingTopicAtMeeting[];
  /** Standing topics checked or unchecked while the panel is open (win over `standing`). */
  topicChecks: Record<string, boolean>;
  actions: PanelActions;
}) {
  const { actions } = props;
  const [text, setText] = useState('');
  const discussedIds = new Set(props.discussed.map((point) => point.id));
  const listed = [
    ...props.points.filter((point) => !discussedIds.has(point.id)),
    ...props.discussed,
  ].sort((a, b) => a.createdAt - b.createdAt);

  async function add(event: Event) {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') return;
    setText('');
    const added = await actions.addTalkingPoint(trimmed);
    if (!added) setText((current) => (current === '' ? trimmed : current));
  }

  return (
    <section class="cbc-section" aria-labelledby="cbc-points-heading">
      <h3 id="cbc-points-heading">{t('panelTalkingPoints')}</h3>
      <ul class="cbc-list" aria-label={t('panelTalkingPoints')}>
        {props.standing.map(({ topic, discussedHere }) => {
          const checked = props.topicChecks[topic.id] ?? discussedHere;
          return (
            <li
              key={`standing:${topic.id}`}
              class={`cbc-item cbc-standing${checked ? ' cbc-done' : ''}`}
            >
              <label class="cbc-check">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={(event) =>
                    actions.setStandingTopicDiscussed(topic.id, event.currentTarget.checked)
                  }
                />
                <span class="cbc-private">{topic.text}</span>{' '}
                <span class="cbc-tag">{t('prepareStandingMark')}</span>
              </label>
            </li>
          );
        })}
        {listed.map((point) => (
          <li key={point.id} class={`cbc-item${point.discussedAt !== null ? ' cbc-done' : ''}`}>
            <label class="cbc-check">
              <input
                type="checkbox"
                checked={point.discussedAt !== null}
                onChange={(event) =>
                  actions.setTalkingPointDiscussed(point, event.currentTarget.checked)
                }
              />
              <span class="cbc-private">{point.text}</span>
            </label>
          </li>
        ))}
      </ul>
      {listed.length === 0 && props.standing.length === 0 && (
        <p class="cbc-muted">{t('panelNoneQueued')}</p>
      )}
      <form class="cbc-add cbc-row" onSubmit={add}>
        <input
          type="text"
          aria-label={t('panelNewTalkingPoint')}
          placeholder={t('panelNewTalkingPoint')}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit">{t('panelAddTalkingPoint')}</button>
      </form>
    </section>
  );
}
