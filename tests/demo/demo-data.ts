// The demo's one source of data, relative to a given `now`: (a) the calendar week the demo page
// shows (tests/demo/calendar-page.html reads it as JSON) and (b) a backup in the store's format
// holding the same people, earlier meetings of the same series, notes, items and projects, so
// that opening this week's 1:1 shows "last meeting" at once. Everything is deterministic for a
// given `now`, account and time zone (the machine's), so tests can name eids and texts.

import type {
  ActionItem,
  Assignment,
  FeedbackEntry,
  Meeting,
  Note,
  Person,
  Project,
  SeriesOverride,
  StandingTopic,
  TalkingPoint,
  TopicDiscussion,
  Wellbeing,
} from '@/utils/domain/records';
import { hostileNames } from '../fixtures/hostile-strings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Pixels per hour in the demo grid (Calendar's default density is 48). */
export const HOUR_HEIGHT = 48;

export type DemoAccount = 'workspace' | 'gmail';

export interface DemoUser {
  email: string;
  name: string;
  /** Full primary calendar id (the signed-in address). */
  calendarId: string;
  /** Calendar part as the eid abbreviates it (`@gmail.com` → `@m`). */
  eidCalendarId: string;
  timezone: string;
  gmtOffset: string;
  locale: string;
}

export interface DemoGuest {
  email: string;
  name: string;
  organizer: boolean;
  response: 'accepted' | 'needsAction' | 'tentative' | 'declined';
  kind: 'person' | 'room' | 'group';
}

export interface DemoDay {
  columnIndex: number;
  /** Calendar's day key: (year − 1970) << 9 | month << 5 | day. */
  datekey: number;
  /** 'yyyy-MM-dd' */
  date: string;
  weekdayShort: string;
  dayOfMonth: number;
  isToday: boolean;
}

export interface DemoEvent {
  eid: string;
  /** '' for tasks (their id does not decode). */
  eventId: string;
  calendarId: string;
  kind: 'timed' | 'all-day' | 'task';
  /** Set on tasks: Calendar marks task chips with data-taskid. */
  taskId: string;
  title: string;
  start: number;
  end: number;
  /** Column of the week (0 = Monday). */
  dayIndex: number;
  /** Inline position of a timed chip in the day column. */
  topPx: number;
  heightPx: number;
  /** Visible chip time, e.g. "10 – 10:30am". */
  timeLabel: string;
  /** Start time alone, e.g. "10am" (short chips). */
  startLabel: string;
  /** The chip's visually hidden screen-reader text. */
  screenReaderText: string;
  /** First line of #xDetDlgWhen, e.g. "Tuesday, June 10⋅2:00 – 2:30pm". */
  dateLine: string;
  /** Second line for a recurring event, e.g. "Weekly on Tuesday", else ''. */
  recurrenceLine: string;
  /** Guest count text ("7 guests"), '' when the event has no guests. */
  guestCountText: string;
  /** Rows shown in #xDetDlgAtt (empty for a count-only or collapsed list). */
  guests: DemoGuest[];
  organizerName: string;
  location: string;
  hasMeet: boolean;
  description: string;
  color: string;
}

export interface DemoCalendarData {
  user: DemoUser;
  now: number;
  /** Header label, e.g. "November 2025", or "Nov – Dec 2026" for a week across two months. */
  monthLabel: string;
  days: DemoDay[];
  events: DemoEvent[];
}

/** The store's backup format (utils/store/backup.ts), spelled out here from utils/store/types. */
export interface DemoBackup {
  format: 'craft-beyond-code-backup';
  version: 3;
  exportedAt: number;
  data: {
    people: Person[];
    projects: Project[];
    assignments: Assignment[];
    meetings: Meeting[];
    notes: Note[];
    actionItems: ActionItem[];
    talkingPoints: TalkingPoint[];
    seriesOverrides: SeriesOverride[];
    standingTopics: StandingTopic[];
    topicDiscussions: TopicDiscussion[];
    feedbackEntries: FeedbackEntry[];
  };
}

