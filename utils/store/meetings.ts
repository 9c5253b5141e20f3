// Meetings (one calendar occurrence of a 1:1) and their notes, which schema version 6 keeps in
// the meeting's record (notes-in-meetings.ts): a meeting and its notes are read and written
// together. Every operation returns a `Meeting` without its notes, and notes as `Note` records.

import type { MeetingNotes } from '../domain/records';
import type { CbcDatabase } from './db';
import { StoreError } from './db';
import { firstMatching } from './first-matching';
import { prefixRange } from './key-range';
import { MAX_NOTE_LENGTH } from '../domain/limits';
import {
  normalizeEmail,
  normalizeLine,
  requireEmail,
  requireLength,
  requireWellbeing,
} from './normalize-input';
import type { Meeting, Note, Wellbeing } from '../domain/records';
import { meetingOf, noteOf, withNote, type StoredMeeting } from './notes-in-meetings';

/**
 * Records an occurrence, idempotently per eid. The first start and createdAt are kept (a start
 * Calendar did not show is the moment it was first seen). Title, series and person follow the
 * latest call: the user may have chosen another counterpart for the series since, and the
 * occurrence's notes move with it.
 */
export async function recordMeeting(
  db: CbcDatabase,
  input: MeetingInput,
  now: number,
): Promise<Meeting> {
  const planned = normalizeMeetingInput(input);
  return db.transaction('rw', db.meetings, async () => {
    const existing = await db.meetings.get(planned.eid);
    // The stored record keeps its notes, which follow a new counterpart with it.
    const meeting = meetingToRecord(existing, planned, now);
    if (meeting !== existing) await db.meetings.put(meeting);
    return meetingOf(meeting);
  });
}

export interface MeetingInput {
  eid: string;
  seriesKey: string;
  personEmail: string;
  start: number | null;
  title: string;
}

/** The input with recordMeeting's normalisation applied; throws on a missing eid or email. */
export function normalizeMeetingInput(input: MeetingInput): MeetingInput {
  const eid = input.eid.trim();
  if (eid === '') throw new StoreError('A meeting needs an event id.');
  return {
    eid,
    seriesKey: input.seriesKey.trim().toLowerCase(),
    personEmail: requireEmail(input.personEmail),
    start: input.start,
    title: normalizeLine(input.title),
  };
}

/**
 * What recordMeeting stores for a normalized input: `existing` itself when nothing changes (so
 * a caller can tell that no write is needed), else the new or updated meeting, with the notes
 * the stored one holds.
 */
export function meetingToRecord(
  existing: StoredMeeting | undefined,
  input: MeetingInput,
  now: number,
): StoredMeeting {
  if (!existing) {
    return {
      eid: input.eid,
      seriesKey: input.seriesKey,
      personEmail: input.personEmail,
      start: input.start ?? now,
      title: input.title,
      createdAt: now,
    };
  }
  const updated: StoredMeeting = {
    ...existing,
    seriesKey: input.seriesKey || existing.seriesKey,
    personEmail: input.personEmail,
    title: input.title || existing.title,
  };
  const unchanged =
    updated.seriesKey === existing.seriesKey &&
    updated.personEmail === existing.personEmail &&
    updated.title === existing.title;
  return unchanged ? existing : updated;
}

export async function notesForMeeting(db: CbcDatabase, eid: string): Promise<Note | null> {
  const meeting = await db.meetings.get(eid);
  return meeting ? noteOf(meeting) : null;
}

/**
 * The person's last 1:1 at `now`, the one definition every view uses (panel header, cadence
 * badge, popup People): the latest recorded occurrence with them whose start is at or before
 * `now`, notes or not. An occurrence is recorded when it is opened in the panel or seen on the
 * grid once started (recordSeenOccurrences), so a 1:1 that took place but was never opened
 * counts, and the occurrence being looked at counts once it has started. Future occurrences
 * (opened ahead, to prepare) do not.
 */
export async function lastOneOnOne(
  db: CbcDatabase,
  personEmail: string,
  now: number,
): Promise<Meeting | null> {
  const email = normalizeEmail(personEmail);
  // One index lookup, newest first (no cursor walk): the popup asks this for every person.
  const [meeting] = await db.meetings
    .where('[personEmail+start]')
    .between([email, -Infinity], [email, now], true, true)
    .reverse()
    .limit(1)
    .toArray();
  return meeting ? meetingOf(meeting) : null;
}

/**
 * Meetings read at once when looking for the latest with notes of some content: most recent
 * ones have some (a meeting without notes is read and passed over).
 */
const NOTES_PAGE = 8;

/** A note worth showing as "last meeting": some text or a wellbeing check-in. */
export function hasContent(note: Note | MeetingNoteContent): boolean {
  return note.text.trim() !== '' || note.wellbeing !== null;
}

type MeetingNoteContent = Pick<Note, 'text' | 'wellbeing'>;

/** Whether a stored meeting has notes worth showing (hasContent). */
function hasNotesWithContent(meeting: StoredMeeting): boolean {
  return meeting.note !== undefined && hasContent(meeting.note);
}

/** Whether a stored meeting's notes hold a wellbeing check-in. */
function hasWellbeing(meeting: StoredMeeting): boolean {
  return meeting.note !== undefined && meeting.note.wellbeing !== null;
}

/** A stored meeting with notes as the meeting and its note. */
function meetingNotesOf(meeting: StoredMeeting): MeetingNotes {
  return { meeting: meetingOf(meeting), note: noteOf(meeting)! };
}

