// Action items: follow-ups owned by me or by them, open until checked off.

import { openFlagOf } from '../domain/rules';
import type { CbcDatabase } from './db';
import { newId, StoreError } from './db';
import { findPacked, putPacked, removePacked, type ClosedPack } from './closed-packs';
import { compareByDue, firstPeoplesItems } from './follow-up-order';
import { prefixRange } from './key-range';
import {
  normalizeEmail,
  requireEmail,
  requireOptionalDate,
  requireOwner,
  requireText,
} from './normalize-input';
import { ensurePerson } from './people';
import type { ActionItem, Owner } from '../domain/records';

/** Adds an item; with an id that already exists, returns that item (a resent request). */
export async function addActionItem(
  db: CbcDatabase,
  input: {
    id?: string;
    personEmail: string;
    text: string;
    owner: Owner;
    due: string;
    meetingEid: string;
  },
  now: number,
): Promise<ActionItem> {
  const personEmail = requireEmail(input.personEmail);
  const text = requireText(input.text, 'Action item text');
  const owner = requireOwner(input.owner);
  const due = requireOptionalDate(input.due, 'Due date');
  const id = input.id?.trim() || newId();
  return db.transaction('rw', db.actionItems, db.doneActionItems, db.people, async () => {
    const existing = await locateItem(db, id, personEmail);
    if (existing) return existing.item;
    await ensurePerson(db, personEmail, '', now);
    const item: ActionItem = {
      id,
      personEmail,
      text,
      owner,
      due,
      meetingEid: input.meetingEid.trim(),
      createdAt: now,
      updatedAt: now,
      doneAt: null,
      open: openFlagOf(null),
    };
    await db.actionItems.add(item);
    return item;
  });
}

/**
 * Changes an item's text, owner or due date. Here and below, `personEmail` is the item's person
 * when the caller knows it: a done item is looked for in that person's packs only.
 */
export async function updateActionItem(
  db: CbcDatabase,
  input: { id: string; personEmail?: string; text?: string; owner?: Owner; due?: string },
  now: number,
): Promise<ActionItem> {
  const changes: Partial<ActionItem> = {};
  if (input.text !== undefined) changes.text = requireText(input.text, 'Action item text');
  if (input.owner !== undefined) changes.owner = requireOwner(input.owner);
  if (input.due !== undefined) changes.due = requireOptionalDate(input.due, 'Due date');
  return changeActionItem(
    db,
    input.id,
    (item) => ({ ...item, ...changes, updatedAt: now }),
    input.personEmail,
  );
}

/** Checks an item off (keeping the first doneAt if it was already done) or reopens it. */
export async function setActionItemDone(
  db: CbcDatabase,
  id: string,
  done: boolean,
  now: number,
  personEmail?: string,
): Promise<ActionItem> {
  return changeActionItem(
    db,
    id,
    (item) => {
      if (done === (item.open === 0)) return item;
      const doneAt = done ? now : null;
      return { ...item, doneAt, open: openFlagOf(doneAt), updatedAt: now };
    },
    personEmail,
  );
}

export async function completeActionItem(
  db: CbcDatabase,
  id: string,
  now: number,
): Promise<ActionItem> {
  return setActionItemDone(db, id, true, now);
}

/** Deletes an item and returns it, so the UI can offer undo (restoreActionItem). */
export async function deleteActionItem(
  db: CbcDatabase,
  id: string,
  personEmail?: string,
): Promise<ActionItem> {
  return db.transaction('rw', db.actionItems, db.doneActionItems, async () => {
    const found = await locateItem(db, id, personEmail);
    if (!found) throw notFound(id);
    if (found.pack) await removePacked(db.doneActionItems, found.pack, id);
    else await db.actionItems.delete(id);
    return found.item;
  });
}

/** Puts a deleted item back exactly as it was (its person is recreated if needed). */
export async function restoreActionItem(db: CbcDatabase, item: ActionItem): Promise<ActionItem> {
  const restored: ActionItem = {
    ...item,
    personEmail: requireEmail(item.personEmail),
    open: openFlagOf(item.doneAt),
  };
  return db.transaction('rw', db.actionItems, db.doneActionItems, db.people, async () => {
    await ensurePerson(db, restored.personEmail, '', restored.createdAt);
    await storeItem(db, restored, await locateItem(db, restored.id, restored.personEmail));
    return restored;
  });
}

/** The person's open items, mine and theirs, oldest first. */
export async function openItemsForPerson(
  db: CbcDatabase,
  personEmail: string,
): Promise<ActionItem[]> {
  return db.actionItems
    .where('[personEmail+open+createdAt]')
    .between(...prefixRange(normalizeEmail(personEmail), 1))
    .toArray();
}

/**
 * Every open item across the team: items with a due date first, earliest due first (so overdue
 * ones lead), then items without a due date, oldest first.
 */
export async function openFollowUps(
  db: CbcDatabase,
  options: { owner?: Owner } = {},
): Promise<ActionItem[]> {
  return db.transaction('r', db.actionItems, async () => {
    const index = db.actionItems.where('[open+due+createdAt]');
    // '' (no due date) sorts before every date, so the dated items are those above [1, ''].
    const [dated, undated] = await Promise.all([
      index.between([1, '', Infinity], prefixRange(1)[1], false, true).toArray(),
      index.between(...prefixRange(1, '')).toArray(),
    ]);
    const all = [...dated, ...undated];
    return options.owner ? all.filter((item) => item.owner === options.owner) : all;
  });
}

