// Backup files, the database side: export everything, and replace everything in one
// transaction with a file that backup-validation.ts accepted whole. Export → import → export
// gives the same data.

import type { ImportSummary } from '../messaging/protocol';
import type { CbcDatabase } from './db';
import { TABLE_NAMES, type TableName } from './schema';
import type {
  ActionItem,
  Assignment,
  Meeting,
  Note,
  Person,
  Project,
  SeriesOverride,
  TalkingPoint,
} from '../domain/records';

export const BACKUP_FORMAT = 'craft-beyond-code-backup';
/** 2: people carry cadenceSource (schema version 2). Files of version 1 are still read. */
export const BACKUP_VERSION = 2;

export interface BackupData {
  people: Person[];
  projects: Project[];
  assignments: Assignment[];
  meetings: Meeting[];
  notes: Note[];
  actionItems: ActionItem[];
  talkingPoints: TalkingPoint[];
  seriesOverrides: SeriesOverride[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  data: BackupData;
}

function allTables(db: CbcDatabase) {
  return TABLE_NAMES.map((name) => db.table(name));
}

export async function exportBackup(db: CbcDatabase, now: number): Promise<Backup> {
  return db.transaction('r', allTables(db), async () => {
    const tables = await Promise.all(TABLE_NAMES.map((name) => db.table(name).toArray()));
    const data = Object.fromEntries(TABLE_NAMES.map((name, i) => [name, tables[i]]));
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now,
      data: data as unknown as BackupData,
    };
  });
}

/** Records per table in the file and in the database now, to confirm a replacement. */
export async function previewImport(
  db: CbcDatabase,
  backup: Backup,
): Promise<Record<TableName, { inFile: number; existing: number }>> {
  return db.transaction('r', allTables(db), async () => {
    const existing = await Promise.all(TABLE_NAMES.map((name) => db.table(name).count()));
    return Object.fromEntries(
      TABLE_NAMES.map((name, i) => [
        name,
        { inFile: backup.data[name].length, existing: existing[i] ?? 0 },
      ]),
    ) as Record<TableName, { inFile: number; existing: number }>;
  });
}

/** Replaces all data with a backup that parseBackup (backup-validation.ts) accepted, in one transaction. */
export async function importBackup(db: CbcDatabase, backup: Backup): Promise<ImportSummary> {
  await db.transaction('rw', allTables(db), async () => {
    for (const name of TABLE_NAMES) {
      const table = db.table(name);
      await table.clear();
      await table.bulkAdd(backup.data[name]);
    }
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
