// Each saved popover page read into plain values and classified, exactly.
import { describe, expect, it } from 'vitest';
import {
  classifyOneOnOne,
  readEventDialog,
  readEventPage,
  readSignedInUser,
  readTheme,
  type CalendarEvent,
} from '@/utils/calendar';
import { loadFixture } from './load-fixture';

const SAM = 'sam.lee@acme.example';

describe('readEventDialog on saved pages', () => {
  it('reads a 1:1 popover (Workspace user, English, light)', () => {
    const doc = loadFixture('popover-one-on-one.en.light.html');
    const event = readEventDialog(doc);
    expect(event).toEqual<CalendarEvent>({
      surface: 'popover',
      eid: 'NHAxazJtOGZxYjB2NnMzdDljN2U1ZDFhMmcgc2FtLmxlZUBhY21lLmV4YW1wbGU',
      eventId: '4p1k2m8fqb0v6s3t9c7e5d1a2g',
      calendarId: SAM,
      seriesKey: '4p1k2m8fqb0v6s3t9c7e5d1a2g',
      title: 'Alex / Sam 1:1',
      start: null,
      recurrenceDays: null,
      guests: [
        { email: 'alex.chen@acme.example', name: 'Alex Chen', isOrganizer: true, kind: 'person' },
        { email: SAM, name: 'Sam Lee', isOrganizer: false, kind: 'person' },
      ],
      guestListComplete: true,
      organizer: 'alex.chen@acme.example',
      me: SAM,
      accountIndex: 0,
    });
    expect(classifyOneOnOne(event!)).toEqual({
      kind: 'one-on-one',
      person: { email: 'alex.chen@acme.example', name: 'Alex Chen' },
      confidence: 'high',
      reason: 'two people: you and one other',
    });
    expect(readTheme(doc)).toBe('light');
  });

  it('reads a group meeting with a room as not a 1:1', () => {
    const doc = loadFixture('popover-group-meeting.en.light.html');
    const event = readEventDialog(doc)!;
    expect(event.title).toBe('Sprint planning');
    expect(event.eventId).toBe('7h3j9k2l5m8n1p4q6r0s2t5u8v');
    expect(event.guests.map((guest) => [guest.email, guest.kind])).toEqual([
      ['priya.nair@acme.example', 'person'],
      [SAM, 'person'],
      ['alex.chen@acme.example', 'person'],
      ['jordan.blake@acme.example', 'person'],
      ['c_1888f3a9b2d4e6c8@resource.calendar.google.com', 'room'],
    ]);
    expect(event.guestListComplete).toBe(true);
    expect(event.organizer).toBe('priya.nair@acme.example');
    expect(classifyOneOnOne(event)).toEqual({
      kind: 'not-one-on-one',
      reason: 'group meeting (4 people)',
    });
  });

  it('reads a count-only large meeting as unknown, with the full calendar id from jslog', () => {
    const doc = loadFixture('popover-count-only.en.light.html');
    const event = readEventDialog(doc)!;
    expect(event.title).toBe('Engineering all hands');
    expect(event.guests).toEqual([]);
    expect(event.guestListComplete).toBe(false);
    // The eid abbreviates the group calendar to "@g"; jslog has the full id.
    expect(event.calendarId).toBe('c_0f6b2d4a8e1c3579bdf02468ace13579@group.calendar.google.com');
    expect(classifyOneOnOne(event)).toEqual({
      kind: 'unknown',
      reason: 'guest list not readable (collapsed or count only)',
    });
  });

  it('reads a recurring instance: series key and start from the suffix', () => {
    const doc = loadFixture('popover-recurring.en.light.html');
    const event = readEventDialog(doc)!;
    expect(event.eventId).toBe('5q7s9u1a3c5e7g9i1k3m5o7q9s_20250612T130000Z');
    expect(event.seriesKey).toBe('5q7s9u1a3c5e7g9i1k3m5o7q9s');
    expect(event.start).toBe(Date.UTC(2025, 5, 12, 13, 0, 0));
    // "Weekly on Thursday", the popover's second "when" line.
    expect(event.recurrenceDays).toBe(7);
    expect(event.organizer).toBe(SAM);
    expect(classifyOneOnOne(event)).toMatchObject({
      kind: 'one-on-one',
      person: { email: 'priya.nair@acme.example', name: 'Priya Nair' },
    });
  });

  it('reads a German page in dark theme (account /u/1), without English labels', () => {
    const doc = loadFixture('popover-one-on-one.de.dark.html');
    const event = readEventDialog(doc)!;
    expect(event).toMatchObject({
      eventId: '6r8t0v2b4d6f8h0j2l4n6p8r0t',
      calendarId: 'lena.vogel@kontor.example',
      title: 'Lena <> Tim',
      me: 'lena.vogel@kontor.example',
      organizer: 'lena.vogel@kontor.example',
      guestListComplete: true,
      accountIndex: 1,
    });
    expect(event.guests.map((guest) => guest.name)).toEqual(['Lena Vogel', 'Tim Hartmann']);
    expect(classifyOneOnOne(event)).toMatchObject({
      kind: 'one-on-one',
      person: { email: 'tim.hartmann@kontor.example', name: 'Tim Hartmann' },
      confidence: 'high',
    });
    expect(readTheme(doc)).toBe('dark');
  });

  it('reads a Japanese page of a gmail.com user ("@m" in the eid, me from the account button)', () => {
    const doc = loadFixture('popover-one-on-one.ja.light.html');
    expect(doc.getElementById('xUserInfo')).toBeNull();
    const event = readEventDialog(doc)!;
    expect(event).toMatchObject({
      eventId: '3k5m7o9q1s3u5a7c9e1g3i5k7m',
      // Full id from jslog, not the eid's "kai.suzuki.dev@m".
      calendarId: 'kai.suzuki.dev@gmail.com',
      title: '1on1 花さん',
      me: 'kai.suzuki.dev@gmail.com',
      organizer: 'kai.suzuki.dev@gmail.com',
    });
    expect(event.guests.map((guest) => [guest.email, guest.name])).toEqual([
      ['kai.suzuki.dev@gmail.com', '鈴木 海'],
      ['hana.ito.design@gmail.com', '伊藤 花'],
    ]);
    expect(classifyOneOnOne(event)).toMatchObject({
      kind: 'one-on-one',
      person: { email: 'hana.ito.design@gmail.com', name: '伊藤 花' },
    });
  });

  it('reads the recurrence line of a German and a Japanese recurring 1:1', () => {
    const german = readEventDialog(loadFixture('popover-recurring.de.dark.html'))!;
    expect(german).toMatchObject({
      eventId: '6r8t0v2b4d6f8h0j2l4n6p8r0t_20250610T120000Z',
      seriesKey: '6r8t0v2b4d6f8h0j2l4n6p8r0t',
      start: Date.UTC(2025, 5, 10, 12),
      // "Alle 2 Wochen am Dienstag"
      recurrenceDays: 14,
    });
    const japanese = readEventDialog(loadFixture('popover-recurring.ja.light.html'))!;
    expect(japanese).toMatchObject({
      seriesKey: '3k5m7o9q1s3u5a7c9e1g3i5k7m',
      start: Date.UTC(2025, 5, 10, 5),
      // "毎週 火曜日"
      recurrenceDays: 7,
    });
    // Not recurring: one "when" line only.
    expect(readEventDialog(loadFixture('popover-one-on-one.de.dark.html'))!.recurrenceDays).toBe(
      null,
    );
    expect(readEventDialog(loadFixture('popover-one-on-one.ja.light.html'))!.recurrenceDays).toBe(
      null,
    );
  });

  it('is null for a hidden leftover dialog', () => {
    const doc = loadFixture('popover-hidden-leftover.en.light.html');
    expect(doc.querySelector('#xDetDlg[data-eventid]')).not.toBeNull();
    expect(readEventDialog(doc)).toBeNull();
  });

  it('is null for the quick-create dialog', () => {
    const doc = loadFixture('quick-create.en.light.html');
    expect(doc.querySelector('[data-chips-dialog="true"]')).not.toBeNull();
    expect(readEventDialog(doc)).toBeNull();
  });

  it('is null on a week view without a popover', () => {
    expect(readEventDialog(loadFixture('week-view.en.light.html'))).toBeNull();
  });

  it('reads a popover whose guests have not arrived as unknown', () => {
    const event = readEventDialog(loadFixture('popover-guests-pending.en.light.html'))!;
    expect(event.guests).toEqual([]);
    expect(event.guestListComplete).toBe(false);
    expect(classifyOneOnOne(event).kind).toBe('unknown');
  });

  it('uses the injected visibility test', () => {
    const doc = loadFixture('popover-one-on-one.en.light.html');
    expect(readEventDialog(doc, { isVisible: () => false })).toBeNull();
  });

  it('takes the visible popover when a hidden leftover comes later in the DOM', () => {
    const doc = loadFixture('popover-one-on-one.en.light.html');
    const leftover = doc.querySelector('[data-chips-dialog="true"]')!.cloneNode(true) as Element;
    leftover.setAttribute('style', 'display:none');
    leftover
      .querySelector('#xDetDlg')!
      .setAttribute(
        'data-eventid',
        'MGEyYzRlNmc4aTBrMm00bzZxOHMwdTJhNGMgc2FtLmxlZUBhY21lLmV4YW1wbGU',
      );
    doc.body.append(leftover);
    expect(readEventDialog(doc)?.eventId).toBe('4p1k2m8fqb0v6s3t9c7e5d1a2g');
  });
});

