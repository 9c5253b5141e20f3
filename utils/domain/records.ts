// The data model (docs/architecture.md, "Data model"). Plain, structured-clonable records:
// they travel in runtime messages and in backup files unchanged. The bottom of the code's
// layers: the store, messaging, the panel and the popup import these words; this folder
// imports from nobody (lint checks it).
//
// Conventions:
// - emails are stored lowercased and are the key of a person;
// - "booleans" that are indexed are 0 | 1 (IndexedDB cannot index true/false);
// - instants are epoch milliseconds (number); calendar days (due dates) are 'yyyy-MM-dd' strings;
// - ids of user-created records are strings chosen by the caller when it wants idempotent
//   retries (a resent add with the same id does not create a second record), else generated.

export type Email = string;
export type Flag = 0 | 1;

/**
 * Where a person's cadence comes from, strongest last: 'default' (nothing known yet, 14 days),
 * 'seen' (the usual gap between the 1:1s recorded with them), 'recurrence' (the series'
 * recurrence line, e.g. "Weekly on Thursday"), 'manager' (chosen in the popup, never changed by
 * the extension).
 */
export type CadenceSource = 'default' | 'seen' | 'recurrence' | 'manager';

export interface Person {
  email: Email;
  name: string;
  /** Wanted 1:1 cadence in days: 7 weekly, 14 every two weeks, 30 monthly. */
  cadenceDays: number;
  /** Where cadenceDays comes from (schema version 2). */
  cadenceSource: CadenceSource;
  /** Private profile notes about the person (not tied to a meeting). */
  profileNotes: string;
  archived: Flag;
  createdAt: number;
  updatedAt: number;
}

export type ProjectStatus = 'active' | 'paused' | 'done';

export interface Project {
  id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  archived: Flag;
  /** 'yyyy-MM-dd' or '' */
  startDate: string;
  /** 'yyyy-MM-dd' or '' */
  endDate: string;
  createdAt: number;
  updatedAt: number;
}

export interface Assignment {
  id: string;
  personEmail: Email;
  projectId: string;
  /**
   * Share of the person's time, whole percent 0–100. 0 means on the project (an adviser, someone
   * listed before their time on it starts) with none of their time counted in their allocation.
   */
  share: number;
  role: string;
  /** 'yyyy-MM-dd' or '' */
  since: string;
  /** 'yyyy-MM-dd' or '' */
  until: string;
}

/** One calendar occurrence of a 1:1. */
export interface Meeting {
  /** Google's eid of the occurrence (base64 of "<eventId> <calendar>"). */
  eid: string;
  /** Series key: the event id with a recurring-instance suffix stripped, lowercased. */
  seriesKey: string;
  personEmail: Email;
  /** Start of the occurrence; when Calendar did not show it, the moment it was first seen. */
  start: number;
  title: string;
  createdAt: number;
}

export type Wellbeing = 1 | 2 | 3 | 4 | 5;

/** The notes of one meeting. Keyed by the meeting's eid. */
export interface Note {
  meetingEid: string;
  personEmail: Email;
  /** Copy of the meeting's start, so notes of a person can be read in order from one index. */
  meetingStart: number;
  text: string;
  /** Private check-in, 1 (struggling) to 5 (thriving); null when not given. */
  wellbeing: Wellbeing | null;
  updatedAt: number;
}

export type Owner = 'me' | 'them';

export interface ActionItem {
  id: string;
  personEmail: Email;
  text: string;
  owner: Owner;
  /** 'yyyy-MM-dd' or '' when there is no due date. */
  due: string;
  /** eid of the meeting it was created in, or '' */
  meetingEid: string;
  createdAt: number;
  updatedAt: number;
  /** When it was checked off, or null while open. */
  doneAt: number | null;
  /** 1 while open (indexed mirror of doneAt === null). */
  open: Flag;
}

export interface TalkingPoint {
  id: string;
  personEmail: Email;
  text: string;
  createdAt: number;
  /** When it was marked discussed, or null while queued. */
  discussedAt: number | null;
  /** eid of the meeting it was discussed in, or '' */
  discussedIn: string;
  /** 1 while queued for the next 1:1. */
  open: Flag;
}

