import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CbcDatabase } from './db';
import {
  lastOneOnOne,
  meetingHistory,
  meetingNotesBefore,
  notesForMeeting,
  recordMeeting,
  saveNote,
  wellbeingTrend,
} from './meetings';
import { DAY_MS, freshDatabase } from './test-database';
import type { Wellbeing } from '../domain/records';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const ADA = 'ada@example.com';
const T0 = 1_700_000_000_000;

function meetingAt(eid: string, start: number | null, personEmail = ADA) {
  return recordMeeting(db, { eid, seriesKey: 'series-1', personEmail, start, title: '1:1' }, T0);
}

/** A meeting `daysAgo` days before T0 + 100 days, with optional notes. */
async function meetingWithNotes(
  eid: string,
  day: number,
  text: string,
  wellbeing: Wellbeing | null,
) {
  await meetingAt(eid, T0 + day * DAY_MS);
  return saveNote(db, { meetingEid: eid, text, wellbeing }, T0 + day * DAY_MS);
}

describe('recordMeeting', () => {
  it('records an occurrence with a lowercased series key and email', async () => {
    const meeting = await recordMeeting(
      db,
      { eid: 'e1', seriesKey: ' ABC ', personEmail: 'Ada@Example.com', start: 5, title: ' 1:1 ' },
      10,
    );
    expect(meeting).toEqual({
      eid: 'e1',
      seriesKey: 'abc',
      personEmail: ADA,
      start: 5,
      title: '1:1',
      createdAt: 10,
    });
    expect(await db.meetings.get('e1')).toEqual(meeting);
  });

  it('uses now as the start when Calendar did not show one', async () => {
    expect((await meetingAt('e1', null)).start).toBe(T0);
  });

  it('is idempotent per eid and keeps the first start and createdAt', async () => {
    const first = await meetingAt('e1', 100);
    const again = await recordMeeting(
      db,
      { eid: 'e1', seriesKey: 'series-1', personEmail: ADA, start: 999, title: '1:1' },
      T0 + 1,
    );
    expect(again).toEqual(first);
    expect(await db.meetings.count()).toBe(1);
  });

  it('follows a new counterpart and moves the notes with it', async () => {
    await meetingAt('e1', 100);
    await saveNote(db, { meetingEid: 'e1', text: 'hello', wellbeing: null }, 1);
    const moved = await meetingAt('e1', 100, 'bob@example.com');
    expect(moved.personEmail).toBe('bob@example.com');
    expect((await notesForMeeting(db, 'e1'))?.personEmail).toBe('bob@example.com');
  });

  it('refuses an empty eid', async () => {
    await expect(meetingAt(' ', 1)).rejects.toThrow('A meeting needs an event id.');
  });
});

describe('saveNote / notesForMeeting', () => {
  it('returns null before any notes', async () => {
    await meetingAt('e1', 100);
    expect(await notesForMeeting(db, 'e1')).toBeNull();
    expect(await notesForMeeting(db, 'unknown')).toBeNull();
  });

  it('keeps the text exactly and copies the meeting person and start', async () => {
    await meetingAt('e1', 100);
    const note = await saveNote(db, { meetingEid: 'e1', text: '  - a\n\n', wellbeing: 3 }, 7);
    expect(note).toEqual({
      meetingEid: 'e1',
      personEmail: ADA,
      meetingStart: 100,
      text: '  - a\n\n',
      wellbeing: 3,
      updatedAt: 7,
    });
    const replaced = await saveNote(db, { meetingEid: 'e1', text: 'b', wellbeing: null }, 8);
    expect(await notesForMeeting(db, 'e1')).toEqual(replaced);
  });

  it('throws a StoreError for an unknown meeting or an out-of-range wellbeing', async () => {
    await expect(
      saveNote(db, { meetingEid: 'nope', text: 'x', wellbeing: null }, 1),
    ).rejects.toThrow('No meeting with id "nope".');
    await meetingAt('e1', 100);
    await expect(
      saveNote(db, { meetingEid: 'e1', text: 'x', wellbeing: 6 as Wellbeing }, 1),
    ).rejects.toThrow('Wellbeing must be 1 to 5, not 6.');
  });
});