describe('readSignedInUser', () => {
  it('prefers #xUserInfo, then the account button, then jslog', () => {
    const doc = loadFixture('popover-one-on-one.en.light.html');
    doc.getElementById('xUserEmail')!.textContent = 'Sam.Lee@Acme.Example';
    expect(readSignedInUser(doc)).toBe(SAM);
    doc.getElementById('xUserInfo')!.remove();
    doc
      .querySelector('a[role="button"][aria-label*="@"]')!
      .setAttribute('aria-label', 'Google-Konto: Sam Lee (sam.button@acme.example)');
    expect(readSignedInUser(doc)).toBe('sam.button@acme.example');
    doc.querySelector('a[role="button"][aria-label*="@"]')!.remove();
    doc
      .getElementById('xDetDlg')!
      .setAttribute(
        'jslog',
        '20279; 1:["sam.jslog@acme.example",1]; 2:["4p1k2m8fqb0v6s3t9c7e5d1a2g","sam.lee@acme.example"]',
      );
    expect(readSignedInUser(doc)).toBe('sam.jslog@acme.example');
    doc.getElementById('xDetDlg')!.removeAttribute('jslog');
    expect(readSignedInUser(doc)).toBeNull();
  });

  it('degrades to unknown when the user cannot be found', () => {
    const doc = loadFixture('popover-one-on-one.en.light.html');
    doc.getElementById('xUserInfo')!.remove();
    doc.querySelector('a[role="button"][aria-label*="@"]')!.remove();
    doc.getElementById('xDetDlg')!.removeAttribute('jslog');
    const event = readEventDialog(doc)!;
    expect(event.me).toBeNull();
    expect(classifyOneOnOne(event)).toEqual({
      kind: 'unknown',
      reason: 'signed-in user not found',
    });
  });
});

