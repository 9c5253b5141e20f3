// The one protocol between the extension's contexts and the background, which is the single
// writer of the store. Content scripts (on calendar.google.com) and extension pages send
// requests; the background validates each at the edge (see validate.ts / handlers.ts) and
// answers with a Response, never a rejection.
//
// Names: commands are imperative (addActionItem); notifications are past tense (dataChanged).

import type {
  ActionItem,
  Counterpart,
  Assignment,
  Email,
  FeedbackEntry,
  FeedbackKind,
  MeetingNotes,
  Note,
  Owner,
  PanelData,
  Person,
  Project,
  ProjectStatus,
  SeriesOverride,
  StandingTopic,
  TalkingPoint,
  TopicDiscussion,
  TopicRhythm,
  Wellbeing,
} from '../domain/records';

/** The occurrence being shown, as the content script passes it on. */
export interface EventRef {
  eid: string;
  seriesKey: string;
  title: string;
  start: number | null;
  /** Days between occurrences from the series' recurrence line, when the page showed one. */
  recurrenceDays?: number | null;
}

export interface ImportSummary {
  /** Records per table in the file. */
  counts: Record<string, number>;
}

/** Request payloads and response values, by request type. */
export interface Protocol {
  /** Record (or find) the occurrence and the person, and read the panel's data. */
  openOneOnOne: { request: { event: EventRef; person: Counterpart }; response: PanelData };
  /**
   * One round trip for an occurrence whose series the content script has not seen: the series'
   * decision, and the panel's data when the background recorded the occurrence. The decision
   * wins: "not a 1:1" records nothing (panel null); "1:1 with X" records under X; without a
   * decision it records under `person` (the content script's own 1:1 reading), or nothing when
   * `person` is null.
   */
  showEvent: {
    request: { event: EventRef; person: Counterpart | null };
    response: { override: SeriesOverride | null; panel: PanelData | null };
  };
  /** The user's decision for a series, or null. */
  getSeriesOverride: { request: { seriesKey: string }; response: SeriesOverride | null };
  setSeriesOverride: {
    request: {
      seriesKey: string;
      decision: SeriesOverride['decision'];
      personEmail: Email;
      personName: string;
    };
    response: SeriesOverride;
  };
  /** The latest meeting with notes before `before` (to browse earlier notes). */
  getMeetingNotesBefore: {
    request: { personEmail: Email; before: number };
    response: MeetingNotes | null;
  };
  saveNote: {
    request: { meetingEid: string; text: string; wellbeing: Wellbeing | null };
    response: Note;
  };
  addActionItem: {
    request: {
      id?: string;
      personEmail: Email;
      text: string;
      owner: Owner;
      due: string;
      meetingEid: string;
    };
    response: ActionItem;
  };
  // personEmail, on requests that act on one record by id: the record's person, whose packs a
  // closed record is looked for in (utils/store/closed-packs.ts); without it, in every pack.
  updateActionItem: {
    request: { id: string; personEmail?: Email; text?: string; owner?: Owner; due?: string };
    response: ActionItem;
  };
  setActionItemDone: {
    request: { id: string; personEmail?: Email; done: boolean };
    response: ActionItem;
  };
  /** Returns the deleted item so the UI can offer undo (restoreActionItem). */
  deleteActionItem: { request: { id: string; personEmail?: Email }; response: ActionItem };
  restoreActionItem: { request: { item: ActionItem }; response: ActionItem };
  addTalkingPoint: {
    request: { id?: string; personEmail: Email; text: string };
    response: TalkingPoint;
  };
  setTalkingPointDiscussed: {
    request: { id: string; personEmail?: Email; discussed: boolean; meetingEid: string };
    response: TalkingPoint;
  };
  /** A standing topic for one person, or for everyone (personEmail ''). */
  addStandingTopic: {
    request: { id?: string; personEmail: Email | ''; text: string; rhythm: TopicRhythm };
    response: StandingTopic;
  };
  updateStandingTopic: {
    request: { id: string; text?: string; rhythm?: TopicRhythm };
    response: StandingTopic;
  };
  /** Deletes the topic and the record of its discussions. */
  deleteStandingTopic: { request: { id: string }; response: StandingTopic };
  /**
   * A standing topic discussed in a meeting (its next due date moves), or taken back (null).
   * Skipping one sends nothing: it stays due.
   */
  setStandingTopicDiscussed: {
    request: { topicId: string; meetingEid: string; discussed: boolean };
    response: TopicDiscussion | null;
  };
  addFeedbackEntry: {
    request: {
      id?: string;
      personEmail: Email;
      day: string;
      kind: FeedbackKind;
      text: string;
      meetingEid: string;
    };
    response: FeedbackEntry;
  };
  /** Changes an entry's day, kind or text (what is left out stays). */
  updateFeedbackEntry: {
    request: {
      id: string;
      personEmail?: Email;
      day?: string;
      kind?: FeedbackKind;
      text?: string;
    };
    response: FeedbackEntry;
  };
  deleteFeedbackEntry: { request: { id: string; personEmail?: Email }; response: FeedbackEntry };
  /**
   * The content script announces the one-time nonce it is about to hand the panel's frame with
   * a MessageChannel port (panel-channel.ts). Content scripts only; bound to the sender's tab.
   */
  openPanelChannel: { request: { nonce: string }; response: null };
  /**
   * The panel's frame asks whether a nonce it was handed was announced by the content script of
   * its own tab (true once: the nonce is spent). Extension pages in a tab only.
   */
  claimPanelChannel: { request: { nonce: string }; response: boolean };
  /**
   * Chips of known 1:1 series the grid shows. Started ones are recorded as meetings of the
   * series' person, so a 1:1 that took place counts as the last 1:1 even if never opened
   * (`recorded` counts them; occurrences already recorded are ignored). Ones to come are cached
   * for the popup's Week ahead, with when they were seen; cached ones that started over a week
   * ago go. Unknown series and "not a 1:1" series are ignored.
   */
  recordSeenOccurrences: {
    request: { occurrences: Array<{ eid: string; seriesKey: string; start: number }> };
    response: { recorded: number };
  };
  /**
   * Open action item counts of the people of the given series known to be 1:1s, with whom each
   * is with (chip badges: "3 open action items with Alex Rivera").
   */
  getOpenItemCounts: {
    request: { seriesKeys: string[] };
    response: Record<string, { count: number; name: string }>;
  };
  // Popup / options writes (they read the store directly; the background stays the only writer).
  /** A new person; an address already stored (any case) is refused, naming who has it. */
  addPerson: { request: { email: Email; name: string }; response: Person };
  updatePerson: {
    request: {
      email: Email;
      name?: string;
      cadenceDays?: number;
      profileNotes?: string;
      archived?: boolean;
    };
    response: Person;
  };
  createProject: {
    request: { id?: string; name: string; description?: string; status?: ProjectStatus };
    response: Project;
  };
  updateProject: {
    request: {
      id: string;
      name?: string;
      description?: string;
      status?: ProjectStatus;
      archived?: boolean;
      startDate?: string;
      endDate?: string;
    };
    response: Project;
  };
  /** Create or update the assignment of a person to a project. */
  assignPerson: {
    request: { personEmail: Email; projectId: string; share: number; role?: string };
    response: Assignment;
  };
  unassignPerson: { request: { personEmail: Email; projectId: string }; response: null };
  /**
   * Validate the whole file, then replace all data with it in one transaction, written in
   * chunks. One import at a time; cancelled or failed, it changes nothing.
   */
  importBackup: { request: { backup: unknown }; response: ImportSummary };
  /**
   * importBackup for a file the popup read: `url` is a `blob:` URL of this extension's origin
   * that the background reads itself. A 40 MB file crosses in ~0.15 s that way; as a message
   * (JSON of the parsed backup, copied between processes) it took ~1 s.
   */
  importBackupFile: { request: { url: string }; response: ImportSummary };
  /**
   * The popup shows a file's preview: the background reads and checks the same file meanwhile,
   * so that importBackupFile of that URL only writes. Nothing is changed; a failed reading is
   * left for importBackupFile to try again and report.
   */
  stageBackupFile: { request: { url: string }; response: null };
  /** How far the running import has got, or null when none runs (the popup's progress bar). */
  getImportProgress: {
    request: Record<string, never>;
    response: { written: number; total: number } | null;
  };
  /**
   * Calls the running import off: it stops at its next chunk and the earlier data stays exactly
   * as it was. `cancelled` is false when no import was running (it had already finished).
   */
  cancelImport: { request: Record<string, never>; response: { cancelled: boolean } };
  deleteAllData: { request: { confirm: 'delete everything' }; response: null };
}

export type RequestType = keyof Protocol;
export type RequestOf<T extends RequestType> = Protocol[T]['request'];
export type ResponseOf<T extends RequestType> = Protocol[T]['response'];

/** What travels through runtime.sendMessage. */
export interface RequestMessage<T extends RequestType = RequestType> {
  type: T;
  payload: RequestOf<T>;
}

/**
 * A refusal's `error` is for people (in the UI language when the background words it);
 * `detail` keeps the English technical message for a bug report.
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; detail?: string };

/** Port name on which the background pushes notifications to open panels and pages. */
export const CHANGES_PORT = 'cbc-changes';

/** Notification after every successful write. */
export interface DataChanged {
  type: 'dataChanged';
  /** People whose data changed; empty when everything may have changed (import, wipe). */
  personEmails: Email[];
}
