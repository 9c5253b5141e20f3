import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CbcDatabase } from './db';
import {
  addFeedbackEntry,
  deleteFeedbackEntry,
  feedbackLog,
  updateFeedbackEntry,
} from './feedback-log';
import { SEARCH_FEEDBACK_PACKS_PER_PAGE, searchAll } from './search';
import { freshDatabase } from './test-database';

const ANA = 'ana@example.com';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const entry = (
  id: string,
  day: string,
  kind: 'praise' | 'feedback' | 'concern' | 'win',
  text: string,
) =>
  addFeedbackEntry(
    db,
    { id, personEmail: ANA, day, kind, text, meetingEid: '' },
    Date.UTC(2025, 0, 1),
  );

describe('feedback log', () => {
  it('reads a timeline newest first, filtered by kind and period', async () => {
    await entry('a', '2025-01-10', 'praise', 'Great demo');
    await entry('b', '2025-03-02', 'concern', 'Late reviews');
    await entry('c', '2025-05-20', 'win', 'Shipped search');
    await entry('d', '2025-05-21', 'praise', 'Helped the new joiner');
    expect((await feedbackLog(db, 'ANA@example.com')).map((e) => e.id)).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
    expect((await feedbackLog(db, ANA, { kinds: ['praise'] })).map((e) => e.id)).toEqual([
      'd',
      'a',
    ]);
    expect(
      (await feedbackLog(db, ANA, { fromDay: '2025-03-01', toDay: '2025-05-20' })).map((e) => e.id),
    ).toEqual(['c', 'b']);
    expect((await feedbackLog(db, ANA, { limit: 1 })).map((e) => e.id)).toEqual(['d']);
  });

  it('is found by search', async () => {
    await entry('a', '2025-01-10', 'praise', 'Great demo of the importer');
    expect(await searchAll(db, 'IMPORTER')).toEqual([
      expect.objectContaining({ kind: 'feedbackEntry', id: 'a', personEmail: ANA }),
    ]);
  });

  it('refuses empty or overlong text, a day before 1970 and an unknown kind, writing nothing', async () => {
    await expect(entry('x', '2025-01-10', 'praise', ' ')).rejects.toThrow(
      'Feedback log text is empty.',
    );
    await expect(entry('x', '2025-01-10', 'praise', 'x'.repeat(100_000))).rejects.toThrow(
      'Feedback log text is longer than 2000 characters.',
    );
    await expect(entry('x', '1969-12-31', 'praise', 'Old')).rejects.toThrow(
      'The day must be 1970-01-01 or later, not 1969-12-31.',
    );
    await expect(entry('x', '2025-02-30', 'praise', 'Old')).rejects.toThrow(
      'The day must be a date like 2025-01-31.',
    );
    // @ts-expect-error an unknown kind, as an untyped caller could send it
    await expect(entry('x', '2025-01-10', 'gossip', 'Hm')).rejects.toThrow('Kind must be');
    expect(await db.feedbackPacks.count()).toBe(0);
    expect(await db.people.count()).toBe(0);
  });

  it('deletes an entry and returns it; a resent add returns the first', async () => {
    const first = await entry('a', '2025-01-10', 'win', 'Shipped');
    expect(await entry('a', '2025-02-10', 'win', 'Other')).toEqual(first);
    expect(await deleteFeedbackEntry(db, 'a')).toEqual(first);
    await expect(deleteFeedbackEntry(db, 'a')).rejects.toThrow(
      'No feedback log entry with id "a".',
    );
  });

  it('edits an entry: day, kind and text, each on its own', async () => {
    const first = await entry('a', '2025-01-10', 'win', 'Shipped');
    const later = Date.UTC(2025, 1, 1);
    const edited = await updateFeedbackEntry(
      db,
      { id: 'a', text: '  Shipped the importer ' },
      later,
    );
    expect(edited).toEqual({ ...first, text: 'Shipped the importer', updatedAt: later });
    expect(
      await updateFeedbackEntry(db, { id: 'a', day: '2025-01-11', kind: 'praise' }, later),
    ).toEqual({ ...edited, day: '2025-01-11', kind: 'praise' });
    expect(await feedbackLog(db, ANA)).toEqual([{ ...edited, day: '2025-01-11', kind: 'praise' }]);
  });

  it('refuses an edit to empty or overlong text or a day before 1970, changing nothing', async () => {
    const first = await entry('a', '2025-01-10', 'win', 'Shipped');
    const later = Date.UTC(2025, 1, 1);
    await expect(updateFeedbackEntry(db, { id: 'a', text: ' ' }, later)).rejects.toThrow(
      'Feedback log text is empty.',
    );
    await expect(
      updateFeedbackEntry(db, { id: 'a', text: 'x'.repeat(100_000) }, later),
    ).rejects.toThrow('Feedback log text is longer than 2000 characters.');
    await expect(
      updateFeedbackEntry(db, { id: 'a', day: '1969-12-31', text: 'Fine' }, later),
    ).rejects.toThrow('The day must be 1970-01-01 or later, not 1969-12-31.');
    await expect(updateFeedbackEntry(db, { id: 'zz', text: 'Fine' }, later)).rejects.toThrow(
      'No feedback log entry with id "zz".',
    );
    expect(await feedbackLog(db, ANA)).toEqual([first]);
  });

  it('packs entries per person and year of their day; a period spans years', async () => {
    await entry('a', '2023-12-31', 'praise', 'Old year');
    await entry('b', '2024-01-01', 'win', 'New year');
    await entry('c', '2024-06-01', 'concern', 'Summer');
    await entry('d', '2025-02-01', 'win', 'Later');
    expect((await db.feedbackPacks.toArray()).map((pack) => [pack.year, pack.ids])).toEqual([
      [2023, ['a']],
      [2024, ['b', 'c']],
      [2025, ['d']],
    ]);
    expect(
      (await feedbackLog(db, ANA, { fromDay: '2023-12-31', toDay: '2024-01-01' })).map((e) => e.id),
    ).toEqual(['b', 'a']);
    expect(
      (await feedbackLog(db, ANA, { fromDay: '2024-01-02', kinds: ['win'] })).map((e) => e.id),
    ).toEqual(['d']);
    // An edit to a day of another year moves the entry; its old pack goes when left empty.
    await updateFeedbackEntry(db, { id: 'a', day: '2025-03-01' }, Date.UTC(2025, 2, 1));
    expect((await db.feedbackPacks.toArray()).map((pack) => [pack.year, pack.ids])).toEqual([
      [2024, ['b', 'c']],
      [2025, ['a', 'd']],
    ]);
    expect((await feedbackLog(db, ANA)).map((e) => e.id)).toEqual(['a', 'd', 'c', 'b']);
  });

  it('searches newest written first, whatever the day, ties by id, over many packs', async () => {
    // Entries of many years (packs), some written at the same instant, an old day written last.
    const written = (i: number) => Date.UTC(2025, 0, 1) + Math.floor(i / 3) * 1000;
    const count = SEARCH_FEEDBACK_PACKS_PER_PAGE * 3;
    for (let i = 0; i < count; i++) {
      const id = `e${String(i).padStart(4, '0')}`;
      await addFeedbackEntry(
        db,
        {
          id,
          personEmail: ANA,
          day: `${1970 + (i % 200)}-05-01`,
          kind: 'win',
          text: `Note ${id}`,
          meetingEid: '',
        },
        written(i),
      );
    }
    const all = Array.from({ length: count }, (_, i) => ({
      id: `e${String(i).padStart(4, '0')}`,
      at: written(i),
    })).sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
    for (const limit of [1, 5, 60, count]) {
      const found = await searchAll(db, 'note', { limit });
      expect(found.map((result) => [result.id, result.at])).toEqual(
        all.slice(0, limit).map((e) => [e.id, e.at]),
      );
    }
  });
});
