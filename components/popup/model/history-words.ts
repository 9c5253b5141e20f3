// The words of a person's Markdown export (utils/store/person-history-markdown.ts), in the
// page's language: the file is for the user to read and keep.

import { t, type MessageKey } from '@/components/i18n';
import type { FeedbackKind } from '@/utils/domain/records';
import type { HistoryWords } from '@/utils/store/person-history-markdown';

const FEEDBACK_KIND_KEYS: Record<FeedbackKind, MessageKey> = {
  praise: 'prepareKindPraise',
  feedback: 'prepareKindFeedback',
  concern: 'prepareKindConcern',
  win: 'prepareKindWin',
};

export function historyWords(): HistoryWords {
  return {
    title: (name) => t('popupHistoryTitle', { name }),
    summary: (email, days, on) => t('popupHistorySummary', { email, count: days, date: on }),
    profileNotes: t('popupProfileNotes'),
    openItems: t('panelOpenItems'),
    talkingPoints: t('panelTalkingPoints'),
    meetings: t('popupHistoryMeetings'),
    doneItems: t('popupHistoryDoneItems'),
    wellbeing: (value) => t('popupHistoryWellbeing', { value }),
    mine: t('popupHistoryMine'),
    theirs: t('popupHistoryTheirs'),
    due: (on) => t('popupHistoryDue', { date: on }),
    done: (on) => t('popupHistoryDone', { date: on }),
    feedbackLog: t('prepareFeedbackLog'),
    feedbackKind: (kind) => t(FEEDBACK_KIND_KEYS[kind]),
  };
}
