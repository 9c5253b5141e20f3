// Meetings (one calendar occurrence of a 1:1) and their notes.

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
  return db.transaction('rw', db.meetings, db.notes, async () => {
    const existing = await db.meetings.get(planned.eid);
    const meeting = meetingToRecord(existing, planned, now);
    if (meeting === existing) return existing;
    await db.meetings.put(meeting);
    if (existing && meeting.personEmail !== existing.personEmail) {
      await db.notes.update(meeting.eid, { personEmail: meeting.personEmail });
    }
    return meeting;
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
 * a caller can tell that no write is needed), else the new or updated meeting.
 */
export function meetingToRecord(
  existing: Meeting | undefined,
  input: MeetingInput,
  now: number,
): Meeting {
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
  const updated: Meeting = {
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
  return (await db.notes.get(eid)) ?? null;
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
  return meeting ?? null;
}

/** Notes read at once when looking for the latest with content: most recent ones have some. */
const NOTES_PAGE = 4;

/** A note worth showing as "last meeting": some text or a wellbeing check-in. */
export function hasContent(note: Note): boolean {
  return note.text.trim() !== '' || note.wellbeing !== null;
}

/** The latest meeting strictly before `before` whose notes have text or a wellbeing check-in. */
export async function meetingNotesBefore(
  db: CbcDatabase,
  personEmail: string,
  before: number,
): Promise<MeetingNotes | null> {
  const email = normalizeEmail(personEmail);
  return db.transaction('r', db.meetings, db.notes, async () => {
    const [note] = await firstMatching(
      () =>
        db.notes
          .where('[personEmail+meetingStart]')
          .between([email, -Infinity], [email, before], true, false)
          .reverse(),
      hasContent,
      1,
      NOTES_PAGE,
    );
    if (!note) return null;
    const meeting = await db.meetings.get(note.meetingEid);
    return meeting ? { meeting, note } : null;
  });
}

/** Creates or replaces the notes of a known meeting; the text is kept exactly as typed. */
export async function saveNote(
  db: CbcDatabase,
  input: { meetingEid: string; text: string; wellbeing: Wellbeing | null },
  now: number,
): Promise<Note> {
  const wellbeing = requireWellbeing(input.wellbeing);
  const text = requireLength(input.text, 'Notes', MAX_NOTE_LENGTH);
  return db.transaction('rw', db.meetings, db.notes, async () => {
    const meeting = await db.meetings.get(input.meetingEid);
    if (!meeting)
      throw new StoreError(`No meeting with id "${input.meetingEid}".`, { key: 'problemGone' });
    const note: Note = {
      meetingEid: meeting.eid,
      personEmail: meeting.personEmail,
      meetingStart: meeting.start,
      text,
      wellbeing,
      updatedAt: now,
    };
    await db.notes.put(note);
    return note;
  });
}

/** The person's latest wellbeing check-ins, oldest first. */
export async function wellbeingTrend(
  db: CbcDatabase,
  personEmail: string,
  limit = 8,
): Promise<Array<{ start: number; wellbeing: Wellbeing }>> {
  const email = normalizeEmail(personEmail);
  const notes = await firstMatching(
    () =>
      db.notes
        .where('[personEmail+meetingStart]')
        .between(...prefixRange(email))
        .reverse(),
    (note) => note.wellbeing !== null,
    limit,
    limit * 2,
  );
  return notes.reverse().map((note) => ({ start: note.meetingStart, wellbeing: note.wellbeing! }));
}

/** Every meeting with the person that has notes, newest first. */
export async function meetingHistory(
  db: CbcDatabase,
  personEmail: string,
): Promise<MeetingNotes[]> {
  const email = normalizeEmail(personEmail);
  return db.transaction('r', db.meetings, db.notes, async () => {
    const notes = await db.notes
      .where('[personEmail+meetingStart]')
      .between(...prefixRange(email))
      .reverse()
      .filter(hasContent)
      .toArray();
    const meetings = await db.meetings.bulkGet(notes.map((note) => note.meetingEid));
    const history: MeetingNotes[] = [];
    notes.forEach((note, index) => {
      const meeting = meetings[index];
      if (meeting) history.push({ meeting, note });
    });
    return history;
  });
}
