// Every string of the hostile corpus, written through the background's validated request handler
// (the only way content scripts and pages write), comes back exactly: notes byte-identical,
// single-line fields (item text, talking points, names) trimmed at both ends, as the store
// documents (utils/store/normalize-input.ts) and nothing else. Export → parseBackup → import
// into an empty database gives the same records back. Oversized text is refused with a message
// that names the limit, and refused requests write nothing.

import { MAX_NOTE_LENGTH, MAX_TEXT_LENGTH } from '@/utils/domain/limits';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createRequestHandler, type RequestHandler } from '@/utils/messaging/handlers';
import { type Reply } from '@/utils/messaging/protocol';
import {
  exportBackup,
  importBackup,
  notesForMeeting,
  openDatabase,
  parseBackup,
  type CbcDatabase,
} from '@/utils/store';
import { hostileStrings, oneMegabyte } from '../../fixtures/hostile-strings';

const EXTENSION_ID = 'cbc-hardening';
const POPUP = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/popup.html`,
} as Browser.runtime.MessageSender;
const NOW = Date.UTC(2025, 5, 17, 9);
const PERSON = 'mallory@example.com';
const EID = 'hostile-eid';

let db: CbcDatabase;
let handle: RequestHandler;

beforeEach(async () => {
  db = openDatabase(`hardening-${crypto.randomUUID()}`);
  handle = createRequestHandler({
    db,
    notify: () => {},
    now: () => NOW,
    extensionId: EXTENSION_ID,
    extensionOrigin: `chrome-extension://${EXTENSION_ID}`,
  });
  await ok(
    handle(
      {
        type: 'openOneOnOne',
        payload: {
          event: { eid: EID, seriesKey: 'hostile-series', title: '1:1', start: NOW },
          person: { email: PERSON, name: 'Mallory' },
        },
      },
      POPUP,
    ),
  );
});

afterEach(async () => {
  await db.delete();
});

async function ok<T>(reply: Promise<Reply<unknown>>): Promise<T> {
  const answer = await reply;
  if (!answer.ok) throw new Error(`refused: ${answer.error}`);
  return answer.value as T;
}

/** Every row of every table, by table name. */
async function snapshot(database: CbcDatabase): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    database.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return Object.fromEntries(entries);
}

const send = (type: string, payload: unknown) => handle({ type, payload }, POPUP);

describe('the hostile corpus through the validated handler', () => {
  it('has strings to try', () => {
    expect(hostileStrings.length).toBeGreaterThanOrEqual(57);
  });

  it.each(hostileStrings.map((text, index) => [index, text] as const))(
    'string %i round-trips as notes, item, talking point, project and person name',
    async (index, text) => {
      const line = text.trim();
      const note = await ok<{ text: string }>(
        send('saveNote', { meetingEid: EID, text, wellbeing: 3 }),
      );
      expect(note.text).toBe(text);
      expect((await notesForMeeting(db, EID))?.text).toBe(text);

      const item = await ok<{ id: string; text: string }>(
        send('addActionItem', {
          personEmail: PERSON,
          text,
          owner: 'them',
          due: '',
          meetingEid: EID,
        }),
      );
      expect(item.text).toBe(line);
      expect((await db.actionItems.get(item.id))?.text).toBe(line);

      const point = await ok<{ id: string; text: string }>(
        send('addTalkingPoint', { personEmail: PERSON, text }),
      );
      expect((await db.talkingPoints.get(point.id))?.text).toBe(line);

      const project = await ok<{ id: string }>(
        send('createProject', { name: text, description: text }),
      );
      const stored = await db.projects.get(project.id);
      expect(stored?.name).toBe(line);
      expect(stored?.description).toBe(line);

      const email = `p${index}@example.com`;
      await ok(send('addPerson', { email, name: text }));
      await ok(send('updatePerson', { email, profileNotes: text }));
      const person = await db.people.get(email);
      expect(person?.name).toBe(line);
      expect(person?.profileNotes).toBe(text);
    },
  );

  it('keeps every record exactly through export → JSON → parseBackup → import', async () => {
    // Project names are unique in any letter case: corpus strings equal but for case share one.
    const projectNames = new Set<string>();
    for (const [index, text] of hostileStrings.entries()) {
      const email = `p${index}@example.com`;
      await ok(send('addPerson', { email, name: text }));
      await ok(send('updatePerson', { email, profileNotes: text }));
      await ok(
        send('addActionItem', { personEmail: email, text, owner: 'me', due: '', meetingEid: '' }),
      );
      await ok(send('addTalkingPoint', { personEmail: email, text }));
      const projectName = text.trim().toLowerCase();
      if (projectNames.has(projectName)) continue;
      projectNames.add(projectName);
      await ok(send('createProject', { name: text, description: text }));
    }
    await ok(send('saveNote', { meetingEid: EID, text: hostileStrings.join('\n'), wellbeing: 2 }));
    const before = await snapshot(db);

    const file = JSON.stringify(await exportBackup(db, NOW));
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error);
    const fresh = openDatabase(`hardening-import-${crypto.randomUUID()}`);
    try {
      await importBackup(fresh, parsed.backup);
      expect(await snapshot(fresh)).toEqual(before);
      // And through the handler, replacing the data it holds (as the popup's import does).
      await ok(send('importBackup', { backup: file }));
      expect(await snapshot(db)).toEqual(before);
    } finally {
      await fresh.delete();
    }
  });
});

describe('oversized input', () => {
  it('refuses a 1 MB note with a message that names the limit, and stores nothing', async () => {
    const before = await snapshot(db);
    const reply = await send('saveNote', { meetingEid: EID, text: oneMegabyte, wellbeing: null });
    expect(reply).toEqual({
      ok: false,
      error: `saveNote.text: longer than ${MAX_NOTE_LENGTH} characters`,
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ['addActionItem', { personEmail: PERSON, owner: 'me', due: '', meetingEid: '' }, 'text'],
    ['addTalkingPoint', { personEmail: PERSON }, 'text'],
    ['createProject', {}, 'name'],
    ['addPerson', { email: PERSON }, 'name'],
  ] as const)('refuses a 1 MB %s with the limit named', async (type, base, field) => {
    const before = await snapshot(db);
    const reply = await send(type, { ...base, [field]: oneMegabyte });
    expect(reply).toEqual({
      ok: false,
      error: `${type}.${field}: longer than ${MAX_TEXT_LENGTH} characters`,
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('accepts the longest allowed note exactly (the limit is the limit)', async () => {
    const longest = 'é'.repeat(MAX_NOTE_LENGTH);
    const note = await ok<{ text: string }>(
      send('saveNote', { meetingEid: EID, text: longest, wellbeing: null }),
    );
    expect(note.text).toBe(longest);
  });
});
