// Backup files as a user (or an attacker handing them a file) brings them: hostile strings inside
// a valid backup import exactly; a backup with a 1 MB string, or one that tries prototype
// pollution, is refused with a message naming the record, and nothing changes; an export made by
// a v1 database (tests/fixtures/backups/v1-export.json, generated once from the v1 migration
// fixture and committed) imports into today's code and keeps every record.

import { MAX_NOTE_LENGTH, MAX_TEXT_LENGTH } from '@/utils/domain/limits';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createRequestHandler, type RequestHandler } from '@/utils/messaging/handlers';
import {
  TABLE_NAMES,
  exportBackup,
  openDatabase,
  openFollowUps,
  openItemsForPerson,
  meetingNotesBefore,
  parseBackup,
  queuedTalkingPoints,
  type Backup,
  type CbcDatabase,
} from '@/utils/store';
import { hostileStrings, oneMegabyte } from '../../fixtures/hostile-strings';

const EXTENSION_ID = 'cbc-hardening';
const POPUP = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/popup.html`,
} as Browser.runtime.MessageSender;
const NOW = Date.UTC(2025, 5, 17, 9);

const v1ExportText = readFileSync(
  resolve(process.cwd(), 'tests/fixtures/backups/v1-export.json'),
  'utf8',
);
const v1Export = (): Backup => JSON.parse(v1ExportText) as Backup;

let db: CbcDatabase;
let handle: RequestHandler;

beforeEach(() => {
  db = openDatabase(`hardening-${crypto.randomUUID()}`);
  handle = createRequestHandler({
    db,
    notify: () => {},
    now: () => NOW,
    extensionId: EXTENSION_ID,
    extensionOrigin: `chrome-extension://${EXTENSION_ID}`,
  });
});

afterEach(async () => {
  await db.delete();
});

const importFile = (backup: unknown) =>
  handle({ type: 'importBackup', payload: { backup } }, POPUP);

/** A backup as today's code reads it (a v1 file's people gain their cadence source). */
function upgraded(file: Backup): Backup {
  const parsed = parseBackup(file);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
}

/** The v1 export with every free-text field of every record replaced by corpus strings. */
function hostileBackup(): Backup {
  const backup = v1Export();
  let next = 0;
  const pick = () => hostileStrings[next++ % hostileStrings.length]!;
  // Backups keep single-line fields as stored (trimmed), so those get trimmed strings.
  const line = () => pick().trim();
  for (const person of backup.data.people) {
    person.name = line();
    person.profileNotes = pick();
  }
  for (const project of backup.data.projects) {
    project.name = line();
    project.description = line();
  }
  for (const assignment of backup.data.assignments) assignment.role = line();
  for (const meeting of backup.data.meetings) meeting.title = line();
  for (const note of backup.data.notes) note.text = hostileStrings.join('\n');
  for (const item of backup.data.actionItems) item.text = line();
  for (const point of backup.data.talkingPoints) point.text = line();
  for (const override of backup.data.seriesOverrides) override.personName = line();
  return backup;
}

describe('backup files with hostile content', () => {
  it('imports hostile strings in every text field exactly, from the JSON text of the file', async () => {
    const backup = upgraded(hostileBackup());
    const reply = await importFile(JSON.stringify(backup));
    expect(reply).toMatchObject({ ok: true });
    const exported = await exportBackup(db, NOW);
    for (const table of TABLE_NAMES) {
      expect(exported.data[table], table).toEqual(
        expect.arrayContaining(backup.data[table] as unknown[]),
      );
      expect(exported.data[table].length, table).toBe(backup.data[table].length);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a backup holding a 1 MB string, naming the record and the limit, and changes nothing', async () => {
    await importFile(v1Export());
    const before = await exportBackup(db, NOW);

    const withHugeNote = v1Export();
    withHugeNote.data.notes[1]!.text = oneMegabyte;
    expect(await importFile(JSON.stringify(withHugeNote))).toEqual({
      ok: false,
      error: `notes[1].text: expected text of at most ${MAX_NOTE_LENGTH} characters`,
    });

    const withHugeName = v1Export();
    withHugeName.data.people[2]!.name = oneMegabyte;
    expect(await importFile(withHugeName)).toEqual({
      ok: false,
      error: `people[2].name: expected text of at most ${MAX_TEXT_LENGTH} characters`,
    });

    expect(await exportBackup(db, NOW)).toEqual(before);
  });

  it('refuses prototype-pollution keys in the file and leaves Object.prototype alone', async () => {
    const polluted = v1ExportText.replace(
      '"email": "ada@example.com",',
      '"__proto__": { "polluted": true }, "email": "ada@example.com",',
    );
    expect(polluted).not.toBe(v1ExportText);
    const reply = await importFile(polluted);
    expect(reply).toEqual({ ok: false, error: 'people[0].__proto__: unknown field' });
    const topLevel = `{"__proto__":{"polluted":true},${v1ExportText.trim().slice(1)}`;
    expect(await importFile(topLevel)).toEqual({ ok: false, error: '__proto__: unknown field' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await db.people.count()).toBe(0);
  });
});

describe('upgrades: an export made by a v1 database', () => {
  it('is a valid backup for today’s code', () => {
    const parsed = parseBackup(v1ExportText);
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });

  it('imports and keeps every record, which today’s queries find', async () => {
    const file = upgraded(v1Export());
    expect(file.data.people.map((person) => person.cadenceSource)).toEqual(
      v1Export().data.people.map((person) => (person.cadenceDays === 14 ? 'default' : 'manager')),
    );
    const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, file.data[t].length]));
    // Every table version 1 had holds records; the tables of schema version 4 start empty.
    const sinceV4 = ['standingTopics', 'topicDiscussions', 'feedbackEntries'];
    expect(
      Object.entries(counts).every(([table, n]) => (sinceV4.includes(table) ? n === 0 : n > 0)),
    ).toBe(true);
    expect(await importFile(v1ExportText)).toEqual({ ok: true, value: { counts } });

    const exported = await exportBackup(db, NOW);
    for (const table of TABLE_NAMES) {
      const keyOf = (row: unknown) => JSON.stringify(row);
      expect(exported.data[table].map(keyOf).sort(), table).toEqual(
        file.data[table].map(keyOf).sort(),
      );
    }

    // The indexes of today's schema serve the imported rows.
    const open = file.data.actionItems.filter((item) => item.open === 1);
    expect((await openFollowUps(db, {})).map((item) => item.id).sort()).toEqual(
      open.map((item) => item.id).sort(),
    );
    for (const person of file.data.people) {
      expect((await openItemsForPerson(db, person.email)).map((i) => i.id).sort()).toEqual(
        open
          .filter((i) => i.personEmail === person.email)
          .map((i) => i.id)
          .sort(),
      );
      expect((await queuedTalkingPoints(db, person.email)).map((p) => p.id).sort()).toEqual(
        file.data.talkingPoints
          .filter((p) => p.open === 1 && p.personEmail === person.email)
          .map((p) => p.id)
          .sort(),
      );
    }
    const withNotes = file.data.notes.filter((note) => note.text.trim() !== '');
    const latest = withNotes.sort((a, b) => b.meetingStart - a.meetingStart)[0]!;
    const found = await meetingNotesBefore(db, latest.personEmail, latest.meetingStart + 1);
    expect(found?.note).toEqual(latest);
  });
});
