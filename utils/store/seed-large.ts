// A large, realistic, deterministic dataset for benchmarks and demos (the budgets of docs/budgets.md: 100k
// action items, 20k meetings, 500 people, 20k feedback log entries, standing topics). Written with bulkAdd in chunks (backup.ts
// writeBackupData, the import's own writing), each chunk its own small transaction.

import { format } from 'date-fns';
import { writeBackupData } from './backup';
import type { CbcDatabase } from './db';
import type { TableName } from './schema';
import type {
  ActionItem,
  Assignment,
  FeedbackEntry,
  FeedbackKind,
  Meeting,
  Note,
  Person,
  Project,
  ProjectStatus,
  StandingTopic,
  TalkingPoint,
  TopicDiscussion,
  TopicRhythm,
  Wellbeing,
} from '../domain/records';

export interface LargeDatasetSize {
  people: number;
  meetings: number;
  actionItems: number;
  talkingPoints: number;
  /** Feedback log entries (none when left out). */
  feedbackEntries?: number;
}

export interface SeededDataset {
  /** Emails of the people, in creation order. */
  personEmails: string[];
  counts: Record<TableName, number>;
}

const DAY = 24 * 60 * 60 * 1000;
/** Share of action items still open (the rest were checked off). */
const OPEN_ITEM_RATE = 0.08;
const OPEN_POINT_RATE = 0.25;
const NOTE_RATE = 0.85;

const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Chloé',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kwame',
  'Lena',
  'Mateo',
  'Nadia',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoë',
];
const LAST_NAMES = [
  'Okafor',
  'Lindqvist',
  'García',
  'Nakamura',
  'Novak',
  'Haddad',
  'Kowalski',
  'Müller',
  'Fernandes',
  'Osei',
  'Petrov',
  'Rossi',
  'Singh',
  'Tanaka',
  'Walsh',
  'Zhang',
];
const PROJECT_NAMES = [
  'Checkout v2',
  'Search relevance',
  'Mobile onboarding',
  'Billing migration',
  'Design system',
  'Observability',
  'Data platform',
  'Auth hardening',
  'Partner API',
  'Latency budget',
];
const TOPICS = [
  'the on-call rotation',
  'the Q3 roadmap',
  'code review turnaround',
  'the billing migration',
  'their promotion case',
  'the design doc for search',
  'flaky integration tests',
  'hiring for the platform team',
  'the incident postmortem',
  'pairing with the new joiner',
  'conference talk proposal',
  'tech debt in the payments service',
  'the mobile release train',
];
const NOTE_SENTENCES = [
  'Talked through {topic}; feeling more confident than last time.',
  'Blocked on {topic}, waiting for another team.',
  'Wants more ownership of {topic}.',
  'Raised concerns about {topic} and workload.',
  'Good progress on {topic}, demo planned for next week.',
  'We agreed to revisit {topic} in two weeks.',
  'Energy seems lower; mentioned {topic} as a source of stress.',
  'Celebrated shipping {topic}.',
];
const ITEM_TEMPLATES = [
  'Share feedback on {topic}',
  'Write up a proposal for {topic}',
  'Intro to the staff engineer about {topic}',
  'Book time to pair on {topic}',
  'Follow up with product on {topic}',
  'Review the draft about {topic}',
];
const FEEDBACK_TEMPLATES = [
  'Clear write-up of {topic}',
  'Could have flagged the delay on {topic} sooner',
  'Shipped {topic} ahead of plan',
  'Helped a peer through {topic}',
];
const FEEDBACK_KINDS: readonly FeedbackKind[] = ['praise', 'feedback', 'concern', 'win'];
/** The default set for everyone, and the per-person topics picked from. */
const DEFAULT_TOPICS: ReadonlyArray<[string, TopicRhythm]> = [
  ['How are you, really?', 'every'],
  ['Career goals', 'quarterly'],
  ['Feedback for me', 'monthly'],
];
const PERSON_TOPICS: ReadonlyArray<[string, TopicRhythm]> = [
  ['Progress on {topic}', 'every-other'],
  ['Growth plan: {topic}', 'monthly'],
  ['Workload check', 'every'],
];
const POINT_TEMPLATES = [
  'Ask how {topic} is going',
  'Feedback from peers about {topic}',
  'Career goals: {topic}',
  'Check workload around {topic}',
];