export interface DemoOneOnOne {
  person: { email: string; name: string };
  /** Event id of the recurring series (no instance suffix). */
  seriesId: string;
  /** Lowercased series id, as the store keys meetings. */
  seriesKey: string;
  /** This week's occurrence. */
  eid: string;
  start: number;
  title: string;
  /** Notes of the latest earlier meeting (what the panel shows under "Last meeting"). */
  lastNotes: string;
  /** Texts of the person's open action items, oldest first. */
  openItems: string[];
  /** Texts of the person's queued talking points. */
  talkingPoints: string[];
  /** Texts of the standing topics due at this week's 1:1, the default set first. */
  standingTopicsDue: string[];
  /** Texts of the person's feedback log, newest first. */
  feedbackLog: string[];
}

export interface DemoData {
  user: DemoUser;
  calendar: DemoCalendarData;
  backup: DemoBackup;
  /** This week's 1:1s, Monday first. */
  oneOnOnes: DemoOneOnOne[];
  /** Named events of the week, for tests. */
  groupMeeting: DemoEvent;
  allHands: DemoEvent;
  task: DemoEvent;
  allDay: DemoEvent;
  /** A 1:1 in all but name: the guest list is collapsed (count only), so it is "unknown". */
  oneOnOneCandidate: DemoEvent;
  /** Present when `hostileEvent` was asked for. */
  hostile: DemoEvent | null;
  /** Texts of every open action item, overdue first (what the popup's follow-ups list holds). */
  openFollowUps: string[];
}

export interface DemoDataOptions {
  now: number | Date;
  account?: DemoAccount;
  /** Add a 1:1 whose title and guest name are hostile markup (hardening tests). */
  hostileEvent?: boolean;
}

// People -----------------------------------------------------------------------------------

interface ReportSpec {
  email: string;
  name: string;
  /** 0 = Monday. */
  weekday: number;
  hour: number;
  minute: number;
  minutes: number;
  title: string;
  /** Notes of earlier meetings, newest first (weeks 1, 2, 3 before this one). */
  notes: string[];
  /** Wellbeing of earlier meetings, newest first. */
  wellbeing: Array<Wellbeing | null>;
  profileNotes: string;
  items: Array<{ text: string; owner: 'me' | 'them'; dueInDays: number | null; done?: boolean }>;
  talkingPoints: string[];
  /** Entries of the feedback log, newest first (weeks 1, 2, … before this one). */
  feedback: Array<{ kind: FeedbackEntry['kind']; text: string }>;
}

