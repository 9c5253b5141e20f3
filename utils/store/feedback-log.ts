// The feedback log: per person, dated entries of praise given, feedback given, concerns and
// wins, read back as a timeline (newest first), filtered by kind and period.

import { Dexie } from 'dexie';
import type { FeedbackEntry, FeedbackKind } from '../domain/records';
import type { CbcDatabase } from './db';
import { newId, StoreError } from './db';
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
  return db.transaction('rw', db.feedbackEntries, db.people, async () => {
    const existing = await db.feedbackEntries.get(id);
    if (existing) return existing;
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
    await db.feedbackEntries.add(entry);
    return entry;
  });
}

/** Changes an entry's day, kind or text; what is left out stays as it was. */
export async function updateFeedbackEntry(
  db: CbcDatabase,
  input: { id: string; day?: string; kind?: FeedbackKind; text?: string },
  now: number,
): Promise<FeedbackEntry> {
  const day = input.day === undefined ? undefined : requireDayFrom1970(input.day, 'The day');
  const kind = input.kind === undefined ? undefined : requireFeedbackKind(input.kind);
  const text = input.text === undefined ? undefined : requireText(input.text, 'Feedback log text');
  return db.transaction('rw', db.feedbackEntries, async () => {
    const entry = await db.feedbackEntries.get(input.id);
    if (!entry) throw new StoreError(`No feedback log entry with id "${input.id}".`);
    const changed: FeedbackEntry = {
      ...entry,
      day: day ?? entry.day,
      kind: kind ?? entry.kind,
      text: text ?? entry.text,
      updatedAt: now,
    };
    await db.feedbackEntries.put(changed);
    return changed;
  });
}

/** Returns the deleted entry. */
export async function deleteFeedbackEntry(db: CbcDatabase, id: string): Promise<FeedbackEntry> {
  return db.transaction('rw', db.feedbackEntries, async () => {
    const entry = await db.feedbackEntries.get(id);
    if (!entry)
      throw new StoreError(`No feedback log entry with id "${id}".`, { key: 'problemGone' });
    await db.feedbackEntries.delete(id);
    return entry;
  });
}

/** The person's entries, newest day first (one index range), filtered. */
export async function feedbackLog(
  db: CbcDatabase,
  personEmail: string,
  filter: FeedbackLogFilter = {},
): Promise<FeedbackEntry[]> {
  const email = normalizeEmail(personEmail);
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  let entries = db.feedbackEntries
    .where('[personEmail+day]')
    .between(
      [email, filter.fromDay ?? Dexie.minKey],
      [email, filter.toDay ?? Dexie.maxKey],
      true,
      true,
    )
    .reverse();
  if (kinds) entries = entries.filter((entry) => kinds.has(entry.kind));
  if (filter.limit !== undefined) entries = entries.limit(filter.limit);
  return entries.toArray();
}