/** mulberry32: small, fast, good enough for test data, and the same sequence for a seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedLargeDataset(
  db: CbcDatabase,
  size: LargeDatasetSize,
  now: number,
  options: { seed?: number } = {},
): Promise<SeededDataset> {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const fill = (template: string) => template.replace('{topic}', pick(TOPICS));
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

  const people: Person[] = [];
  for (let i = 0; i < size.people; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!;
    people.push({
      email: `${first}.${last}.${i}@example.com`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase(),
      name: `${first} ${last}`,
      cadenceDays: pick([7, 14, 14, 14, 30]),
      cadenceSource: 'recurrence',
      profileNotes: random() < 0.3 ? `Interested in ${pick(TOPICS)}.` : '',
      archived: random() < 0.02 ? 1 : 0,
      createdAt: now - 400 * DAY,
      updatedAt: now - 400 * DAY,
    });
  }

  const projects: Project[] = [];
  const projectCount = size.people === 0 ? 0 : Math.max(1, Math.round(size.people / 20));
  for (let i = 0; i < projectCount; i++) {
    const status: ProjectStatus = pick(['active', 'active', 'active', 'paused', 'done']);
    projects.push({
      id: `project-${i}`,
      name: `${PROJECT_NAMES[i % PROJECT_NAMES.length]}${i >= PROJECT_NAMES.length ? ` ${Math.floor(i / PROJECT_NAMES.length) + 1}` : ''}`,
      description: `Owns ${pick(TOPICS)}.`,
      status,
      archived: status === 'done' && random() < 0.5 ? 1 : 0,
      startDate: format(now - between(30, 300) * DAY, 'yyyy-MM-dd'),
      endDate: '',
      createdAt: now - 300 * DAY,
      updatedAt: now - 30 * DAY,
    });
  }

  const assignments: Assignment[] = [];
  people.forEach((person, i) => {
    if (projects.length === 0) return;
    const first = i % projects.length;
    const second = (first + 1 + Math.floor(random() * projects.length)) % projects.length;
    const onTwo = projects.length > 1 && second !== first && random() < 0.4;
    // Some people end up above 100 % on purpose: the overview shows over-allocation.
    const firstShare = onTwo ? pick([40, 50, 60, 70]) : pick([50, 80, 100]);
    assignments.push({
      id: `assignment-${i}-a`,
      personEmail: person.email,
      projectId: projects[first]!.id,
      share: firstShare,
      role: pick(['Engineer', 'Tech lead', 'Engineer', 'Reviewer']),
      since: '',
      until: '',
    });
    if (onTwo) {
      assignments.push({
        id: `assignment-${i}-b`,
        personEmail: person.email,
        projectId: projects[second]!.id,
        share: pick([20, 30, 40, 50]),
        role: 'Engineer',
        since: '',
        until: '',
      });
    }
  });

  // Meetings go round the people, each person's going back one cadence at a time from now.
  const meetings: Meeting[] = [];
  const notes: Note[] = [];
  const meetingsOf: Meeting[][] = people.map(() => []);
  for (let i = 0; i < size.meetings && people.length > 0; i++) {
    const index = i % people.length;
    const person = people[index]!;
    const round = Math.floor(i / people.length);
    const start =
      now - (round * person.cadenceDays + between(0, 3)) * DAY - between(0, 8) * 60 * 60 * 1000;
    const meeting: Meeting = {
      eid: `seed-eid-${i.toString(36)}`,
      seriesKey: `seed-series-${index}`,
      personEmail: person.email,
      start,
      title: `${person.name.split(' ')[0]} / Manager 1:1`,
      createdAt: start,
    };
    meetings.push(meeting);
    meetingsOf[index]!.push(meeting);
    if (random() < NOTE_RATE) {
      const sentences = Array.from({ length: between(2, 6) }, () => fill(pick(NOTE_SENTENCES)));
      notes.push({
        meetingEid: meeting.eid,
        personEmail: person.email,
        meetingStart: start,
        text: sentences.join('\n'),
        wellbeing: random() < 0.7 ? (pick([2, 3, 3, 4, 4, 4, 5]) as Wellbeing) : null,
        updatedAt: start + 30 * 60 * 1000,
      });
    }
  }

  const actionItems: ActionItem[] = [];
  for (let i = 0; i < size.actionItems && people.length > 0; i++) {
    const index = i % people.length;
    const person = people[index]!;
    const own = meetingsOf[index]!;
    const meeting = own.length > 0 ? pick(own) : undefined;
    const createdAt = meeting
      ? meeting.start + between(0, 60) * 60 * 1000
      : now - between(1, 300) * DAY;
    const open = random() < OPEN_ITEM_RATE;
    const doneAt = open ? null : Math.min(now, createdAt + between(1, 21) * DAY);
    actionItems.push({
      id: `seed-item-${i.toString(36)}`,
      personEmail: person.email,
      text: fill(pick(ITEM_TEMPLATES)),
      owner: random() < 0.5 ? 'me' : 'them',
      due: random() < 0.4 ? format(createdAt + between(3, 21) * DAY, 'yyyy-MM-dd') : '',
      meetingEid: meeting?.eid ?? '',
      createdAt,
      updatedAt: doneAt ?? createdAt,
      doneAt,
      open: open ? 1 : 0,
    });
  }

  const talkingPoints: TalkingPoint[] = [];
  for (let i = 0; i < size.talkingPoints && people.length > 0; i++) {
    const index = i % people.length;
    const own = meetingsOf[index]!;
    const open = random() < OPEN_POINT_RATE || own.length === 0;
    const discussedIn = open ? undefined : pick(own);
    const createdAt = discussedIn
      ? discussedIn.start - between(1, 10) * DAY
      : now - between(0, 10) * DAY;
    talkingPoints.push({
      id: `seed-point-${i.toString(36)}`,
      personEmail: people[index]!.email,
      text: fill(pick(POINT_TEMPLATES)),
      createdAt,
      discussedAt: discussedIn ? discussedIn.start : null,
      discussedIn: discussedIn?.eid ?? '',
      open: open ? 1 : 0,
    });
  }

  // Standing topics: the default set for everyone, and one of their own for every third person;
  // the defaults were discussed in about half of each person's latest meetings.
  const standingTopics: StandingTopic[] = [];
  const topicDiscussions: TopicDiscussion[] = [];
  if (people.length > 0) {
    DEFAULT_TOPICS.forEach(([text, rhythm], i) => {
      standingTopics.push({
        id: `seed-topic-default-${i}`,
        personEmail: '',
        text,
        rhythm,
        createdAt: now - 400 * DAY,
        updatedAt: now - 400 * DAY,
      });
    });
  }
  people.forEach((person, i) => {
    if (i % 3 !== 0) return;
    const [text, rhythm] = pick(PERSON_TOPICS);
    standingTopics.push({
      id: `seed-topic-${i.toString(36)}`,
      personEmail: person.email,
      text: fill(text),
      rhythm,
      createdAt: now - 300 * DAY,
      updatedAt: now - 300 * DAY,
    });
  });
  people.forEach((person, i) => {
    for (const meeting of meetingsOf[i]!.slice(0, 8)) {
      DEFAULT_TOPICS.forEach((_topic, t) => {
        if (random() >= 0.5) return;
        topicDiscussions.push({
          id: `seed-discussed-${meeting.eid}-${t}`,
          topicId: `seed-topic-default-${t}`,
          personEmail: person.email,
          meetingEid: meeting.eid,
          meetingStart: meeting.start,
          discussedAt: meeting.start + 20 * 60 * 1000,
        });
      });
    }
  });

  const feedbackEntries: FeedbackEntry[] = [];
  for (let i = 0; i < (size.feedbackEntries ?? 0) && people.length > 0; i++) {
    const index = i % people.length;
    const own = meetingsOf[index]!;
    const meeting = own.length > 0 && random() < 0.5 ? pick(own) : undefined;
    const at = meeting ? meeting.start : now - between(0, 400) * DAY;
    feedbackEntries.push({
      id: `seed-feedback-${i.toString(36)}`,
      personEmail: people[index]!.email,
      day: format(at, 'yyyy-MM-dd'),
      kind: pick(FEEDBACK_KINDS),
      text: fill(pick(FEEDBACK_TEMPLATES)),
      meetingEid: meeting?.eid ?? '',
      createdAt: at,
      updatedAt: at,
    });
  }

  // In the store's layout (closed records packed, notes in their meetings), a chunk per
  // transaction.
  await writeBackupData(db, {
    people,
    projects,
    assignments,
    meetings,
    notes,
    actionItems,
    talkingPoints,
    seriesOverrides: [],
    standingTopics,
    topicDiscussions,
    feedbackEntries,
  });

  return {
    personEmails: people.map((person) => person.email),
    counts: {
      people: people.length,
      projects: projects.length,
      assignments: assignments.length,
      meetings: meetings.length,
      notes: notes.length,
      actionItems: actionItems.length,
      talkingPoints: talkingPoints.length,
      seriesOverrides: 0,
      standingTopics: standingTopics.length,
      topicDiscussions: topicDiscussions.length,
      feedbackEntries: feedbackEntries.length,
    },
  };
}
