import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addActionItem, completeActionItem } from './action-items';
import type { CbcDatabase } from './db';
import { recordMeeting, saveNote } from './meetings';
import { upsertPerson } from './people';
import { personHistoryMarkdown } from './person-history-markdown';
import { addTalkingPoint } from './talking-points';
import { addFeedbackEntry } from './feedback-log';
import { freshDatabase, localTime } from './test-database';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const NOW = localTime(2025, 3, 20);

describe('personHistoryMarkdown', () => {
  it('throws a StoreError for an unknown person', async () => {
    await expect(personHistoryMarkdown(db, 'ghost@x.io', NOW)).rejects.toThrow(
      'No person with email "ghost@x.io".',
    );
  });

  it('writes the feedback log newest first, with each entry’s day and kind', async () => {
    await upsertPerson(db, { email: 'ada@x.io', name: 'Ada' }, 1);
    const add = (id: string, day: string, kind: 'praise' | 'concern', text: string) =>
      addFeedbackEntry(db, { id, personEmail: 'ada@x.io', day, kind, text, meetingEid: '' }, 2);
    await add('f1', '2025-01-05', 'concern', 'Late reviews');
    await add('f2', '2025-03-01', 'praise', 'Clear write-up');
    expect(await personHistoryMarkdown(db, 'ada@x.io', NOW)).toContain(
      '## Feedback log\n\n- 2025-03-01 · Praise given: Clear write-up\n- 2025-01-05 · Concern: Late reviews\n',
    );
  });

  it('writes only the header for a person with no history', async () => {
    await upsertPerson(db, { email: 'ada@x.io', name: 'Ada' }, 1);
    expect(await personHistoryMarkdown(db, 'ada@x.io', NOW)).toBe(
      '# 1:1 history: Ada\n\nada@x.io · 1:1 every 14 days · exported 2025-03-20\n',
    );
  });

  it('writes profile, open items, talking points, meetings newest first and done items', async () => {
    await upsertPerson(db, { email: 'ada@x.io', name: 'Ada', profileNotes: 'Likes Go' }, 1);
    for (const [eid, day, text] of [
      ['m1', 3, 'First talk'],
      ['m2', 10, 'Second talk'],
    ] as const) {
      const start = localTime(2025, 3, day);
      await recordMeeting(
        db,
        { eid, seriesKey: 's', personEmail: 'ada@x.io', start, title: 'Ada / Me' },
        start,
      );
      await saveNote(db, { meetingEid: eid, text, wellbeing: eid === 'm2' ? 4 : null }, start);
    }
    await addActionItem(
      db,
      {
        personEmail: 'ada@x.io',
        text: 'Send RFC',
        owner: 'me',
        due: '2025-03-25',
        meetingEid: 'm2',
      },
      5,
    );
    const done = await addActionItem(
      db,
      { personEmail: 'ada@x.io', text: 'Book room', owner: 'them', due: '', meetingEid: '' },
      6,
    );
    await completeActionItem(db, done.id, localTime(2025, 3, 11));
    await addTalkingPoint(db, { personEmail: 'ada@x.io', text: 'Promotion' }, 7);

    expect(await personHistoryMarkdown(db, 'ada@x.io', NOW)).toBe(
      [
        '# 1:1 history: Ada',
        '',
        'ada@x.io · 1:1 every 14 days · exported 2025-03-20',
        '',
        '## Profile notes',
        '',
        'Likes Go',
        '',
        '## Open action items',
        '',
        '- [ ] Send RFC (mine, due 2025-03-25)',
        '',
        '## Talking points',
        '',
        '- Promotion',
        '',
        '## Meetings',
        '',
        '### 2025-03-10 · Ada / Me',
        '',
        'Wellbeing: 4/5',
        '',
        'Second talk',
        '',
        '### 2025-03-03 · Ada / Me',
        '',
        'First talk',
        '',
        '',
        '## Done action items',
        '',
        '- [x] Book room (theirs, done 2025-03-11)',
        '',
      ].join('\n'),
    );
  });
});
