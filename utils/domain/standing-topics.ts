// When a standing topic is due at a 1:1, pure: from its rhythm, the 1:1 it was last discussed
// in and the 1:1 before this one. Counted in 1:1s for "every" and "every other", in days for
// "monthly" (four weeks, so a weekly or fortnightly 1:1 on the same weekday gets it on time)
// and "quarterly" (thirteen weeks).

import type { TopicRhythm } from './records';

const DAY = 24 * 60 * 60 * 1000;

/** Days between discussions of the topics that follow the calendar rather than the 1:1s. */
export const TOPIC_RHYTHM_DAYS = { monthly: 28, quarterly: 91 } as const;

/** A 1:1 moved a few hours earlier than last time still counts as a full rhythm later. */
const SLACK_MS = DAY / 2;

export interface TopicTiming {
  rhythm: TopicRhythm;
  /** Start of the latest earlier 1:1 it was discussed in, or null if never. */
  lastDiscussedStart: number | null;
  /** Start of this 1:1. */
  meetingStart: number;
  /** Start of the latest 1:1 with the person before this one, or null if none. */
  previousMeetingStart: number | null;
}

/** Whether the topic comes up at this 1:1 (before it is discussed here). */
export function isTopicDue(timing: TopicTiming): boolean {
  const { rhythm, lastDiscussedStart, meetingStart, previousMeetingStart } = timing;
  if (lastDiscussedStart === null || rhythm === 'every') return true;
  if (rhythm === 'every-other') {
    // Discussed in the previous 1:1: it skips this one.
    return previousMeetingStart === null || lastDiscussedStart < previousMeetingStart;
  }
  return meetingStart - lastDiscussedStart >= TOPIC_RHYTHM_DAYS[rhythm] * DAY - SLACK_MS;
}

/**
 * From when a topic discussed in a 1:1 that started at `discussedStart` is due again, for the
 * rhythms that count days; null for those that count 1:1s (the next one, or the one after).
 */
export function nextDueAt(rhythm: TopicRhythm, discussedStart: number): number | null {
  if (rhythm === 'monthly' || rhythm === 'quarterly') {
    return discussedStart + TOPIC_RHYTHM_DAYS[rhythm] * DAY;
  }
  return null;
}
