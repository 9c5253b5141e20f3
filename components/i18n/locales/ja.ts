import type { Messages } from '../messages';

export const ja: Messages = {
  appName: 'Craft Beyond Code',
  loading: '読み込み中…',
  openItems: { other: '未完了の項目 {count} 件' },
  prepareTableStandingTopics: '定例トピック',
  prepareTableTopicDiscussions: '話し合った定例トピック',
  prepareTableFeedbackEntries: 'フィードバック記録',
  prepareSearchKindStandingTopic: '定例トピック',
  prepareSearchKindFeedback: 'フィードバック記録',
};
