import {
  MAX_EMAIL_LENGTH,
  MAX_ID_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_TEXT_LENGTH,
} from '../domain/limits';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addActionItem, completeActionItem } from './action-items';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  deleteAllData,
  exportBackup,
  exportBackupBlob,
  IMPORT_CANCELLED_MESSAGE,
  importBackup,
  previewImport,
  type Backup,
  type ImportProgress,
} from './backup';
import { parseBackup } from './backup-validation';
import type { CbcDatabase } from './db';
import { recordMeeting, saveNote } from './meetings';
import { setSeriesOverride } from './overrides';
import { upsertPerson } from './people';
import { assignPerson, createProject } from './projects';
import { STORE_TABLE_NAMES, TABLE_NAMES } from './schema';
import { seedLargeDataset } from './seed-large';
import { addTalkingPoint, setTalkingPointDiscussed } from './talking-points';
import { addStandingTopic, setStandingTopicDiscussed } from './standing-topics';
import { addFeedbackEntry } from './feedback-log';
import { freshDatabase } from './test-database';

let db: CbcDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const NOW = 1_750_000_000_000;

/** One of everything, written through the store's own operations. */
async function fillSampleData(target: CbcDatabase) {
  await upsertPerson(target, { email: 'ada@x.io', name: 'Ada', profileNotes: 'Likes Go\n' }, 1);
  await upsertPerson(target, { email: 'bob@x.io', name: 'Bob', cadenceDays: 7 }, 2);
  await createProject(target, { id: 'p1', name: 'Search', description: 'Ranking' }, 3);
  await assignPerson(target, { personEmail: 'ada@x.io', projectId: 'p1', share: 60, role: 'Lead' });
  await recordMeeting(
    target,
    { eid: 'm1', seriesKey: 's-ada', personEmail: 'ada@x.io', start: 100, title: 'Ada / Me' },
    4,
  );
  await recordMeeting(
    target,
    { eid: 'm2', seriesKey: 's-bob', personEmail: 'bob@x.io', start: 200, title: '' },
    5,
  );
  await saveNote(target, { meetingEid: 'm1', text: '  exact\n\ttext  ', wellbeing: 4 }, 6);
  await saveNote(target, { meetingEid: 'm2', text: '', wellbeing: null }, 7);
  await addActionItem(
    target,
    {
      id: 'i1',
      personEmail: 'ada@x.io',
      text: 'Open',
      owner: 'me',
      due: '2025-01-31',
      meetingEid: 'm1',
    },
    8,
  );
  await addActionItem(
    target,
    { id: 'i2', personEmail: 'bob@x.io', text: 'Done', owner: 'them', due: '', meetingEid: '' },
    9,
  );
  await completeActionItem(target, 'i2', 10);
  await addTalkingPoint(target, { id: 't1', personEmail: 'ada@x.io', text: 'Queued' }, 11);
  await addTalkingPoint(target, { id: 't2', personEmail: 'bob@x.io', text: 'Discussed' }, 12);
  await setTalkingPointDiscussed(target, 't2', true, 'm2', 13);
  await setSeriesOverride(
    target,
    { seriesKey: 's-x', decision: 'not-one-on-one', personEmail: '', personName: '' },
    14,
  );
  await addStandingTopic(
    target,
    { id: 'st-all', personEmail: '', text: 'How are you, really?', rhythm: 'every' },
    15,
  );
  await addStandingTopic(
    target,
    { id: 'st-ada', personEmail: 'ada@x.io', text: 'Career goals', rhythm: 'quarterly' },
    16,
  );
  await setStandingTopicDiscussed(
    target,
    { topicId: 'st-ada', meetingEid: 'm1', discussed: true },
    17,
  );
  await addFeedbackEntry(
    target,
    {
      id: 'f1',
      personEmail: 'bob@x.io',
      day: '2025-01-15',
      kind: 'praise',
      text: 'Thanked him for the migration plan',
      meetingEid: 'm2',
    },
    18,
  );
}

async function sampleBackup(): Promise<Backup> {
  const source = freshDatabase();
  await fillSampleData(source);
  const backup = await exportBackup(source, NOW);
  await source.delete();
  return backup;
}

