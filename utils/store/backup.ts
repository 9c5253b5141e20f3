// Backup files, the database side: export everything, and replace everything in one
// transaction with a file that backup-validation.ts accepted whole. Export → import → export
// gives the same data. The file lists records one by one, whatever the store's layout (packed
// closed records since schema version 3, notes in their meetings since version 6, the feedback
// log and topic discussions packed per person since version 7), so files of every version read
// the same way.

import type { ImportSummary } from '../messaging/protocol';
import { countPacked, type ClosedPack } from './closed-packs';
import { StoreError, type CbcDatabase } from './db';
import { PERSON_PACK_TABLE_OF, type TopicDiscussionPack } from './person-pack-records';
import { PACK_TABLE_OF, STORE_TABLE_NAMES, TABLE_NAMES, type TableName } from './schema';
import { meetingOf, noteOf, NOTES_INDEX, type StoredMeeting } from './notes-in-meetings';
import { storedRowsOf } from './stored-layout';
import type {
  ActionItem,
  Assignment,
  FeedbackEntry,
  Meeting,
  Note,
  Person,
  Project,
  SeriesOverride,
  StandingTopic,
  TalkingPoint,
  TopicDiscussion,
} from '../domain/records';

export const BACKUP_FORMAT = 'craft-beyond-code-backup';
/**
 * 2: people carry cadenceSource (schema version 2). 3: standing topics, their discussions and
 * the feedback log (schema version 4). Files of versions 1 and 2 are still read (with none).
 */
export const BACKUP_VERSION = 3;

export interface BackupData {
  people: Person[];
  projects: Project[];
  assignments: Assignment[];
  meetings: Meeting[];
  notes: Note[];
  actionItems: ActionItem[];
  talkingPoints: TalkingPoint[];
  seriesOverrides: SeriesOverride[];
  standingTopics: StandingTopic[];
  topicDiscussions: TopicDiscussion[];
  feedbackEntries: FeedbackEntry[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  data: BackupData;
}

/** Every table of the database, packs of closed records included. */
function allTables(db: CbcDatabase) {
  return STORE_TABLE_NAMES.map((name) => db.table(name));
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One backup table's records as the file lists them: open items and queued points and their
 * packed closed ones together, packed entries and discussions one by one, by id (the order a
 * table of single records reads in).
 */
async function readBackupTable(db: CbcDatabase, name: TableName): Promise<unknown[]> {
  if (name === 'feedbackEntries' || name === 'topicDiscussions') {
    const packs = (await db.table(PERSON_PACK_TABLE_OF[name]).toArray()) as Array<{
      items: Array<{ id: string }>;
    }>;
    return packs.flatMap((pack) => pack.items).sort(byId);
  }
  if (name === 'actionItems' || name === 'talkingPoints') {
    const [single, packs] = await Promise.all([
      db.table(name).toArray(),
      db.table(PACK_TABLE_OF[name]).toArray() as Promise<Array<ClosedPack<{ id: string }>>>,
    ]);
    const records = single as Array<{ id: string }>;
    for (const pack of packs) for (const item of pack.items) records.push(item);
    return records.sort(byId);
  }
  return db.table(name).toArray();
}

/** Every backup table's records, read in one transaction. */
async function readBackupData(db: CbcDatabase): Promise<BackupData> {
  return db.transaction('r', allTables(db), async () => {
    const tables = await Promise.all(
      TABLE_NAMES.map((name) =>
        name === 'meetings' || name === 'notes' ? [] : readBackupTable(db, name),
      ),
    );
    const data = Object.fromEntries(
      TABLE_NAMES.map((name, i) => [name, tables[i]]),
    ) as unknown as BackupData;
    // Notes are kept in their meetings (schema version 6), read once for both lists, by eid.
    const meetings: StoredMeeting[] = await db.meetings.toArray();
    data.meetings = meetings.map(meetingOf);
    data.notes = meetings.map(noteOf).filter((note): note is Note => note !== null);
    return data;
  });
}

export async function exportBackup(db: CbcDatabase, now: number): Promise<Backup> {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    data: await readBackupData(db),
  };
}

/** Records per JSON.stringify call while a backup file is built. */
const EXPORT_CHUNK_RECORDS = 2_000;

/**
 * The backup file as a Blob: the same bytes as JSON.stringify(exportBackup(db, now)), built as
 * parts of a few thousand records each, so no single string of the whole file (tens of MB for
 * years of 1:1s) is ever made.
 */
export async function exportBackupBlob(db: CbcDatabase, now: number): Promise<Blob> {
  const data = await readBackupData(db);
  const head = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now });
  const parts: string[] = [`${head.slice(0, -1)},"data":{`];
  TABLE_NAMES.forEach((name, index) => {
    parts.push(`${index === 0 ? '' : ','}${JSON.stringify(name)}:[`);
    const records = data[name] as unknown[];
    for (let at = 0; at < records.length; at += EXPORT_CHUNK_RECORDS) {
      const chunk = JSON.stringify(records.slice(at, at + EXPORT_CHUNK_RECORDS));
      parts.push(`${at === 0 ? '' : ','}${chunk.slice(1, -1)}`);
    }
    parts.push(']');
  });
  parts.push('}}');
  return new Blob(parts, { type: 'application/json' });
}

