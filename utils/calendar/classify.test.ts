import { describe, expect, it } from 'vitest';
import { canBeOneOnOne, classifyOneOnOne } from './classify';
import { titleLooksLikeOneOnOne } from './title-patterns';
import type { CalendarEvent, Guest } from './types';

const ME = 'sam.lee@acme.example';
const person = (email: string, name = '', isOrganizer = false): Guest => ({
  email,
  name,
  isOrganizer,
  kind: 'person',
});
const alex = person('alex.chen@acme.example', 'Alex Chen');
const priya = person('priya.nair@acme.example', 'Priya Nair');
const me = person(ME, 'Sam Lee');
const room: Guest = {
  email: 'c_1888@resource.calendar.google.com',
  name: 'Spree',
  isOrganizer: false,
  kind: 'room',
};
const group: Guest = {
  email: 'c_99@group.calendar.google.com',
  name: 'Team',
  isOrganizer: false,
  kind: 'group',
};

function event(overrides: Partial<CalendarEvent>): CalendarEvent {
  return {
    surface: 'popover',
    eid: 'NHAxazJtOGZxYjB2NnMzdDljN2U1ZDFhMmcgc2FtLmxlZUBhY21lLmV4YW1wbGU',
    eventId: '4p1k2m8fqb0v6s3t9c7e5d1a2g',
    calendarId: ME,
    seriesKey: '4p1k2m8fqb0v6s3t9c7e5d1a2g',
    title: 'Planning',
    start: null,
    guests: [],
    guestListComplete: true,
    organizer: null,
    me: ME,
    accountIndex: 0,
    ...overrides,
  };
}

describe('canBeOneOnOne', () => {
  it('says no decision can make a task, a birthday or a reminder a 1:1, and one can a meeting', () => {
    expect(canBeOneOnOne(event({}))).toBe(true);
    expect(canBeOneOnOne(event({ eid: 'tasks_abc' }))).toBe(false);
    expect(canBeOneOnOne(event({ calendarId: '#contacts@v' }))).toBe(false);
    expect(canBeOneOnOne(event({ eventId: '', guests: [] }))).toBe(false);
  });
});

