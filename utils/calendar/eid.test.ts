import { describe, expect, it } from 'vitest';
import { decodeEid, isTaskEid, isVirtualCalendar, seriesKeyOf, startOfInstance } from './eid';

describe('decodeEid', () => {
  const decodes: Array<[string, string, string, string]> = [
    // Three public examples of real eids (docs/calendar-page.md, "The eid").
    [
      'group calendar (@g)',
      'aW4wNWltc2dhMTZkZHRkdTZmNXN0MDk1djAgcG91aTI2a2FjbHNjbXR1djVmYmlzdTRnM2tAZw',
      'in05imsga16ddtdu6f5st095v0',
      'poui26kaclscmtuv5fbisu4g3k@g',
    ],
    [
      'recurring instance on a gmail.com calendar (@m)',
      'NmxwbDZ1NnZhN3A4dTd2YjdnMzRjMmljb29fMjAyMjEwMDJUMDgwMDAwWiB0ZXN0Zm9yYXBpMDlAbQ',
      '6lpl6u6va7p8u7vb7g34c2icoo_20221002T080000Z',
      'testforapi09@m',
    ],
    [
      'birthday (#contacts@v)',
      'MjAxNF9CSVJUSERBWV8xZWYxY2IxNjhkYmI4ZWIzICNjb250YWN0c0B2',
      '2014_BIRTHDAY_1ef1cb168dbb8eb3',
      '#contacts@v',
    ],
    // Workspace calendar, full address, padding stripped (length % 4 === 2).
    [
      'padding stripped',
      'NHAxazJtOGZxYjB2NnMzdDljN2U1ZDFhMmcgc2FtLmxlZUBhY21lLmV4YW1wbGU',
      '4p1k2m8fqb0v6s3t9c7e5d1a2g',
      'sam.lee@acme.example',
    ],
    [
      'padding kept',
      'NHAxazJtOGZxYjB2NnMzdDljN2U1ZDFhMmcgc2FtLmxlZUBhY21lLmV4YW1wbGU=',
      '4p1k2m8fqb0v6s3t9c7e5d1a2g',
      'sam.lee@acme.example',
    ],
    // "ab?> x@m" encodes to "YWI/PiB4QG0=" in base64 and "YWI_PiB4QG0" in base64url.
    ['base64 with "/"', 'YWI/PiB4QG0=', 'ab?>', 'x@m'],
    ['base64url with "_"', 'YWI_PiB4QG0', 'ab?>', 'x@m'],
    ['surrounding whitespace', '  YWI_PiB4QG0  ', 'ab?>', 'x@m'],
  ];
  it.each(decodes)('%s', (_name, eid, eventId, calendarId) => {
    expect(decodeEid(eid)).toEqual({ ok: true, eventId, calendarId });
  });

  const failures: Array<[string, string]> = [
    ['empty', ''],
    ['task id', 'tasks_aB3dE5fG7hI9jK1l'],
    ['not base64 characters', 'abc$def!'],
    ['impossible length', 'YWJjZ'],
    ['no space (reminder-like)', btoa('reminderonly')],
    ['nothing before the space', btoa(' x@m')],
    ['calendar without @', btoa('abc def')],
    // Split on the first space; neither id holds whitespace, so a second one means "not an eid".
    ['second space', btoa('abc def ghi@m')],
    ['binary garbage', btoa(String.fromCharCode(0xff, 0xfe, 0x20, 0x41, 0x40))],
    ['control characters', btoa('a\u0001b c@m')],
  ];
  it.each(failures)('fails as a value: %s', (_name, eid) => {
    const result = decodeEid(eid);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toBe('');
  });

  it('keeps non-ASCII calendar ids decoded as UTF-8', () => {
    const eid = btoa(String.fromCharCode(...new TextEncoder().encode('ev1 müller@example.de')));
    expect(decodeEid(eid)).toEqual({ ok: true, eventId: 'ev1', calendarId: 'müller@example.de' });
  });
});

describe('seriesKeyOf', () => {
  it.each([
    ['6lpl6u6va7p8u7vb7g34c2icoo_20221002T080000Z', '6lpl6u6va7p8u7vb7g34c2icoo'],
    ['6lpl6u6va7p8u7vb7g34c2icoo_20221002t080000z', '6lpl6u6va7p8u7vb7g34c2icoo'],
    ['2b4d6f8h0j2l4n6p8r0t2v4a6c_20250611', '2b4d6f8h0j2l4n6p8r0t2v4a6c'],
    ['In05IMSGA16ddtdu6f5st095v0', 'in05imsga16ddtdu6f5st095v0'],
    ['2014_BIRTHDAY_1ef1cb168dbb8eb3', '2014_birthday_1ef1cb168dbb8eb3'],
    // Only a trailing suffix of the exact shape is an instance suffix.
    ['abc_2025061', 'abc_2025061'],
    ['abc_20250611T1300Z', 'abc_20250611t1300z'],
    ['', ''],
  ])('%s → %s', (eventId, key) => {
    expect(seriesKeyOf(eventId)).toBe(key);
  });

  it('gives the same key for an instance and its series in any case', () => {
    expect(seriesKeyOf('ABC123_20250612T130000Z')).toBe(seriesKeyOf('abc123_20250619t130000z'));
  });
});

describe('startOfInstance', () => {
  it.each<[string, number | null]>([
    ['5q7s9u1a3c5e7g9i1k3m5o7q9s_20250612T130000Z', Date.UTC(2025, 5, 12, 13, 0, 0)],
    ['6lpl6u6va7p8u7vb7g34c2icoo_20221002t080000z', Date.UTC(2022, 9, 2, 8, 0, 0)],
    ['x_20241231T235959Z', Date.UTC(2024, 11, 31, 23, 59, 59)],
    // All-day instances carry a date without a time zone: not a moment.
    ['2b4d6f8h0j2l4n6p8r0t2v4a6c_20250611', null],
    ['4p1k2m8fqb0v6s3t9c7e5d1a2g', null],
    // Impossible dates are not suffixes.
    ['x_20251332T250000Z', null],
    ['x_20250230T100000Z', null],
  ])('%s', (eventId, start) => {
    expect(startOfInstance(eventId)).toBe(start);
  });
});

describe('isTaskEid / isVirtualCalendar', () => {
  it('recognises task ids', () => {
    expect(isTaskEid('tasks_aB3dE5fG7hI9')).toBe(true);
    expect(isTaskEid('ttb_MTIzNDU2')).toBe(true);
    expect(isTaskEid('NHAxazJtOGZxYjB2NnMzdDljN2U1ZDFhMmcgc2FtLmxlZUBhY21lLmV4YW1wbGU')).toBe(
      false,
    );
  });
  it('recognises birthday and holiday calendars', () => {
    expect(isVirtualCalendar('#contacts@v')).toBe(true);
    expect(isVirtualCalendar('en.german#holiday@group.v.calendar.google.com')).toBe(true);
    expect(isVirtualCalendar('poui26kaclscmtuv5fbisu4g3k@g')).toBe(false);
    expect(isVirtualCalendar('sam.lee@acme.example')).toBe(false);
  });
});
