import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addActionItem,
  completeActionItem,
  countOpenItems,
  deleteActionItem,
  firstOpenFollowUps,
  openFollowUps,
  openItemCountsBySeries,
  openItemsForPerson,
  restoreActionItem,
  setActionItemDone,
  updateActionItem,
} from './action-items';
import type { CbcDatabase } from './db';
import { StoreError } from './db';
import { recordMeeting } from './meetings';
import { setSeriesOverride } from './overrides';
import { upsertPerson } from './people';
import { freshDatabase } from './test-database';
import type { Owner } from '../domain/records';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const ADA = 'ada@example.com';
const BOB = 'bob@example.com';

function add(
  text: string,
  now: number,
  extra: { personEmail?: string; owner?: Owner; due?: string; id?: string } = {},
) {
  return addActionItem(
    db,
    {
      personEmail: extra.personEmail ?? ADA,
      text,
      owner: extra.owner ?? 'me',
      due: extra.due ?? '',
      meetingEid: 'e1',
      ...(extra.id ? { id: extra.id } : {}),
    },
    now,
  );
}

describe('addActionItem', () => {
  it('adds an open item with trimmed text and creates the person row', async () => {
    const item = await addActionItem(
      db,
      {
        personEmail: ' ADA@example.com',
        text: '  Send RFC ',
        owner: 'them',
        due: '2025-02-01',
        meetingEid: 'e1',
      },
      10,
    );
    expect(item).toMatchObject({
      personEmail: ADA,
      text: 'Send RFC',
      owner: 'them',
      due: '2025-02-01',
      meetingEid: 'e1',
      createdAt: 10,
      updatedAt: 10,
      doneAt: null,
      open: 1,
    });
    expect(await db.actionItems.get(item.id)).toEqual(item);
    expect(await db.people.get(ADA)).toMatchObject({ email: ADA, name: '' });
  });

  it('is idempotent with a given id: a resent add returns the first item', async () => {
    const first = await add('Send RFC', 10, { id: 'item-1' });
    const again = await add('Something else', 20, { id: 'item-1' });
    expect(again).toEqual(first);
    expect(await db.actionItems.count()).toBe(1);
  });

  it.each([
    [{ text: '  ' }, 'Action item text is empty.'],
    [{ owner: 'boss' as Owner }, 'Owner must be "me" or "them", not "boss".'],
    [{ due: '2025-02-30' }, 'Due date must be a date like 2025-01-31, or empty.'],
    [{ due: 'tomorrow' }, 'Due date must be a date like 2025-01-31, or empty.'],
  ])('refuses %o', async (change, message) => {
    const input = {
      personEmail: ADA,
      text: 'ok',
      owner: 'me' as Owner,
      due: '',
      meetingEid: '',
      ...change,
    };
    await expect(addActionItem(db, input, 1)).rejects.toThrow(message);
    expect(await db.actionItems.count()).toBe(0);
  });
});

describe('updateActionItem / setActionItemDone / completeActionItem', () => {
  it('updates only the given fields', async () => {
    const item = await add('Draft', 10);
    const updated = await updateActionItem(
      db,
      { id: item.id, due: '2025-03-01', owner: 'them' },
      20,
    );
    expect(updated).toEqual({ ...item, due: '2025-03-01', owner: 'them', updatedAt: 20 });
  });

  it('checks off and reopens, keeping the first doneAt when done twice', async () => {
    const item = await add('Draft', 10);
    const done = await completeActionItem(db, item.id, 20);
    expect(done).toMatchObject({ doneAt: 20, open: 0, updatedAt: 20 });
    expect((await setActionItemDone(db, item.id, true, 30)).doneAt).toBe(20);
    expect(await openItemsForPerson(db, ADA)).toEqual([]);
    const reopened = await setActionItemDone(db, item.id, false, 40);
    expect(reopened).toMatchObject({ doneAt: null, open: 1, updatedAt: 40 });
    expect(await openItemsForPerson(db, ADA)).toEqual([reopened]);
  });

  it('throws a StoreError for an unknown id', async () => {
    await expect(setActionItemDone(db, 'abc', true, 1)).rejects.toThrow(
      new StoreError('No action item with id "abc".', { key: 'problemGone' }),
    );
    await expect(updateActionItem(db, { id: 'abc', text: 'x' }, 1)).rejects.toThrow(StoreError);
    await expect(deleteActionItem(db, 'abc')).rejects.toThrow('No action item with id "abc".');
  });
});

