// A 1:1's agenda as the manager pastes it into a document or chat: the talking points queued,
// the standing topics due, and the open action items on both sides. Plain text and Markdown,
// from the panel's data alone; nothing is sent anywhere.

import { format } from 'date-fns';
import { dateLocale, t } from '@/components/i18n';
import type { PanelData } from '@/utils/domain/records';

export interface Agenda {
  text: string;
  markdown: string;
}

/** The agenda of the panel's 1:1, leaving out what was already discussed or checked off here. */
export function agendaOf(
  data: PanelData,
  done: { discussedPointIds: ReadonlySet<string>; topicChecks: Record<string, boolean> },
): Agenda {
  const points = data.talkingPoints
    .filter((point) => !done.discussedPointIds.has(point.id))
    .map((point) => point.text);
  const topics = data.standingTopics
    .filter((entry) => entry.due && !(done.topicChecks[entry.topic.id] ?? entry.discussedHere))
    .map((entry) => entry.topic.text);
  const mine = data.openItems.filter((item) => item.owner === 'me').map((item) => item.text);
  const theirs = data.openItems.filter((item) => item.owner === 'them').map((item) => item.text);
  const title = t('prepareAgendaTitle', {
    name: data.person.name || data.person.email,
    date: format(data.meeting.start, 'PP', { locale: dateLocale() }),
  });
  const sections: Array<[string, string[]]> = [
    [t('panelTalkingPoints'), points],
    [t('prepareAgendaStanding'), topics],
    [t('prepareAgendaMine'), mine],
    [t('prepareAgendaTheirs'), theirs],
  ];
  const shown = sections.filter(([, lines]) => lines.length > 0);
  const text = [
    title,
    ...shown.flatMap(([heading, lines]) => ['', `${heading}:`, ...lines.map((l) => `- ${l}`)]),
  ].join('\n');
  const markdown = [
    `# ${title}`,
    ...shown.flatMap(([heading, lines]) => [
      '',
      `## ${heading}`,
      '',
      ...lines.map((l) => `- ${l}`),
    ]),
  ].join('\n');
  return { text: `${text}\n`, markdown: `${markdown}\n` };
}
