// The feedback log and standing topics' discussions packed per person (schema version 7),
// without Dexie: the schema's upgrade, the import (stored-layout.ts), the seeder and the bench's
// IndexedDB-only floor use it, and the bench loads it before it installs the IndexedDB that
// Dexie must find.
//
// IndexedDB's cost in Chromium is mostly per stored row (~50–70 µs a row, ~10–20 µs an index
// entry, ~7 µs a multiEntry index entry): one record per entry or discussion made the feedback
// log (20,000 entries: 1.47 s) and the discussions (5,926: 0.40 s) a quarter of the large data
// set's import. Nothing reads them one by one: a person's log is read whole (or a period of it),
// a 1:1 reads every discussion of the person's topics. So they are packed like the closed
// records of schema version 3 (closed-packs.ts):
// - feedbackPacks: one record per person and year of the entry's `day`, keyed [personEmail+year]
//   (a period is a key range); an entry is found by id in its person's packs (edit, delete, a
//   resent add; schema version 8 dropped the multiEntry index of `ids`, see closed-packs.ts);
//   `newestCreatedAt` orders packs for search, newest first (an entry's `day` says nothing
//   about when it was written, so the year alone cannot bound `createdAt` as it does for closed
//   records).
// - topicDiscussionPacks: one record per person, keyed personEmail (a 1:1 reads its person's
//   pack once for all the topics); `topicIds` (multiEntry, each topic once) finds the packs
//   holding a deleted topic's discussions, a topic of the default set being discussed per person.

import type { Transaction } from 'dexie';
import type { FeedbackEntry, TopicDiscussion } from '../domain/records';

/** The tables that hold a backup table's records, all of them packed (schema version 7). */
export const PERSON_PACK_TABLE_OF = {
  topicDiscussions: 'topicDiscussionPacks',
  feedbackEntries: 'feedbackPacks',
} as const;

export interface FeedbackPack {
  personEmail: string;
  /** The year of the entries' `day` ('yyyy-MM-dd', read as written: no time zone). */
  year: number;
  /** The latest `createdAt` of the entries (index: search reads packs newest first). */
  newestCreatedAt: number;
  /** The entries' ids, in `items` order (`ids.length` counts them). */
  ids: string[];
  /** The entries, exactly as they were stored one by one, ordered by id. */
  items: FeedbackEntry[];
}

export interface TopicDiscussionPack {
  personEmail: string;
  /** The topics discussed, each once, sorted (multiEntry index). */
  topicIds: string[];
  /** The discussions, exactly as they were stored one by one, ordered by id. */
  items: TopicDiscussion[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The year an entry of this day is packed under ('2025-01-31' → 2025). */
export function feedbackYearOf(day: string): number {
  return Number(day.slice(0, 4));
}

export function feedbackPackOf(
  personEmail: string,
  year: number,
  entries: readonly FeedbackEntry[],
): FeedbackPack {
  const items = [...entries].sort(byId);
  return {
    personEmail,
    year,
    newestCreatedAt: Math.max(...items.map((entry) => entry.createdAt)),
    ids: items.map((entry) => entry.id),
    items,
  };
}

export function topicDiscussionPackOf(
  personEmail: string,
  discussions: readonly TopicDiscussion[],
): TopicDiscussionPack {
  const items = [...discussions].sort(byId);
  const topicIds = [...new Set(items.map((discussion) => discussion.topicId))].sort();
  return { personEmail, topicIds, items };
}

function groupBy<T>(records: readonly T[], keyOf: (record: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const key = keyOf(record);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return [...groups.values()];
}

/** Feedback log entries grouped into their packs (import, seeding, the version 7 upgrade). */
export function packFeedbackEntries(entries: readonly FeedbackEntry[]): FeedbackPack[] {
  return groupBy(entries, (entry) => `${entry.personEmail}\n${feedbackYearOf(entry.day)}`).map(
    (group) => feedbackPackOf(group[0]!.personEmail, feedbackYearOf(group[0]!.day), group),
  );
}

/** Topic discussions grouped into their packs, one per person. */
export function packTopicDiscussions(
  discussions: readonly TopicDiscussion[],
): TopicDiscussionPack[] {
  return groupBy(discussions, (discussion) => discussion.personEmail).map((group) =>
    topicDiscussionPackOf(group[0]!.personEmail, group),
  );
}

/**
 * The version 7 upgrade: every feedback log entry and topic discussion moves into its pack.
 * The old tables are dropped by the same version once this has run.
 */
export async function packFeedbackAndDiscussions(tx: Transaction): Promise<void> {
  const [entries, discussions] = await Promise.all([
    tx.table('feedbackEntries').toArray() as Promise<FeedbackEntry[]>,
    tx.table('topicDiscussions').toArray() as Promise<TopicDiscussion[]>,
  ]);
  if (entries.length > 0) {
    await tx.table(PERSON_PACK_TABLE_OF.feedbackEntries).bulkAdd(packFeedbackEntries(entries));
  }
  if (discussions.length > 0) {
    await tx
      .table(PERSON_PACK_TABLE_OF.topicDiscussions)
      .bulkAdd(packTopicDiscussions(discussions));
  }
}