describe('deleteActionItem / restoreActionItem', () => {
  it('returns the deleted item and restores it exactly', async () => {
    const item = await add('Draft', 10);
    await completeActionItem(db, item.id, 11);
    const deleted = await deleteActionItem(db, item.id);
    expect(deleted).toMatchObject({ id: item.id, doneAt: 11, open: 0 });
    expect(await db.actionItems.count()).toBe(0);
    expect(await db.doneActionItems.count()).toBe(0);
    expect(await restoreActionItem(db, deleted)).toEqual(deleted);
    expect(await db.actionItems.get(item.id)).toBeUndefined();
    expect(await packedItems()).toEqual([deleted]);
  });
});

/** Every done item as the packs hold them (schema version 3). */
async function packedItems() {
  return (await db.doneActionItems.toArray()).flatMap((pack) => pack.items);
}

const YEAR_2024 = Date.UTC(2024, 5, 1);
const YEAR_2025 = Date.UTC(2025, 5, 1);

describe('done items are packed per person and year', () => {
  it('moves an item into its person-year pack when done, and back out when reopened', async () => {
    const item = await add('Draft', 10);
    const done = await setActionItemDone(db, item.id, true, YEAR_2025);
    expect(await db.actionItems.get(item.id)).toBeUndefined();
    const [pack, ...others] = await db.doneActionItems.toArray();
    expect(others).toEqual([]);
    expect(pack).toEqual({ personEmail: ADA, year: 2025, ids: [item.id], items: [done] });

    const reopened = await setActionItemDone(db, item.id, false, YEAR_2025 + 1);
    expect(await db.actionItems.get(item.id)).toEqual(reopened);
    expect(await db.doneActionItems.count()).toBe(0);
  });

  it('keeps one pack per person and year, and edits a done item where it is', async () => {
    const a = await add('a', 1, { id: 'a' });
    const b = await add('b', 2, { id: 'b' });
    const c = await add('c', 3, { id: 'c', personEmail: BOB });
    await setActionItemDone(db, a.id, true, YEAR_2024);
    await setActionItemDone(db, b.id, true, YEAR_2025);
    await setActionItemDone(db, c.id, true, YEAR_2025);
    const keys = (await db.doneActionItems.toArray()).map((pack) => [
      pack.personEmail,
      pack.year,
      pack.ids,
    ]);
    expect(keys).toEqual([
      [ADA, 2024, ['a']],
      [ADA, 2025, ['b']],
      [BOB, 2025, ['c']],
    ]);
    const edited = await updateActionItem(db, { id: 'b', text: 'b, reworded' }, YEAR_2025 + 5);
    expect(edited).toMatchObject({ text: 'b, reworded', doneAt: YEAR_2025, open: 0 });
    expect((await db.doneActionItems.get([ADA, 2025]))?.items).toEqual([edited]);
    // Done again: the first doneAt is kept, nothing moves.
    expect(await setActionItemDone(db, 'a', true, YEAR_2025)).toMatchObject({ doneAt: YEAR_2024 });
    expect((await packedItems()).map((item) => item.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('finds a packed item by id to delete it, and refuses an unknown id', async () => {
    const item = await add('Draft', 10, { id: 'x' });
    await setActionItemDone(db, item.id, true, YEAR_2025);
    await expect(deleteActionItem(db, 'nope')).rejects.toThrow('No action item with id "nope".');
    expect((await deleteActionItem(db, 'x')).id).toBe('x');
    expect(await db.doneActionItems.count()).toBe(0);
    // A resent add of a packed item's id returns that item, adding nothing.
    await add('Again', 11, { id: 'y' });
    await setActionItemDone(db, 'y', true, YEAR_2025);
    expect((await add('Resent', 12, { id: 'y' })).text).toBe('Again');
    expect(await db.actionItems.count()).toBe(0);
  });
});

describe('openItemsForPerson', () => {
  it('is empty for an unknown person', async () => {
    expect(await openItemsForPerson(db, 'nobody@x.io')).toEqual([]);
  });

  it("lists the person's open items, mine and theirs, oldest first", async () => {
    const second = await add('second', 20, { owner: 'them' });
    const first = await add('first', 10);
    const done = await add('done', 5);
    await completeActionItem(db, done.id, 30);
    await add('bob', 1, { personEmail: BOB });
    expect(await openItemsForPerson(db, 'Ada@Example.com')).toEqual([first, second]);
  });
});

describe('openFollowUps / countOpenItems', () => {
  it('is empty without items', async () => {
    expect(await openFollowUps(db, {})).toEqual([]);
    expect(await countOpenItems(db)).toBe(0);
  });

  it('puts dated items first by due date, then undated by creation, filtered by owner', async () => {
    await add('undated old', 1, { owner: 'them' });
    await add('due late', 2, { due: '2025-06-01' });
    await add('undated new', 3, { personEmail: BOB });
    await add('due early', 4, { due: '2024-12-01', owner: 'them', personEmail: BOB });
    await add('due early too', 5, { due: '2024-12-01' });
    const done = await add('done', 0, { due: '2020-01-01' });
    await completeActionItem(db, done.id, 9);
    expect((await openFollowUps(db, {})).map((item) => item.text)).toEqual([
      'due early',
      'due early too',
      'due late',
      'undated old',
      'undated new',
    ]);
    expect((await openFollowUps(db, { owner: 'them' })).map((item) => item.text)).toEqual([
      'due early',
      'undated old',
    ]);
    expect(await countOpenItems(db)).toBe(5);
  });
});

describe('openItemCountsBySeries', () => {
  async function meeting(eid: string, seriesKey: string, personEmail: string) {
    await recordMeeting(db, { eid, seriesKey, personEmail, start: 1, title: '' }, 1);
  }

  it('is empty for no keys or unknown series', async () => {
    expect(await openItemCountsBySeries(db, [])).toEqual({});
    expect(await openItemCountsBySeries(db, ['unknown'])).toEqual({});
  });

  it('counts open items of the person of each known 1:1 series, override winning', async () => {
    await upsertPerson(db, { email: ADA, name: 'Ada Lovelace' }, 1);
    await meeting('e1', 's-ada', ADA);
    await meeting('e2', 's-bob', BOB);
    await meeting('e3', 's-not', ADA);
    await setSeriesOverride(
      db,
      { seriesKey: 's-new', decision: 'one-on-one', personEmail: ADA, personName: 'Ada' },
      1,
    );
    await setSeriesOverride(
      db,
      { seriesKey: 's-not', decision: 'not-one-on-one', personEmail: '', personName: '' },
      1,
    );
    await add('a1', 1);
    await add('a2', 2);
    const done = await add('a3', 3);
    await completeActionItem(db, done.id, 4);
    expect(
      await openItemCountsBySeries(db, ['s-ada', 's-bob', 's-new', 's-not', 'unknown', 's-ada']),
    ).toEqual({
      's-ada': { count: 2, name: 'Ada Lovelace' },
      // No name stored: the address stands in.
      's-bob': { count: 0, name: BOB },
      's-new': { count: 2, name: 'Ada Lovelace' },
    });
  });
});

describe('firstOpenFollowUps', () => {
  it('holds the first page in due order and every open item of the people it starts with', async () => {
    // Bob has the most urgent item and many more; Ada's are all later. Cy has one undated item.
    await add('Bob urgent', 1, { personEmail: BOB, due: '2025-01-01' });
    for (let n = 0; n < 5; n++) await add(`Bob later ${n}`, 10 + n, { personEmail: BOB });
    await add('Ada soon', 2, { due: '2025-01-02' });
    await add('Ada later', 3, { due: '2025-06-01' });
    await add('Cy undated', 4, { personEmail: 'cy@example.com' });
    const done = await add('Ada done', 5, { due: '2024-01-01' });
    await setActionItemDone(db, done.id, true, 6);

    const all = await openFollowUps(db);
    const page = await firstOpenFollowUps(db, 3);
    // In openFollowUps' order, done items left out.
    const inPage = new Set(page.map((item) => item.id));
    expect(page).toEqual(all.filter((item) => inPage.has(item.id)));
    // The first 3 by due date (Bob urgent, Ada soon, Ada later) and all of Bob's items (his
    // group leads and fills the page); Ada's group would come after Bob's 6 items.
    expect(page.map((item) => item.text).sort()).toEqual(
      [
        'Ada later',
        'Ada soon',
        'Bob later 0',
        'Bob later 1',
        'Bob later 2',
        'Bob later 3',
        'Bob later 4',
        'Bob urgent',
      ].sort(),
    );
  });

  it('is every open item when there are fewer than a page', async () => {
    await add('One', 1, { due: '2025-01-01' });
    await add('Two', 2, { personEmail: BOB });
    expect(await firstOpenFollowUps(db, 50)).toEqual(await openFollowUps(db));
    expect(await firstOpenFollowUps(db, 0)).toEqual([]);
  });
});
