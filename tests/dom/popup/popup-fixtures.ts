// Plain data for the popup's view tests: records as the store returns them, and actions that
// record their calls.

import { fireEvent, screen, within } from '@testing-library/preact';
import { vi } from 'vitest';
import type { PopupActions, PopupData } from '@/components/popup/popup-data';
import type {
  ActionItem,
  Assignment,
  Person,
  PersonOverview,
  Project,
  StandingTopic,
} from '@/utils/store';

export const TODAY = '2025-03-10';

export function person(email: string, name: string, changes: Partial<Person> = {}): Person {
  return {
    email,
    name,
    cadenceDays: 14,
    cadenceSource: 'default',
    profileNotes: '',
    archived: 0,
    createdAt: 0,
    updatedAt: 0,
    ...changes,
  };
}

let itemSequence = 0;

export function actionItem(
  personEmail: string,
  text: string,
  changes: Partial<ActionItem> = {},
): ActionItem {
  itemSequence++;
  return {
    id: `item-${itemSequence}`,
    personEmail,
    text,
    owner: 'me',
    due: '',
    meetingEid: '',
    createdAt: itemSequence,
    updatedAt: itemSequence,
    doneAt: null,
    open: 1,
    ...changes,
  };
}

export function overview(who: Person, changes: Partial<PersonOverview> = {}): PersonOverview {
  return {
    person: who,
    lastOneOnOne: null,
    daysSince: null,
    cadence: 'no-meetings',
    openItems: 0,
    wellbeingTrend: [],
    allocation: 0,
    overAllocated: false,
    burnoutRisk: false,
    burnoutCauses: [],
    ...changes,
  };
}

export function project(id: string, name: string, changes: Partial<Project> = {}): Project {
  return {
    id,
    name,
    description: '',
    status: 'active',
    archived: 0,
    startDate: '',
    endDate: '',
    createdAt: 0,
    updatedAt: 0,
    ...changes,
  };
}

export function assignment(personEmail: string, projectId: string, share: number): Assignment {
  return {
    id: `${personEmail}:${projectId}`,
    personEmail,
    projectId,
    share,
    role: '',
    since: '',
    until: '',
  };
}

export function popupData(changes: Partial<PopupData> = {}): PopupData {
  return {
    today: TODAY,
    openedAt: new Date(`${TODAY}T09:00:00`).getTime(),
    followUps: [],
    people: [],
    directory: [],
    projects: [],
    allocation: {},
    storage: { supported: true, persisted: false, usage: 1024 * 1024, quota: 1024 ** 3 },
    calendarAccess: 'granted',
    screenShareSafe: false,
    ...changes,
  };
}

/** Every action resolved, recording its calls. */
export function recordingActions(changes: Partial<PopupActions> = {}) {
  const actions = {
    requestCalendarAccess: vi.fn(async () => true),
    toggleScreenShareSafe: vi.fn(async () => undefined),
    setItemDone: vi.fn(async () => undefined),
    setItemDue: vi.fn(async () => undefined),
    addPerson: vi.fn(async () => undefined),
    renamePerson: vi.fn(async () => undefined),
    setProfileNotes: vi.fn(async () => undefined),
    setCadence: vi.fn(async () => undefined),
    setArchived: vi.fn(async () => undefined),
    exportHistory: vi.fn(async () => undefined),
    loadPreparation: vi.fn(async () => ({ topics: [], feedback: [] })),
    loadDefaultTopics: vi.fn(async (): Promise<StandingTopic[]> => []),
    addStandingTopic: vi.fn(async () => undefined),
    updateStandingTopic: vi.fn(async () => undefined),
    deleteStandingTopic: vi.fn(async () => undefined),
    addFeedbackEntry: vi.fn(async () => undefined),
    updateFeedbackEntry: vi.fn(async () => undefined),
    deleteFeedbackEntry: vi.fn(async () => undefined),
    createProject: vi.fn(async (name: string) => project('project-new', name)),
    updateProject: vi.fn(async () => undefined),
    assignPerson: vi.fn(async () => undefined),
    unassignPerson: vi.fn(async () => undefined),
    search: vi.fn(async () => []),
    exportBackup: vi.fn(async () => undefined),
    prepareImport: vi.fn(async () => ({ ok: false as const, error: 'not set up' })),
    importBackup: vi.fn(async () => ({ counts: {} })),
    importProgress: vi.fn(async () => null),
    cancelImport: vi.fn(async () => undefined),
    requestPersistence: vi.fn(async () => undefined),
    deleteAllData: vi.fn(async () => undefined),
    ...changes,
  };
  return actions satisfies PopupActions;
}

/** Opens the card menu of the person or project named `name` and chooses `action` in it. */
export function chooseInCardMenu(name: string, action: string): void {
  fireEvent.click(screen.getByRole('button', { name: `More actions for ${name}` }));
  const menu = screen.getByRole('menu', { name: `More actions for ${name}` });
  fireEvent.click(within(menu).getByRole('menuitem', { name: action }));
}
