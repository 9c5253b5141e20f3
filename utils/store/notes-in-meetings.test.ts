import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CbcDatabase } from './db';
import {
  lastOneOnOne,
  meetingNotesBefore,
  notesForMeeting,
  RECENT_MEETINGS_PAGE,
  recentMeetings,
  recordMeeting,
  saveNote,
  wellbeingTrend,
} from './meetings';
import { NOTES_INDEX } from './notes-in-meetings';
import { searchAll } from './search';
import { DAY_MS, freshDatabase } from './test-database';
import type { Wellbeing } from '../domain/records';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const ADA = 'ada@example.com';
const T0 = 1_700_000_000_000;

async function meeting(
  eid: string,
  day: number,
  note?: { text: string; wellbeing: Wellbeing | null },
) {
  await recordMeeting(
    db,
    { eid, seriesKey: 'series-1', personEmail: ADA, start: T0 + day * DAY_MS, title: '1:1' },
    T0,
  );
  if (note) await saveNote(db, { meetingEid: eid, ...note }, T0 + day * DAY_MS);
}

describe('notes in their meetings (schema version 6)', () => {
  it('stores a note in its meeting record, and only meetings with notes in the notes index', async () => {
    await meeting('with', 1, { text: 'Kept here', wellbeing: 3 });
    await meeting('without', 2);
    expect(await db.meetings.get('with')).toMatchObject({
      eid: 'with',
      note: { text: 'Kept here', wellbeing: 3, updatedAt: T0 + DAY_MS },
    });
    expect(await db.meetings.get('without')).not.toHaveProperty('note');
    expect(await db.meetings.orderBy(NOTES_INDEX).primaryKeys()).toEqual(['with']);
    expect(db.tables.map((table) => table.name)).not.toContain('notes');
  });

  it('saving a note keeps a change to its meeting made at the same time', async () => {
    await meeting('m', 1);
    await Promise.all([
      saveNote(db, { meetingEid: 'm', text: 'Typed', wellbeing: null }, T0 + 5),
      recordMeeting(
        db,
        {
          eid: 'm',
          seriesKey: 'series-1',
          personEmail: 'bob@example.com',
          start: null,
          title: 'Renamed',
        },
        T0 + 6,
      ),
    ]);
    expect(await db.meetings.get('m')).toMatchObject({
      title: 'Renamed',
      personEmail: 'bob@example.com',
      note: { text: 'Typed' },
    });
    expect(await notesForMeeting(db, 'm')).toMatchObject({
      personEmail: 'bob@example.com',
      text: 'Typed',
    });
  });

  it('search finds notes by the sparse index, newest first, and passes over meetings without', async () => {
    await meeting('older', 1, { text: 'Budget talk', wellbeing: null });
    await meeting('empty', 2);
    await meeting('newer', 3, { text: 'More budget', wellbeing: 4 });
    const found = await searchAll(db, 'budget');
    expect(found.map((result) => [result.kind, result.id, result.at])).toEqual([
      ['note', 'newer', T0 + 3 * DAY_MS],
      ['note', 'older', T0 + DAY_MS],
    ]);
  });
});

describe('recentMeetings', () => {
  /** What the separate reads give: recentMeetings must give the same from its one page. */
  async function separately(before: number, now: number, trendLimit: number) {
    return {
      lastMeeting: await meetingNotesBefore(db, ADA, before),
      lastOneOnOne: await lastOneOnOne(db, ADA, now),
      wellbeingTrend: await wellbeingTrend(db, ADA, trendLimit),
    };
  }

  async function expectSameAsSeparately(before: number, now: number, trendLimit = 6) {
    const expected = await separately(before, now, trendLimit);
    expect(await recentMeetings(db, ADA, { before, now, trendLimit })).toEqual(expected);
    return expected;
  }

  it('gives nothing for a person without meetings', async () => {
    expect(await expectSameAsSeparately(T0, T0)).toEqual({
      lastMeeting: null,
      lastOneOnOne: null,
      wellbeingTrend: [],
    });
  });

  it('gives the separate reads’ values when the page holds them', async () => {
    await meeting('a', 1, { text: 'First', wellbeing: 2 });
    await meeting('b', 2, { text: '  ', wellbeing: null });
    await meeting('c', 3);
    await meeting('d', 4, { text: '', wellbeing: 5 });
    await meeting('future', 9, { text: 'Prepared ahead', wellbeing: 3 });
    const expected = await expectSameAsSeparately(T0 + 4 * DAY_MS, T0 + 5 * DAY_MS);
    expect(expected.lastMeeting?.meeting.eid).toBe('a');
    expect(expected.lastOneOnOne?.eid).toBe('d');
    expect(expected.wellbeingTrend.map((entry) => entry.wellbeing)).toEqual([2, 5, 3]);
  });

  it('reads further when a full page holds no started meeting, no earlier notes or too few check-ins', async () => {
    // Old meetings with notes and check-ins, then a full page of later ones without any.
    for (let day = 0; day < 8; day++) {
      await meeting(`old-${day}`, day, { text: `Old ${day}`, wellbeing: 4 });
    }
    for (let i = 0; i < RECENT_MEETINGS_PAGE; i++) await meeting(`later-${i}`, 100 + i);
    const expected = await expectSameAsSeparately(T0 + 100 * DAY_MS, T0 + 50 * DAY_MS);
    expect(expected.lastMeeting?.meeting.eid).toBe('old-7');
    expect(expected.lastOneOnOne?.eid).toBe('old-7');
    expect(expected.wellbeingTrend).toHaveLength(6);
    // And when the page settles all three.
    await expectSameAsSeparately(T0 + 200 * DAY_MS, T0 + 200 * DAY_MS, 0);
  });
});
