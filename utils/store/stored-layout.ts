// A backup's records as the store's tables hold them: open items and queued points one by one,
// closed ones packed per person and year (closed-packs.ts), notes in their meetings
// (notes-in-meetings.ts), the feedback log per person and year and topic discussions per person
// (person-pack-records.ts). Without Dexie, so that the bench can load it before it installs the
// IndexedDB that Dexie must find.

import type { BackupData } from './backup';
import { meetingRowsOf } from './notes-in-meetings';
import { packRecords, type ClosedPack } from './pack-records';
import {
  packFeedbackEntries,
  packTopicDiscussions,
  PERSON_PACK_TABLE_OF,
} from './person-pack-records';
import { PACK_TABLE_OF, TABLE_NAMES } from './schema';

/**
 * The rows each table of the database gets from a backup: closed records packed, notes in their
 * meetings (a meetings row counts as its meeting and its note).
 */
export function storedRowsOf(
  data: BackupData,
): Array<{ table: string; rows: unknown[]; records: number }> {
  const rows: Array<{ table: string; rows: unknown[]; records: number }> = [];
  for (const name of TABLE_NAMES) {
    if (name === 'actionItems') {
      const open = data.actionItems.filter((item) => item.doneAt === null);
      const done = data.actionItems.filter((item) => item.doneAt !== null);
      rows.push({ table: name, rows: open, records: open.length });
      rows.push(
        ...packRows(
          PACK_TABLE_OF.actionItems,
          packRecords(done, (item) => item.doneAt!),
        ),
      );
    } else if (name === 'talkingPoints') {
      const queued = data.talkingPoints.filter((point) => point.discussedAt === null);
      const discussed = data.talkingPoints.filter((point) => point.discussedAt !== null);
      rows.push({ table: name, rows: queued, records: queued.length });
      rows.push(
        ...packRows(
          PACK_TABLE_OF.talkingPoints,
          packRecords(discussed, (point) => point.discussedAt!),
        ),
      );
    } else if (name === 'meetings') {
      const meetings = meetingRowsOf(data.meetings, data.notes);
      rows.push({ table: name, rows: meetings, records: data.meetings.length + data.notes.length });
    } else if (name === 'notes') {
      // In their meetings, above.
    } else if (name === 'feedbackEntries') {
      rows.push({
        table: PERSON_PACK_TABLE_OF.feedbackEntries,
        rows: packFeedbackEntries(data.feedbackEntries),
        records: data.feedbackEntries.length,
      });
    } else if (name === 'topicDiscussions') {
      rows.push({
        table: PERSON_PACK_TABLE_OF.topicDiscussions,
        rows: packTopicDiscussions(data.topicDiscussions),
        records: data.topicDiscussions.length,
      });
    } else {
      const records = data[name] as unknown[];
      rows.push({ table: name, rows: records, records: records.length });
    }
  }
  return rows;
}

/** A backup's records as the store's tables hold them (the bench's IndexedDB-only floor). */
export function storedLayoutOf(data: BackupData): Record<string, unknown[]> {
  const layout: Record<string, unknown[]> = {};
  for (const { table, rows } of storedRowsOf(data)) layout[table] = rows;
  return layout;
}

function packRows(table: string, packs: Array<ClosedPack<unknown>>) {
  return [{ table, rows: packs, records: packs.reduce((sum, pack) => sum + pack.ids.length, 0) }];
}
