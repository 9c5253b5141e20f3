// Valid payloads for every request type, shared by the validation and handler tests. They
// reference the records seedStore creates (person ana@example.com, meeting eid-1, item-1, tp-1,
// project-1, standing topic topic-1, feedback log entry feedback-1), so each one also succeeds against a seeded store. Only required keys appear here:
// removing any key must make the payload invalid.

import type { ActionItem } from '@/utils/domain/records';
import type { RequestOf, RequestType } from '@/utils/messaging/protocol';

export const ANA = 'ana@example.com';
export const NOW = Date.UTC(2025, 5, 2, 9, 0);

export const restorableItem: ActionItem = {
  id: 'item-restored',
  personEmail: ANA,
  text: 'Send the offsite agenda',
  owner: 'me',
  due: '2025-06-10',
  meetingEid: 'eid-1',
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
  doneAt: null,
  open: 1,
};

export type Payloads = { [T in RequestType]: RequestOf<T> };

/** A backup file's blob: URL, of the extension handlers.test.ts serves ('cbc-extension-id'). */
export const BACKUP_FILE_URL = 'blob:chrome-extension://cbc-extension-id/5d0c3f7e-backup';

/** importBackup's payload needs a real backup; tests fill it in from exportBackup. */
export function validPayloads(backup: unknown = {}): Payloads {
  return {
    openOneOnOne: {
      event: {
        eid: 'eid-2',
        seriesKey: 'series-1',
        title: 'Ana / Me',
        start: NOW + 7 * 86_400_000,
      },
      person: { email: ANA, name: 'Ana' },
    },
    showEvent: {
      event: { eid: 'eid-3', seriesKey: 'series-1', title: 'Ana / Me', start: NOW },
      person: { email: ANA, name: 'Ana' },
    },
    getSeriesOverride: { seriesKey: 'series-1' },
    setSeriesOverride: {
      seriesKey: 'series-9',
      decision: 'one-on-one',
      personEmail: ANA,
      personName: 'Ana',
    },
    getMeetingNotesBefore: { personEmail: ANA, before: NOW },
    saveNote: { meetingEid: 'eid-1', text: 'Talked about the roadmap.', wellbeing: 4 },
    addActionItem: {
      personEmail: ANA,
      text: 'Review the design doc',
      owner: 'them',
      due: '2025-06-30',
      meetingEid: 'eid-1',
    },
    updateActionItem: { id: 'item-1' },
    setActionItemDone: { id: 'item-1', done: true },
    deleteActionItem: { id: 'item-1' },
    restoreActionItem: { item: restorableItem },
    addTalkingPoint: { personEmail: ANA, text: 'Conference budget' },
    setTalkingPointDiscussed: { id: 'tp-1', discussed: true, meetingEid: 'eid-1' },
    addStandingTopic: { personEmail: ANA, text: 'Career goals', rhythm: 'quarterly' },
    updateStandingTopic: { id: 'topic-1' },
    deleteStandingTopic: { id: 'topic-1' },
    setStandingTopicDiscussed: { topicId: 'topic-1', meetingEid: 'eid-1', discussed: true },
    addFeedbackEntry: {
      personEmail: ANA,
      day: '2025-06-01',
      kind: 'praise',
      text: 'Thanked her for the clear incident write-up',
      meetingEid: '',
    },
    updateFeedbackEntry: { id: 'feedback-1' },
    deleteFeedbackEntry: { id: 'feedback-1' },
    getOpenItemCounts: { seriesKeys: ['series-1', 'series-unknown'] },
    openPanelChannel: { nonce: '3b241101-e2bb-4255-8caf-4136c566a962' },
    claimPanelChannel: { nonce: '3b241101-e2bb-4255-8caf-4136c566a962' },
    recordSeenOccurrences: {
      occurrences: [
        { eid: 'eid-seen', seriesKey: 'series-1', start: NOW - 3_600_000 },
        { eid: 'eid-next', seriesKey: 'series-1', start: NOW + 86_400_000 },
      ],
    },
    addPerson: { email: 'cy@example.com', name: 'Cy' },
    updatePerson: { email: ANA },
    createProject: { name: 'Billing revamp' },
    updateProject: { id: 'project-1' },
    assignPerson: { personEmail: ANA, projectId: 'project-1', share: 50 },
    unassignPerson: { personEmail: ANA, projectId: 'project-1' },
    importBackup: { backup },
    importBackupFile: { url: BACKUP_FILE_URL },
    stageBackupFile: { url: BACKUP_FILE_URL },
    getImportProgress: {},
    cancelImport: {},
    deleteAllData: { confirm: 'delete everything' },
  };
}

/** The same requests with every optional key given. */
export const fullPayloads: Partial<Payloads> = {
  openOneOnOne: {
    event: {
      eid: 'eid-2',
      seriesKey: 'series-1',
      title: 'Ana / Me',
      start: NOW,
      recurrenceDays: 7,
    },
    person: { email: ANA, name: 'Ana' },
  },
  addActionItem: {
    id: 'item-9',
    personEmail: ANA,
    text: 'Pair on the migration',
    owner: 'me',
    due: '',
    meetingEid: '',
  },
  updateActionItem: { id: 'item-1', text: 'Reviewed', owner: 'me', due: '2024-02-29' },
  addTalkingPoint: { id: 'tp-9', personEmail: ANA, text: 'Promotion case' },
  addStandingTopic: {
    id: 'topic-9',
    personEmail: '',
    text: 'How are you, really?',
    rhythm: 'every',
  },
  updateStandingTopic: { id: 'topic-1', text: 'Growth plan', rhythm: 'every-other' },
  addFeedbackEntry: {
    id: 'feedback-9',
    personEmail: ANA,
    day: '1970-01-01',
    kind: 'win',
    text: 'Shipped the importer',
    meetingEid: 'eid-1',
  },
  updateFeedbackEntry: {
    id: 'feedback-1',
    day: '1970-01-01',
    kind: 'praise',
    text: 'Thanked her for the reviews',
  },
  updatePerson: { email: ANA, name: 'Ana B.', cadenceDays: 365, profileNotes: '', archived: true },
  createProject: { id: 'project-9', name: 'Search', description: 'Faster', status: 'paused' },
  updateProject: {
    id: 'project-1',
    name: 'Billing',
    description: '',
    status: 'done',
    archived: false,
    startDate: '2025-01-01',
    endDate: '',
  },
  assignPerson: { personEmail: ANA, projectId: 'project-1', share: 100, role: 'Lead' },
  setSeriesOverride: {
    seriesKey: 'series-8',
    decision: 'not-one-on-one',
    personEmail: '',
    personName: '',
  },
};
