import type { Messages } from '../messages';

export const de: Messages = {
  appName: 'Craft Beyond Code',
  loading: 'Wird geladen…',
  openItems: { one: '{count} offener Punkt', other: '{count} offene Punkte' },
  prepareTableStandingTopics: 'feste Themen',
  prepareTableTopicDiscussions: 'besprochene feste Themen',
  prepareTableFeedbackEntries: 'Einträge im Feedback-Protokoll',
  prepareSearchKindStandingTopic: 'Festes Thema',
  prepareSearchKindFeedback: 'Feedback-Protokoll',
};
