// Search across notes, action items, talking points, feedback log entries and standing topics:
// case-insensitive substring, newest first.
// Each table is walked newest first through an index, a page of records per request, and stops
// once `limit` matches newer than where it has got to are found across all the tables, so a
// common word does not read the whole database; a rare one reads it in a few hundred requests
// rather than one cursor step per record.

import { cmp, type IndexableType, type Table } from 'dexie';
import type { PackTable } from './closed-packs';
import { NOTES_INDEX, type StoredMeeting } from './notes-in-meetings';
import { yearStartOf } from './pack-records';
import type { CbcDatabase } from './db';
import type { ActionItem, FeedbackEntry, TalkingPoint } from '../domain/records';

export const SEARCH_SNIPPET_LENGTH = 160;

export interface SearchResult {
  kind: 'note' | 'actionItem' | 'talkingPoint' | 'feedbackEntry' | 'standingTopic';
  /** '' for a standing topic of the default set (for everyone). */
  personEmail: string;
  /** The meeting it belongs to: a note's meeting, the meeting an item was created in or a point
   * was discussed in; '' when none. */
  meetingEid: string;
  /** The record's key (a note's is its meeting's eid). */
  id: string;
  snippet: string;
  /** Meeting start for notes, creation time for items, points, entries and topics. */
  at: number;
}

export async function searchAll(
  db: CbcDatabase,
  query: string,
  options: { limit?: number } = {},
): Promise<SearchResult[]> {
  const limit = options.limit ?? 50;
  const needle = query.trim().toLowerCase();
  if (needle === '' || limit <= 0) return [];
  const matches = (text: string) => text.toLowerCase().includes(needle);
  const top = new NewestResults(limit);
  const itemResult = (item: ActionItem): SearchResult => ({
    kind: 'actionItem',
    personEmail: item.personEmail,
    meetingEid: item.meetingEid,
    id: item.id,
    snippet: snippetAround(item.text, needle),
    at: item.createdAt,
  });
  const pointResult = (point: TalkingPoint): SearchResult => ({
    kind: 'talkingPoint',
    personEmail: point.personEmail,
    meetingEid: point.discussedIn,
    id: point.id,
    snippet: snippetAround(point.text, needle),
    at: point.createdAt,
  });
  const feedbackResult = (entry: FeedbackEntry): SearchResult => ({
    kind: 'feedbackEntry',
    personEmail: entry.personEmail,
    meetingEid: entry.meetingEid,
    id: entry.id,
    snippet: snippetAround(entry.text, needle),
    at: entry.createdAt,
  });
  const tables = [
    db.meetings,
    db.actionItems,
    db.talkingPoints,
    db.doneActionItems,
    db.discussedTalkingPoints,
    db.feedbackPacks,
    db.standingTopics,
  ];
  await db.transaction('r', tables, () =>
    Promise.all([
      // Notes are in their meetings (schema version 6): the sparse index holds the meetings
      // that have notes, by start.
      collectNewest<StoredMeeting>(
        db.meetings,
        NOTES_INDEX,
        {
          primaryKeyOf: (meeting) => meeting.eid,
          keyOf: (meeting) => [meeting.start, meeting.note!.updatedAt],
          atOf: (meeting) => meeting.start,
          textOf: (meeting) => meeting.note!.text,
        },
        matches,
        top,
        (meeting) => ({
          kind: 'note',
          personEmail: meeting.personEmail,
          meetingEid: meeting.eid,
          id: meeting.eid,
          snippet: snippetAround(meeting.note!.text, needle),
          at: meeting.start,
        }),
      ),
      collectNewest(db.actionItems, 'createdAt', byCreatedAt, matches, top, itemResult),
      collectNewest(db.talkingPoints, 'createdAt', byCreatedAt, matches, top, pointResult),
      collectNewestPacked(db.doneActionItems, matches, top, itemResult),
      collectNewestPacked(db.discussedTalkingPoints, matches, top, pointResult),
      collectNewestFeedback(db, matches, top, feedbackResult),
      // A few dozen topics at most: read whole.
      db.standingTopics.toArray().then((topics) => {
        for (const topic of topics) {
          if (!matches(topic.text)) continue;
          top.add({
            kind: 'standingTopic',
            personEmail: topic.personEmail,
            meetingEid: '',
            id: topic.id,
            snippet: snippetAround(topic.text, needle),
            at: topic.createdAt,
          });
        }
      }),
    ]),
  );
  return top.newest();
}

/** Records read per request while searching. */
export const SEARCH_PAGE_SIZE = 500;

/** The matches found so far across the tables, and how new a match must be to still count. */
class NewestResults {
  private readonly results: SearchResult[] = [];
  constructor(private readonly limit: number) {}

  add(result: SearchResult): void {
    this.results.push(result);
  }

  /** The `limit` newest, newest first. */
  newest(): SearchResult[] {
    return this.results.sort((a, b) => b.at - a.at).slice(0, this.limit);
  }

  /**
   * Whether a table read down to `at` can stop: `limit` matches newer than `at` are already
   * found, so nothing it has left to read can be among the newest `limit`.
   */
  isFullAbove(at: number): boolean {
    let newer = 0;
    for (const result of this.results) if (result.at > at) newer++;
    return newer >= this.limit;
  }
}

/** How collectNewest reads a table's records: key, index key, time and searched text. */
interface SearchedFields<T> {
  primaryKeyOf: (record: T) => string;
  /** The record's key in the index walked. */
  keyOf: (record: T) => IndexableType;
  /** The time results are ordered by; the index is ordered by it first. */
  atOf: (record: T) => number;
  textOf: (record: T) => string;
}

