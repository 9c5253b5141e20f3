import { afterEach, describe, expect, it } from 'vitest';
import { setPageLocale } from '@/components/i18n';
import {
  actionItem,
  panelData,
  standingTopic,
  talkingPoint,
} from '@/components/panel/panel-test-data';
import { agendaOf } from './agenda';

afterEach(() => setPageLocale('en'));

const data = panelData({
  talkingPoints: [talkingPoint(), talkingPoint({ id: 'point-2', text: 'Offsite budget' })],
  standingTopics: [
    standingTopic(),
    standingTopic({ id: 'topic-2', text: 'Career goals' }, { discussedHere: true }),
    standingTopic({ id: 'topic-3', text: 'Skipped here' }, { due: false, discussedHere: false }),
  ],
  openItems: [
    actionItem(),
    actionItem({ id: 'item-2', owner: 'me', text: 'Book the offsite room' }),
  ],
});

describe('agendaOf', () => {
  it('lists the queued points, the standing topics due and both sides’ open items', () => {
    setPageLocale('en');
    const agenda = agendaOf(data, { discussedPointIds: new Set(['point-2']), topicChecks: {} });
    expect(agenda.markdown).toBe(
      [
        '# 1:1 with Alex Rivera, Jun 17, 2025',
        '',
        '## Talking points',
        '',
        '- Promotion timeline',
        '',
        '## Standing topics',
        '',
        '- How are you, really?',
        '',
        '## Open items: mine',
        '',
        '- Book the offsite room',
        '',
        '## Open items: theirs',
        '',
        '- Send the RFC',
        '',
      ].join('\n'),
    );
    expect(agenda.text).toContain('Talking points:\n- Promotion timeline\n');
    expect(agenda.text).not.toContain('#');
    expect(agenda.text).not.toContain('Career goals');
  });

  it('leaves out a topic checked in this panel and empty sections, in the page’s language', () => {
    setPageLocale('de');
    const agenda = agendaOf(panelData({ talkingPoints: [], openItems: [] }), {
      discussedPointIds: new Set(),
      topicChecks: { 'topic-1': true },
    });
    expect(agenda.text).toBe('1:1 mit Alex Rivera, 17. Juni 2025\n');
  });
});