/** A backup file as it may arrive: the broken cases poke any field with any value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type UntypedFile = any;

/** A deep copy of a valid backup, changed by `mutate`, as an untyped file would arrive. */
async function brokenBackup(mutate: (file: UntypedFile) => void): Promise<unknown> {
  const file = JSON.parse(JSON.stringify(await sampleBackup()));
  mutate(file);
  return file;
}

describe('exportBackup', () => {
  it('exports an empty database as empty tables', async () => {
    const backup = await exportBackup(db, NOW);
    expect(backup).toEqual({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: NOW,
      data: Object.fromEntries(TABLE_NAMES.map((name) => [name, []])),
    });
  });

  it('exports every record of every table', async () => {
    await fillSampleData(db);
    const backup = await exportBackup(db, NOW);
    expect(Object.fromEntries(TABLE_NAMES.map((name) => [name, backup.data[name].length]))).toEqual(
      {
        people: 2,
        projects: 1,
        assignments: 1,
        meetings: 2,
        notes: 2,
        actionItems: 2,
        talkingPoints: 2,
        seriesOverrides: 1,
        standingTopics: 2,
        topicDiscussions: 1,
        feedbackEntries: 1,
      },
    );
    expect(backup.data.notes.find((note) => note.meetingEid === 'm1')?.text).toBe(
      '  exact\n\ttext  ',
    );
  });
});

describe('round trip', () => {
  it('export → JSON → parse → import → export gives the same backup', async () => {
    const original = await sampleBackup();
    const parsed = parseBackup(JSON.stringify(original));
    if (!parsed.ok) throw new Error(parsed.error);
    const summary = await importBackup(db, parsed.backup);
    expect(summary.counts).toMatchObject({ people: 2, actionItems: 2, seriesOverrides: 1 });
    expect(await exportBackup(db, NOW)).toEqual(original);
  });

  it('import replaces what was there before', async () => {
    await upsertPerson(db, { email: 'old@x.io', name: 'Old' }, 1);
    await addActionItem(
      db,
      { id: 'old-item', personEmail: 'old@x.io', text: 'x', owner: 'me', due: '', meetingEid: '' },
      1,
    );
    const backup = await sampleBackup();
    await importBackup(db, backup);
    expect(await db.people.get('old@x.io')).toBeUndefined();
    expect(await db.actionItems.get('old-item')).toBeUndefined();
    expect(await exportBackup(db, NOW)).toEqual(backup);
  });

  it('an import that fails part-way leaves the database as it was', async () => {
    await fillSampleData(db);
    const before = await exportBackup(db, NOW);
    const unchecked = await sampleBackup();
    // Not parsed on purpose: the second item's key collides, so bulkAdd fails after clearing.
    unchecked.data.actionItems.push({ ...unchecked.data.actionItems[0]! });
    await expect(importBackup(db, unchecked)).rejects.toThrow();
    expect(await exportBackup(db, NOW)).toEqual(before);
  });
});

/** A backup of a few thousand records: more than one chunk of export and import. */
async function severalChunksBackup(): Promise<Backup> {
  const source = freshDatabase();
  await seedLargeDataset(
    source,
    { people: 6, meetings: 30, actionItems: 4_500, talkingPoints: 40 },
    NOW,
  );
  const backup = await exportBackup(source, NOW);
  await source.delete();
  return backup;
}

describe('exportBackupBlob', () => {
  it('is the same file as JSON.stringify of the backup, built a chunk of records at a time', async () => {
    const backup = await severalChunksBackup();
    await importBackup(db, backup);
    const blob = await exportBackupBlob(db, NOW);
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(JSON.stringify(await exportBackup(db, NOW)));
    expect(JSON.parse(await blob.text())).toEqual(backup);
  });

  it('writes an empty store as a valid, empty backup', async () => {
    const parsed = parseBackup(await (await exportBackupBlob(db, NOW)).text());
    expect(parsed.ok ? parsed.backup : parsed.error).toEqual(await exportBackup(db, NOW));
  });
});

