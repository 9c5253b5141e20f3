import { describe, expect, it } from 'vitest';
import { actionItem, panelData, talkingPoint } from '@/components/panel/panel-test-data';
import type { CalendarEvent } from '@/utils/calendar/types';
import {
  answerFits,
  checkedOff,
  decisionPath,
  eventRefOf,
  markedDiscussed,
  noteTextOf,
  overrideViewOf,
  replaceRow,
  wellbeingOf,
  type SessionEdits,
} from './panel-decisions';

const event: CalendarEvent = {
  surface: 'popover',
  eid: 'eid-1',
  eventId: 'ev1',
  calendarId: 'me@x.io',
  seriesKey: 'ev1',
  title: 'Alex / Sam',
  start: 1_000,
  guests: [
    { email: 'me@x.io', name: 'Sam', isOrganizer: true, kind: 'person' },
    { email: 'alex@example.com', name: 'Alex', isOrganizer: false, kind: 'person' },
    { email: 'room@x.io', name: 'Room 1', isOrganizer: false, kind: 'room' },
  ],
  guestListComplete: true,
  organizer: 'me@x.io',
  me: 'me@x.io',
  accountIndex: 0,
};

/** This meeting's stored note (the fixture's meeting has none). */
const stored = {
  meetingEid: 'eid-1',
  personEmail: 'alex@example.com',
  meetingStart: 1_000,
  text: 'Stored text',
  wellbeing: 4 as const,
  updatedAt: 1_000,
};

function edits(overrides: Partial<SessionEdits> = {}): SessionEdits {
  const data = panelData({ note: stored });
  return {
    person: { email: data.person.email, name: data.person.name },
    data,
    draft: null,
    wellbeing: undefined,
    doneItems: [],
    discussedPoints: [],
    topicChecks: {},
    undo: null,
    ...overrides,
  };
}

describe('panel decisions', () => {
  it('names the occurrence as the requests do, with no recurrence as null', () => {
    expect(eventRefOf(event)).toEqual({
      eid: 'eid-1',
      seriesKey: 'ev1',
      title: 'Alex / Sam',
      start: 1_000,
      recurrenceDays: null,
    });
    expect(eventRefOf({ ...event, recurrenceDays: 7 }).recurrenceDays).toBe(7);
  });

  it('asks about a series only when its decision is unknown, and records only a possible 1:1', () => {
    const never = () => {
      throw new Error('not asked');
    };
    expect(decisionPath({ ...event, seriesKey: '' }, false, never)).toBe('known');
    expect(decisionPath(event, true, never)).toBe('known');
    expect(decisionPath(event, false, () => true)).toBe('ask-and-record');
    expect(decisionPath(event, false, () => false)).toBe('ask-only');
  });

  it("uses the background's panel only for the same person, in any letter case", () => {
    const data = panelData();
    expect(answerFits(data, { email: data.person.email.toUpperCase(), name: '' })).toBe(true);
    expect(answerFits(data, { email: 'other@example.com', name: '' })).toBe(false);
    expect(answerFits(null, { email: data.person.email, name: '' })).toBe(false);
  });

  it('offers the override control with the other people as candidates, never for a one-off', () => {
    expect(overrideViewOf(event, 'dark')).toEqual({
      eid: 'eid-1',
      candidates: [{ email: 'alex@example.com', name: 'Alex' }],
      theme: 'dark',
    });
    expect(overrideViewOf({ ...event, seriesKey: '' }, 'light')).toBeNull();
  });

  it('shows the draft first, then a queued save, then the stored note', () => {
    expect(noteTextOf(edits(), undefined)).toBe('Stored text');
    expect(noteTextOf(edits(), 'queued')).toBe('queued');
    expect(noteTextOf(edits({ draft: '' }), 'queued')).toBe('');
    expect(noteTextOf(edits({ data: null }), undefined)).toBe('');
  });

  it('shows a wellbeing set here over the stored one, including a cleared one', () => {
    expect(wellbeingOf(edits())).toBe(4);
    expect(wellbeingOf(edits({ wellbeing: 2 }))).toBe(2);
    expect(wellbeingOf(edits({ wellbeing: null }))).toBeNull();
  });

  it('replaces a row by id, appending a new one', () => {
    const a = actionItem({ id: 'a' });
    const b = actionItem({ id: 'b' });
    const changed = { ...a, text: 'changed' };
    expect(replaceRow([a, b], changed)).toEqual([b, changed]);
    expect(replaceRow([a], b)).toEqual([a, b]);
  });

  it('keeps open and doneAt in step when an item is checked off and back', () => {
    const done = checkedOff(actionItem(), true, 5);
    expect(done).toMatchObject({ doneAt: 5, open: 0 });
    expect(checkedOff(done, false, 6)).toMatchObject({ doneAt: null, open: 1 });
  });

  it('records the meeting a point was discussed in, and clears it when requeued', () => {
    const discussed = markedDiscussed(talkingPoint(), true, 'eid-1', 5);
    expect(discussed).toMatchObject({ discussedAt: 5, discussedIn: 'eid-1', open: 0 });
    expect(markedDiscussed(discussed, false, 'eid-1', 6)).toMatchObject({
      discussedAt: null,
      discussedIn: '',
      open: 1,
    });
  });
});
