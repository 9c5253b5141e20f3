// Meetings (one calendar occurrence of a 1:1) and their notes.

import type { MeetingNotes } from '../messaging/protocol';
import type { CbcDatabase } from './db';
import { StoreError } from './db';
import { prefixRange } from './key-range';
import { normalizeEmail, normalizeLine, requireEmail, requireWellbeing } from './normalize-input';
import type { Meeting, Note, Wellbeing } from './types';

export type { MeetingNotes } from '../messaging/protocol';

/**
 * Records an occurrence, idempotently per eid. The first start and createdAt are kept (a start
 * Calendar did not show is the moment it was first seen). Title, series and person follow the
 * latest call: the user may have chosen another counterpart for the series since, and the
 * occurrence's notes move with it.
 */
export async function recordMeeting(
  db: CbcDatabase,
  input: {
    eid: string;
    seriesKey: string;
    personEmail: string;
    start: number | null;
    title: string;
  },
  now: number,
): Promise<Meeting> {
  const eid = input.eid.trim();
  if (eid === '') throw new StoreError('A meeting needs an event id.');
  const personEmail = requireEmail(input.personEmail);
  const seriesKey = input.seriesKey.trim().toLowerCase();
  const title = normalizeLine(input.title);
  return db.transaction('rw', db.meetings, db.notes, async () => {
    const existing = await db.meetings.get(eid);
    if (!existing) {
      const meeting: Meeting = {
        eid,
        seriesKey,
        personEmail,
        start: input.start ?? now,
        title,
        createdAt: now,
      };
      await db.meetings.add(meeting);
      return meeting;
    }
    const updated: Meeting = {
      ...existing,
      seriesKey: seriesKey || existing.seriesKey,
      personEmail,
      title: title || existing.title,
    };
    if (
      updated.seriesKey === existing.seriesKey &&
      updated.personEmail === existing.personEmail &&
      updated.title === existing.title
    ) {
      return existing;
    }
    await db.meetings.put(updated);
    if (updated.personEmail !== existing.personEmail) {
      await db.notes.update(eid, { personEmail });
    }
    return updated;
  });
}

export async function notesForMeeting(db: CbcDatabase, eid: string): Promise<Note | null> {
  return (await db.notes.get(eid)) ?? null;
}

/** The latest meeting with the person strictly before `start`, notes or not. */
export async function lastMeetingBefore(
  db: CbcDatabase,
  personEmail: string,
  start: number,
): Promise<Meeting | null> {
  const email = normalizeEmail(personEmail);
  const meeting = await db.meetings
    .where('[personEmail+start]')
    .between([email, -Infinity], [email, start], true, false)
    .last();
  return meeting ?? null;
}

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
    const note = await db.notes
      .where('[personEmail+meetingStart]')
      .between([email, -Infinity], [email, before], true, false)
      .reverse()
      .filter(hasContent)
      .first();
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
  return db.transaction('rw', db.meetings, db.notes, async () => {
    const meeting = await db.meetings.get(input.meetingEid);
    if (!meeting) throw new StoreError(`No meeting with id "${input.meetingEid}".`);
    const note: Note = {
      meetingEid: meeting.eid,
      personEmail: meeting.personEmail,
      meetingStart: meeting.start,
      text: input.text,
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
  const notes = await db.notes
    .where('[personEmail+meetingStart]')
    .between(...prefixRange(email))
    .reverse()
    .filter((note) => note.wellbeing !== null)
    .limit(limit)
    .toArray();
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
