// The demo data must be what the extension accepts and what the demo page claims: a backup the
// store's own validator takes, eids that decode to this week's instances of the same series as
// the stored meetings, and a "last meeting" with notes before each of this week's 1:1s.

// The store needs IndexedDB: the real-browser config runs this file in plain Node too.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decodeEid, seriesKeyOf, startOfInstance } from '@/utils/calendar';
import { importBackup, parseBackup, topicsAtMeeting, type Backup } from '@/utils/store';
import { freshDatabase } from '@/utils/store/test-database';
import { generateDemoData, startOfDemoWeek, weekMonthLabel } from './demo-data';

const NOW = new Date(2025, 10, 26, 9, 30).getTime(); // a Wednesday morning

describe('generateDemoData', () => {
  const demo = generateDemoData({ now: NOW });

  it('produces a backup that the store validates', () => {
    const parsed = parseBackup(JSON.parse(JSON.stringify(demo.backup)));
    expect(parsed).toEqual({ ok: true, backup: expect.anything() });
  });

  it('has standing topics due at each 1:1 of the week as it claims, and a feedback log', async () => {
    const db = freshDatabase();
    await importBackup(db, demo.backup as unknown as Backup);
    for (const oneOnOne of demo.oneOnOnes) {
      const topics = await topicsAtMeeting(db, {
        eid: oneOnOne.eid,
        personEmail: oneOnOne.person.email,
        start: oneOnOne.start,
      });
      expect(topics.filter((entry) => entry.due).map((entry) => entry.topic.text)).toEqual(
        oneOnOne.standingTopicsDue,
      );
      expect(oneOnOne.feedbackLog.length).toBeGreaterThan(0);
    }
    await db.delete();
  });

  it('gives every 1:1 of the week an eid that decodes to an instance of its series', () => {
    expect(demo.oneOnOnes.map((o) => o.person.name)).toEqual([
      'Jordan Okafor',
      'Alex Rivera',
      'Sam Chen',
      'Priya Natarajan',
    ]);
    for (const oneOnOne of demo.oneOnOnes) {
      const decoded = decodeEid(oneOnOne.eid);
      if (!decoded.ok) throw new Error(`eid of ${oneOnOne.person.name} does not decode`);
      expect(decoded.calendarId).toBe('maya.manager@example.com');
      expect(seriesKeyOf(decoded.eventId)).toBe(oneOnOne.seriesKey);
      expect(startOfInstance(decoded.eventId)).toBe(oneOnOne.start);
    }
  });

  it('stores earlier meetings of the same series, the latest one with the notes shown as last', () => {
    for (const oneOnOne of demo.oneOnOnes) {
      const earlier = demo.backup.data.meetings
        .filter((m) => m.personEmail === oneOnOne.person.email)
        .sort((a, b) => b.start - a.start);
      expect(earlier.length).toBe(4);
      expect(earlier.every((m) => m.seriesKey === oneOnOne.seriesKey)).toBe(true);
      expect(earlier[0]!.start).toBeLessThan(oneOnOne.start);
      const note = demo.backup.data.notes.find((n) => n.meetingEid === earlier[0]!.eid);
      expect(note?.text).toBe(oneOnOne.lastNotes);
    }
  });

  it('places the week Monday to Sunday around now, with the 1:1s Monday to Thursday', () => {
    const monday = startOfDemoWeek(NOW);
    expect(monday.getDay()).toBe(1);
    expect(demo.calendar.days.map((d) => d.date)[0]).toBe('2025-11-24');
    expect(demo.calendar.days.find((d) => d.isToday)?.date).toBe('2025-11-26');
    expect(demo.oneOnOnes.map((o) => new Date(o.start).getDay())).toEqual([1, 2, 3, 4]);
  });

  it('heads the week with its month, as Calendar does for a week across two months or years', () => {
    expect(demo.calendar.monthLabel).toBe('November 2025');
    // Tuesday, December 1, 2026: the week starts on Monday, November 30.
    const acrossMonths = generateDemoData({ now: new Date(2026, 11, 1, 23, 29) });
    expect(acrossMonths.calendar.days[0]!.date).toBe('2026-11-30');
    expect(acrossMonths.calendar.monthLabel).toBe('Nov – Dec 2026');
    expect(generateDemoData({ now: new Date(2026, 11, 9) }).calendar.monthLabel).toBe(
      'December 2026',
    );
    expect(weekMonthLabel(new Date(2026, 11, 28).getTime())).toBe('Dec 2026 – Jan 2027');
  });

  it('has overdue open items, a done item and an over-allocated person', () => {
    const items = demo.backup.data.actionItems;
    const today = '2025-11-26';
    expect(items.some((i) => i.open === 1 && i.due !== '' && i.due < today)).toBe(true);
    expect(items.some((i) => i.open === 0 && i.doneAt !== null)).toBe(true);
    const priyaShare = demo.backup.data.assignments
      .filter((a) => a.personEmail === 'priya.natarajan@example.com')
      .reduce((sum, a) => sum + a.share, 0);
    expect(priyaShare).toBeGreaterThan(100);
  });

  it('abbreviates a gmail.com calendar as @m in eids but keeps the full id for jslog', () => {
    const gmail = generateDemoData({ now: NOW, account: 'gmail' });
    const decoded = decodeEid(gmail.oneOnOnes[0]!.eid);
    expect(decoded).toMatchObject({ ok: true, calendarId: 'maya.demo@m' });
    expect(gmail.calendar.events[0]!.calendarId).toBe('maya.demo@gmail.com');
  });

  it('adds a hostile event only when asked', () => {
    expect(demo.hostile).toBeNull();
    const hostile = generateDemoData({ now: NOW, hostileEvent: true }).hostile;
    expect(hostile?.title).toContain('<img src=x onerror=');
    expect(hostile?.guests.some((g) => g.name.includes('onerror'))).toBe(true);
  });
});
