// What the side panel renders (plain values) and what it can ask for (actions). The content
// script's model fills both; tests pass plain objects. Nothing here touches browser.* or the page.

import type { Counterpart, MeetingNotes, PanelData } from '@/utils/domain/records';
import type { Theme } from '@/utils/calendar/types';
import type {
  ActionItem,
  FeedbackKind,
  Owner,
  TalkingPoint,
  Wellbeing,
} from '@/utils/domain/records';

/** Autosave state of the notes editor, shown in a polite live region. */
export type NoteStatus = 'idle' | 'saving' | 'saved' | 'retrying';

export interface PanelView {
  /** The counterpart as classified: known before the data arrives. */
  person: Counterpart;
  /** null while the first read is in flight. */
  data: PanelData | null;
  /** A read that failed, in words (the panel stays up and retries on the next change). */
  error: string | null;
  /** What the notes editor shows: the user's unsaved draft when there is one, else the stored text. */
  noteText: string;
  noteStatus: NoteStatus;
  wellbeing: Wellbeing | null;
  /** Items checked off while this panel is open: still listed (checked) so a mis-click can be undone. */
  doneItems: ActionItem[];
  /** Talking points marked discussed while this panel is open, still listed (checked). */
  discussedPoints: TalkingPoint[];
  /** Standing topics checked or unchecked while this panel is open, by topic id (wins over data). */
  topicChecks: Record<string, boolean>;
  /** A deletion the user can undo. */
  undo: { message: string } | null;
  screenShareSafe: boolean;
  theme: Theme;
  now: number;
}

export interface NewActionItem {
  text: string;
  owner: Owner;
  /** 'yyyy-MM-dd' or '' */
  due: string;
}

export interface PanelActions {
  /** Every keystroke in the notes editor; the model debounces the save. */
  editNote(text: string): void;
  /** Save now (blur). */
  flushNote(): void;
  /** A check-in for this meeting, or null to clear it. */
  setWellbeing(value: Wellbeing | null): void;
  /** The latest meeting with notes before `before` (browse earlier notes). */
  loadNotesBefore(before: number): Promise<MeetingNotes | null>;
  /** Resolves false when the item could not be added (the form then gives the text back). */
  addActionItem(input: NewActionItem): Promise<boolean>;
  setActionItemDone(item: ActionItem, done: boolean): void;
  updateActionItem(id: string, changes: { text: string; due: string }): void;
  deleteActionItem(item: ActionItem): void;
  undo(): void;
  addTalkingPoint(text: string): Promise<boolean>;
  setTalkingPointDiscussed(point: TalkingPoint, discussed: boolean): void;
  /** A standing topic discussed in this 1:1 (its next due date moves), or taken back. */
  setStandingTopicDiscussed(topicId: string, discussed: boolean): void;
  /** One entry of the feedback log, dated today, in this meeting; resolves false when refused. */
  addFeedbackEntry(kind: FeedbackKind, text: string): Promise<boolean>;
  /** Puts this 1:1's agenda on the clipboard; resolves whether it was copied. */
  copyAgenda(): Promise<boolean>;
  toggleScreenShareSafe(): void;
  /** The user says this series is not a 1:1. */
  markNotOneOnOne(): void;
}

/** The small control shown on events that are not (recognised as) 1:1s. */
export interface OverrideView {
  /** The occurrence shown: the control starts afresh for another event. */
  eid: string;
  /** Guests the user may pick as the other person. */
  candidates: Counterpart[];
  theme: Theme;
}

export interface OverrideActions {
  treatAsOneOnOne(person: Counterpart): void;
}