const REPORTS: readonly ReportSpec[] = [
  {
    email: 'jordan.okafor@example.com',
    name: 'Jordan Okafor',
    weekday: 0,
    hour: 15,
    minute: 0,
    minutes: 30,
    title: 'Jordan / Maya 1:1',
    notes: [
      'Jordan shipped the onboarding flow behind a flag. Wants to present it at the next demo day. Worried about the paused mobile work: agreed to revisit in two weeks.',
      'Talked about growth: Jordan would like to mentor the new hire. Good energy.',
      'Planning week. Jordan is fine with splitting time between mobile and the queue migration.',
    ],
    wellbeing: [4, 4, 3],
    profileNotes: 'Joined in 2023. Prefers written agendas. Interested in mentoring.',
    items: [
      { text: 'Send Jordan the mentoring guide', owner: 'me', dueInDays: 2 },
      { text: 'Write the onboarding flag rollout plan', owner: 'them', dueInDays: 5 },
      { text: 'Book demo day slot for onboarding', owner: 'me', dueInDays: -6, done: true },
    ],
    talkingPoints: ['Demo day slot confirmed?', 'Mentoring the new hire'],
    feedback: [
      { kind: 'praise', text: 'Thanked Jordan for the clear onboarding demo' },
      { kind: 'win', text: 'Onboarding flow shipped behind a flag' },
    ],
  },
  {
    email: 'alex.rivera@example.com',
    name: 'Alex Rivera',
    weekday: 1,
    hour: 10,
    minute: 0,
    minutes: 30,
    title: 'Alex / Maya 1:1',
    notes: [
      'Talked about the queue migration cut-over. Alex wants more ownership of the on-call rotation; we agreed Alex drafts the runbook and I review it by Friday.',
      'Alex was frustrated by flaky integration tests. Agreed to raise it at the team sync.',
      'Career chat: Alex is aiming for senior next cycle. Needs a design doc with cross-team impact.',
    ],
    wellbeing: [4, 3, 4],
    profileNotes: 'Tech lead of the queue migration. Likes direct feedback.',
    items: [
      { text: 'Review the on-call runbook draft', owner: 'me', dueInDays: -3 },
      { text: 'Draft the on-call runbook', owner: 'them', dueInDays: -1 },
      { text: 'Share the senior promotion criteria', owner: 'me', dueInDays: null },
      { text: 'File the flaky test tickets', owner: 'them', dueInDays: -10, done: true },
    ],
    talkingPoints: ['Promotion packet timeline', 'Feedback from the cut-over retro'],
    feedback: [{ kind: 'feedback', text: 'Asked Alex to share the cut-over plan earlier' }],
  },
  {
    email: 'sam.chen@example.com',
    name: 'Sam Chen',
    weekday: 2,
    hour: 14,
    minute: 0,
    minutes: 30,
    title: '1:1 Sam <> Maya',
    notes: [
      'Sam is heads-down on billing. Asked for a clearer definition of done for the invoice export; I will check with product. Sam plans a week off next month.',
      'Billing revamp kickoff went well. Sam wants to pair with finance on edge cases.',
      'Sam raised concerns about meeting load. Dropped two recurring syncs.',
    ],
    wellbeing: [3, 4, 3],
    profileNotes: 'Works best with long focus blocks. Vacation planned next month.',
    items: [
      { text: 'Ask product for the invoice export definition of done', owner: 'me', dueInDays: -2 },
      { text: 'Pair with finance on refund edge cases', owner: 'them', dueInDays: 7 },
      { text: 'Drop the Thursday billing sync', owner: 'me', dueInDays: -12, done: true },
    ],
    talkingPoints: ['Vacation cover plan'],
    feedback: [{ kind: 'concern', text: 'Reviews waiting more than a week' }],
  },
  {
    email: 'priya.natarajan@example.com',
    name: 'Priya Natarajan',
    weekday: 3,
    hour: 11,
    minute: 0,
    minutes: 45,
    title: 'Maya / Priya weekly',
    notes: [
      'Priya is stretched across the queue migration and billing and is working late. We agreed to move her off one project by the end of the month; I will talk to the billing lead.',
      'Priya feels the two projects pull in different directions. Tired but motivated.',
      'Priya took over the billing data model. Excited about it.',
    ],
    wellbeing: [2, 2, 4],
    profileNotes: 'Strong on data modelling. Watch the workload: two projects at once.',
    items: [
      { text: 'Talk to the billing lead about Priya’s allocation', owner: 'me', dueInDays: -4 },
      { text: 'Hand over the billing data model notes', owner: 'them', dueInDays: 3 },
    ],
    talkingPoints: ['Workload: which project to drop', 'Conference talk proposal'],
    feedback: [{ kind: 'praise', text: 'Calm and clear on the incident call' }],
  },
];

const PEER = { email: 'lena.fischer@example.com', name: 'Lena Fischer' };
const PRODUCT_MANAGER = { email: 'noah.kim@example.com', name: 'Noah Kim' };
const ROOM = {
  email: 'c_1888demoroomadalovelace8@resource.calendar.google.com',
  name: 'Room Ada Lovelace (8)',
};

const ACCOUNTS: Record<DemoAccount, { email: string; name: string; eidCalendarId: string }> = {
  workspace: {
    email: 'maya.manager@example.com',
    name: 'Maya Manager',
    eidCalendarId: 'maya.manager@example.com',
  },
  gmail: { email: 'maya.demo@gmail.com', name: 'Maya Demo', eidCalendarId: 'maya.demo@m' },
};

// Ids --------------------------------------------------------------------------------------

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/** A deterministic Google-like event id (base32hex, 26 characters) from a seed. */
export function demoEventId(seed: string): string {
  let hash = 2166136261;
  // Mix the whole seed first, so seeds with a common prefix do not share the id's start.
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619) >>> 0;
  let id = '';
  for (let i = 0; id.length < 26; i++) {
    const char = seed.charCodeAt(i % seed.length) + i;
    hash = Math.imul(hash ^ char, 16777619) >>> 0;
    id += BASE32HEX[hash % 32];
  }
  return id;
}

/** `<seriesId>_<YYYYMMDDTHHMMSSZ>`: a recurring instance, named by its original start in UTC. */
export function instanceId(seriesId: string, start: number): string {
  const iso = new Date(start).toISOString(); // 2025-06-10T14:00:00.000Z
  const stamp = iso.slice(0, 19).replace(/[-:]/g, '') + 'Z';
  return `${seriesId}_${stamp}`;
}

