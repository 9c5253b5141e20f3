// A small bank of questions to pick standing topics from, in our own words, by theme. The words
// are the page's language (components/i18n); the themes order the picker.

import type { MessageKey } from '@/components/i18n';

export const QUESTION_BANK: ReadonlyArray<{ theme: MessageKey; questions: readonly MessageKey[] }> =
  [
    { theme: 'prepareBankOpening', questions: ['prepareQOpening1', 'prepareQOpening2'] },
    { theme: 'prepareBankCareer', questions: ['prepareQCareer1', 'prepareQCareer2'] },
    { theme: 'prepareBankFeedback', questions: ['prepareQFeedback1', 'prepareQFeedback2'] },
    { theme: 'prepareBankWellbeing', questions: ['prepareQWellbeing1', 'prepareQWellbeing2'] },
  ];
