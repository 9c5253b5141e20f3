import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addActionItem, setActionItemDone } from './action-items';
import type { CbcDatabase } from './db';
import { recordMeeting, saveNote } from './meetings';
import { SEARCH_PAGE_SIZE, SEARCH_SNIPPET_LENGTH, searchAll, snippetAround } from './search';
import type { ActionItem } from '../domain/records';
import { addTalkingPoint, setTalkingPointDiscussed } from './talking-points';
import { freshDatabase } from './test-database';
import { addStandingTopic } from './standing-topics';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const ADA = 'ada@example.com';

async function seed() {
  await recordMeeting(
    db,
    { eid: 'm1', seriesKey: 's', personEmail: ADA, start: 100, title: '' },
    1,
  );
  await saveNote(
    db,
    { meetingEid: 'm1', text: 'Discussed the Kafka migration', wellbeing: null },
    1,
  );
  await recordMeeting(
    db,
    { eid: 'm2', seriesKey: 's', personEmail: ADA, start: 400, title: '' },
    1,
  );
  await saveNote(db, { meetingEid: 'm2', text: 'nothing relevant', wellbeing: 3 }, 1);
  await addActionItem(
    db,
    {
      id: 'i1',
      personEmail: ADA,
      text: 'Write KAFKA runbook',
      owner: 'me',
      due: '',
      meetingEid: 'm1',
    },
    200,
  );
  await addActionItem(
    db,
    { id: 'i2', personEmail: ADA, text: 'Unrelated', owner: 'me', due: '', meetingEid: '' },
    250,
  );
  await addTalkingPoint(
    db,
    { id: 't1', personEmail: 'bob@example.com', text: 'kafka on-call load' },
    300,
  );
  await setTalkingPointDiscussed(db, 't1', true, 'm9', 350);
}

describe('searchAll', () => {
  it('finds nothing in an empty database or for a blank query', async () => {
    expect(await searchAll(db, 'kafka', {})).toEqual([]);
    await seed();
    expect(await searchAll(db, '   ', {})).toEqual([]);
    expect(await searchAll(db, 'zookeeper', {})).toEqual([]);
  });

  it('matches notes, items and points case-insensitively, newest first', async () => {
    await seed();
    expect(await searchAll(db, ' Kafka ', {})).toEqual([
      {
        kind: 'talkingPoint',
        personEmail: 'bob@example.com',
        meetingEid: 'm9',
        id: 't1',
        snippet: 'kafka on-call load',
        at: 300,
      },
      {
        kind: 'actionItem',
        personEmail: ADA,
        meetingEid: 'm1',
        id: 'i1',
        snippet: 'Write KAFKA runbook',
        at: 200,
      },
      {
        kind: 'note',
        personEmail: ADA,
        meetingEid: 'm1',
        id: 'm1',
        snippet: 'Discussed the Kafka migration',
        at: 100,
      },
    ]);
  });

  it('keeps the newest results up to the limit', async () => {
    await seed();
    expect((await searchAll(db, 'kafka', { limit: 2 })).map((r) => r.id)).toEqual(['t1', 'i1']);
  });

  it('reads past many pages and through ties of the same time without skipping or repeating', async () => {
    // More records than two pages, all created at the same three instants, so every page ends
    // inside a run of equal keys; the matches are spread through all of them.
    const count = SEARCH_PAGE_SIZE * 2 + 50;
    const items: ActionItem[] = Array.from({ length: count }, (_, n) => ({
      id: `item-${String(n).padStart(5, '0')}`,
      personEmail: ADA,
      text: n % 97 === 0 ? `Needle number ${n}` : `Hay ${n}`,
      owner: 'me',
      due: '',
      meetingEid: '',
      createdAt: 1_000 + (n % 3),
      updatedAt: 1_000,
      doneAt: null,
      open: 1,
    }));
    await db.actionItems.bulkAdd(items);
    const expected = items.filter((item) => item.text.startsWith('Needle'));
    const results = await searchAll(db, 'needle', { limit: 1_000 });
    expect(results.map((result) => result.id).sort()).toEqual(expected.map((i) => i.id).sort());
    expect(results.map((result) => result.at)).toEqual(
      [...results.map((result) => result.at)].sort((a, b) => b - a),
    );
    // The limit keeps the newest: every result at the latest instants before older ones.
    const limited = await searchAll(db, 'needle', { limit: 3 });
    expect(limited.every((result) => result.at === 1_002)).toBe(true);
  });
});

describe('snippetAround', () => {
  it('keeps short text whole on one line', () => {
    expect(snippetAround('a\n  b', 'b')).toBe('a b');
  });

  it('cuts long text around the match, marking the cuts', () => {
    const text = `${'x'.repeat(500)} needle ${'y'.repeat(500)}`;
    const snippet = snippetAround(text, 'needle');
    expect(snippet.length).toBeLessThanOrEqual(SEARCH_SNIPPET_LENGTH);
    expect(snippet).toContain('needle');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
  });

  it('starts at the beginning when the match is early', () => {
    const snippet = snippetAround(`needle ${'y'.repeat(500)}`, 'needle');
    expect(snippet.startsWith('needle')).toBe(true);
    expect(snippet.length).toBe(SEARCH_SNIPPET_LENGTH - 1);
  });

  it('ends at the end when the match is late', () => {
    const snippet = snippetAround(`${'x'.repeat(500)} needle`, 'needle');
    expect(snippet.endsWith('needle')).toBe(true);
    expect(snippet.length).toBe(SEARCH_SNIPPET_LENGTH - 1);
  });
});

describe('searchAll over packed done items (schema version 3)', () => {
  const yearMs = (year: number) => Date.UTC(year, 5, 1);

  it('finds done items of every year, newest first, beside open ones', async () => {
    for (const year of [2021, 2023, 2025]) {
      const id = `done-${year}`;
      await addActionItem(
        db,
        { id, personEmail: ADA, text: `Kafka ${year}`, owner: 'me', due: '', meetingEid: '' },
        yearMs(year),
      );
      await setActionItemDone(db, id, true, yearMs(year) + 1);
    }
    await addActionItem(
      db,
      { id: 'open', personEmail: ADA, text: 'kafka now', owner: 'me', due: '', meetingEid: '' },
      yearMs(2026),
    );
    const found = await searchAll(db, 'kafka');
    expect(found.map((result) => [result.kind, result.id])).toEqual([
      ['actionItem', 'open'],
      ['actionItem', 'done-2025'],
      ['actionItem', 'done-2023'],
      ['actionItem', 'done-2021'],
    ]);
    // The newest two are certain once 2025's packs are read; older years are not needed.
    expect((await searchAll(db, 'kafka', { limit: 2 })).map((result) => result.id)).toEqual([
      'open',
      'done-2025',
    ]);
  });
});

describe('searchAll: standing topics', () => {
  it('finds a standing topic, of the default set too', async () => {
    await addStandingTopic(
      db,
      { id: 'st', personEmail: '', text: 'Career ladder', rhythm: 'quarterly' },
      5,
    );
    expect(await searchAll(db, 'ladder')).toEqual([
      expect.objectContaining({ kind: 'standingTopic', id: 'st', personEmail: '', at: 5 }),
    ]);
  });
});
