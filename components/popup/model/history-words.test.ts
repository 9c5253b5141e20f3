import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPageLocale } from '@/components/i18n';
import { addActionItem, completeActionItem } from '@/utils/store/action-items';
import { addFeedbackEntry } from '@/utils/store/feedback-log';
import type { CbcDatabase } from '@/utils/store/db';
import { recordMeeting, saveNote } from '@/utils/store/meetings';
import { upsertPerson } from '@/utils/store/people';
import { personHistoryMarkdown } from '@/utils/store/person-history-markdown';
import { freshDatabase, localTime } from '@/utils/store/test-database';
import { historyWords } from './history-words';

let db: CbcDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await upsertPerson(db, { email: 'ada@x.io', name: 'Ada' }, 1);
  const start = localTime(2025, 3, 10);
  await recordMeeting(
    db,
    { eid: 'm1', seriesKey: 's', personEmail: 'ada@x.io', start, title: 'Ada / Me' },
    start,
  );
  await saveNote(db, { meetingEid: 'm1', text: 'Talked', wellbeing: 4 }, start);
  const item = await addActionItem(
    db,
    { personEmail: 'ada@x.io', text: 'Book room', owner: 'them', due: '', meetingEid: '' },
    6,
  );
  await completeActionItem(db, item.id, localTime(2025, 3, 11));
  await addFeedbackEntry(
    db,
    {
      personEmail: 'ada@x.io',
      day: '2025-03-10',
      kind: 'praise',
      text: 'Great demo',
      meetingEid: 'm1',
    },
    7,
  );
});
afterEach(async () => {
  setPageLocale('en');
  await db.delete();
});

describe('the Markdown export in the page language', () => {
  it('is word for word the English export in English', async () => {
    setPageLocale('en');
    const at = localTime(2025, 3, 20);
    expect(await personHistoryMarkdown(db, 'ada@x.io', at, historyWords())).toBe(
      await personHistoryMarkdown(db, 'ada@x.io', at),
    );
  });

  it('has German headings and labels in German', async () => {
    setPageLocale('de');
    const markdown = await personHistoryMarkdown(
      db,
      'ada@x.io',
      localTime(2025, 3, 20),
      historyWords(),
    );
    expect(markdown).toContain('# 1:1-Verlauf: Ada');
    expect(markdown).toContain('ada@x.io · 1:1 alle 14 Tage · exportiert am 2025-03-20');
    expect(markdown).toContain('## Termine');
    expect(markdown).toContain('Befinden: 4/5');
    expect(markdown).toContain('## Erledigte Aufgaben');
    expect(markdown).toContain('- [x] Book room (ihre, erledigt am 2025-03-11)');
    expect(markdown).toContain('## Feedback-Protokoll\n\n- 2025-03-10 · Lob gegeben: Great demo');
    expect(markdown).not.toMatch(/history|Meetings|theirs|done /);
  });

  it('has Japanese headings in Japanese', async () => {
    setPageLocale('ja');
    const markdown = await personHistoryMarkdown(
      db,
      'ada@x.io',
      localTime(2025, 3, 20),
      historyWords(),
    );
    expect(markdown).toContain('# 1on1 の記録: Ada');
    expect(markdown).toContain('## 完了したタスク');
  });
});
