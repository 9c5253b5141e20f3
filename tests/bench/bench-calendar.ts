// The calendar the benchmark shows: the demo calendar (tests/demo, served by the e2e harness's
// routeDemoCalendar at calendar.google.com URLs, so the content script is injected as on the
// real site) with its week replaced by a heavy one, and popovers for people of the data set.

import type { BrowserContext, Page } from 'playwright-core';
import { generateDemoData, type DemoEvent } from '../demo/demo-data';
import { demoWeekUrl, routeDemoCalendar } from '../e2e/harness';
import { eidOf, heavyWeekChips } from './heavy-week-page';
import { installProbes, instanceStamp, type PopoverSpec } from './page-probes';
import type { Backup } from '@/utils/store/backup';

/** A fixed week, so every run serves the same page. */
const DEMO_NOW = new Date(2025, 5, 11, 10).getTime();
const HOUR_HEIGHT = 48;

export interface BenchCalendar {
  url: string;
  /** The signed-in user the page names (#xUserInfo). */
  me: { email: string; name: string; eidCalendarId: string };
}

/** Series the data set knows as 1:1s, one per person (the first meeting's series). */
export function oneOnOneSeriesOf(backup: Backup | null): Map<string, string> {
  const series = new Map<string, string>();
  for (const meeting of backup?.data.meetings ?? []) {
    if (!series.has(meeting.personEmail)) series.set(meeting.personEmail, meeting.seriesKey);
  }
  return series;
}

/**
 * Serves the demo calendar in `context` with `chips` timed chips; every third is an instance of
 * a series the data set knows as a 1:1 (the extension badges those), the others one-off meetings.
 */
export async function routeBenchCalendar(
  context: BrowserContext,
  options: { chips: number; backup: Backup | null },
): Promise<BenchCalendar> {
  const demo = generateDemoData({ now: DEMO_NOW });
  const template = demo.groupMeeting;
  const monday = new Date(demo.calendar.days[0]!.date + 'T00:00:00');
  const chips = heavyWeekChips(
    options.chips,
    [...oneOnOneSeriesOf(options.backup).values()],
    demo.user.eidCalendarId,
    monday,
  );
  const events: DemoEvent[] = chips.map((chip) => {
    const start = monday.getTime() + chip.day * 86_400_000 + chip.startMinute * 60_000;
    return {
      ...template,
      eid: eidOf(chip.eventId, chip.calendarId),
      eventId: chip.eventId,
      title: chip.title,
      start,
      end: start + chip.durationMinutes * 60_000,
      dayIndex: chip.day,
      topPx: (chip.startMinute / 60) * HOUR_HEIGHT,
      heightPx: (chip.durationMinutes / 60) * HOUR_HEIGHT,
      screenReaderText: `${chip.title}, ${template.timeLabel}`,
    };
  });
  const served = await routeDemoCalendar(context, { demo, events });
  return { url: demoWeekUrl(served), me: served.user };
}

export async function openBenchCalendar(
  context: BrowserContext,
  calendar: BenchCalendar,
  options: { watchDetails: boolean; beforeNavigation?: (page: Page) => Promise<void> },
): Promise<Page> {
  const page = await context.newPage();
  await installProbes(page, { watchDetails: options.watchDetails });
  await options.beforeNavigation?.(page);
  await page.goto(calendar.url, { waitUntil: 'load' });
  await page.locator('[role="main"] [data-eventchip]').first().waitFor();
  return page;
}

/** A 1:1 occurrence with `person`, organized by the signed-in user, as the popover shows it. */
export function oneOnOnePopover(
  me: BenchCalendar['me'],
  person: { email: string; name: string },
  seriesKey: string,
  start: number,
): PopoverSpec {
  const eventId = `${seriesKey}_${instanceStamp(start)}`;
  return {
    eid: eidOf(eventId, me.eidCalendarId),
    eventId,
    calendarId: me.email,
    me: me.email,
    title: `${person.name.split(' ')[0]} / ${me.name.split(' ')[0]} 1:1`,
    when: 'Monday, June 16⋅9:00 – 9:30am',
    recurrence: 'Weekly on Monday',
    guests: [
      { email: me.email, name: me.name, organizer: true },
      { email: person.email, name: person.name, organizer: false },
    ],
  };
}

/** A group meeting: the content script reads it and shows nothing (not a 1:1). */
export function groupMeetingPopover(me: BenchCalendar['me']): PopoverSpec {
  const eventId = 'benchgroupsync01_20250610T140000Z';
  return {
    eid: eidOf(eventId, me.eidCalendarId),
    eventId,
    calendarId: me.email,
    me: me.email,
    title: 'Platform team sync',
    when: 'Tuesday, June 10⋅2:00 – 3:00pm',
    recurrence: 'Weekly on Tuesday',
    guests: [
      { email: me.email, name: me.name, organizer: true },
      { email: 'ada.okafor.0@example.com', name: 'Ada Okafor', organizer: false },
      { email: 'ben.okafor.1@example.com', name: 'Ben Okafor', organizer: false },
      { email: 'chloe.okafor.2@example.com', name: 'Chloé Okafor', organizer: false },
      { email: 'room-4@resource.calendar.google.com', name: 'Room 4', organizer: false },
    ],
  };
}
