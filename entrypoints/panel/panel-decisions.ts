// The panel model's pure decisions: what a shown event asks of the background, what the panel or
// the override control shows, and how a check-off changes a row. No state and no I/O, so each
// rule is tested on plain values.

import { openFlagOf } from '@/utils/domain/rules';
import type {
  ActionItem,
  Counterpart,
  PanelData,
  TalkingPoint,
  Wellbeing,
} from '@/utils/domain/records';
import type { NoteStatus, OverrideView, PanelView } from '@/components/panel/panel-view';
import type { CalendarEvent, Theme } from '@/utils/calendar/types';
import type { RequestOf } from '@/utils/messaging/protocol';

/** The occurrence as the background's panel requests name it. */
export function eventRefOf(event: CalendarEvent): RequestOf<'openOneOnOne'>['event'] {
  return {
    eid: event.eid,
    seriesKey: event.seriesKey,
    title: event.title,
    start: event.start,
    recurrenceDays: event.recurrenceDays ?? null,
  };
}

/** How the model shows a series the tab holds no decision for. */
export type DecisionPath = 'known' | 'ask-and-record' | 'ask-only';

/**
 * A one-off event or a series whose decision is cached needs no question; a series that could
 * be a 1:1 is asked and, when it is one, recorded in the same round trip; an event that can
 * never be a 1:1 (a task, a birthday) is only asked, so nothing is recorded for it.
 */
export function decisionPath(
  event: CalendarEvent,
  knowsDecision: boolean,
  /** The adapter's canBeOneOnOne, called only for a series without a known decision. */
  canBeOneOnOne: () => boolean,
): DecisionPath {
  if (event.seriesKey === '' || knowsDecision) return 'known';
  return canBeOneOnOne() ? 'ask-and-record' : 'ask-only';
}

/** Whether a panel the background read with the decision belongs to this person. */
export function answerFits(answered: PanelData | null, person: Counterpart): boolean {
  return answered !== null && answered.person.email.toLowerCase() === person.email.toLowerCase();
}

/**
 * A popover that shows no guest row yet: Calendar may still be streaming its guest section in
 * (or the list is collapsed to a count, or there are no guests: either way the rows are not
 * coming soon, and the override control shows after a short wait).
 */
export function mayStillStreamGuests(event: CalendarEvent): boolean {
  return event.surface === 'popover' && event.guests.length === 0 && !event.guestListComplete;
}

/** The override control for an event that is not a 1:1, or null where none is offered. */
export function overrideViewOf(event: CalendarEvent, theme: Theme): OverrideView | null {
  if (event.seriesKey === '') return null;
  const candidates = event.guests
    .filter((guest) => guest.kind === 'person' && guest.email !== event.me)
    .map((guest) => ({ email: guest.email, name: guest.name }));
  return { eid: event.eid, candidates, theme };
}

/** What the user changed in the panel of one occurrence, beside the data read. */
export interface SessionEdits {
  person: Counterpart;
  data: PanelData | null;
  /** What the user typed in this occurrence's editor (wins over refreshed data). */
  draft: string | null;
  /** undefined: not touched here. */
  wellbeing: Wellbeing | null | undefined;
  doneItems: ActionItem[];
  discussedPoints: TalkingPoint[];
  /** Standing topics checked or unchecked here, by topic id. */
  topicChecks: Record<string, boolean>;
  undo: { message: string } | null;
}

/** The note text the editor shows: the draft, else a save still queued, else the stored text. */
export function noteTextOf(edits: SessionEdits, queuedText: string | undefined): string {
  if (edits.draft !== null) return edits.draft;
  return queuedText ?? edits.data?.note?.text ?? '';
}

export function wellbeingOf(edits: SessionEdits): Wellbeing | null {
  return edits.wellbeing !== undefined ? edits.wellbeing : (edits.data?.note?.wellbeing ?? null);
}

export function panelViewOf(
  edits: SessionEdits,
  parts: {
    error: string | null;
    queuedText: string | undefined;
    noteStatus: NoteStatus;
    screenShareSafe: boolean;
    theme: Theme;
    now: number;
  },
): PanelView {
  return {
    person: edits.person,
    data: edits.data,
    error: parts.error,
    noteText: noteTextOf(edits, parts.queuedText),
    noteStatus: parts.noteStatus,
    wellbeing: wellbeingOf(edits),
    doneItems: edits.doneItems,
    discussedPoints: edits.discussedPoints,
    topicChecks: edits.topicChecks,
    undo: edits.undo && { message: edits.undo.message },
    screenShareSafe: parts.screenShareSafe,
    theme: parts.theme,
    now: parts.now,
  };
}

/** The list with `row` in place of the row of the same id (appended when new). */
export function replaceRow<T extends { id: string }>(rows: readonly T[], row: T): T[] {
  return [...rows.filter((r) => r.id !== row.id), row];
}

export function checkedOff(item: ActionItem, done: boolean, now: number): ActionItem {
  const doneAt = done ? now : null;
  return { ...item, doneAt, open: openFlagOf(doneAt) };
}

export function markedDiscussed(
  point: TalkingPoint,
  discussed: boolean,
  meetingEid: string,
  now: number,
): TalkingPoint {
  const discussedAt = discussed ? now : null;
  return {
    ...point,
    discussedAt,
    discussedIn: discussed ? meetingEid : '',
    open: openFlagOf(discussedAt),
  };
}