/**
 * The open items the popup needs to show the first `limit` follow-ups of openFollowUps in either
 * of its groupings, in openFollowUps' order: the first `limit` by due date, plus every open item
 * of the people those come from, for as many of them as it takes to reach `limit` items (in the
 * by-person grouping a person's group comes where their most urgent item comes and holds all
 * their items). A few small reads, however many items are open.
 */
export async function firstOpenFollowUps(db: CbcDatabase, limit: number): Promise<ActionItem[]> {
  if (limit <= 0) return [];
  return db.transaction('r', db.actionItems, async () => {
    const index = () => db.actionItems.where('[open+due+createdAt]');
    const dated = await index()
      .between([1, '', Infinity], prefixRange(1)[1], false, true)
      .limit(limit)
      .toArray();
    const undated =
      dated.length < limit
        ? await index()
            .between(...prefixRange(1, ''))
            .limit(limit - dated.length)
            .toArray()
        : [];
    const byId = new Map<string, ActionItem>();
    for (const item of [...dated, ...undated]) byId.set(item.id, item);
    // The people of the first `limit` items, most urgent first. Every person whose group can
    // appear within the first `limit` items is among them: the items ahead of their most urgent
    // one all belong to earlier people, fewer than `limit` in all.
    const people = [...new Set([...byId.values()].map((item) => item.personEmail))];
    const theirs = await firstPeoplesItems(people, limit, (email) => openItemsForPerson(db, email));
    for (const item of theirs) byId.set(item.id, item);
    return [...byId.values()].sort(compareByDue);
  });
}

export async function countOpenItems(db: CbcDatabase): Promise<number> {
  return db.actionItems
    .where('[open+due+createdAt]')
    .between(...prefixRange(1))
    .count();
}

/** A known 1:1 series' open item count, and whom it is with (for the chip badge's name). */
export interface SeriesOpenItems {
  count: number;
  /** The person's display name, else their address. */
  name: string;
}

/**
 * For each series known as a 1:1, the open item count of its person and their name. A series is
 * known from a recorded meeting or from the user's override; an override wins, and one saying
 * the series is not a 1:1 leaves it out. Unknown series are left out, known ones with no items
 * count 0.
 */
export async function openItemCountsBySeries(
  db: CbcDatabase,
  seriesKeys: string[],
): Promise<Record<string, SeriesOpenItems>> {
  return db.transaction(
    'r',
    [db.meetings, db.seriesOverrides, db.actionItems, db.people],
    async () => {
      const keys = [...new Set(seriesKeys)];
      const overrides = await db.seriesOverrides.bulkGet(keys);
      const counts: Record<string, SeriesOpenItems> = {};
      const byPerson = new Map<string, SeriesOpenItems>();
      for (const [index, seriesKey] of keys.entries()) {
        const override = overrides[index];
        let personEmail: string | undefined;
        if (override) {
          if (override.decision === 'not-one-on-one') continue;
          personEmail = override.personEmail;
        } else {
          personEmail = (await db.meetings.where('seriesKey').equals(seriesKey).first())
            ?.personEmail;
        }
        if (!personEmail) continue;
        let known = byPerson.get(personEmail);
        if (known === undefined) {
          const [count, person] = await Promise.all([
            db.actionItems
              .where('[personEmail+open+createdAt]')
              .between(...prefixRange(personEmail, 1))
              .count(),
            db.people.get(personEmail),
          ]);
          known = { count, name: person?.name || override?.personName || personEmail };
          byPerson.set(personEmail, known);
        }
        counts[seriesKey] = known;
      }
      return counts;
    },
  );
}

async function changeActionItem(
  db: CbcDatabase,
  id: string,
  change: (item: ActionItem) => ActionItem,
  personEmail: string | undefined,
): Promise<ActionItem> {
  return db.transaction('rw', db.actionItems, db.doneActionItems, async () => {
    const found = await locateItem(db, id, personEmail);
    if (!found) throw notFound(id);
    const changed = change(found.item);
    if (changed !== found.item) await storeItem(db, changed, found);
    return changed;
  });
}

/** Where an item is stored: open items one by one, done ones in their person's pack. */
interface StoredItem {
  item: ActionItem;
  /** The pack holding a done item; null for an open one. */
  pack: ClosedPack<ActionItem> | null;
}

async function locateItem(
  db: CbcDatabase,
  id: string,
  personEmail: string | undefined,
): Promise<StoredItem | undefined> {
  const open = await db.actionItems.get(id);
  if (open) return { item: open, pack: null };
  const packed = await findPacked(db.doneActionItems, id, personEmail);
  return packed && { item: packed.record, pack: packed.pack };
}

/** Stores an item where its state puts it, taking it out of where it was (`was`). */
async function storeItem(db: CbcDatabase, item: ActionItem, was: StoredItem | undefined) {
  if (was?.pack) await removePacked(db.doneActionItems, was.pack, item.id);
  else if (was && item.doneAt !== null) await db.actionItems.delete(item.id);
  if (item.doneAt === null) await db.actionItems.put(item);
  else await putPacked(db.doneActionItems, item, item.doneAt);
}

function notFound(id: string): StoreError {
  return new StoreError(`No action item with id "${id}".`, { key: 'problemGone' });
}