describe('import in chunks, all or nothing', () => {
  it('reports progress chunk by chunk up to every record of the file', async () => {
    const backup = await severalChunksBackup();
    const seen: ImportProgress[] = [];
    await importBackup(db, backup, { onProgress: (progress) => seen.push(progress) });
    const total = TABLE_NAMES.reduce((sum, name) => sum + backup.data[name].length, 0);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((progress) => progress.total === total)).toBe(true);
    expect(seen.map((progress) => progress.written)).toEqual(
      [...seen.map((progress) => progress.written)].sort((a, b) => a - b),
    );
    expect(seen.at(-1)?.written).toBe(total);
    expect(await exportBackup(db, NOW)).toEqual(backup);
  });

  it('an import cancelled halfway leaves the earlier data exactly as it was', async () => {
    await fillSampleData(db);
    const before = await exportBackup(db, NOW);
    const backup = await severalChunksBackup();
    const cancel = new AbortController();
    const seen: number[] = [];
    const importing = importBackup(db, backup, {
      signal: cancel.signal,
      onProgress: ({ written, total }) => {
        seen.push(written);
        if (written >= total / 2) cancel.abort();
      },
    });
    await expect(importing).rejects.toThrow(IMPORT_CANCELLED_MESSAGE);
    // It really was under way: some chunks were written, and not all of them.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBeLessThan(
      TABLE_NAMES.reduce((sum, name) => sum + backup.data[name].length, 0),
    );
    expect(await exportBackup(db, NOW)).toEqual(before);
  });

  it('an import cancelled before it starts writes nothing', async () => {
    await fillSampleData(db);
    const before = await exportBackup(db, NOW);
    const cancel = new AbortController();
    cancel.abort();
    await expect(importBackup(db, await sampleBackup(), { signal: cancel.signal })).rejects.toThrow(
      IMPORT_CANCELLED_MESSAGE,
    );
    expect(await exportBackup(db, NOW)).toEqual(before);
  });

  it("an import failing on the file's very last record leaves the earlier data as it was", async () => {
    await fillSampleData(db);
    const before = await exportBackup(db, NOW);
    const unchecked = await severalChunksBackup();
    // Not parsed on purpose: the last record of the last table repeats a key, so the write
    // fails after every other record was written.
    unchecked.data.seriesOverrides.push(
      { ...before.data.seriesOverrides[0]! },
      { ...before.data.seriesOverrides[0]! },
    );
    await expect(importBackup(db, unchecked)).rejects.toThrow();
    expect(await exportBackup(db, NOW)).toEqual(before);
  });
});

describe('previewImport / deleteAllData', () => {
  it('counts records in the file and in the database', async () => {
    await upsertPerson(db, { email: 'a@x.io', name: 'A' }, 1);
    const preview = await previewImport(db, await sampleBackup());
    expect(preview.people).toEqual({ inFile: 2, existing: 1 });
    expect(preview.actionItems).toEqual({ inFile: 2, existing: 0 });
    expect(Object.keys(preview).sort()).toEqual([...TABLE_NAMES].sort());
  });

  it('counts packed done items and discussed points among the existing ones', async () => {
    await fillSampleData(db);
    const preview = await previewImport(db, await sampleBackup());
    expect(preview.actionItems.existing).toBe(2);
    expect(preview.talkingPoints.existing).toBe(2);
    expect(await db.actionItems.count()).toBe(1);
  });

  it('deletes every record of every table', async () => {
    await fillSampleData(db);
    await deleteAllData(db);
    const counts = await Promise.all(STORE_TABLE_NAMES.map((name) => db.table(name).count()));
    expect(counts.every((count) => count === 0)).toBe(true);
  });
});

