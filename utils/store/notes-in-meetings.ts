// A meeting's notes in its meeting record (schema version 6). IndexedDB's cost in Chromium is
// mostly per stored row (~50–70 µs a row, ~10–20 µs an index entry): a notes table of its own
// made a large team's import write ~17,000 more rows with two index entries each, and the side
// panel read meetings and notes with separate requests. Kept in the meeting, a note is written
// with it and read with it (the panel's one read of a person's latest meetings, panel.ts).
//
// The stored meeting carries `note: { text, wellbeing, updatedAt }` when it has notes, and no
// `note` field when it has none. The note's meetingEid, personEmail and meetingStart are its
// meeting's eid, personEmail and start: they are not stored twice, so they cannot disagree.
// NOTES_INDEX, [start+note.updatedAt], is sparse: IndexedDB leaves a record out of an index when
// a part of its key path is missing, so it holds the meetings that have notes, by start (search,
// newest first; the count of notes) and costs nothing for the others.
//
// Which table holds a note is the store's business: every operation takes and returns `Note`
// records, and backups list them one by one (`notes`), as before.
//
// Without Dexie (types only), so that stored-layout.ts stays loadable by the bench before it
// installs the IndexedDB that Dexie must find.

import type { Table, Transaction } from 'dexie';
import type { Meeting, Note } from '../domain/records';

/** What a stored meeting keeps of its notes. */
export type MeetingNote = Pick<Note, 'text' | 'wellbeing' | 'updatedAt'>;

/** A meeting as the `meetings` table stores it since schema version 6. */
export type StoredMeeting = Meeting & { note?: MeetingNote };

/** The sparse index of the meetings that have notes, by start (see the top of this file). */
export const NOTES_INDEX = '[start+note.updatedAt]';

/** The meeting without its notes, as the store's operations return it. */
export function meetingOf(stored: StoredMeeting): Meeting {
  if (stored.note === undefined) return stored;
  const { note, ...meeting } = stored;
  void note;
  return meeting;
}

/** The meeting's notes as a `Note`, or null when it has none. */
export function noteOf(stored: StoredMeeting): Note | null {
  const { note } = stored;
  if (note === undefined) return null;
  return {
    meetingEid: stored.eid,
    personEmail: stored.personEmail,
    meetingStart: stored.start,
    text: note.text,
    wellbeing: note.wellbeing,
    updatedAt: note.updatedAt,
  };
}

/** The stored meeting holding `note` (its text, wellbeing and updatedAt). */
export function withNote(meeting: Meeting, note: MeetingNote): StoredMeeting {
  return {
    ...meetingOf(meeting),
    note: { text: note.text, wellbeing: note.wellbeing, updatedAt: note.updatedAt },
  };
}

/**
 * A backup's meetings as the table stores them, each with its note. A note whose meeting is not
 * listed gets a meeting of its own (notesMeeting): backup validation refuses such a file, and
 * the version 6 upgrade never drops a note.
 */
export function meetingRowsOf(
  meetings: readonly Meeting[],
  notes: readonly Note[],
): StoredMeeting[] {
  const noteByEid = new Map(notes.map((note) => [note.meetingEid, note]));
  const rows: StoredMeeting[] = meetings.map((meeting) => {
    const note = noteByEid.get(meeting.eid);
    if (note === undefined) return meeting;
    noteByEid.delete(meeting.eid);
    return withNote(meeting, note);
  });
  for (const note of noteByEid.values()) rows.push(withNote(notesMeeting(note), note));
  return rows;
}

/**
 * The meeting a note without one is kept in: what the note knows of it (eid, person, start),
 * no series, no title, created when the note was last saved.
 */
function notesMeeting(note: Note): Meeting {
  return {
    eid: note.meetingEid,
    seriesKey: '',
    personEmail: note.personEmail,
    start: note.meetingStart,
    title: '',
    createdAt: note.updatedAt,
  };
}

/**
 * The version 6 upgrade: every note moves into its meeting record and the notes table goes (the
 * meeting's person and start win over the note's copies, which the store always kept equal). A
 * note whose meeting record is missing is kept in a meeting of its own (notesMeeting).
 */
export async function moveNotesIntoMeetings(tx: Transaction): Promise<void> {
  const notes = (await tx.table('notes').toArray()) as Note[];
  if (notes.length === 0) return;
  const meetingsTable = tx.table('meetings') as Table<StoredMeeting, string>;
  const meetings = await meetingsTable.bulkGet(notes.map((note) => note.meetingEid));
  const found = meetings.filter((meeting): meeting is StoredMeeting => meeting !== undefined);
  await meetingsTable.bulkPut(meetingRowsOf(found, notes));
}
