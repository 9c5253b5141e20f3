// One definition per record (utils/domain/definitions.ts) feeds the background's request
// schemas, the backup file checks and the store's input normalisation. The same bad action item
// is fed to each path: each refuses it, names the same field, and nothing is written.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { MAX_TEXT_LENGTH } from '@/utils/domain/limits';
import type { ActionItem, Person } from '@/utils/domain/records';
import { createRequestHandler, type RequestHandler } from '@/utils/messaging/handlers';
import { validateRequest } from '@/utils/messaging/validate';
import { addActionItem, restoreActionItem } from '@/utils/store/action-items';
import { BACKUP_FORMAT, BACKUP_VERSION, exportBackup, type Backup } from '@/utils/store/backup';
import { parseBackup } from '@/utils/store/backup-validation';
import type { CbcDatabase } from '@/utils/store/db';
import { StoreError } from '@/utils/store/db';
import { freshDatabase } from '@/utils/store/test-database';

const NOW = Date.UTC(2025, 5, 17, 9);
const ANA = 'ana@example.com';
const EXTENSION_ID = 'cbc-one-definition';
const POPUP = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/popup.html`,
} as Browser.runtime.MessageSender;

const person: Person = {
  email: ANA,
  name: 'Ana',
  cadenceDays: 14,
  cadenceSource: 'default',
  profileNotes: '',
  archived: 0,
  createdAt: NOW,
  updatedAt: NOW,
};

const goodItem: ActionItem = {
  id: 'item-1',
  personEmail: ANA,
  text: 'Send the design doc',
  owner: 'me',
  due: '2025-06-20',
  meetingEid: '',
  createdAt: NOW,
  updatedAt: NOW,
  doneAt: null,
  open: 1,
};

function backupWith(items: unknown[], people: Person[] = [person]): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: NOW,
    data: {
      people,
      projects: [],
      assignments: [],
      meetings: [],
      notes: [],
      actionItems: items as ActionItem[],
      talkingPoints: [],
      seriesOverrides: [],
      standingTopics: [],
      topicDiscussions: [],
      feedbackEntries: [],
    },
  };
}

let db: CbcDatabase;
let handle: RequestHandler;
beforeEach(() => {
  db = freshDatabase();
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

/** The fields an add request carries, from a record. */
function addPayload(item: ActionItem) {
  const { personEmail, text, owner, due, meetingEid } = item;
  return { personEmail, text, owner, due, meetingEid };
}

describe('the same bad action item on every path', () => {
  it.each([
    ['a day before the year 100', 'due', { due: '0099-12-31' }],
    ['a day that does not exist', 'due', { due: '2025-02-29' }],
    ['text longer than the limit', 'text', { text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }],
    ['blank text', 'text', { text: '   ' }],
    ['an owner that is neither me nor them', 'owner', { owner: 'boss' }],
    ['an address that is not one', 'personEmail', { personEmail: 'ana at example' }],
  ] as const)('%s (%s) is refused by each path', async (_case, field, change) => {
    const bad = { ...goodItem, ...change } as ActionItem;
    expect(parseBackup(backupWith([goodItem])).ok).toBe(true);

    const request = validateRequest({ type: 'addActionItem', payload: addPayload(bad) });
    expect(request.ok).toBe(false);
    if (!request.ok) expect(request.error).toMatch(new RegExp(`^addActionItem\\.${field}: `));

    const restore = validateRequest({ type: 'restoreActionItem', payload: { item: bad } });
    expect(restore.ok).toBe(false);
    if (!restore.ok) {
      expect(restore.error).toMatch(new RegExp(`^restoreActionItem\\.item\\.${field}: `));
    }

    const backup = parseBackup(JSON.stringify(backupWith([bad])));
    expect(backup.ok).toBe(false);
    if (!backup.ok) expect(backup.error).toMatch(new RegExp(`^actionItems\\[0\\]\\.${field}: `));

    await expect(addActionItem(db, addPayload(bad), NOW)).rejects.toBeInstanceOf(StoreError);
    expect(await db.actionItems.count()).toBe(0);
    expect(await db.people.count()).toBe(0);
  });

  it('the open flag that disagrees with doneAt is refused by a request and a backup alike', async () => {
    const bad: ActionItem = { ...goodItem, doneAt: NOW, open: 1 };
    expect(validateRequest({ type: 'restoreActionItem', payload: { item: bad } })).toEqual({
      ok: false,
      error: 'restoreActionItem.item.open: must be 1 exactly when doneAt is null',
    });
    expect(parseBackup(backupWith([bad]))).toEqual({
      ok: false,
      error: 'actionItems[0].open: expected 0 while doneAt is set',
    });
    // The store keeps its own invariant: a restored item's flag follows doneAt.
    expect((await restoreActionItem(db, bad)).open).toBe(0);
  });

  it('a good item passes every path', async () => {
    expect(validateRequest({ type: 'addActionItem', payload: addPayload(goodItem) }).ok).toBe(true);
    expect(validateRequest({ type: 'restoreActionItem', payload: { item: goodItem } }).ok).toBe(
      true,
    );
    expect(parseBackup(backupWith([goodItem])).ok).toBe(true);
    await expect(addActionItem(db, addPayload(goodItem), NOW)).resolves.toMatchObject({
      text: goodItem.text,
      due: goodItem.due,
    });
  });
});

describe('references between records of a backup', () => {
  it('refuses a whole file with an action item for a person who is not in it, and changes nothing', async () => {
    const seeded = backupWith([goodItem]);
    expect(
      await handle({ type: 'importBackup', payload: { backup: seeded } }, POPUP),
    ).toMatchObject({ ok: true });
    const before = await exportBackup(db, NOW);

    const stranger = { ...goodItem, id: 'item-2', personEmail: 'bo@example.com' };
    const reply = await handle(
      { type: 'importBackup', payload: { backup: backupWith([goodItem, stranger]) } },
      POPUP,
    );
    expect(reply).toEqual({
      ok: false,
      error: 'actionItems[1].personEmail: no person "bo@example.com" in people',
    });
    expect(await exportBackup(db, NOW)).toEqual(before);
  });

  it.each(['meetings', 'notes', 'talkingPoints'] as const)(
    'refuses %s of a person who is not in the file',
    (table) => {
      const backup = backupWith([], []);
      const records = {
        meetings: [
          { eid: 'e1', seriesKey: '', personEmail: ANA, start: NOW, title: '', createdAt: NOW },
        ],
        notes: [
          {
            meetingEid: 'e1',
            personEmail: ANA,
            meetingStart: NOW,
            text: '',
            wellbeing: null,
            updatedAt: NOW,
          },
        ],
        talkingPoints: [
          {
            id: 't1',
            personEmail: ANA,
            text: 'Offsite',
            createdAt: NOW,
            discussedAt: null,
            discussedIn: '',
            open: 1,
          },
        ],
      };
      (backup.data as unknown as Record<string, unknown[]>)[table] = records[table];
      if (table === 'notes') backup.data.meetings = [];
      const parsed = parseBackup(backup);
      expect(parsed).toEqual({
        ok: false,
        error: `${table}[0].personEmail: no person "${ANA}" in people`,
      });
    },
  );
});