describe('classifyOneOnOne', () => {
  const table: Array<[string, Partial<CalendarEvent>, string, string | null, string | null]> = [
    // name, event, kind, counterpart email, confidence
    ['me and one other', { guests: [alex, me] }, 'one-on-one', alex.email, 'high'],
    [
      'me and one other plus a room',
      { guests: [me, room, alex] },
      'one-on-one',
      alex.email,
      'high',
    ],
    [
      'me and one other plus a group calendar',
      { guests: [me, alex, group] },
      'one-on-one',
      alex.email,
      'high',
    ],
    ['duplicate rows count once', { guests: [me, alex, alex] }, 'one-on-one', alex.email, 'high'],
    [
      'I organize for one person, not listed',
      { guests: [alex], organizer: ME },
      'one-on-one',
      alex.email,
      'high',
    ],
    ['three people', { guests: [me, alex, priya] }, 'not-one-on-one', null, null],
    ['two others without me', { guests: [alex, priya] }, 'not-one-on-one', null, null],
    [
      'one person, organized by someone else',
      { guests: [alex], organizer: alex.email },
      'not-one-on-one',
      null,
      null,
    ],
    ['one person, organizer unknown', { guests: [alex] }, 'unknown', null, null],
    ['only me listed', { guests: [me] }, 'unknown', null, null],
    ['only rooms', { guests: [room], organizer: ME }, 'not-one-on-one', null, null],
    ['count-only list', { guests: [], guestListComplete: false }, 'unknown', null, null],
    [
      'collapsed list, one other visible',
      { guests: [alex], guestListComplete: false },
      'unknown',
      null,
      null,
    ],
    [
      'collapsed list but clearly a group',
      { guests: [alex, priya, me], guestListComplete: false },
      'not-one-on-one',
      null,
      null,
    ],
    ['signed-in user unknown', { guests: [alex, me], me: null }, 'unknown', null, null],
    [
      'signed-in user unknown, large group',
      { guests: [alex, me, priya], me: null },
      'not-one-on-one',
      null,
      null,
    ],
    // Titles decide only an unknown list, with low confidence.
    [
      'collapsed list, one other, 1:1 title',
      { guests: [alex], guestListComplete: false, title: 'Alex / Sam' },
      'one-on-one',
      alex.email,
      'low',
    ],
    [
      '1:1 title never beats a group',
      { guests: [me, alex, priya], title: '1:1 Alex' },
      'not-one-on-one',
      null,
      null,
    ],
    [
      '1:1 title without a visible person',
      { guests: [], guestListComplete: false, title: '1:1' },
      'unknown',
      null,
      null,
    ],
    [
      '1:1 title, user unknown',
      { guests: [alex], guestListComplete: false, title: '1:1', me: null },
      'unknown',
      null,
      null,
    ],
    // Never meetings.
    [
      'task',
      { eid: 'tasks_aB3dE5fG7hI9', eventId: '', seriesKey: '', guests: [] },
      'not-one-on-one',
      null,
      null,
    ],
    [
      'birthday',
      { eventId: '2014_BIRTHDAY_1ef1cb168dbb8eb3', calendarId: '#contacts@v' },
      'not-one-on-one',
      null,
      null,
    ],
    [
      'reminder (eid does not decode)',
      { eid: 'abc$', eventId: '', seriesKey: '', guests: [] },
      'not-one-on-one',
      null,
      null,
    ],
    [
      'undecodable eid with guests still reads guests',
      { eid: 'abc$', eventId: '', seriesKey: '', guests: [me, alex] },
      'one-on-one',
      alex.email,
      'high',
    ],
  ];

  it.each(table)('%s', (_name, overrides, kind, email, confidence) => {
    const result = classifyOneOnOne(event(overrides));
    expect(result.kind).toBe(kind);
    expect(result.reason).not.toBe('');
    if (result.kind === 'one-on-one') {
      expect(result.person.email).toBe(email);
      expect(result.confidence).toBe(confidence);
    }
  });

  it('returns the counterpart with the display name', () => {
    expect(classifyOneOnOne(event({ guests: [alex, me] }))).toMatchObject({
      kind: 'one-on-one',
      person: { email: 'alex.chen@acme.example', name: 'Alex Chen' },
    });
  });

  it('lets the user mark a group meeting as a 1:1', () => {
    const result = classifyOneOnOne(event({ guests: [me, alex, priya] }), {
      decision: 'one-on-one',
      personEmail: 'Priya.Nair@acme.example',
      personName: 'Priya',
    });
    expect(result).toEqual({
      kind: 'one-on-one',
      person: { email: 'priya.nair@acme.example', name: 'Priya' },
      confidence: 'high',
      reason: 'marked as a 1:1 by you',
    });
  });

  it('lets the user mark a clear 1:1 as not one', () => {
    const result = classifyOneOnOne(event({ guests: [me, alex] }), {
      decision: 'not-one-on-one',
      personEmail: '',
      personName: '',
    });
    expect(result.kind).toBe('not-one-on-one');
  });

  it('never lets an override turn a task into a 1:1', () => {
    const result = classifyOneOnOne(event({ eid: 'tasks_x', eventId: '', seriesKey: '' }), {
      decision: 'one-on-one',
      personEmail: alex.email,
      personName: 'Alex',
    });
    expect(result.kind).toBe('not-one-on-one');
  });
});

describe('titleLooksLikeOneOnOne', () => {
  it.each([
    '1:1 Alex',
    'Alex / Sam 1:1',
    'Alex/Sam 1-1',
    '1 on 1 with Priya',
    '1on1 花さん',
    '１：１ 山田さん',
    'One-on-one: Jordan',
    'Alex / Sam',
    'Lena <> Tim',
    'Alex | Sam',
    'Alex x Sam',
    'Sync 1–1',
  ])('matches %s', (title) => {
    expect(titleLooksLikeOneOnOne(title)).toBe(true);
  });

  it.each([
    '',
    'Sprint planning',
    'Standup 11:15',
    'Q3 review 2025-11-10',
    'Engineering all hands',
    'Design review / API / rollout',
    'Box x',
  ])('does not match %s', (title) => {
    expect(titleLooksLikeOneOnOne(title)).toBe(false);
  });
});