/** A stored meeting's check-in as the wellbeing trend lists it. */
function checkInOf(meeting: StoredMeeting): { start: number; wellbeing: Wellbeing } {
  return { start: meeting.start, wellbeing: meeting.note!.wellbeing! };
}

/** The latest meeting strictly before `before` whose notes have text or a wellbeing check-in. */
export async function meetingNotesBefore(
  db: CbcDatabase,
  personEmail: string,
  before: number,
): Promise<MeetingNotes | null> {
  const email = normalizeEmail(personEmail);
  const [meeting] = await firstMatching(
    () =>
      db.meetings
        .where('[personEmail+start]')
        .between([email, -Infinity], [email, before], true, false)
        .reverse(),
    hasNotesWithContent,
    1,
    NOTES_PAGE,
  );
  return meeting ? meetingNotesOf(meeting) : null;
}

/**
 * Creates or replaces the notes of a known meeting; the text is kept exactly as typed. One
 * read-write transaction reads the meeting and writes it back with its notes, so a change to
 * the meeting made meanwhile (a new counterpart, a title) is kept.
 */
export async function saveNote(
  db: CbcDatabase,
  input: { meetingEid: string; text: string; wellbeing: Wellbeing | null },
  now: number,
): Promise<Note> {
  const wellbeing = requireWellbeing(input.wellbeing);
  const text = requireLength(input.text, 'Notes', MAX_NOTE_LENGTH);
  return db.transaction('rw', db.meetings, async () => {
    const meeting = await db.meetings.get(input.meetingEid);
    if (!meeting)
      throw new StoreError(`No meeting with id "${input.meetingEid}".`, { key: 'problemGone' });
    const stored = withNote(meeting, { text, wellbeing, updatedAt: now });
    await db.meetings.put(stored);
    return noteOf(stored)!;
  });
}

/**
 * Meetings read at once for a wellbeing trend of `limit`: about two in three meetings have a
 * check-in in a long-used store (a meeting without notes is read and passed over).
 */
function trendPageSize(limit: number): number {
  return limit * 2 + 4;
}

/** The person's latest wellbeing check-ins, oldest first. */
export async function wellbeingTrend(
  db: CbcDatabase,
  personEmail: string,
  limit = 8,
): Promise<Array<{ start: number; wellbeing: Wellbeing }>> {
  const email = normalizeEmail(personEmail);
  const meetings = await firstMatching(
    () =>
      db.meetings
        .where('[personEmail+start]')
        .between(...prefixRange(email))
        .reverse(),
    hasWellbeing,
    limit,
    trendPageSize(limit),
  );
  return meetings.reverse().map(checkInOf);
}

/** Every meeting with the person that has notes, newest first. */
export async function meetingHistory(
  db: CbcDatabase,
  personEmail: string,
): Promise<MeetingNotes[]> {
  const email = normalizeEmail(personEmail);
  const meetings = await db.meetings
    .where('[personEmail+start]')
    .between(...prefixRange(email))
    .reverse()
    .toArray();
  return meetings.filter(hasNotesWithContent).map(meetingNotesOf);
}

/** A person's meetings the panel reads at once, newest first (recentMeetings). */
export const RECENT_MEETINGS_PAGE = 16;

/** What the panel shows of a person's latest meetings, read together (recentMeetings). */
export interface RecentMeetings {
  /** meetingNotesBefore(before): the latest earlier meeting with notes of some content. */
  lastMeeting: MeetingNotes | null;
  /** lastOneOnOne(now): the latest meeting started at or before now. */
  lastOneOnOne: Meeting | null;
  /** wellbeingTrend(trendLimit): the latest check-ins, oldest first. */
  wellbeingTrend: Array<{ start: number; wellbeing: Wellbeing }>;
}

/**
 * meetingNotesBefore, lastOneOnOne and wellbeingTrend of one person, the same values, from one
 * read of the person's latest RECENT_MEETINGS_PAGE meetings with their notes (in Chromium each
 * request costs an IPC). The page is the newest of all the person's meetings, later ones opened
 * ahead included, since the trend counts their check-ins too. Each value the page cannot settle
 * (it is full, and holds no started meeting, no earlier notes or too few check-ins) is read on
 * its own, as before.
 */
export async function recentMeetings(
  db: CbcDatabase,
  personEmail: string,
  at: { before: number; now: number; trendLimit: number },
): Promise<RecentMeetings> {
  const email = normalizeEmail(personEmail);
  const page = await db.meetings
    .where('[personEmail+start]')
    .between(...prefixRange(email))
    .reverse()
    .limit(RECENT_MEETINGS_PAGE)
    .toArray();
  // A page that is not full holds every meeting of the person: what it lacks does not exist.
  const whole = page.length < RECENT_MEETINGS_PAGE;
  const last = page.find((meeting) => meeting.start <= at.now);
  const earlier = page.find((meeting) => meeting.start < at.before && hasNotesWithContent(meeting));
  const checkIns = page.filter(hasWellbeing);
  const [lastMeeting, lastOne, trend] = await Promise.all([
    earlier ? meetingNotesOf(earlier) : whole ? null : meetingNotesBefore(db, email, at.before),
    last ? meetingOf(last) : whole ? null : lastOneOnOne(db, email, at.now),
    checkIns.length >= at.trendLimit || whole
      ? checkIns.slice(0, Math.max(0, at.trendLimit)).reverse().map(checkInOf)
      : wellbeingTrend(db, email, at.trendLimit),
  ]);
  return { lastMeeting, lastOneOnOne: lastOne, wellbeingTrend: trend };
}
