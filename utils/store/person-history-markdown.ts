// One person's history as a Markdown document the user can keep or share (export of a person).

import { format } from 'date-fns';
import type { CbcDatabase } from './db';
import { StoreError } from './db';
import { packedOfPerson } from './closed-packs';
import { prefixRange } from './key-range';
import { meetingHistory } from './meetings';
import { normalizeEmail } from './normalize-input';
import type { ActionItem } from '../domain/records';

const day = (ms: number) => format(ms, 'yyyy-MM-dd');

function itemLine(item: ActionItem): string {
  const details = [item.owner === 'me' ? 'mine' : 'theirs'];
  if (item.due) details.push(`due ${item.due}`);
  if (item.doneAt !== null) details.push(`done ${day(item.doneAt)}`);
  return `- [${item.open ? ' ' : 'x'}] ${item.text} (${details.join(', ')})`;
}

export async function personHistoryMarkdown(
  db: CbcDatabase,
  personEmail: string,
  now: number,
): Promise<string> {
  const email = normalizeEmail(personEmail);
  return db.transaction(
    'r',
    [db.people, db.meetings, db.notes, db.actionItems, db.doneActionItems, db.talkingPoints],
    async () => {
      const person = await db.people.get(email);
      if (!person) throw new StoreError(`No person with email "${email}".`);
      const [history, open, doneItems, points] = await Promise.all([
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
      ]);
      const done = doneItems.sort(
        (a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0) || a.createdAt - b.createdAt,
      );
      const lines: string[] = [
        `# 1:1 history: ${person.name || person.email}`,
        '',
        `${person.email} · 1:1 every ${person.cadenceDays} days · exported ${day(now)}`,
      ];
      const section = (title: string, body: string[]) => {
        if (body.length > 0) lines.push('', `## ${title}`, '', ...body);
      };
      section('Profile notes', person.profileNotes.trim() ? [person.profileNotes.trim()] : []);
      section('Open action items', open.map(itemLine));
      section(
        'Talking points',
        points.map((point) => `- ${point.text}`),
      );
      section(
        'Meetings',
        history.flatMap(({ meeting, note }) => [
          `### ${day(meeting.start)}${meeting.title ? ` · ${meeting.title}` : ''}`,
          '',
          ...(note.wellbeing !== null ? [`Wellbeing: ${note.wellbeing}/5`, ''] : []),
          ...(note.text.trim() ? [note.text.trim(), ''] : []),
        ]),
      );
      section('Done action items', done.map(itemLine));
      return `${lines.join('\n').trimEnd()}\n`;
    },
  );
}