describe('readEventPage', () => {
  it('reads the editable event page', () => {
    const doc = loadFixture('event-page-editable.en.light.html');
    const event = readEventPage(doc, location.href)!;
    expect(event).toMatchObject({
      surface: 'event-page',
      eid: 'OHUwYTJjNGU2ZzhpMGsybTRvNnE4czB1MmEgc2FtLmxlZUBhY21lLmV4YW1wbGU',
      eventId: '8u0a2c4e6g8i0k2m4o6q8s0u2a',
      calendarId: SAM,
      title: 'Jordan <> Sam career chat',
      guestListComplete: true,
      organizer: SAM,
      me: SAM,
    });
    expect(event.guests.map((guest) => [guest.email, guest.kind])).toEqual([
      [SAM, 'person'],
      ['jordan.blake@acme.example', 'person'],
      ['c_1888f3a9b2d4e6c8@resource.calendar.google.com', 'room'],
    ]);
    expect(classifyOneOnOne(event)).toMatchObject({
      kind: 'one-on-one',
      person: { email: 'jordan.blake@acme.example', name: 'Jordan Blake' },
    });
    // The popover reader does not mistake the page for a popover.
    expect(readEventDialog(doc)).toBeNull();
  });

  it('reads the read-only event page (no inputs, no Save)', () => {
    const doc = loadFixture('event-page-read-only.en.light.html');
    expect(doc.getElementById('xSaveBu')).toBeNull();
    const event = readEventPage(doc, location.href)!;
    expect(event.eventId).toBe('9v1b3d5f7h9j1l3n5p7r9t1v3b');
    expect(event.title).toBe('Jordan <> Sam career chat');
    expect(classifyOneOnOne(event).kind).toBe('one-on-one');
  });

  it('is null when the URL is not an event page or the page shows another event', () => {
    const doc = loadFixture('event-page-editable.en.light.html');
    expect(readEventPage(doc, 'https://calendar.google.com/calendar/u/0/r/week')).toBeNull();
    const otherEid = 'OXYxYjNkNWY3aDlqMWwzbjVwN3I5dDF2M2Igc2FtLmxlZUBhY21lLmV4YW1wbGU';
    expect(
      readEventPage(doc, `https://calendar.google.com/calendar/u/0/r/eventedit/${otherEid}`),
    ).toBeNull();
  });

  it('is null while the grid is still showing after navigating to an event page URL', () => {
    const doc = loadFixture('week-view.en.light.html');
    const eid = 'OHUwYTJjNGU2ZzhpMGsybTRvNnE4czB1MmEgc2FtLmxlZUBhY21lLmV4YW1wbGU';
    expect(
      readEventPage(doc, `https://calendar.google.com/calendar/u/0/r/eventedit/${eid}`),
    ).toBeNull();
  });
});