/** A table of records keyed `id`, searched by `text`, newest first by a `createdAt` index. */
const byCreatedAt: SearchedFields<{ id: string; text: string; createdAt: number }> = {
  primaryKeyOf: (record) => record.id,
  keyOf: (record) => record.createdAt,
  atOf: (record) => record.createdAt,
  textOf: (record) => record.text,
};

/**
 * Adds a table's matches to `top`, newest first by `index` (ordered by a time first), reading a
 * page of SEARCH_PAGE_SIZE records per request, until the table is read or `top` no longer
 * needs what is left.
 */
async function collectNewest<T>(
  table: Table<T, string>,
  index: string,
  fields: SearchedFields<T>,
  matches: (text: string) => boolean,
  top: NewestResults,
  toResult: (record: T) => SearchResult,
): Promise<void> {
  const { textOf } = fields;
  await walkNewest(table, index, fields, SEARCH_PAGE_SIZE, top, (page) => {
    for (const record of page) if (matches(textOf(record))) top.add(toResult(record));
  });
}

/**
 * Visits a table's records newest first by `index` (ordered by a time first), `pageSize` per
 * request, a page at a time, until the table is read or `top` no longer needs records at or
 * below the time last read. A page continues at or below the last key read; records already
 * seen with that same key (ties) are skipped by primary key.
 */
async function walkNewest<T, K>(
  table: Table<T, K>,
  index: string,
  fields: Omit<SearchedFields<T>, 'textOf'>,
  pageSize: number,
  top: NewestResults,
  visit: (page: T[]) => void,
): Promise<void> {
  const { primaryKeyOf, keyOf, atOf } = fields;
  let below: IndexableType | null = null;
  let seenAtBelow = new Set<string>();
  for (;;) {
    const want = pageSize + seenAtBelow.size;
    const page: T[] =
      below === null
        ? await table.orderBy(index).reverse().limit(want).toArray()
        : await table.where(index).belowOrEqual(below).reverse().limit(want).toArray();
    visit(page.filter((record) => !seenAtBelow.has(primaryKeyOf(record))));
    if (page.length < want) return;
    const lastRecord = page[page.length - 1]!;
    const lastKey = keyOf(lastRecord);
    if (top.isFullAbove(atOf(lastRecord))) return;
    if (below === null || cmp(below, lastKey) !== 0) seenAtBelow = new Set();
    below = lastKey;
    for (const record of page) {
      if (cmp(keyOf(record), lastKey) === 0) seenAtBelow.add(primaryKeyOf(record));
    }
  }
}

/** Packs of the feedback log read per request: about SEARCH_PAGE_SIZE entries. */
export const SEARCH_FEEDBACK_PACKS_PER_PAGE = 50;

/**
 * Adds the feedback log's matches to `top`, its packs (schema version 7) newest first by the
 * latest `createdAt` they hold: once packs down to a value are read, every entry left was
 * created at or before it, so search stops where it stopped when it read the entries one by one
 * by `createdAt`. Matches are added in that read's order too (newest first, ties by id, newest
 * first): a match is held back until no pack left can hold a newer one.
 */
async function collectNewestFeedback(
  db: CbcDatabase,
  matches: (text: string) => boolean,
  top: NewestResults,
  toResult: (entry: FeedbackEntry) => SearchResult,
): Promise<void> {
  let held: FeedbackEntry[] = [];
  const addHeld = (newerThan: number) => {
    const ready = held.filter((entry) => entry.createdAt > newerThan).sort(newestFirst);
    held = held.filter((entry) => entry.createdAt <= newerThan);
    for (const entry of ready) top.add(toResult(entry));
  };
  await walkNewest(
    db.feedbackPacks,
    'newestCreatedAt',
    {
      primaryKeyOf: (pack) => `${pack.personEmail}\n${pack.year}`,
      keyOf: (pack) => pack.newestCreatedAt,
      atOf: (pack) => pack.newestCreatedAt,
    },
    SEARCH_FEEDBACK_PACKS_PER_PAGE,
    top,
    (packs) => {
      for (const pack of packs) {
        for (const entry of pack.items) if (matches(entry.text)) held.push(entry);
      }
      const last = packs[packs.length - 1];
      if (last) addHeld(last.newestCreatedAt);
    },
  );
  addHeld(-Infinity);
}

const newestFirst = (a: FeedbackEntry, b: FeedbackEntry) =>
  b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Adds the matches of packed closed records to `top`, a year of packs per request, newest year
 * first, until `top` no longer needs older years. A record closed in a year was created by its
 * end (createdAt ≤ its closing instant), so once a year is read every record left is older than
 * that year's start. (Only a hand-made backup can hold a record closed before it was created; a
 * search that stops early may pass such a record over.)
 */
async function collectNewestPacked<T extends { text: string }>(
  table: PackTable<T>,
  matches: (text: string) => boolean,
  top: NewestResults,
  toResult: (record: T) => SearchResult,
): Promise<void> {
  const years = (await table.orderBy('year').reverse().uniqueKeys()) as number[];
  for (const year of years) {
    const packs = await table.where('year').equals(year).toArray();
    for (const pack of packs) {
      for (const record of pack.items) if (matches(record.text)) top.add(toResult(record));
    }
    if (top.isFullAbove(yearStartOf(year) - 1)) return;
  }
}

/**
 * At most SEARCH_SNIPPET_LENGTH characters of one line around the first match, with '…' where
 * text was cut. `needle` is lowercase.
 */
export function snippetAround(text: string, needle: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SEARCH_SNIPPET_LENGTH) return flat;
  const at = Math.max(0, flat.toLowerCase().indexOf(needle));
  const room = SEARCH_SNIPPET_LENGTH - 2; // both ellipses
  let start = Math.max(0, at - Math.floor((room - needle.length) / 2));
  start = Math.min(start, flat.length - room);
  const end = Math.min(flat.length, start + room);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
