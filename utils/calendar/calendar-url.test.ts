import { describe, expect, it } from 'vitest';
import { parseCalendarUrl } from './calendar-url';

const EID = 'OHUwYTJjNGU2ZzhpMGsybTRvNnE4czB1MmEgc2FtLmxlZUBhY21lLmV4YW1wbGU';

describe('parseCalendarUrl', () => {
  it.each<[string, ReturnType<typeof parseCalendarUrl>]>([
    [
      'https://calendar.google.com/calendar/u/0/r/week/2025/6/10',
      { accountIndex: 0, eventPageEid: null },
    ],
    ['https://calendar.google.com/calendar/u/1/r', { accountIndex: 1, eventPageEid: null }],
    ['https://calendar.google.com/calendar/r/month', { accountIndex: 0, eventPageEid: null }],
    ['https://calendar.google.com/calendar/', { accountIndex: 0, eventPageEid: null }],
    ['https://calendar.google.com/calendar/r?authuser=2', { accountIndex: 2, eventPageEid: null }],
    [
      `https://calendar.google.com/calendar/u/0/r/eventedit/${EID}`,
      { accountIndex: 0, eventPageEid: EID },
    ],
    [
      `https://calendar.google.com/calendar/u/3/r/eventedit/${EID}?pli=1`,
      { accountIndex: 3, eventPageEid: EID },
    ],
    [
      `https://calendar.google.com/calendar/r/eventedit?eid=${EID}`,
      { accountIndex: 0, eventPageEid: EID },
    ],
    [
      `https://calendar.google.com/calendar/u/0/r/eventedit/${EID.slice(0, -2)}%3D%3D`,
      { accountIndex: 0, eventPageEid: `${EID.slice(0, -2)}==` },
    ],
    // A copy is a new event prefilled from another one, not that event.
    [
      `https://calendar.google.com/calendar/u/0/r/eventedit/copy/${EID}`,
      { accountIndex: 0, eventPageEid: null },
    ],
    // The grid with a popover-opening link is not the event page.
    [
      `https://calendar.google.com/calendar/u/0/r/week?eid=${EID}`,
      { accountIndex: 0, eventPageEid: null },
    ],
    [
      'https://calendar.google.com/calendar/u/0/r/eventedit',
      { accountIndex: 0, eventPageEid: null },
    ],
  ])('%s', (url, expected) => {
    expect(parseCalendarUrl(url)).toEqual(expected);
  });

  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://calendar.google.com/',
    'https://calendar.google.com/a/acme.example',
    'https://evil.example/calendar/u/0/r/eventedit/abc',
    'not a url',
    '',
  ])('is null for a non-Calendar URL: %s', (url) => {
    expect(parseCalendarUrl(url)).toBeNull();
  });
});