/**
 * How often a standing topic comes up: at every 1:1, every other one, once a month or once a
 * quarter (counted from the 1:1 it was last discussed in).
 */
export type TopicRhythm = 'every' | 'every-other' | 'monthly' | 'quarterly';

/**
 * A topic that comes back on its own rhythm (schema version 4): "career goals" quarterly. For
 * one person, or for everyone (personEmail '').
 */
export interface StandingTopic {
  id: string;
  /** The person it is for, or '' for everyone. */
  personEmail: Email | '';
  text: string;
  rhythm: TopicRhythm;
  createdAt: number;
  updatedAt: number;
}

/** A standing topic discussed with a person in one meeting (schema version 4). */
export interface TopicDiscussion {
  id: string;
  topicId: string;
  personEmail: Email;
  meetingEid: string;
  /** Copy of the meeting's start: the rhythm counts from it. */
  meetingStart: number;
  discussedAt: number;
}

export type FeedbackKind = 'praise' | 'feedback' | 'concern' | 'win';

/** One entry of a person's feedback log (schema version 4): praise given, a concern, a win. */
export interface FeedbackEntry {
  id: string;
  personEmail: Email;
  /** The day it happened, 'yyyy-MM-dd' (1970 or later). */
  day: string;
  kind: FeedbackKind;
  text: string;
  /** eid of the meeting it was written in, or '' */
  meetingEid: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * A future occurrence of a known 1:1 series, as last seen on Calendar's grid (schema version 5).
 * A cache, not data: not in backups, cleared by an import or "Delete all data"; the popup's
 * Week ahead reads it. Only what the page showed: nothing is fetched from a calendar API.
 */
export interface UpcomingOccurrence {
  /** Google's eid of the occurrence (key). */
  eid: string;
  seriesKey: string;
  personEmail: Email;
  start: number;
  /** The title of the series' latest recorded meeting ('' when none had one). */
  title: string;
  /** When the content script last reported it. */
  seenAt: number;
}

/** A standing topic as one 1:1 sees it. */
export interface StandingTopicAtMeeting {
  topic: StandingTopic;
  /** It comes up at this 1:1 (it was due before it was discussed here, if it was). */
  due: boolean;
  /** Discussed in this 1:1 already. */
  discussedHere: boolean;
  /** Start of the latest earlier 1:1 it was discussed in, or null if never. */
  lastDiscussedStart: number | null;
  /** From when it is due again after this 1:1, for monthly and quarterly topics; else null. */
  nextDueAt: number | null;
}

/** The user's own decision for a calendar series: it wins over the classifier. */
export interface SeriesOverride {
  seriesKey: string;
  decision: 'one-on-one' | 'not-one-on-one';
  /** The counterpart chosen by the user when decision is 'one-on-one'. */
  personEmail: Email;
  personName: string;
  updatedAt: number;
}

/** The other person of a 1:1: who the panel is about. */
export interface Counterpart {
  email: Email;
  name: string;
}

export interface MeetingNotes {
  meeting: Meeting;
  note: Note;
}

export interface ProjectShare {
  project: Project;
  share: number;
  role: string;
}

/** Everything the side panel shows for one occurrence, read in one transaction. */
export interface PanelData {
  person: Person;
  projects: ProjectShare[];
  /** This occurrence (recorded when first opened). */
  meeting: Meeting;
  /** This occurrence's notes, or null when none yet. */
  note: Note | null;
  /** The latest earlier meeting with this person (start < meeting.start) that has notes. */
  lastMeeting: MeetingNotes | null;
  /**
   * The last 1:1 at the time of reading (store lastOneOnOne, as the popup counts it): the latest
   * occurrence with this person that has started, this one included once it has; null if none.
   */
  lastOneOnOne: number | null;
  /** All open action items for the person, mine and theirs, oldest first. */
  openItems: ActionItem[];
  /** Talking points queued for the next 1:1, oldest first. */
  talkingPoints: TalkingPoint[];
  /** Standing topics due at this 1:1 or discussed in it, oldest first (schema version 4). */
  standingTopics: StandingTopicAtMeeting[];
  /** Recent wellbeing check-ins, oldest first (at most 6, the popup's window too). */
  wellbeingTrend: Array<{ start: number; wellbeing: Wellbeing }>;
}