/** Google's eid: base64("<eventId> <calendar id>") without padding. */
export function encodeEid(eventId: string, eidCalendarId: string): string {
  return btoa(`${eventId} ${eidCalendarId}`).replace(/=+$/, '');
}

// Dates ------------------------------------------------------------------------------------

/** Monday 00:00 (local time) of the week holding `now`. */
export function startOfDemoWeek(now: number): Date {
  const date = new Date(now);
  const sinceMonday = (date.getDay() + 6) % 7;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - sinceMonday);
}

function at(weekStart: Date, weekday: number, hour: number, minute = 0): number {
  return new Date(
    weekStart.getFullYear(),
    weekStart.getMonth(),
    weekStart.getDate() + weekday,
    hour,
    minute,
  ).getTime();
}

function isoDate(instant: number): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function datekeyOf(instant: number): number {
  const d = new Date(instant);
  return ((d.getFullYear() - 1970) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function clock(instant: number): { text: string; period: 'am' | 'pm'; short: string } {
  const d = new Date(instant);
  const hour12 = d.getHours() % 12 === 0 ? 12 : d.getHours() % 12;
  const minutes = String(d.getMinutes()).padStart(2, '0');
  const period = d.getHours() < 12 ? 'am' : 'pm';
  return {
    text: `${hour12}:${minutes}`,
    period,
    short: d.getMinutes() === 0 ? `${hour12}` : `${hour12}:${minutes}`,
  };
}

/** "2:00 – 2:30pm" or "11:30am – 12:00pm", as Calendar writes a range (en dash). */
function timeRange(start: number, end: number): string {
  const a = clock(start);
  const b = clock(end);
  return a.period === b.period
    ? `${a.text} – ${b.text}${b.period}`
    : `${a.text}${a.period} – ${b.text}${b.period}`;
}

function chipTimeRange(start: number, end: number): string {
  const a = clock(start);
  const b = clock(end);
  return a.period === b.period
    ? `${a.short} – ${b.short}${b.period}`
    : `${a.short}${a.period} – ${b.short}${b.period}`;
}

function monthDay(instant: number): string {
  const d = new Date(instant);
  return `${MONTHS[d.getMonth()]} ${d.getDate()}`;
}

/**
 * The header over a week, as Calendar writes it: "December 2026" for a week within one month,
 * "Nov – Dec 2026" across two, "Dec 2026 – Jan 2027" across two years. `monday` is the week's
 * first day.
 */
export function weekMonthLabel(monday: number): string {
  const first = new Date(monday);
  const last = new Date(first.getFullYear(), first.getMonth(), first.getDate() + 6);
  const short = (d: Date) => MONTHS[d.getMonth()]!.slice(0, 3);
  if (first.getMonth() === last.getMonth()) {
    return `${MONTHS[first.getMonth()]} ${first.getFullYear()}`;
  }
  if (first.getFullYear() === last.getFullYear()) {
    return `${short(first)} – ${short(last)} ${last.getFullYear()}`;
  }
  return `${short(first)} ${first.getFullYear()} – ${short(last)} ${last.getFullYear()}`;
}

function weekdayName(instant: number): string {
  return WEEKDAYS[new Date(instant).getDay()]!;
}

function gmtOffsetOf(instant: number): string {
  const minutes = -new Date(instant).getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `GMT${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// Events -----------------------------------------------------------------------------------

interface EventSpec {
  eventId: string;
  kind: DemoEvent['kind'];
  taskId?: string;
  title: string;
  start: number;
  end: number;
  recurrenceLine?: string;
  guestCountText?: string;
  guests?: DemoGuest[];
  organizerName: string;
  location?: string;
  hasMeet?: boolean;
  description?: string;
  color: string;
}

function buildEvent(spec: EventSpec, user: DemoUser, weekStart: Date): DemoEvent {
  const dayIndex = Math.floor((spec.start - weekStart.getTime()) / DAY);
  const startDate = new Date(spec.start);
  const minutesIntoDay = startDate.getHours() * 60 + startDate.getMinutes();
  const allDay = spec.kind === 'all-day';
  const year = startDate.getFullYear();
  const eid =
    spec.kind === 'task'
      ? `tasks_${spec.taskId ?? spec.eventId}`
      : encodeEid(spec.eventId, user.eidCalendarId);
  const when = allDay ? `${weekdayName(spec.start)}, ${monthDay(spec.start)}` : '';
  return {
    eid,
    eventId: spec.kind === 'task' ? '' : spec.eventId,
    calendarId: spec.kind === 'task' ? '' : user.calendarId,
    kind: spec.kind,
    taskId: spec.taskId ?? '',
    title: spec.title,
    start: spec.start,
    end: spec.end,
    dayIndex,
    topPx: allDay ? 0 : (minutesIntoDay / 60) * HOUR_HEIGHT,
    heightPx: allDay ? 0 : Math.max(((spec.end - spec.start) / HOUR) * HOUR_HEIGHT - 2, 18),
    timeLabel: allDay ? '' : chipTimeRange(spec.start, spec.end),
    startLabel: allDay ? '' : `${clock(spec.start).short}${clock(spec.start).period}`,
    screenReaderText: allDay
      ? `All day, ${spec.title}, ${spec.organizerName}, Accepted, ${monthDay(spec.start)}, ${year}`
      : [
          `${clock(spec.start).short}${clock(spec.start).period} to ${clock(spec.end).short}${clock(spec.end).period}`,
          spec.title,
          spec.organizerName,
          'Accepted',
          spec.location || (spec.hasMeet ? 'Google Meet' : ''),
          `${monthDay(spec.start)}, ${year}`,
        ]
          .filter((part) => part !== '')
          .join(', '),
    dateLine: allDay
      ? when
      : `${weekdayName(spec.start)}, ${monthDay(spec.start)}⋅${timeRange(spec.start, spec.end)}`,
    recurrenceLine: spec.recurrenceLine ?? '',
    guestCountText: spec.guestCountText ?? '',
    guests: spec.guests ?? [],
    organizerName: spec.organizerName,
    location: spec.location ?? '',
    hasMeet: spec.hasMeet ?? false,
    description: spec.description ?? '',
    color: spec.color,
  };
}

function guest(
  person: { email: string; name: string },
  organizer = false,
  response: DemoGuest['response'] = 'accepted',
): DemoGuest {
  return { email: person.email, name: person.name, organizer, response, kind: 'person' };
}

function guestCount(n: number): string {
  return n === 1 ? '1 guest' : `${n} guests`;
}

// The generator ----------------------------------------------------------------------------

export function generateDemoData(options: DemoDataOptions): DemoData {
  const now = typeof options.now === 'number' ? options.now : options.now.getTime();
  const account = ACCOUNTS[options.account ?? 'workspace'];
  const user: DemoUser = {
    email: account.email,
    name: account.name,
    calendarId: account.email,
    eidCalendarId: account.eidCalendarId,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    gmtOffset: gmtOffsetOf(now),
    locale: 'en',
  };
  const me = { email: user.email, name: user.name };
  const weekStart = startOfDemoWeek(now);

  const days: DemoDay[] = Array.from({ length: 7 }, (_, columnIndex) => {
    const instant = at(weekStart, columnIndex, 12);
    const d = new Date(instant);
    return {
      columnIndex,
      datekey: datekeyOf(instant),
      date: isoDate(instant),
      weekdayShort: WEEKDAYS[d.getDay()]!.slice(0, 3).toUpperCase(),
      dayOfMonth: d.getDate(),
      isToday: isoDate(instant) === isoDate(now),
    };
  });

  const events: DemoEvent[] = [];
  const oneOnOnes: DemoOneOnOne[] = [];
  const backup = emptyBackup(now);

  for (const report of REPORTS) {
    const seriesId = demoEventId(`series ${report.email}`);
    const start = at(weekStart, report.weekday, report.hour, report.minute);
    const end = start + report.minutes * MINUTE;
    const event = buildEvent(
      {
        eventId: instanceId(seriesId, start),
        kind: 'timed',
        title: report.title,
        start,
        end,
        recurrenceLine: `Weekly on ${weekdayName(start)}`,
        guestCountText: guestCount(2),
        guests: [guest(me, true), guest(report)],
        organizerName: user.name,
        hasMeet: true,
        description: 'Weekly 1:1. Agenda in the notes.',
        color: '#039be5',
      },
      user,
      weekStart,
    );
    events.push(event);
    const history = addReportHistory(backup, report, seriesId, start, user, now);
    oneOnOnes.push({
      person: { email: report.email, name: report.name },
      seriesId,
      seriesKey: seriesId.toLowerCase(),
      eid: event.eid,
      start,
      title: report.title,
      lastNotes: report.notes[0]!,
      openItems: history.openItems,
      talkingPoints: report.talkingPoints,
      standingTopicsDue: history.standingTopicsDue,
      feedbackLog: report.feedback.map((entry) => entry.text),
    });
  }
  addProjects(backup, now);

  const groupMeeting = buildEvent(
    {
      eventId: instanceId(demoEventId('series platform team sync'), at(weekStart, 1, 13)),
      kind: 'timed',
      title: 'Platform team sync',
      start: at(weekStart, 1, 13),
      end: at(weekStart, 1, 14),
      recurrenceLine: 'Weekly on Tuesday',
      guestCountText: guestCount(7),
      guests: [
        guest(me, true),
        ...REPORTS.map((report) => guest(report)),
        guest(PRODUCT_MANAGER, false, 'needsAction'),
        { ...guest(ROOM), kind: 'room' },
      ],
      organizerName: user.name,
      location: ROOM.name,
      hasMeet: true,
      description: 'Demos, blockers, on-call handover.',
      color: '#33b679',
    },
    user,
    weekStart,
  );
  const allHands = buildEvent(
    {
      eventId: demoEventId('engineering all-hands'),
      kind: 'timed',
      title: 'Engineering all-hands',
      start: at(weekStart, 2, 16),
      end: at(weekStart, 2, 17),
      // A large list: Calendar shows the count only, no rows.
      guestCountText: guestCount(148),
      organizerName: 'Engineering leadership',
      hasMeet: true,
      description: 'Quarterly results, roadmap, Q&A.',
      color: '#8e24aa',
    },
    user,
    weekStart,
  );
  const task = buildEvent(
    {
      eventId: demoEventId('task q3 review'),
      taskId: demoEventId('task q3 review').slice(0, 22),
      kind: 'task',
      title: 'Write Q3 review for Sam',
      start: at(weekStart, 3, 9),
      end: at(weekStart, 3, 9, 30),
      organizerName: user.name,
      color: '#4285f4',
    },
    user,
    weekStart,
  );
  const allDay = buildEvent(
    {
      eventId: demoEventId('hack week demo day'),
      kind: 'all-day',
      title: 'Hack week demo day',
      start: at(weekStart, 4, 0),
      end: at(weekStart, 5, 0),
      organizerName: user.name,
      description: 'Teams demo their hack week projects.',
      color: '#f6bf26',
    },
    user,
    weekStart,
  );
  const candidateStart = at(weekStart, 4, 11);
  const oneOnOneCandidate = buildEvent(
    {
      eventId: instanceId(demoEventId('series lena catch-up'), candidateStart),
      kind: 'timed',
      title: 'Lena / Maya catch-up',
      start: candidateStart,
      end: candidateStart + 30 * MINUTE,
      recurrenceLine: 'Every 2 weeks on Friday',
      // Collapsed guest list: the count, no rows, so the classifier cannot be sure.
      guestCountText: guestCount(2),
      organizerName: PEER.name,
      hasMeet: true,
      description: 'Peer catch-up.',
      color: '#e67c73',
    },
    user,
    weekStart,
  );
  events.push(groupMeeting, allHands, task, allDay, oneOnOneCandidate);

  let hostile: DemoEvent | null = null;
  if (options.hostileEvent) {
    const hostileStart = at(weekStart, 4, 15);
    hostile = buildEvent(
      {
        eventId: instanceId(demoEventId('series hostile'), hostileStart),
        kind: 'timed',
        title: `1:1 ${hostileNames[0]}`,
        start: hostileStart,
        end: hostileStart + 30 * MINUTE,
        recurrenceLine: 'Weekly on Friday',
        guestCountText: guestCount(2),
        guests: [guest(me, true), guest({ email: 'mallory@example.com', name: hostileNames[0]! })],
        organizerName: user.name,
        description: hostileNames[1],
        color: '#d50000',
      },
      user,
      weekStart,
    );
    events.push(hostile);
  }

  const openFollowUps = backup.data.actionItems
    .filter((item) => item.open === 1)
    .sort((a, b) => {
      if (a.due !== '' && b.due !== '') return a.due.localeCompare(b.due);
      if (a.due !== '') return -1;
      if (b.due !== '') return 1;
      return a.createdAt - b.createdAt;
    })
    .map((item) => item.text);

  return {
    user,
    calendar: {
      user,
      now,
      monthLabel: weekMonthLabel(weekStart.getTime()),
      days,
      events,
    },
    backup,
    oneOnOnes,
    groupMeeting,
    allHands,
    task,
    allDay,
    oneOnOneCandidate,
    hostile,
    openFollowUps,
  };
}

function emptyBackup(now: number): DemoBackup {
  return {
    format: 'craft-beyond-code-backup',
    version: 3,
    exportedAt: now,
    data: {
      people: [],
      projects: [],
      assignments: [],
      meetings: [],
      notes: [],
      actionItems: [],
      talkingPoints: [],
      seriesOverrides: [],
      standingTopics: DEMO_DEFAULT_TOPICS.map((topic, index) => ({
        ...topic,
        personEmail: '',
        // In the order listed: the panel lists standing topics oldest first.
        createdAt: now - 60 * DAY + index * MINUTE,
        updatedAt: now - 60 * DAY + index * MINUTE,
      })),
      topicDiscussions: [],
      feedbackEntries: [],
    },
  };
}

/**
 * The default standing topics, for everyone: one every 1:1, one monthly (discussed four weeks
 * ago, so due this week, and no more once discussed), one quarterly (discussed four weeks ago,
 * so not due).
 */
const DEMO_DEFAULT_TOPICS = [
  { id: 'demo-topic-wellbeing', text: 'How are you, really?', rhythm: 'every' },
  { id: 'demo-topic-feedback', text: 'Any feedback for me?', rhythm: 'monthly' },
  { id: 'demo-topic-career', text: 'Career goals check-in', rhythm: 'quarterly' },
] as const;

/** Four earlier weekly meetings (three with notes), items and talking points of one report. */
function addReportHistory(
  backup: DemoBackup,
  report: ReportSpec,
  seriesId: string,
  thisWeekStart: number,
  user: DemoUser,
  now: number,
): { openItems: string[]; standingTopicsDue: string[] } {
  const slug = report.email.split('.')[0]!;
  const firstMeeting = thisWeekStart - 4 * WEEK;
  backup.data.people.push({
    email: report.email,
    name: report.name,
    cadenceDays: 7,
    // Each report's 1:1 is a weekly series ("Weekly on …"): the cadence comes from it.
    cadenceSource: 'recurrence',
    profileNotes: report.profileNotes,
    archived: 0,
    createdAt: firstMeeting - DAY,
    updatedAt: firstMeeting - DAY,
  });

  const meetingEids: string[] = [];
  for (let weeksBack = 1; weeksBack <= 4; weeksBack++) {
    const start = thisWeekStart - weeksBack * WEEK;
    const eid = encodeEid(instanceId(seriesId, start), user.eidCalendarId);
    meetingEids.push(eid);
    backup.data.meetings.push({
      eid,
      seriesKey: seriesId.toLowerCase(),
      personEmail: report.email,
      start,
      title: report.title,
      createdAt: start,
    });
    const text = report.notes[weeksBack - 1];
    if (text !== undefined) {
      backup.data.notes.push({
        meetingEid: eid,
        personEmail: report.email,
        meetingStart: start,
        text,
        wellbeing: report.wellbeing[weeksBack - 1] ?? null,
        updatedAt: start + 40 * MINUTE,
      });
    }
  }

  const openItems: string[] = [];
  report.items.forEach((spec, index) => {
    // Items come from the last two meetings, alternately.
    const meetingIndex = index % 2;
    const createdAt = thisWeekStart - (meetingIndex + 1) * WEEK + 20 * MINUTE + index * MINUTE;
    const due = spec.dueInDays === null ? '' : isoDate(now + spec.dueInDays * DAY);
    const doneAt = spec.done ? Math.min(now - DAY, createdAt + 2 * DAY) : null;
    backup.data.actionItems.push({
      id: `demo-item-${slug}-${index + 1}`,
      personEmail: report.email,
      text: spec.text,
      owner: spec.owner,
      due,
      meetingEid: meetingEids[meetingIndex]!,
      createdAt,
      updatedAt: doneAt ?? createdAt,
      doneAt,
      open: spec.done ? 0 : 1,
    });
    if (!spec.done) openItems.push(spec.text);
  });

  report.talkingPoints.forEach((text, index) => {
    backup.data.talkingPoints.push({
      id: `demo-point-${slug}-${index + 1}`,
      personEmail: report.email,
      text,
      createdAt: thisWeekStart - WEEK + DAY + index * HOUR,
      discussedAt: null,
      discussedIn: '',
      open: 1,
    });
  });
  // One point already discussed last time, so history is not only queued points.
  backup.data.talkingPoints.push({
    id: `demo-point-${slug}-discussed`,
    personEmail: report.email,
    text: 'Goals for this quarter',
    createdAt: thisWeekStart - 2 * WEEK,
    discussedAt: thisWeekStart - WEEK + 15 * MINUTE,
    discussedIn: meetingEids[0]!,
    open: 0,
  });

  // The monthly and quarterly default topics were discussed four weeks ago; a topic of their
  // own, every other 1:1, was discussed last week (so it skips this week).
  const fourWeeksAgo = thisWeekStart - 4 * WEEK;
  for (const topicId of ['demo-topic-feedback', 'demo-topic-career']) {
    backup.data.topicDiscussions.push({
      id: `demo-discussed-${slug}-${topicId}`,
      topicId,
      personEmail: report.email,
      meetingEid: meetingEids[3]!,
      meetingStart: fourWeeksAgo,
      discussedAt: fourWeeksAgo + 10 * MINUTE,
    });
  }
  const ownTopic = `demo-topic-${slug}-growth`;
  backup.data.standingTopics.push({
    id: ownTopic,
    personEmail: report.email,
    text: 'Growth plan: next step',
    rhythm: 'every-other',
    createdAt: fourWeeksAgo - DAY,
    updatedAt: fourWeeksAgo - DAY,
  });
  backup.data.topicDiscussions.push({
    id: `demo-discussed-${slug}-growth`,
    topicId: ownTopic,
    personEmail: report.email,
    meetingEid: meetingEids[0]!,
    meetingStart: thisWeekStart - WEEK,
    discussedAt: thisWeekStart - WEEK + 25 * MINUTE,
  });

  report.feedback.forEach((entry, index) => {
    const at = thisWeekStart - (index + 1) * WEEK + 30 * MINUTE;
    backup.data.feedbackEntries.push({
      id: `demo-feedback-${slug}-${index + 1}`,
      personEmail: report.email,
      day: isoDate(at),
      kind: entry.kind,
      text: entry.text,
      meetingEid: meetingEids[index] ?? '',
      createdAt: at,
      updatedAt: at,
    });
  });
  return { openItems, standingTopicsDue: ['How are you, really?', 'Any feedback for me?'] };
}

/** Projects with assignments; Priya is over-allocated (60 % + 50 %). */
function addProjects(backup: DemoBackup, now: number): void {
  const created = now - 90 * DAY;
  const projects: Array<Pick<Project, 'id' | 'name' | 'description' | 'status'>> = [
    {
      id: 'demo-project-queue',
      name: 'Queue migration',
      description: 'Move every producer to the new message queue.',
      status: 'active',
    },
    {
      id: 'demo-project-billing',
      name: 'Billing revamp',
      description: 'New invoice pipeline and export.',
      status: 'active',
    },
    {
      id: 'demo-project-mobile',
      name: 'Mobile onboarding',
      description: 'First-run experience in the mobile app.',
      status: 'paused',
    },
    {
      id: 'demo-project-legacy',
      name: 'Legacy API sunset',
      description: 'Turned off v1 of the public API.',
      status: 'done',
    },
  ];
  for (const project of projects) {
    backup.data.projects.push({
      ...project,
      archived: 0,
      startDate: isoDate(created),
      endDate: project.status === 'done' ? isoDate(now - 14 * DAY) : '',
      createdAt: created,
      updatedAt: created,
    });
  }
  const assignments: Array<[string, string, number, string]> = [
    ['alex.rivera@example.com', 'demo-project-queue', 80, 'Tech lead'],
    ['sam.chen@example.com', 'demo-project-billing', 100, 'Engineer'],
    ['priya.natarajan@example.com', 'demo-project-queue', 60, 'Engineer'],
    ['priya.natarajan@example.com', 'demo-project-billing', 50, 'Data model owner'],
    ['jordan.okafor@example.com', 'demo-project-mobile', 50, 'Engineer'],
    ['jordan.okafor@example.com', 'demo-project-queue', 30, 'Engineer'],
  ];
  assignments.forEach(([personEmail, projectId, share, role], index) => {
    backup.data.assignments.push({
      id: `demo-assignment-${index + 1}`,
      personEmail,
      projectId,
      share,
      role,
      since: isoDate(created),
      until: '',
    });
  });
}