describe('lastOneOnOne', () => {
  it('is null without meetings, or with future ones only', async () => {
    expect(await lastOneOnOne(db, ADA, T0)).toBeNull();
    await meetingAt('next', T0 + DAY_MS);
    expect(await lastOneOnOne(db, ADA, T0)).toBeNull();
  });

  it('is the latest meeting of that person started at or before now, notes or not', async () => {
    await meetingAt('old', T0 - 14 * DAY_MS);
    await meetingAt('recent', T0 - 7 * DAY_MS);
    await meetingAt('next', T0 + 7 * DAY_MS);
    await meetingAt('other', T0 - DAY_MS, 'bob@example.com');
    expect((await lastOneOnOne(db, 'ADA@example.com', T0))?.eid).toBe('recent');
    // The occurrence being looked at counts from its start on.
    await meetingAt('today', T0);
    expect((await lastOneOnOne(db, ADA, T0 - 1))?.eid).toBe('recent');
    expect((await lastOneOnOne(db, ADA, T0))?.eid).toBe('today');
  });
});

describe('meetingNotesBefore', () => {
  it('skips meetings whose notes are blank and have no wellbeing', async () => {
    await meetingWithNotes('with-text', 1, 'talked about Go', null);
    await meetingWithNotes('wellbeing-only', 2, '', 4);
    await meetingWithNotes('blank', 3, ' \n ', null);
    await meetingAt('no-notes', T0 + 4 * DAY_MS);
    const found = await meetingNotesBefore(db, ADA, T0 + 5 * DAY_MS);
    expect(found?.meeting.eid).toBe('wellbeing-only');
    expect(found?.note.wellbeing).toBe(4);
    expect((await meetingNotesBefore(db, ADA, T0 + 2 * DAY_MS))?.meeting.eid).toBe('with-text');
  });

  it('is null when there are none before', async () => {
    await meetingWithNotes('e1', 1, 'x', null);
    expect(await meetingNotesBefore(db, ADA, T0 + DAY_MS)).toBeNull();
    expect(await meetingNotesBefore(db, 'nobody@x.io', T0 * 2)).toBeNull();
  });
});

describe('wellbeingTrend', () => {
  it('returns the latest check-ins oldest first, up to the limit', async () => {
    for (let day = 1; day <= 10; day++) {
      await meetingWithNotes(`e${day}`, day, '', day === 5 ? null : (((day % 5) + 1) as Wellbeing));
    }
    const trend = await wellbeingTrend(db, ADA, 3);
    expect(trend).toEqual([
      { start: T0 + 8 * DAY_MS, wellbeing: 4 },
      { start: T0 + 9 * DAY_MS, wellbeing: 5 },
      { start: T0 + 10 * DAY_MS, wellbeing: 1 },
    ]);
    expect(await wellbeingTrend(db, ADA)).toHaveLength(8);
  });

  it('is empty without check-ins', async () => {
    await meetingWithNotes('e1', 1, 'text only', null);
    expect(await wellbeingTrend(db, ADA)).toEqual([]);
  });
});

describe('meetingHistory', () => {
  it('lists meetings with notes, newest first, only for that person', async () => {
    await meetingWithNotes('a', 1, 'first', null);
    await meetingWithNotes('b', 2, '', null);
    await meetingWithNotes('c', 3, 'third', 2);
    await meetingAt('d', T0 + 4 * DAY_MS);
    await meetingAt('x', T0 + 5 * DAY_MS, 'bob@example.com');
    await saveNote(db, { meetingEid: 'x', text: 'bob', wellbeing: null }, 1);
    const history = await meetingHistory(db, ADA);
    expect(history.map(({ meeting, note }) => [meeting.eid, note.text])).toEqual([
      ['c', 'third'],
      ['a', 'first'],
    ]);
  });

  it('is empty for a person without meetings', async () => {
    expect(await meetingHistory(db, ADA)).toEqual([]);
  });
});
