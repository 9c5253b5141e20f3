// The popup's props contract: what its views read (`PopupData`) and what they may ask for
// (`PopupActions`). Views only see these two; the model (model/use-popup-model.ts) fills them
// from the store (reads) and the background (writes), tests fill them with plain values.

import type { ImportSummary } from '@/utils/messaging/protocol';
import type { PersonOverview } from '@/utils/store/overview';
import type { SearchResult } from '@/utils/store/search';
import type { WeekAhead } from '@/utils/store/upcoming-occurrences';
import type { TableName } from '@/utils/store/schema';
import type {
  ActionItem,
  Assignment,
  FeedbackEntry,
  FeedbackKind,
  Person,
  Project,
  ProjectStatus,
  StandingTopic,
  TopicRhythm,
} from '@/utils/domain/records';

export interface ProjectEntry {
  project: Project;
  /** The project's people and their shares. */
  assignments: Assignment[];
}

export interface StorageState {
  /** False when the browser has no StorageManager (navigator.storage). */
  supported: boolean;
  /** Whether the browser promised not to evict our data; null while unknown. */
  persisted: boolean | null;
  /** Bytes used and available to this origin (estimate), null while unknown. */
  usage: number | null;
  quota: number | null;
}

/**
 * Whether the extension may read Google Calendar (its host permission). Chrome grants it at
 * install (a user can withdraw it); Firefox leaves it to the user for MV3 extensions.
 */
export type CalendarAccess =
  | 'checking'
  | 'granted'
  /** Not granted: the popup says so and offers to ask the browser. */
  | 'missing'
  /** Granted while this popup was open: Calendar tabs opened before must be reloaded. */
  | 'granted-now';

/** A search result with what the view needs to name it. */
export interface SearchHit {
  /** What the store found, or a person found by name or email (kind 'person', id their
   * email), or a project by name (kind 'project', no person: personEmail ''). */
  result: Omit<SearchResult, 'kind'> & { kind: SearchResult['kind'] | 'person' | 'project' };
  personName: string;
  /** Start of the meeting it belongs to, or null when it belongs to none. */
  meetingStart: number | null;
  /** The whole text of a note or talking point (the snippet is a part), shown when opened. */
  fullText?: string;
}

export type ImportPreview = Record<TableName, { inFile: number; existing: number }>;

/** A backup file read and validated, ready to be confirmed; or why it cannot be imported. */
export type PreparedImport =
  { ok: true; backup: unknown; preview: ImportPreview } | { ok: false; error: string };

export interface PopupData {
  /** Today as 'yyyy-MM-dd' in local time (due dates are calendar days). */
  today: string;
  /** When the popup opened (epoch ms): "seen today at 9:14" counts from it. */
  openedAt: number;
  /** The 1:1s of the next seven days seen in Calendar, or undefined while loading. */
  weekAhead?: WeekAhead;
  /** Every open action item, or undefined while loading. */
  followUps: ActionItem[] | undefined;
  /**
   * While `followUps` loads: the open items that make up its first page (PAGE_SIZE items) in
   * the default view (all owners, either grouping), from store's firstOpenFollowUps.
   */
  followUpsPreview?: ActionItem[];
  /** Non-archived people with their 1:1 rhythm, or undefined while loading. */
  people: PersonOverview[] | undefined;
  /** Everyone, archived included (names for follow-ups and search, the archive list). */
  directory: Person[] | undefined;
  /** Every project, archived included, with its assignments; undefined while loading. */
  projects: ProjectEntry[] | undefined;
  /** email → sum of shares over projects that count (not archived, not done). */
  allocation: Record<string, number>;
  storage: StorageState;
  calendarAccess: CalendarAccess;
  /** "Hide notes": private values are blurred (the same switch as the side panel's). */
  screenShareSafe: boolean;
}

export interface FollowUpActions {
  /** `personEmail`, the item's person: whose packs a done item is looked for in (closed-packs.ts). */
  setItemDone(id: string, done: boolean, personEmail: string): Promise<unknown>;
  setItemDue(id: string, due: string, personEmail: string): Promise<unknown>;
}

/** A person's standing topics (theirs and the default set) and feedback log, newest first. */
export interface PersonPreparation {
  topics: StandingTopic[];
  feedback: FeedbackEntry[];
}

export interface PeopleActions {
  addPerson(input: { email: string; name: string }): Promise<unknown>;
  renamePerson(email: string, name: string): Promise<unknown>;
  /** The person's private profile notes, kept exactly as typed. */
  setProfileNotes(email: string, profileNotes: string): Promise<unknown>;
  setCadence(email: string, cadenceDays: number): Promise<unknown>;
  setArchived(email: string, archived: boolean): Promise<unknown>;
  /** Downloads the person's 1:1 history as a Markdown file. */
  exportHistory(email: string): Promise<unknown>;
  /** Read when a person's preparation is opened, never on the first screen. */
  loadPreparation(email: string): Promise<PersonPreparation>;
  /** personEmail '' is the default set, for everyone. */
  addStandingTopic(input: {
    personEmail: string;
    text: string;
    rhythm: TopicRhythm;
  }): Promise<unknown>;
  /** The default standing topics (for everyone), oldest first. */
  loadDefaultTopics(): Promise<StandingTopic[]>;
  updateStandingTopic(
    id: string,
    changes: { text?: string; rhythm?: TopicRhythm },
  ): Promise<unknown>;
  deleteStandingTopic(id: string): Promise<unknown>;
  addFeedbackEntry(input: {
    personEmail: string;
    day: string;
    kind: FeedbackKind;
    text: string;
  }): Promise<unknown>;
  updateFeedbackEntry(
    id: string,
    personEmail: string,
    changes: { day?: string; kind?: FeedbackKind; text?: string },
  ): Promise<unknown>;
  deleteFeedbackEntry(id: string, personEmail: string): Promise<unknown>;
}

export interface ProjectActions {
  /** Resolves with the new project (its row is then brought into view). */
  createProject(name: string): Promise<Project>;
  updateProject(input: {
    id: string;
    name?: string;
    description?: string;
    status?: ProjectStatus;
    archived?: boolean;
  }): Promise<unknown>;
  assignPerson(input: { personEmail: string; projectId: string; share: number }): Promise<unknown>;
  unassignPerson(personEmail: string, projectId: string): Promise<unknown>;
}

export interface SearchActions {
  search(query: string): Promise<SearchHit[]>;
}

export interface BackupActions {
  /** Downloads craft-beyond-code-backup-YYYY-MM-DD.json. */
  exportBackup(): Promise<unknown>;
  /** Reads and validates the whole file, and counts what it would replace. Writes nothing. */
  prepareImport(file: File): Promise<PreparedImport>;
  importBackup(backup: unknown): Promise<ImportSummary>;
  /** How far the running import has got, or null when none runs. */
  importProgress(): Promise<{ written: number; total: number } | null>;
  /** Asks the running import to stop; it then fails with IMPORT_CANCELLED_MESSAGE. */
  cancelImport(): Promise<unknown>;
  requestPersistence(): Promise<unknown>;
  deleteAllData(): Promise<unknown>;
}

export interface AccessActions {
  /**
   * Asks the browser for access to Google Calendar; resolves whether it was granted. Call it
   * straight from the click: browsers allow the request only while handling the user's input.
   */
  requestCalendarAccess(): Promise<boolean>;
}

export interface ScreenShareActions {
  toggleScreenShareSafe(): Promise<unknown>;
}

export type PopupActions = AccessActions &
  ScreenShareActions &
  FollowUpActions &
  PeopleActions &
  ProjectActions &
  SearchActions &
  BackupActions;