/** Records per table in the file and in the database now, to confirm a replacement. */
export async function previewImport(
  db: CbcDatabase,
  backup: Backup,
): Promise<Record<TableName, { inFile: number; existing: number }>> {
  return db.transaction('r', allTables(db), async () => {
    const existing = await Promise.all(
      TABLE_NAMES.map(async (name) => {
        // The sparse index holds exactly the meetings that have notes.
        if (name === 'notes') return db.meetings.orderBy(NOTES_INDEX).count();
        // Counted from the ids index, as the closed packs are; discussion packs (one per person)
        // are read, having no index of ids.
        if (name === 'feedbackEntries') return countPacked(db.feedbackPacks);
        if (name === 'topicDiscussions') {
          const packs: TopicDiscussionPack[] = await db.topicDiscussionPacks.toArray();
          return packs.reduce((sum, pack) => sum + pack.items.length, 0);
        }
        const single = await db.table(name).count();
        if (name !== 'actionItems' && name !== 'talkingPoints') return single;
        return single + (await countPacked(db.table(PACK_TABLE_OF[name])));
      }),
    );
    return Object.fromEntries(
      TABLE_NAMES.map((name, i) => [
        name,
        { inFile: backup.data[name].length, existing: existing[i] ?? 0 },
      ]),
    ) as Record<TableName, { inFile: number; existing: number }>;
  });
}

export interface ImportProgress {
  /** Records of the file written so far (a pack counts the records it holds). */
  written: number;
  total: number;
}

export interface ImportOptions {
  /** Called after each chunk of writes; throwing from it calls the import off. */
  onProgress?: (progress: ImportProgress) => void;
  /** Aborted: the import stops at its next chunk and nothing is changed. */
  signal?: AbortSignal;
}

/** Records per bulkAdd while importing: progress and Cancel are checked between chunks. */
export const IMPORT_CHUNK_RECORDS = 2_000;

/** The refusal of an import that was called off; nothing was changed. */
export const IMPORT_CANCELLED_MESSAGE = 'Import cancelled, nothing was changed.';

/**
 * Writes a backup's records into empty tables, in chunks (seeding, and the import below). Closed
 * records go into their packs.
 */
export async function writeBackupData(
  db: CbcDatabase,
  data: BackupData,
  afterChunk: (records: number) => void = () => undefined,
): Promise<void> {
  for (const { table, rows, records } of storedRowsOf(data)) {
    // A pack chunk holds many records: progress counts records, spread over its chunks.
    const perRow = rows.length === 0 ? 0 : records / rows.length;
    for (let at = 0; at < rows.length; at += IMPORT_CHUNK_RECORDS) {
      const chunk = rows.slice(at, at + IMPORT_CHUNK_RECORDS);
      await db.table(table).bulkAdd(chunk);
      afterChunk(Math.round(chunk.length * perRow));
    }
  }
}

/**
 * Replaces all data with a backup that parseBackup (backup-validation.ts) accepted. One
 * transaction: written in chunks (progress, Cancel between them), and an import that is
 * cancelled or fails on any record, the last one included, leaves the earlier data exactly as
 * it was, since IndexedDB discards an aborted transaction's every change.
 */
export async function importBackup(
  db: CbcDatabase,
  backup: Backup,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const total = TABLE_NAMES.reduce((sum, name) => sum + backup.data[name].length, 0);
  const stopIfCancelled = () => {
    if (options.signal?.aborted) throw new StoreError(IMPORT_CANCELLED_MESSAGE);
  };
  stopIfCancelled();
  await db.transaction('rw', allTables(db), async () => {
    for (const table of allTables(db)) await table.clear();
    let written = 0;
    await writeBackupData(db, backup.data, (records) => {
      stopIfCancelled();
      written += records;
      options.onProgress?.({ written: Math.min(written, total), total });
      stopIfCancelled();
    });
  });
  return {
    counts: Object.fromEntries(TABLE_NAMES.map((name) => [name, backup.data[name].length])),
  };
}
export async function deleteAllData(db: CbcDatabase): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    for (const table of allTables(db)) await table.clear();
  });
}
