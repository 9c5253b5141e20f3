// Plain panel data for component and model tests (no store, no browser).

import type { PanelData } from '@/utils/domain/records';
import type { ActionItem, StandingTopicAtMeeting, TalkingPoint } from '@/utils/domain/records';
import type { PanelView } from './panel-view';

export const NOW = new Date(2025, 5, 17, 10, 0).getTime();
const DAY = 86_400_000;

export function actionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'item-1',
    personEmail: 'alex@example.com',
    text: 'Send the RFC',
    owner: 'them',
    due: '',
    meetingEid: 'eid-prev',
    createdAt: NOW - 14 * DAY,
    updatedAt: NOW - 14 * DAY,
    doneAt: null,
    open: 1,
    ...overrides,
  };
}

export function talkingPoint(overrides: Partial<TalkingPoint> = {}): TalkingPoint {
  return {
    id: 'point-1',
    personEmail: 'alex@example.com',
    text: 'Promotion timeline',
    createdAt: NOW - 3 * DAY,
    discussedAt: null,
    discussedIn: '',
    open: 1,
    ...overrides,
  };
}

export function standingTopic(
  overrides: Partial<StandingTopicAtMeeting['topic']> = {},
  state: Partial<Omit<StandingTopicAtMeeting, 'topic'>> = {},
): StandingTopicAtMeeting {
  return {
    topic: {
      id: 'topic-1',
      personEmail: '',
      text: 'How are you, really?',
      rhythm: 'every',
      createdAt: NOW - 50 * DAY,
      updatedAt: NOW - 50 * DAY,
      ...overrides,
    },
    due: true,
    discussedHere: false,
    lastDiscussedStart: NOW - 14 * DAY,
    nextDueAt: null,
    ...state,
  };
}

export function panelData(overrides: Partial<PanelData> = {}): PanelData {
  return {
    person: {
      email: 'alex@example.com',
      name: 'Alex Rivera',
      cadenceDays: 14,
      cadenceSource: 'default',
      profileNotes: '',
      archived: 0,
      createdAt: NOW - 100 * DAY,
      updatedAt: NOW - 100 * DAY,
    },
    projects: [
      {
        project: {
          id: 'p1',
          name: 'Apollo',
          description: '',
          status: 'active',
          archived: 0,
          startDate: '',
          endDate: '',
          createdAt: 0,
          updatedAt: 0,
        },
        share: 60,
        role: 'lead',
      },
    ],
    meeting: {
      eid: 'eid-now',
      seriesKey: 'series-1',
      personEmail: 'alex@example.com',
      start: NOW,
      title: 'Alex / Sam 1:1',
      createdAt: NOW,
    },
    note: null,
    lastMeeting: {
      meeting: {
        eid: 'eid-prev',
        seriesKey: 'series-1',
        personEmail: 'alex@example.com',
        start: NOW - 14 * DAY,
        title: 'Alex / Sam 1:1',
        createdAt: NOW - 14 * DAY,
      },
      note: {
        meetingEid: 'eid-prev',
        personEmail: 'alex@example.com',
        meetingStart: NOW - 14 * DAY,
        text: 'Talked about the migration plan',
        wellbeing: 4,
        updatedAt: NOW - 14 * DAY,
      },
    },
    lastOneOnOne: NOW - 14 * DAY,
    openItems: [actionItem()],
    talkingPoints: [talkingPoint()],
    standingTopics: [standingTopic()],
    wellbeingTrend: [
      { start: NOW - 28 * DAY, wellbeing: 3 },
      { start: NOW - 14 * DAY, wellbeing: 4 },
    ],
    ...overrides,
  };
}

export function panelView(overrides: Partial<PanelView> = {}): PanelView {
  return {
    person: { email: 'alex@example.com', name: 'Alex Rivera' },
    data: panelData(),
    error: null,
    noteText: '',
    noteStatus: 'idle',
    wellbeing: null,
    doneItems: [],
    discussedPoints: [],
    topicChecks: {},
    undo: null,
    screenShareSafe: false,
    theme: 'light',
    now: NOW,
    ...overrides,
  };
}
