// The feedback log: per person, dated entries of praise given, feedback given, concerns and
// wins, read back as a timeline (newest first), filtered by kind and period. Stored in packs per
// person and year of the entry's day (schema version 7, person-pack-records.ts); every operation
// takes and returns single entries.

import { Dexie } from 'dexie';
import type { FeedbackEntry, FeedbackKind } from '../domain/records';
import type { CbcDatabase } from './db';
import { newId, StoreError } from './db';
import { findPacked } from './closed-packs';
import { feedbackPackOf, feedbackYearOf, type FeedbackPack } from './person-pack-records';
import {
  normalizeEmail,
  requireDayFrom1970,
  requireEmail,
  requireFeedbackKind,
  requireText,
} from './normalize-input';
import { ensurePerson } from './people';

export interface FeedbackLogFilter {
  /** Only entries of these kinds (all when left out or empty). */
  kinds?: readonly FeedbackKind[];
  /** Only entries on or after this day ('yyyy-MM-dd'). */
  fromDay?: string;
  /** Only entries on or before this day. */
  toDay?: string;
  limit?: number;
}

/** Adds an entry; with an id that already exists, returns that entry (a resent request). */
export async function addFeedbackEntry(
  db: CbcDatabase,
  input: {
    id?: string;
    personEmail: string;
    day: string;
    kind: FeedbackKind;
    text: string;
    meetingEid: string;
  },
  now: number,
): Promise<FeedbackEntry> {
  const personEmail = requireEmail(input.personEmail);
  const day = requireDayFrom1970(input.day, 'The day');
  const kind = requireFeedbackKind(input.kind);
  const text = requireText(input.text, 'Feedback log text');
  const id = input.id?.trim() || newId();
  return db.transaction('rw', db.feedbackPacks, db.people, async () => {
    const existing = await findEntry(db, id, personEmail);
    if (existing) return existing.entry;
    await ensurePerson(db, personEmail, '', now);
    const entry: FeedbackEntry = {
      id,
      personEmail,
      day,
      kind,
      text,
      meetingEid: input.meetingEid.trim(),
      createdAt: now,
      updatedAt: now,
    };
    await putEntry(db, entry);
    return entry;
  });
}

/**
 * Changes an entry's day, kind or text; what is left out stays as it was. `personEmail`, the
 * entry's person when the caller knows it, is where it is looked for.
 */
export async function updateFeedbackEntry(
  db: CbcDatabase,
  input: { id: string; personEmail?: string; day?: string; kind?: FeedbackKind; text?: string },
  now: number,
): Promise<FeedbackEntry> {
  const day = input.day === undefined ? undefined : requireDayFrom1970(input.day, 'The day');
  const kind = input.kind === undefined ? undefined : requireFeedbackKind(input.kind);
  const text = input.text === undefined ? undefined : requireText(input.text, 'Feedback log text');
  return db.transaction('rw', db.feedbackPacks, async () => {
    const found = await findEntry(db, input.id, input.personEmail);
    if (!found) throw new StoreError(`No feedback log entry with id "${input.id}".`);
    const { entry, pack } = found;
    const changed: FeedbackEntry = {
      ...entry,
      day: day ?? entry.day,
      kind: kind ?? entry.kind,
      text: text ?? entry.text,
      updatedAt: now,
    };
    // A new day in another year moves the entry to that year's pack.
    if (feedbackYearOf(changed.day) !== pack.year) await removeEntry(db, pack, entry.id);
    await putEntry(db, changed);
    return changed;
  });
}

/** Returns the deleted entry (`personEmail`: its person, when the caller knows it). */
export async function deleteFeedbackEntry(
  db: CbcDatabase,
  id: string,
  personEmail?: string,
): Promise<FeedbackEntry> {
  return db.transaction('rw', db.feedbackPacks, async () => {
    const found = await findEntry(db, id, personEmail);
    if (!found)
      throw new StoreError(`No feedback log entry with id "${id}".`, { key: 'problemGone' });
    await removeEntry(db, found.pack, id);
    return found.entry;
  });
}

/**
 * The person's entries, newest day first (then by id, newest first), filtered: one read of the
 * person's packs of the years in the period.
 */
export async function feedbackLog(
  db: CbcDatabase,
  personEmail: string,
  filter: FeedbackLogFilter = {},
): Promise<FeedbackEntry[]> {
  const email = normalizeEmail(personEmail);
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  const { fromDay, toDay } = filter;
  const packs = await db.feedbackPacks
    .where('[personEmail+year]')
    .between(
      [email, yearBoundOf(fromDay) ?? Dexie.minKey],
      [email, yearBoundOf(toDay) ?? Dexie.maxKey],
      true,
      true,
    )
    .toArray();
  const entries = packs
    .flatMap((pack) => pack.items)
    .filter(
      (entry) =>
        (fromDay === undefined || entry.day >= fromDay) &&
        (toDay === undefined || entry.day <= toDay) &&
        (!kinds || kinds.has(entry.kind)),
    )
    .sort((a, b) => compare(b.day, a.day) || compare(b.id, a.id));
  return filter.limit === undefined ? entries : entries.slice(0, Math.max(0, filter.limit));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The year of a period's bound, or undefined when the bound does not start with one (the days
 * are then compared as text alone, as an index range of days would).
 */
function yearBoundOf(day: string | undefined): number | undefined {
  return day !== undefined && /^\d{4}/.test(day) ? feedbackYearOf(day) : undefined;
}

/**
 * The entry with this id and the pack holding it, or undefined: in the packs of `personEmail`
 * when it is known, else in every pack (closed-packs.ts).
 */
async function findEntry(
  db: CbcDatabase,
  id: string,
  personEmail?: string,
): Promise<{ pack: FeedbackPack; entry: FeedbackEntry } | undefined> {
  const found = await findPacked(db.feedbackPacks, id, personEmail);
  return found && { pack: found.pack, entry: found.record };
}

/** Adds (or replaces) an entry in its person's pack of its day's year. */
async function putEntry(db: CbcDatabase, entry: FeedbackEntry): Promise<void> {
  const year = feedbackYearOf(entry.day);
  const pack = await db.feedbackPacks.get([entry.personEmail, year]);
  const items = (pack?.items ?? []).filter((item) => item.id !== entry.id);
  items.push(entry);
  await db.feedbackPacks.put(feedbackPackOf(entry.personEmail, year, items));
}

/** Takes an entry out of its pack (the pack goes when it is left empty). */
async function removeEntry(db: CbcDatabase, pack: FeedbackPack, id: string): Promise<void> {
  const items = pack.items.filter((item) => item.id !== id);
  if (items.length === 0) await db.feedbackPacks.delete([pack.personEmail, pack.year]);
  else await db.feedbackPacks.put(feedbackPackOf(pack.personEmail, pack.year, items));
}