describe('parseBackup', () => {
  it('accepts a valid object and a valid JSON string', async () => {
    const backup = await sampleBackup();
    expect(parseBackup(backup)).toEqual({ ok: true, backup });
    expect(parseBackup(JSON.stringify(backup))).toEqual({ ok: true, backup });
  });

  it('reads a version 1 file, giving people the cadence source the schema upgrade gives them', async () => {
    const file = await brokenBackup((f) => {
      f.version = 1;
      for (const person of f.data.people) delete person.cadenceSource;
      for (const table of ['standingTopics', 'topicDiscussions', 'feedbackEntries']) {
        delete f.data[table];
      }
    });
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.version).toBe(BACKUP_VERSION);
    expect(parsed.backup.data.people.map((p) => [p.email, p.cadenceDays, p.cadenceSource])).toEqual(
      [
        ['ada@x.io', 14, 'default'],
        ['bob@x.io', 7, 'manager'],
      ],
    );
    // The file itself is left as it was.
    expect((file as { data: { people: object[] } }).data.people[0]).not.toHaveProperty(
      'cadenceSource',
    );
  });

  it('reads a version 2 file into the new layout: no standing topics or feedback log yet', async () => {
    const file = await brokenBackup((f) => {
      f.version = 2;
      for (const table of ['standingTopics', 'topicDiscussions', 'feedbackEntries']) {
        delete f.data[table];
      }
    });
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.version).toBe(BACKUP_VERSION);
    expect(parsed.backup.data.standingTopics).toEqual([]);
    expect(parsed.backup.data.topicDiscussions).toEqual([]);
    expect(parsed.backup.data.feedbackEntries).toEqual([]);
    expect(parsed.backup.data.people).toHaveLength(2);
    await importBackup(db, parsed.backup);
    expect(await db.people.count()).toBe(2);
    expect(await db.feedbackPacks.count()).toBe(0);
  });

  it('accepts text exactly at the length limits', async () => {
    const file = await brokenBackup((f) => {
      f.data.notes[0].text = 'n'.repeat(MAX_NOTE_LENGTH);
      f.data.actionItems[0].text = 't'.repeat(MAX_TEXT_LENGTH);
    });
    expect(parseBackup(file).ok).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['not JSON', '{"format":', 'The file is not valid JSON.'],
    ['not an object', null, 'backup: expected an object'],
    ['an array', [], 'backup: expected an object'],
  ])('refuses %s', (_case, input, error) => {
    expect(parseBackup(input)).toEqual({ ok: false, error });
  });

  const RECORD_CASES: Array<[string, (file: UntypedFile) => void, string]> = [
    [
      'another format',
      (f) => (f.format = 'other-app'),
      'format: expected "craft-beyond-code-backup"',
    ],
    ['a newer version', (f) => (f.version = 4), 'version: unsupported version "4"'],
    [
      'a version 2 file with a table version 2 did not have',
      (f) => (f.version = 2),
      'data.standingTopics: unknown table in a version 2 backup',
    ],
    [
      'a feedback log entry of a person not in the file',
      (f) => (f.data.feedbackEntries[0].personEmail = 'eve@x.io'),
      'feedbackEntries[0].personEmail: no person "eve@x.io" in people',
    ],
    [
      'a standing topic of a person not in the file',
      (f) => (f.data.standingTopics[1].personEmail = 'eve@x.io'),
      'standingTopics[1].personEmail: no person "eve@x.io" in people',
    ],
    [
      'a discussion of a topic not in the file',
      (f) => (f.data.topicDiscussions[0].topicId = 'st-gone'),
      'topicDiscussions[0].topicId: no topic "st-gone" in standingTopics',
    ],
    [
      "a discussion of someone else's topic",
      (f) => {
        f.data.topicDiscussions[0].personEmail = 'bob@x.io';
        f.data.topicDiscussions[0].meetingEid = 'm2';
      },
      'topicDiscussions[0].personEmail: the topic is for "ada@x.io"',
    ],
    [
      'a discussion in a meeting not in the file',
      (f) => (f.data.topicDiscussions[0].meetingEid = 'm9'),
      'topicDiscussions[0].meetingEid: no meeting "m9" in meetings',
    ],
    [
      'an impossible rhythm',
      (f) => (f.data.standingTopics[0].rhythm = 'fortnightly'),
      'standingTopics[0].rhythm: expected "every" or "every-other" or "monthly" or "quarterly"',
    ],
    [
      'an empty standing topic',
      (f) => (f.data.standingTopics[0].text = ' '),
      'standingTopics[0].text: must not be empty',
    ],
    [
      'a feedback log entry of 100 000 characters',
      (f) => (f.data.feedbackEntries[0].text = 'x'.repeat(100_000)),
      'feedbackEntries[0].text: expected text of at most 2000 characters',
    ],
    [
      'a feedback log entry dated before 1970',
      (f) => (f.data.feedbackEntries[0].day = '1969-12-31'),
      'feedbackEntries[0].day: expected a date like 2025-01-31, 1970-01-01 or later',
    ],
    [
      'a feedback log entry without a day',
      (f) => (f.data.feedbackEntries[0].day = ''),
      'feedbackEntries[0].day: expected a date like 2025-01-31, 1970-01-01 or later',
    ],
    [
      'a feedback log entry of an unknown kind',
      (f) => (f.data.feedbackEntries[0].kind = 'rumour'),
      'feedbackEntries[0].kind: expected "praise" or "feedback" or "concern" or "win"',
    ],
    [
      'an unknown cadence source',
      (f) => (f.data.people[0].cadenceSource = 'guess'),
      'people[0].cadenceSource: expected "default" or "seen" or "recurrence" or "manager"',
    ],
    [
      'a version 1 person that names a cadence source',
      (f) => (f.version = 1),
      'people[0].cadenceSource: unknown field in a version 1 backup',
    ],
    [
      'a missing exportedAt',
      (f) => delete f.exportedAt,
      'exportedAt: expected a time in epoch milliseconds',
    ],
    ['an unknown top-level field', (f) => (f.extra = 1), 'extra: unknown field'],
    ['data that is not an object', (f) => (f.data = []), 'data: expected an object'],
    ['a table that is not an array', (f) => (f.data.people = {}), 'people: expected an array'],
    ['a missing table', (f) => delete f.data.notes, 'notes: expected an array'],
    ['an unknown table', (f) => (f.data.settings = []), 'data.settings: unknown table'],
    [
      'a record that is not an object',
      (f) => (f.data.actionItems[1] = 'x'),
      'actionItems[1]: expected an object',
    ],
    ['a missing field', (f) => delete f.data.people[0].name, 'people[0].name: missing'],
    [
      'an unknown field',
      (f) => (f.data.people[1].nickname = 'B'),
      'people[1].nickname: unknown field',
    ],
    [
      'a wellbeing of 6',
      (f) => (f.data.notes[0].wellbeing = 6),
      'notes[0].wellbeing: expected 1 to 5, or null',
    ],
    [
      'a wellbeing of 2.5',
      (f) => (f.data.notes[1].wellbeing = 2.5),
      'notes[1].wellbeing: expected 1 to 5, or null',
    ],
    [
      'a share of 101',
      (f) => (f.data.assignments[0].share = 101),
      'assignments[0].share: expected a whole percent 0 to 100',
    ],
    [
      'a negative share',
      (f) => (f.data.assignments[0].share = -5),
      'assignments[0].share: expected a whole percent 0 to 100',
    ],
    [
      'an unknown owner',
      (f) => (f.data.actionItems[1].owner = 'boss'),
      'actionItems[1].owner: expected "me" or "them"',
    ],
    [
      'an unknown status',
      (f) => (f.data.projects[0].status = 'stalled'),
      'projects[0].status: expected "active" or "paused" or "done"',
    ],
    [
      'an unknown decision',
      (f) => (f.data.seriesOverrides[0].decision = 'maybe'),
      'seriesOverrides[0].decision: expected "one-on-one" or "not-one-on-one"',
    ],
    [
      'a boolean flag',
      (f) => (f.data.people[0].archived = true),
      'people[0].archived: expected 0 or 1',
    ],
    [
      'an impossible due date',
      (f) => (f.data.actionItems[0].due = '2025-02-30'),
      'actionItems[0].due: expected "" or a date like 2025-01-31',
    ],
    [
      'a due date in another format',
      (f) => (f.data.actionItems[0].due = '31/01/2025'),
      'actionItems[0].due: expected "" or a date like 2025-01-31',
    ],
    [
      'a time as text',
      (f) => (f.data.meetings[0].createdAt = '2025-01-01'),
      'meetings[0].createdAt: expected a time in epoch milliseconds',
    ],
    [
      'a doneAt as text',
      (f) => (f.data.actionItems[1].doneAt = 'yesterday'),
      'actionItems[1].doneAt: expected a time in epoch milliseconds, or null',
    ],
    [
      'a cadence of 0 days',
      (f) => (f.data.people[0].cadenceDays = 0),
      'people[0].cadenceDays: expected a whole number of days 1 to 365',
    ],
    [
      'an uppercase email',
      (f) => (f.data.meetings[1].personEmail = 'Bob@x.io'),
      'meetings[1].personEmail: expected a lowercase email',
    ],
    [
      'an empty id',
      (f) => (f.data.talkingPoints[0].id = ''),
      'talkingPoints[0].id: expected an id of 1 to 512 characters',
    ],
    [
      'an oversize note',
      (f) => (f.data.notes[0].text = 'n'.repeat(MAX_NOTE_LENGTH + 1)),
      `notes[0].text: expected text of at most ${MAX_NOTE_LENGTH} characters`,
    ],
    [
      'oversize item text',
      (f) => (f.data.actionItems[0].text = 't'.repeat(MAX_TEXT_LENGTH + 1)),
      `actionItems[0].text: expected text of at most ${MAX_TEXT_LENGTH} characters`,
    ],
    [
      'an oversize email',
      (f) => (f.data.people[0].email = `${'a'.repeat(MAX_EMAIL_LENGTH)}@x.io`),
      'people[0].email: expected a lowercase email',
    ],
    [
      'an oversize id',
      (f) => (f.data.projects[0].id = 'p'.repeat(MAX_ID_LENGTH + 1)),
      'projects[0].id: expected an id of 1 to 512 characters',
    ],
    [
      'a duplicate person',
      (f) => (f.data.people[1].email = 'ada@x.io'),
      'people[1].email: duplicate "ada@x.io" (also people[0])',
    ],
    [
      'a duplicate item id',
      (f) => (f.data.actionItems[1].id = 'i1'),
      'actionItems[1].id: duplicate "i1" (also actionItems[0])',
    ],
    [
      'notes of an unknown meeting',
      (f) => (f.data.notes[1].meetingEid = 'gone'),
      'notes[1].meetingEid: no meeting "gone" in meetings',
    ],
    [
      "notes whose person is not their meeting's",
      (f) => (f.data.notes[0].personEmail = 'bob@x.io'),
      'notes[0].personEmail: the meeting is with "ada@x.io"',
    ],
    [
      "notes whose start is not their meeting's",
      (f) => (f.data.notes[1].meetingStart = 201),
      'notes[1].meetingStart: the meeting starts at 200',
    ],
    [
      'an assignment of an unknown person',
      (f) => (f.data.assignments[0].personEmail = 'ghost@x.io'),
      'assignments[0].personEmail: no person "ghost@x.io" in people',
    ],
    [
      'an assignment to an unknown project',
      (f) => (f.data.assignments[0].projectId = 'gone'),
      'assignments[0].projectId: no project "gone" in projects',
    ],
    [
      'a second assignment to the same project',
      (f) => f.data.assignments.push({ ...f.data.assignments[0], id: 'a2' }),
      'assignments[1]: a second assignment of the same person to the same project (also assignments[0])',
    ],
    [
      'an open flag that contradicts doneAt',
      (f) => (f.data.actionItems[1].open = 1),
      'actionItems[1].open: expected 0 while doneAt is set',
    ],
    [
      'an open flag that contradicts discussedAt',
      (f) => (f.data.talkingPoints[0].open = 0),
      'talkingPoints[0].open: expected 1 while discussedAt is null',
    ],
  ];

  it.each(RECORD_CASES)(
    'refuses %s, naming the record, and nothing is written',
    async (_case, mutate, error) => {
      await fillSampleData(db);
      const before = await exportBackup(db, NOW);
      const result = parseBackup(await brokenBackup(mutate));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.startsWith(error)).toBe(true);
      expect(await exportBackup(db, NOW)).toEqual(before);
    },
  );
});
