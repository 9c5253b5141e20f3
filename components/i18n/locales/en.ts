// English: the reference locale. Every other locale has exactly these keys (de.ts and ja.ts are
// typed against this file, and i18n.test.ts also checks that the placeholders match).
//
// A message is a string with `{name}` placeholders, or, when it depends on a number, an object of
// plural forms chosen by Intl.PluralRules for the `count` value (`one`, `other`, and whatever
// else the language uses; `other` is required).

export const en = {
  appName: 'Craft Beyond Code',
  loading: 'Loading…',
  openItems: { one: '{count} open item', other: '{count} open items' },
  prepareTableStandingTopics: 'standing topics',
  prepareTableTopicDiscussions: 'standing topics discussed',
  prepareTableFeedbackEntries: 'feedback log entries',
  prepareSearchKindStandingTopic: 'Standing topic',
  prepareSearchKindFeedback: 'Feedback log',
} as const;
