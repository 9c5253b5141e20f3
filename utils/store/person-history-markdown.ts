// One person's history as a Markdown document the user can keep or share (export of a person).

import { format } from 'date-fns';
import type { CbcDatabase } from './db';
import { StoreError } from './db';
import { packedOfPerson } from './closed-packs';
import { prefixRange } from './key-range';
import { meetingHistory } from './meetings';
import { normalizeEmail } from './normalize-input';
import type { ActionItem, FeedbackKind } from '../domain/records';
import { feedbackLog } from './feedback-log';

const day = (ms: number) => format(ms, 'yyyy-MM-dd');

/**
 * The document's own words (headings, labels), in the reader's language: the popup passes them
 * translated (components/i18n); the store knows no languages. Days stay 'yyyy-MM-dd'.
 */
export interface HistoryWords {
  title(name: string): string;
  summary(email: string, cadenceDays: number, exportedOn: string): string;
  profileNotes: string;
  openItems: string;
  talkingPoints: string;
  meetings: string;
  doneItems: string;
  wellbeing(value: number): string;
  mine: string;
  theirs: string;
  due(day: string): string;
  done(day: string): string;
  feedbackLog: string;
  feedbackKind(kind: FeedbackKind): string;
}

export const ENGLISH_HISTORY_WORDS: HistoryWords = {
  title: (name) => `1:1 history: ${name}`,
  summary: (email, days, on) => `${email} · 1:1 every ${days} days · exported ${on}`,
  profileNotes: 'Profile notes',
  openItems: 'Open action items',
  talkingPoints: 'Talking points',
  meetings: 'Meetings',
  doneItems: 'Done action items',
  wellbeing: (value) => `Wellbeing: ${value}/5`,
  mine: 'mine',
  theirs: 'theirs',
  due: (on) => `due ${on}`,
  done: (on) => `done ${on}`,
  feedbackLog: 'Feedback log',
  feedbackKind: (kind) =>
    ({ praise: 'Praise given', feedback: 'Feedback given', concern: 'Concern', win: 'Win' })[kind],
};

function itemLine(item: ActionItem, words: HistoryWords): string {
  const details = [item.owner === 'me' ? words.mine : words.theirs];
  if (item.due) details.push(words.due(item.due));
  if (item.doneAt !== null) details.push(words.done(day(item.doneAt)));
  return `- [${item.open ? ' ' : 'x'}] ${item.text} (${details.join(', ')})`;
}

export async function personHistoryMarkdown(
  db: CbcDatabase,
  personEmail: string,
  now: number,
  words: HistoryWords = ENGLISH_HISTORY_WORDS,
): Promise<string> {
  const email = normalizeEmail(personEmail);
  return db.transaction(
    'r',
    [
      db.people,
      db.meetings,
      db.actionItems,
      db.doneActionItems,
      db.talkingPoints,
      db.feedbackPacks,
    ],
    async () => {
      const person = await db.people.get(email);
      if (!person) throw new StoreError(`No person with email "${email}".`, { key: 'problemGone' });
      const [history, open, doneItems, points, feedback] = await Promise.all([
        meetingHistory(db, email),
        db.actionItems
          .where('[personEmail+open+createdAt]')
          .between(...prefixRange(email, 1))
          .toArray(),
        packedOfPerson(db.doneActionItems, email),
        db.talkingPoints
          .where('[personEmail+open+createdAt]')
          .between(...prefixRange(email, 1))
          .toArray(),
        feedbackLog(db, email),
      ]);
      const done = doneItems.sort(
        (a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0) || a.createdAt - b.createdAt,
      );
      const lines: string[] = [
        `# ${words.title(person.name || person.email)}`,
        '',
        words.summary(person.email, person.cadenceDays, day(now)),
      ];
      const section = (title: string, body: string[]) => {
        if (body.length > 0) lines.push('', `## ${title}`, '', ...body);
      };
      const line = (item: ActionItem) => itemLine(item, words);
      section(words.profileNotes, person.profileNotes.trim() ? [person.profileNotes.trim()] : []);
      section(words.openItems, open.map(line));
      section(
        words.talkingPoints,
        points.map((point) => `- ${point.text}`),
      );
      section(
        words.feedbackLog,
        feedback.map(
          (entry) => `- ${entry.day} · ${words.feedbackKind(entry.kind)}: ${entry.text}`,
        ),
      );
      section(
        words.meetings,
        history.flatMap(({ meeting, note }) => [
          `### ${day(meeting.start)}${meeting.title ? ` · ${meeting.title}` : ''}`,
          '',
          ...(note.wellbeing !== null ? [words.wellbeing(note.wellbeing), ''] : []),
          ...(note.text.trim() ? [note.text.trim(), ''] : []),
        ]),
      );
      section(words.doneItems, done.map(line));
      return `${lines.join('\n').trimEnd()}\n`;
    },
  );
}
