// Search across notes, action items and talking points: case-insensitive substring, newest first.
// Each table is walked newest first through an index and stops after `limit` matches, so a
// common word does not read the whole database.

import type { CbcDatabase } from './db';

export const SEARCH_SNIPPET_LENGTH = 160;

export interface SearchResult {
  kind: 'note' | 'actionItem' | 'talkingPoint';
  personEmail: string;
  /** The meeting it belongs to: a note's meeting, the meeting an item was created in or a point
   * was discussed in; '' when none. */
  meetingEid: string;
  /** The record's key (a note's is its meeting's eid). */
  id: string;
  snippet: string;
  /** Meeting start for notes, creation time for items and points. */
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
  return db.transaction('r', db.notes, db.actionItems, db.talkingPoints, async () => {
    const [notes, items, points] = await Promise.all([
      db.notes
        .orderBy('meetingStart')
        .reverse()
        .filter((note) => matches(note.text))
        .limit(limit)
        .toArray(),
      db.actionItems
        .orderBy('createdAt')
        .reverse()
        .filter((item) => matches(item.text))
        .limit(limit)
        .toArray(),
      db.talkingPoints
        .orderBy('createdAt')
        .reverse()
        .filter((point) => matches(point.text))
        .limit(limit)
        .toArray(),
    ]);
    const results: SearchResult[] = [
      ...notes.map((note): SearchResult => ({
        kind: 'note',
        personEmail: note.personEmail,
        meetingEid: note.meetingEid,
        id: note.meetingEid,
        snippet: snippetAround(note.text, needle),
        at: note.meetingStart,
      })),
      ...items.map((item): SearchResult => ({
        kind: 'actionItem',
        personEmail: item.personEmail,
        meetingEid: item.meetingEid,
        id: item.id,
        snippet: snippetAround(item.text, needle),
        at: item.createdAt,
      })),
      ...points.map((point): SearchResult => ({
        kind: 'talkingPoint',
        personEmail: point.personEmail,
        meetingEid: point.discussedIn,
        id: point.id,
        snippet: snippetAround(point.text, needle),
        at: point.createdAt,
      })),
    ];
    return results.sort((a, b) => b.at - a.at).slice(0, limit);
  });
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
