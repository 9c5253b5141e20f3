import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import {
  BACKUP_FILE_UNREADABLE_MESSAGE,
  CONTENT_SCRIPT_REQUESTS,
  createRequestHandler,
  type RequestHandler,
} from '@/utils/messaging/handlers';
import { createImportRuns, IMPORT_RUNNING_MESSAGE } from '@/utils/messaging/import-runs';
import type { ChangeAudience } from '@/utils/messaging/changes';
import type { DataChanged, RequestType } from '@/utils/messaging/protocol';
import { requestSchemas } from '@/utils/messaging/validate';
import {
  addActionItem,
  addFeedbackEntry,
  addStandingTopic,
  addTalkingPoint,
  createProject,
  exportBackup,
  feedbackLog,
  IMPORT_CANCELLED_MESSAGE,
  openDatabase,
  openOneOnOne,
  type CbcDatabase,
} from '@/utils/store';
import { seedLargeDataset } from '@/utils/store/seed-large';
import { hostileStrings, oneMegabyte } from '../../fixtures/hostile-strings';
import { ANA, BACKUP_FILE_URL, NOW, fullPayloads, validPayloads } from './request-fixtures';

const EXTENSION_ID = 'cbc-extension-id';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const calendarTab = {
  id: EXTENSION_ID,
  url: 'https://calendar.google.com/calendar/u/0/r/week',
  tab: { id: 7, url: 'https://calendar.google.com/calendar/u/0/r/week' },
} as Browser.runtime.MessageSender;
/** The panel's frame: our own page, framed in Calendar's tab. */
const panelFrame = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}/panel.html`,
  frameId: 3,
  tab: { id: 7, url: 'https://calendar.google.com/calendar/u/0/r/week' },
} as Browser.runtime.MessageSender;
const popupPage = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}/popup.html`,
} as Browser.runtime.MessageSender;

const requestTypes = Object.keys(requestSchemas) as RequestType[];
/** Who sends each request in the product: the content script announces channels, pages do the rest. */
const senderFor = (type: RequestType) => (type === 'openPanelChannel' ? calendarTab : panelFrame);

async function seedStore(db: CbcDatabase): Promise<void> {
  await openOneOnOne(
    db,
    {
      event: { eid: 'eid-1', seriesKey: 'series-1', title: 'Ana / Me', start: NOW - 86_400_000 },
      person: { email: ANA, name: 'Ana' },
    },
    NOW - 86_400_000,
  );
  await addActionItem(
    db,
    {
      id: 'item-1',
      personEmail: ANA,
      text: 'Draft the RFC',
      owner: 'them',
      due: '',
      meetingEid: 'eid-1',
    },
    NOW - 1000,
  );
  await addTalkingPoint(db, { id: 'tp-1', personEmail: ANA, text: 'Team offsite' }, NOW - 1000);
  await createProject(db, { id: 'project-1', name: 'Billing' }, NOW - 1000);
  await addStandingTopic(
    db,
    { id: 'topic-1', personEmail: ANA, text: 'Workload check', rhythm: 'monthly' },
    NOW - 1000,
  );
  await addFeedbackEntry(
    db,
    {
      id: 'feedback-1',
      personEmail: ANA,
      day: '2025-05-30',
      kind: 'concern',
      text: 'Missed two reviews',
      meetingEid: '',
    },
    NOW - 1000,
  );
}

/** Every row of every table: a refused request must leave this unchanged. */
async function snapshot(db: CbcDatabase): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    db.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return Object.fromEntries(entries);
}

let db: CbcDatabase;
let notify: ReturnType<typeof vi.fn<(change: DataChanged, audience: ChangeAudience) => void>>;
let handle: RequestHandler;
/** The files importBackupFile can read, by blob: URL (the browser's fetch stands in). */
let files: Map<string, string>;
let readFile: ReturnType<typeof vi.fn<(url: string) => Promise<string>>>;

beforeEach(async () => {
  files = new Map();
  readFile = vi.fn(async (url: string) => {
    const text = files.get(url);
    if (text === undefined) throw new TypeError('Failed to fetch');
    return text;
  });
  db = openDatabase('test-' + crypto.randomUUID());
  await seedStore(db);
  notify = vi.fn<(change: DataChanged, audience: ChangeAudience) => void>();
  handle = createRequestHandler({
    db,
    notify,
    now: () => NOW,
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    readFile,
  });
});

afterEach(async () => {
  await db.delete();
});

describe('createRequestHandler: valid requests', () => {
  it.each(requestTypes)('serves %s with a valid payload', async (type) => {
    const payloads = validPayloads(await exportBackup(db, NOW));
    files.set(BACKUP_FILE_URL, JSON.stringify(payloads.importBackup.backup));
    const reply = await handle({ type, payload: payloads[type] }, senderFor(type));
    expect(reply).toMatchObject({ ok: true });
  });

  it.each(Object.entries(fullPayloads))(
    'serves %s with every optional field',
    async (type, payload) => {
      expect(await handle({ type, payload }, popupPage)).toMatchObject({ ok: true });
    },
  );

  it('answers with the store value and writes it', async () => {
    const reply = await handle(
      { type: 'addActionItem', payload: { ...validPayloads().addActionItem, id: 'item-2' } },
      panelFrame,
    );
    expect(reply).toEqual({
      ok: true,
      value: expect.objectContaining({ id: 'item-2', text: 'Review the design doc', open: 1 }),
    });
    expect(await db.actionItems.get('item-2')).toMatchObject({ personEmail: ANA, createdAt: NOW });
  });

  it('turns a StoreError into its message, without notifying', async () => {
    const reply = await handle({ type: 'deleteActionItem', payload: { id: 'nope' } }, panelFrame);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('nope') });
    expect(reply.ok || reply.error.startsWith('Internal error')).toBe(false);
    expect(notify).not.toHaveBeenCalled();
  });

  it('refuses an invalid backup file with the store’s message and keeps the data', async () => {
    const before = await snapshot(db);
    const reply = await handle(
      { type: 'importBackup', payload: { backup: { format: 'x' } } },
      popupPage,
    );
    expect(reply.ok).toBe(false);
    expect(await snapshot(db)).toEqual(before);
    expect(notify).not.toHaveBeenCalled();
  });

  describe('importBackupFile', () => {
    it('imports the file the popup made a blob: URL of, read by the background itself', async () => {
      const backup = await exportBackup(db, NOW);
      await handle({ type: 'deleteAllData', payload: { confirm: 'delete everything' } }, popupPage);
      expect(await db.people.count()).toBe(0);
      files.set(BACKUP_FILE_URL, JSON.stringify(backup));
      const reply = await handle(
        { type: 'importBackupFile', payload: { url: BACKUP_FILE_URL } },
        popupPage,
      );
      expect(reply).toMatchObject({
        ok: true,
        value: { counts: { people: backup.data.people.length } },
      });
      expect(readFile).toHaveBeenCalledExactlyOnceWith(BACKUP_FILE_URL);
      expect((await exportBackup(db, NOW)).data).toEqual(backup.data);
    });

    it.each([
      ['another extension', 'blob:chrome-extension://someone-else/5d0c3f7e-backup'],
      ['a web page', 'blob:https://calendar.google.com/5d0c3f7e-backup'],
      ['a prefix of our origin', `blob:${EXTENSION_ORIGIN}x/5d0c3f7e-backup`],
    ])('refuses a file of %s without reading it, and keeps the data', async (_who, url) => {
      files.set(url, JSON.stringify(await exportBackup(db, NOW)));
      const before = await snapshot(db);
      const reply = await handle({ type: 'importBackupFile', payload: { url } }, popupPage);
      expect(reply).toEqual({
        ok: false,
        error: expect.stringContaining('not one of this extension'),
      });
      expect(readFile).not.toHaveBeenCalled();
      expect(await snapshot(db)).toEqual(before);
      expect(notify).not.toHaveBeenCalled();
    });

    it('refuses a URL that is not blob: at the edge', async () => {
      const reply = await handle(
        { type: 'importBackupFile', payload: { url: 'https://example.com/backup.json' } },
        popupPage,
      );
      expect(reply).toEqual({ ok: false, error: expect.stringContaining('blob: URL') });
      expect(readFile).not.toHaveBeenCalled();
    });

    it('says so when the file cannot be read (revoked, the popup closed), and keeps the data', async () => {
      const before = await snapshot(db);
      const reply = await handle(
        { type: 'importBackupFile', payload: { url: BACKUP_FILE_URL } },
        popupPage,
      );
      expect(reply).toEqual({ ok: false, error: BACKUP_FILE_UNREADABLE_MESSAGE });
      expect(await snapshot(db)).toEqual(before);
      expect(notify).not.toHaveBeenCalled();
    });

    it('refuses a file that is not a whole backup with the store’s message, and keeps the data', async () => {
      const text = JSON.stringify(await exportBackup(db, NOW));
      files.set(BACKUP_FILE_URL, text.slice(0, -2));
      const before = await snapshot(db);
      const reply = await handle(
        { type: 'importBackupFile', payload: { url: BACKUP_FILE_URL } },
        popupPage,
      );
      expect(reply.ok).toBe(false);
      expect(reply.ok ? '' : reply.error).not.toMatch(/^Internal error/);
      expect(await snapshot(db)).toEqual(before);
    });
  });

  describe('stageBackupFile', () => {
    const OTHER_FILE_URL = `blob:${EXTENSION_ORIGIN}/0f7c2a91-another`;

    it('reads and checks the file while the preview is shown; its import only writes', async () => {
      const backup = await exportBackup(db, NOW);
      await handle({ type: 'deleteAllData', payload: { confirm: 'delete everything' } }, popupPage);
      notify.mockClear();
      files.set(BACKUP_FILE_URL, JSON.stringify(backup));
      const staged = await handle(
        { type: 'stageBackupFile', payload: { url: BACKUP_FILE_URL } },
        popupPage,
      );
      expect(staged).toEqual({ ok: true, value: null });
      // Staging changes nothing.
      expect(await db.people.count()).toBe(0);
      expect(notify).not.toHaveBeenCalled();
      readFile.mockClear();
      const reply = await handle(
        { type: 'importBackupFile', payload: { url: BACKUP_FILE_URL } },
        popupPage,
      );
      expect(reply).toMatchObject({ ok: true });
      expect(readFile).not.toHaveBeenCalled();
      expect((await exportBackup(db, NOW)).data).toEqual(backup.data);
      // Used once: the same URL imported again is read again.
      await handle({ type: 'importBackupFile', payload: { url: BACKUP_FILE_URL } }, popupPage);
      expect(readFile).toHaveBeenCalledExactlyOnceWith(BACKUP_FILE_URL);
    });

    it('keeps one file: another URL staged or imported is read for itself', async () => {
      const backup = await exportBackup(db, NOW);
      files.set(BACKUP_FILE_URL, JSON.stringify(backup));
      files.set(OTHER_FILE_URL, JSON.stringify(backup));
      await handle({ type: 'stageBackupFile', payload: { url: BACKUP_FILE_URL } }, popupPage);
      await handle({ type: 'stageBackupFile', payload: { url: OTHER_FILE_URL } }, popupPage);
      readFile.mockClear();
      await handle({ type: 'importBackupFile', payload: { url: BACKUP_FILE_URL } }, popupPage);
      expect(readFile).toHaveBeenCalledExactlyOnceWith(BACKUP_FILE_URL);
    });

    it('refuses a broken file when it is staged and again at its import, changing nothing', async () => {
      const text = JSON.stringify(await exportBackup(db, NOW));
      files.set(BACKUP_FILE_URL, text.replace('"format"', '"formt"'));
      const before = await snapshot(db);
      const staged = await handle(
        { type: 'stageBackupFile', payload: { url: BACKUP_FILE_URL } },
        popupPage,
      );
      expect(staged).toEqual({ ok: false, error: expect.stringContaining('format') });
      const reply = await handle(
        { type: 'importBackupFile', payload: { url: BACKUP_FILE_URL } },
        popupPage,
      );
      expect(reply).toEqual(staged);
      expect(await snapshot(db)).toEqual(before);
      expect(notify).not.toHaveBeenCalled();
    });

    it('reads a file again at its import when staging could not read it', async () => {
      const before = await snapshot(db);
      const staged = await handle(
        { type: 'stageBackupFile', payload: { url: BACKUP_FILE_URL } },
        popupPage,
      );
      expect(staged).toEqual({ ok: false, error: BACKUP_FILE_UNREADABLE_MESSAGE });
      files.set(BACKUP_FILE_URL, JSON.stringify(await exportBackup(db, NOW)));
      const reply = await handle(
        { type: 'importBackupFile', payload: { url: BACKUP_FILE_URL } },
        popupPage,
      );
      expect(reply).toMatchObject({ ok: true });
      expect(readFile).toHaveBeenCalledTimes(2);
      expect((await snapshot(db)).people).toEqual(before.people);
    });

    it("refuses another origin's file without reading it", async () => {
      const url = 'blob:chrome-extension://someone-else/5d0c3f7e-backup';
      files.set(url, JSON.stringify(await exportBackup(db, NOW)));
      const reply = await handle({ type: 'stageBackupFile', payload: { url } }, popupPage);
      expect(reply).toEqual({
        ok: false,
        error: expect.stringContaining('not one of this extension'),
      });
      expect(readFile).not.toHaveBeenCalled();
    });

    it('is not served to content scripts', async () => {
      files.set(BACKUP_FILE_URL, JSON.stringify(await exportBackup(db, NOW)));
      const reply = await handle(
        { type: 'stageBackupFile', payload: { url: BACKUP_FILE_URL } },
        calendarTab,
      );
      expect(reply).toEqual({ ok: false, error: expect.stringContaining('not served') });
      expect(readFile).not.toHaveBeenCalled();
    });
  });

  it('reports unexpected errors as internal errors and logs them', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    db.close();
    const reply = await handle({ type: 'deleteActionItem', payload: { id: 'item-1' } }, panelFrame);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Internal error: /) });
    expect(logged).toHaveBeenCalled();
    await db.open();
  });
});

describe('createRequestHandler: refused requests write nothing', () => {
  const refusals: Array<[string, (type: RequestType) => unknown]> = [
    ['a non-object message', () => 'deleteAllData'],
    ['a non-object payload', (type) => ({ type, payload: 'x' })],
    ['an extra field', (type) => ({ type, payload: { ...validPayloads()[type], extra: 1 } })],
    [
      'a missing field',
      (type) => {
        const payload: Record<string, unknown> = { ...validPayloads()[type] };
        // A request without fields (cancelImport) has none to leave out: its payload goes.
        if (Object.keys(payload).length === 0) return { type, payload: null };
        delete payload[Object.keys(payload)[0]!];
        return { type, payload };
      },
    ],
    [
      'a field of the wrong type',
      (type) => {
        const payload: Record<string, unknown> = { ...validPayloads()[type] };
        const key = Object.keys(payload)[0]!;
        payload[key] =
          type === 'importBackup' ? undefined : typeof payload[key] === 'boolean' ? 1 : 1.5;
        return { type, payload };
      },
    ],
  ];

  it.each(requestTypes)('refuses bad %s requests', async (type) => {
    const before = await snapshot(db);
    for (const [what, build] of refusals) {
      const reply = await handle(build(type), panelFrame);
      expect(reply.ok, `${type}: ${what}`).toBe(false);
    }
    expect(await snapshot(db)).toEqual(before);
    expect(notify).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown type', { type: 'dropEverything', payload: {} }],
    [
      'an oversize note',
      {
        type: 'saveNote',
        payload: { meetingEid: 'eid-1', text: 'n'.repeat(100_001), wellbeing: 3 },
      },
    ],
    [
      'an oversize item',
      { type: 'updateActionItem', payload: { id: 'item-1', text: 'x'.repeat(2001) } },
    ],
    ['a bad due date', { type: 'updateActionItem', payload: { id: 'item-1', due: '2025-02-30' } }],
    ['a bad email', { type: 'updatePerson', payload: { email: 'ana@', name: 'X' } }],
    [
      'a bad share',
      { type: 'assignPerson', payload: { personEmail: ANA, projectId: 'project-1', share: 120 } },
    ],
    ['a wrong confirmation', { type: 'deleteAllData', payload: { confirm: 'delete' } }],
    [
      'an empty standing topic',
      { type: 'addStandingTopic', payload: { personEmail: ANA, text: '  ', rhythm: 'every' } },
    ],
    [
      'a standing topic of 100 000 characters',
      {
        type: 'addStandingTopic',
        payload: { personEmail: ANA, text: 't'.repeat(100_000), rhythm: 'every' },
      },
    ],
    [
      'an impossible rhythm',
      { type: 'updateStandingTopic', payload: { id: 'topic-1', rhythm: 'fortnightly' } },
    ],
    [
      'a standing topic for a person not in the store',
      {
        type: 'addStandingTopic',
        payload: { personEmail: 'nobody@example.com', text: 'Growth', rhythm: 'every' },
      },
    ],
    [
      'a standing topic discussed in a meeting not in the store',
      {
        type: 'setStandingTopicDiscussed',
        payload: { topicId: 'topic-1', meetingEid: 'eid-unknown', discussed: true },
      },
    ],
    [
      'a feedback log entry dated before 1970',
      {
        type: 'addFeedbackEntry',
        payload: {
          personEmail: ANA,
          day: '1969-12-31',
          kind: 'praise',
          text: 'Great demo',
          meetingEid: '',
        },
      },
    ],
    [
      'an empty feedback log entry',
      {
        type: 'addFeedbackEntry',
        payload: { personEmail: ANA, day: '2025-06-01', kind: 'win', text: '', meetingEid: '' },
      },
    ],
    [
      'a feedback log entry of 100 000 characters',
      {
        type: 'addFeedbackEntry',
        payload: {
          personEmail: ANA,
          day: '2025-06-01',
          kind: 'win',
          text: 'w'.repeat(100_000),
          meetingEid: '',
        },
      },
    ],
    [
      'a feedback log entry of an unknown kind',
      {
        type: 'addFeedbackEntry',
        payload: {
          personEmail: ANA,
          day: '2025-06-01',
          kind: 'gossip',
          text: 'Heard things',
          meetingEid: '',
        },
      },
    ],
    [
      'adding a person whose address exists, in another case',
      { type: 'addPerson', payload: { email: 'ANA@example.com', name: 'Ana Renamed' } },
    ],
  ])('refuses %s and writes nothing', async (_what, message) => {
    const before = await snapshot(db);
    const reply = await handle(message, popupPage);
    expect(reply).toEqual({ ok: false, error: expect.any(String) });
    expect(await snapshot(db)).toEqual(before);
    expect(notify).not.toHaveBeenCalled();
  });
});

describe('createRequestHandler: sender check', () => {
  const request = { type: 'deleteActionItem', payload: { id: 'item-1' } };
  const calendarUrl = 'https://calendar.google.com/calendar/u/0/r';

  it.each([
    ['another extension', { id: 'other-extension', url: calendarUrl, tab: { url: calendarUrl } }],
    [
      'a tab on another site',
      { id: EXTENSION_ID, url: 'https://evil.example/', tab: { url: 'https://evil.example/' } },
    ],
    [
      'plain http Calendar',
      {
        id: EXTENSION_ID,
        url: 'http://calendar.google.com/',
        tab: { url: 'http://calendar.google.com/' },
      },
    ],
    [
      'a lookalike host',
      {
        id: EXTENSION_ID,
        url: 'https://calendar.google.com.evil.com/',
        tab: { url: 'https://calendar.google.com.evil.com/' },
      },
    ],
    [
      'a Calendar frame in an evil tab, by its frame url',
      { id: EXTENSION_ID, url: 'https://evil.example/x', tab: { url: calendarUrl } },
    ],
    ['a Calendar url without a tab', { id: EXTENSION_ID, url: calendarUrl }],
    ['an extension-origin lookalike', { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}x/popup.html` }],
    ['no url at all', { id: EXTENSION_ID }],
    ['no sender id', { url: `${EXTENSION_ORIGIN}/popup.html` }],
  ])('refuses %s and writes nothing', async (_what, sender) => {
    const before = await snapshot(db);
    const reply = await handle(request, sender as Browser.runtime.MessageSender);
    expect(reply).toEqual({ ok: false, error: 'Refused: not sent by this extension.' });
    expect(await snapshot(db)).toEqual(before);
    expect(notify).not.toHaveBeenCalled();
  });

  it.each([
    ['the panel’s frame in a Calendar tab', panelFrame],
    ['the popup', popupPage],
    [
      'an extension page opened in a tab',
      {
        id: EXTENSION_ID,
        url: `${EXTENSION_ORIGIN}/options.html`,
        tab: { url: `${EXTENSION_ORIGIN}/options.html` },
      },
    ],
  ])('serves %s', async (_what, sender) => {
    const reply = await handle(request, sender as Browser.runtime.MessageSender);
    expect(reply).toMatchObject({ ok: true, value: { id: 'item-1' } });
  });
});

describe('createRequestHandler: change notifications', () => {
  it('notifies the lowercased email of the person after a write', async () => {
    await handle(
      { type: 'addTalkingPoint', payload: { personEmail: 'Ana@Example.com', text: 'Growth plan' } },
      panelFrame,
    );
    expect(notify).toHaveBeenCalledExactlyOnceWith(
      { type: 'dataChanged', personEmails: [ANA] },
      { chipBadges: false },
    );
  });

  // chipBadges: whether the content script is told (its chip badges may show another count).
  it.each([
    ['saveNote', [ANA], false],
    ['setActionItemDone', [ANA], true],
    ['setTalkingPointDiscussed', [ANA], false],
    ['addPerson', ['cy@example.com'], false],
    ['updatePerson', [ANA], true],
    ['assignPerson', [ANA], false],
    ['setSeriesOverride', [ANA], true],
    ['createProject', [], false],
    ['deleteAllData', [], true],
  ] as const)('notifies after %s with %j (chip badges: %s)', async (type, emails, chipBadges) => {
    const reply = await handle({ type, payload: validPayloads()[type] }, popupPage);
    expect(reply.ok).toBe(true);
    expect(notify).toHaveBeenCalledExactlyOnceWith(
      { type: 'dataChanged', personEmails: emails },
      { chipBadges },
    );
  });

  it('notifies everyone ([]) after an import', async () => {
    const backup = await exportBackup(db, NOW);
    await handle({ type: 'importBackup', payload: { backup } }, popupPage);
    expect(notify).toHaveBeenCalledExactlyOnceWith(
      { type: 'dataChanged', personEmails: [] },
      { chipBadges: true },
    );
  });

  it('notifies the people on a project after it changes', async () => {
    await handle(
      { type: 'assignPerson', payload: { personEmail: ANA, projectId: 'project-1', share: 40 } },
      popupPage,
    );
    notify.mockClear();
    await handle(
      { type: 'updateProject', payload: { id: 'project-1', status: 'paused' } },
      popupPage,
    );
    expect(notify).toHaveBeenCalledExactlyOnceWith(
      { type: 'dataChanged', personEmails: [ANA] },
      { chipBadges: false },
    );
  });

  it('notifies the former and the new counterpart when a series changes person', async () => {
    const first = validPayloads().setSeriesOverride;
    await handle({ type: 'setSeriesOverride', payload: first }, popupPage);
    notify.mockClear();
    const other = { ...first, personEmail: 'cy@example.com', personName: 'Cy' };
    await handle({ type: 'setSeriesOverride', payload: other }, popupPage);
    expect(notify).toHaveBeenCalledExactlyOnceWith(
      { type: 'dataChanged', personEmails: [ANA, 'cy@example.com'] },
      { chipBadges: true },
    );
  });

  it.each(['getSeriesOverride', 'getMeetingNotesBefore', 'getOpenItemCounts'] as const)(
    'does not notify after the read %s',
    async (type) => {
      const reply = await handle({ type, payload: validPayloads()[type] }, panelFrame);
      expect(reply.ok).toBe(true);
      expect(notify).not.toHaveBeenCalled();
    },
  );

  it('notifies when openOneOnOne records a new meeting, not when it reopens one', async () => {
    const open = { type: 'openOneOnOne', payload: validPayloads().openOneOnOne };
    await handle(open, panelFrame);
    // Another occurrence of a known series: chip badges stay; the panel has its answer.
    expect(notify).toHaveBeenCalledExactlyOnceWith(
      { type: 'dataChanged', personEmails: [ANA] },
      { chipBadges: false, except: panelFrame },
    );
    notify.mockClear();
    const later = createRequestHandler({
      db,
      notify,
      now: () => NOW + 60_000,
      extensionId: EXTENSION_ID,
      extensionOrigin: EXTENSION_ORIGIN,
    });
    expect(await later(open, panelFrame)).toMatchObject({ ok: true });
    expect(notify).not.toHaveBeenCalled();
  });

  it.each([
    ['a known person', ANA],
    ['a new person', 'dee@example.com'],
  ])(
    'tells chip badges when the first occurrence of a series with %s is recorded',
    async (_what, email) => {
      const event = { eid: 'eid-9', seriesKey: 'series-new', title: '1:1', start: NOW };
      await handle(
        { type: 'openOneOnOne', payload: { event, person: { email, name: 'Someone' } } },
        panelFrame,
      );
      expect(notify).toHaveBeenCalledExactlyOnceWith(
        { type: 'dataChanged', personEmails: [email] },
        { chipBadges: true, except: panelFrame },
      );
    },
  );
});

describe('createRequestHandler: showEvent', () => {
  const BO = 'bo@example.com';
  const event = { eid: 'eid-new', seriesKey: 'series-2', title: 'Weekly sync', start: NOW };
  const show = (person: { email: string; name: string } | null) =>
    handle({ type: 'showEvent', payload: { event, person } }, panelFrame);
  const decide = (decision: 'one-on-one' | 'not-one-on-one', personEmail: string) =>
    handle(
      {
        type: 'setSeriesOverride',
        payload: { seriesKey: 'series-2', decision, personEmail, personName: 'Bo' },
      },
      popupPage,
    );

  it('records nothing for a series marked "not a 1:1", whoever the page names', async () => {
    await decide('not-one-on-one', '');
    notify.mockClear();
    const before = await snapshot(db);
    const reply = await show({ email: ANA, name: 'Ana' });
    expect(reply).toEqual({
      ok: true,
      value: {
        override: expect.objectContaining({ seriesKey: 'series-2', decision: 'not-one-on-one' }),
        panel: null,
      },
    });
    expect(await snapshot(db)).toEqual(before);
    expect(notify).not.toHaveBeenCalled();
  });

  it('records under the override’s person, not the one the page guessed', async () => {
    await decide('one-on-one', BO);
    notify.mockClear();
    const reply = await show({ email: ANA, name: 'Ana' });
    expect(reply).toMatchObject({
      ok: true,
      value: {
        override: { decision: 'one-on-one', personEmail: BO },
        panel: { person: { email: BO, name: 'Bo' }, meeting: { eid: 'eid-new', personEmail: BO } },
      },
    });
    expect(await db.meetings.get('eid-new')).toMatchObject({ personEmail: BO });
    expect(await db.people.get(BO)).toMatchObject({ name: 'Bo' });
    expect(notify).toHaveBeenCalledExactlyOnceWith(
      { type: 'dataChanged', personEmails: [BO] },
      { chipBadges: true, except: panelFrame },
    );
  });

  it('without an override records under the page’s person, and nothing without one', async () => {
    const before = await snapshot(db);
    expect(await show(null)).toEqual({ ok: true, value: { override: null, panel: null } });
    expect(await snapshot(db)).toEqual(before);
    expect(notify).not.toHaveBeenCalled();

    const reply = await show({ email: ANA, name: 'Ana' });
    expect(reply).toMatchObject({
      ok: true,
      value: { override: null, panel: { person: { email: ANA }, meeting: { eid: 'eid-new' } } },
    });
    expect(await db.meetings.get('eid-new')).toMatchObject({ personEmail: ANA });
    expect(notify).toHaveBeenCalledExactlyOnceWith(
      { type: 'dataChanged', personEmails: [ANA] },
      { chipBadges: true, except: panelFrame },
    );
    // Shown again: the occurrence is known, so this is a read and nobody is notified.
    notify.mockClear();
    const later = createRequestHandler({
      db,
      notify,
      now: () => NOW + 60_000,
      extensionId: EXTENSION_ID,
      extensionOrigin: EXTENSION_ORIGIN,
    });
    const again = await later(
      { type: 'showEvent', payload: { event, person: { email: ANA, name: 'Ana' } } },
      panelFrame,
    );
    expect(again).toMatchObject({ ok: true, value: { panel: { meeting: { eid: 'eid-new' } } } });
    expect(notify).not.toHaveBeenCalled();
  });
});

describe('createRequestHandler: what a content script may ask', () => {
  it.each(requestTypes.filter((type) => !CONTENT_SCRIPT_REQUESTS.has(type)))(
    'refuses %s from the content script and writes nothing',
    async (type) => {
      const before = await snapshot(db);
      const payloads = validPayloads(await exportBackup(db, NOW));
      const reply = await handle({ type, payload: payloads[type] }, calendarTab);
      expect(reply).toEqual({
        ok: false,
        error: `Refused: ${type} is not served to content scripts.`,
      });
      expect(await snapshot(db)).toEqual(before);
      expect(notify).not.toHaveBeenCalled();
    },
  );

  it('serves the chip badges’ counts to the content script', async () => {
    const reply = await handle(
      { type: 'getOpenItemCounts', payload: { seriesKeys: ['series-1'] } },
      calendarTab,
    );
    expect(reply).toEqual({ ok: true, value: { 'series-1': { count: 1, name: 'Ana' } } });
  });
});

describe('createRequestHandler: the panel channel’s nonce', () => {
  const nonce = '9d3c1a52-64f1-4d8e-9a57-0b1f1e5d2c77';
  const open = { type: 'openPanelChannel', payload: { nonce } };
  const claim = { type: 'claimPanelChannel', payload: { nonce } };

  it('is granted once, to the panel frame of the tab that announced it', async () => {
    expect(await handle(open, calendarTab)).toEqual({ ok: true, value: null });
    expect(await handle(claim, panelFrame)).toEqual({ ok: true, value: true });
    // Spent: a second claim (a replay) is refused.
    expect(await handle(claim, panelFrame)).toEqual({ ok: true, value: false });
  });

  it('is not granted to a frame in another tab, nor for a nonce nobody announced', async () => {
    await handle(open, calendarTab);
    const otherTab = { ...panelFrame, tab: { id: 8, url: panelFrame.tab!.url } };
    expect(await handle(claim, otherTab as Browser.runtime.MessageSender)).toEqual({
      ok: true,
      value: false,
    });
    // The wrong tab's attempt spent it too.
    expect(await handle(claim, panelFrame)).toEqual({ ok: true, value: false });
    const unknown = { type: 'claimPanelChannel', payload: { nonce: 'made-up' } };
    expect(await handle(unknown, panelFrame)).toEqual({ ok: true, value: false });
  });

  it('is announced only by a content script and claimed only by an extension page', async () => {
    expect(await handle(open, panelFrame)).toEqual({
      ok: false,
      error: 'Refused: only the content script opens a panel channel.',
    });
    await handle(open, calendarTab);
    expect(await handle(claim, calendarTab)).toEqual({
      ok: false,
      error: 'Refused: claimPanelChannel is not served to content scripts.',
    });
    // The popup has no tab: it cannot claim a tab's channel.
    expect(await handle(claim, popupPage)).toEqual({
      ok: false,
      error: 'Refused: claimPanelChannel needs a tab.',
    });
    expect(await handle(claim, panelFrame)).toEqual({ ok: true, value: true });
  });

  it('expires a minute after it was announced', async () => {
    let now = NOW;
    const timed = createRequestHandler({
      db,
      extensionId: EXTENSION_ID,
      extensionOrigin: EXTENSION_ORIGIN,
      notify,
      now: () => now,
    });
    await timed(open, calendarTab);
    now += 60_001;
    expect(await timed(claim, panelFrame)).toEqual({ ok: true, value: false });
  });
});

describe('createRequestHandler: recordSeenOccurrences', () => {
  const HOUR = 3_600_000;
  const seen = (occurrences: Array<{ eid: string; seriesKey: string; start: number }>) =>
    handle({ type: 'recordSeenOccurrences', payload: { occurrences } }, calendarTab);

  it('records started occurrences of a known series under its person, and tells who', async () => {
    const reply = await seen([
      { eid: 'eid-seen', seriesKey: 'series-1', start: NOW - HOUR },
      { eid: 'eid-later', seriesKey: 'series-1', start: NOW + HOUR },
      { eid: 'eid-other', seriesKey: 'series-unknown', start: NOW - HOUR },
    ]);
    expect(reply).toEqual({ ok: true, value: { recorded: 1 } });
    expect(await db.meetings.get('eid-seen')).toEqual({
      eid: 'eid-seen',
      seriesKey: 'series-1',
      personEmail: ANA,
      start: NOW - HOUR,
      title: '',
      createdAt: NOW,
    });
    expect(await db.meetings.get('eid-later')).toBeUndefined();
    expect(await db.meetings.get('eid-other')).toBeUndefined();
    // Occurrences of series already known: the badges' counts and names stay.
    expect(notify).toHaveBeenCalledExactlyOnceWith(
      { type: 'dataChanged', personEmails: [ANA] },
      { chipBadges: false },
    );

    // Seen again: nothing new, a read.
    notify.mockClear();
    expect(await seen([{ eid: 'eid-seen', seriesKey: 'series-1', start: NOW - 2 * HOUR }])).toEqual(
      { ok: true, value: { recorded: 0 } },
    );
    expect((await db.meetings.get('eid-seen'))?.start).toBe(NOW - HOUR);
    expect(notify).not.toHaveBeenCalled();
  });

  it.each([
    [
      'more than 500 occurrences',
      Array.from({ length: 501 }, (_, i) => ({ eid: `e${i}`, seriesKey: 'series-1', start: NOW })),
    ],
    ['an occurrence without an eid', [{ eid: '', seriesKey: 'series-1', start: NOW }]],
    ['an occurrence without a start', [{ eid: 'e1', seriesKey: 'series-1', start: null }]],
    [
      'an occurrence with an extra field',
      [{ eid: 'e1', seriesKey: 'series-1', start: NOW, personEmail: 'eve@x.io' }],
    ],
    ['a start that is no time', [{ eid: 'e1', seriesKey: 'series-1', start: '9am' }]],
  ])('refuses %s and writes nothing', async (_what, occurrences) => {
    const before = await snapshot(db);
    const reply = await handle(
      { type: 'recordSeenOccurrences', payload: { occurrences } },
      calendarTab,
    );
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^recordSeenOccurrences\.occurrences/),
    });
    expect(await snapshot(db)).toEqual(before);
    expect(notify).not.toHaveBeenCalled();
  });
});

describe('createRequestHandler: recordSeenOccurrences, chips to come', () => {
  const HOUR = 3_600_000;
  const upcoming = (occurrences: unknown) =>
    handle({ type: 'recordSeenOccurrences', payload: { occurrences } }, calendarTab);

  it('caches the future chips of a known series in the same report', async () => {
    const reply = await upcoming([
      { eid: 'eid-next', seriesKey: 'series-1', start: NOW + HOUR },
      { eid: 'eid-started', seriesKey: 'series-1', start: NOW - HOUR },
      { eid: 'eid-other', seriesKey: 'series-unknown', start: NOW + HOUR },
    ]);
    expect(reply).toEqual({ ok: true, value: { recorded: 1 } });
    expect(await db.upcomingOccurrences.toArray()).toEqual([
      {
        eid: 'eid-next',
        seriesKey: 'series-1',
        personEmail: ANA,
        start: NOW + HOUR,
        title: 'Ana / Me',
        seenAt: NOW,
      },
    ]);
    // The started chip of the same report became a meeting (the one `recorded`), not a cache row.
    expect(await db.meetings.get('eid-started')).toMatchObject({ personEmail: ANA });
  });

  it.each([
    [
      'more than 500 occurrences',
      Array.from({ length: 501 }, (_, i) => ({
        eid: `e${i}`,
        seriesKey: 'series-1',
        start: NOW + HOUR,
      })),
    ],
    ['a start before 1970', [{ eid: 'e1', seriesKey: 'series-1', start: -1 }]],
    ['a start that is no time', [{ eid: 'e1', seriesKey: 'series-1', start: '2025-06-03' }]],
    ['a start past any date', [{ eid: 'e1', seriesKey: 'series-1', start: 9e15 }]],
    ['a start that is not a number', [{ eid: 'e1', seriesKey: 'series-1', start: NaN }]],
    ['an eid of a megabyte', [{ eid: oneMegabyte, seriesKey: 'series-1', start: NOW + HOUR }]],
    ['a blank series', [{ eid: 'e1', seriesKey: '  ', start: NOW + HOUR }]],
    [
      'a person smuggled in',
      [{ eid: 'e1', seriesKey: 'series-1', start: NOW + HOUR, personEmail: 'eve@x.io' }],
    ],
    ['no list', { eid: 'e1', seriesKey: 'series-1', start: NOW + HOUR }],
  ])('refuses %s with an error reply and writes nothing', async (_what, occurrences) => {
    const before = await snapshot(db);
    const reply = await upcoming(occurrences);
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^recordSeenOccurrences\.occurrences/),
    });
    expect(await snapshot(db)).toEqual(before);
    expect(notify).not.toHaveBeenCalled();
  });

  it('keeps hostile ids as inert data', async () => {
    const eids = hostileStrings.filter((text) => text.trim() !== '' && text.length <= 200);
    const reply = await upcoming(
      eids.map((eid, i) => ({ eid, seriesKey: 'series-1', start: NOW + (i + 1) * HOUR })),
    );
    expect(reply).toMatchObject({ ok: true });
    const stored = await db.upcomingOccurrences.toArray();
    expect(stored.map((o) => o.eid).sort()).toEqual(
      [...new Set(eids.map((eid) => eid.trim()))].sort(),
    );
  });
});

describe('createRequestHandler: updateFeedbackEntry', () => {
  const edit = (payload: Record<string, unknown>) =>
    handle({ type: 'updateFeedbackEntry', payload: { id: 'feedback-1', ...payload } }, popupPage);

  it('changes the text, and tells whose data changed', async () => {
    const reply = await edit({ text: 'Missed two reviews in May' });
    expect(reply).toMatchObject({ ok: true, value: { text: 'Missed two reviews in May' } });
    expect((await feedbackLog(db, ANA)).find((entry) => entry.id === 'feedback-1')?.text).toBe(
      'Missed two reviews in May',
    );
    expect(notify).toHaveBeenCalledWith(
      { type: 'dataChanged', personEmails: [ANA] },
      expect.anything(),
    );
  });

  it.each([
    ['empty text', { text: '   ' }, 'updateFeedbackEntry.text: must not be empty'],
    ['text of 100,000 characters', { text: 'x'.repeat(100_000) }, 'updateFeedbackEntry.text'],
    ['a day before 1970', { day: '1969-12-31' }, 'updateFeedbackEntry.day'],
    ['an unknown kind', { kind: 'gossip' }, 'updateFeedbackEntry.kind'],
  ])('refuses %s with a clear message and changes nothing', async (_what, payload, message) => {
    const before = await snapshot(db);
    const reply = await edit(payload);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining(message) });
    expect(await snapshot(db)).toEqual(before);
    expect(notify).not.toHaveBeenCalled();
  });
});

describe('createRequestHandler: a running import', () => {
  /** A backup of a few thousand records, written in several chunks. */
  async function largerBackup() {
    const source = openDatabase('test-' + crypto.randomUUID());
    await seedLargeDataset(
      source,
      { people: 6, meetings: 30, actionItems: 4_500, talkingPoints: 40 },
      NOW,
    );
    const backup = await exportBackup(source, NOW);
    await source.delete();
    return backup;
  }

  /** The real runs, with a hook on each progress report of the running import. */
  function observedImports(onProgress: () => Promise<void> | void) {
    const runs = createImportRuns();
    return {
      ...runs,
      start(total: number) {
        const run = runs.start(total);
        return (
          run && {
            ...run,
            onProgress(progress: { written: number; total: number }) {
              run.onProgress(progress);
              void onProgress();
            },
          }
        );
      },
    };
  }

  function handlerWith(imports: ReturnType<typeof createImportRuns>) {
    return createRequestHandler({
      db,
      notify,
      now: () => NOW,
      extensionId: EXTENSION_ID,
      extensionOrigin: EXTENSION_ORIGIN,
      readFile,
      imports,
    });
  }

  it('has no progress and nothing to cancel when no import runs', async () => {
    expect(await handle({ type: 'getImportProgress', payload: {} }, popupPage)).toEqual({
      ok: true,
      value: null,
    });
    expect(await handle({ type: 'cancelImport', payload: {} }, popupPage)).toEqual({
      ok: true,
      value: { cancelled: false },
    });
    expect(notify).not.toHaveBeenCalled();
  });

  it('reports progress while it runs, and cancelled part-way it changes nothing', async () => {
    const before = await snapshot(db);
    const backup = await largerBackup();
    const progress: unknown[] = [];
    let cancel: Promise<unknown> | undefined;
    const handler = handlerWith(
      observedImports(async () => {
        progress.push(await handler({ type: 'getImportProgress', payload: {} }, popupPage));
        cancel ??= handler({ type: 'cancelImport', payload: {} }, popupPage);
      }),
    );
    const reply = await handler({ type: 'importBackup', payload: { backup } }, popupPage);
    expect(reply).toEqual({ ok: false, error: IMPORT_CANCELLED_MESSAGE });
    expect(await cancel).toEqual({ ok: true, value: { cancelled: true } });
    expect(progress[0]).toEqual({
      ok: true,
      value: { written: expect.any(Number), total: expect.any(Number) },
    });
    expect(await snapshot(db)).toEqual(before);
    expect(notify).not.toHaveBeenCalled();
    // Over: nothing left to cancel, and the next import runs.
    expect(await handler({ type: 'getImportProgress', payload: {} }, popupPage)).toEqual({
      ok: true,
      value: null,
    });
    expect(await handler({ type: 'importBackup', payload: { backup } }, popupPage)).toMatchObject({
      ok: true,
    });
  });

  it('refuses a second import while one runs, and the first one still completes', async () => {
    const backup = await largerBackup();
    let second: Promise<unknown> | undefined;
    const handler = handlerWith(
      observedImports(() => {
        second ??= handler({ type: 'importBackup', payload: { backup } }, popupPage);
      }),
    );
    expect(await handler({ type: 'importBackup', payload: { backup } }, popupPage)).toMatchObject({
      ok: true,
    });
    expect(await second).toEqual({ ok: false, error: IMPORT_RUNNING_MESSAGE });
    expect(await exportBackup(db, NOW)).toEqual(backup);
  });

  it('refuses a file import while one runs without reading the file', async () => {
    const backup = await largerBackup();
    files.set(BACKUP_FILE_URL, JSON.stringify(backup));
    let second: Promise<unknown> | undefined;
    const handler = handlerWith(
      observedImports(() => {
        second ??= handler(
          { type: 'importBackupFile', payload: { url: BACKUP_FILE_URL } },
          popupPage,
        );
      }),
    );
    expect(await handler({ type: 'importBackup', payload: { backup } }, popupPage)).toMatchObject({
      ok: true,
    });
    expect(await second).toEqual({ ok: false, error: IMPORT_RUNNING_MESSAGE });
    expect(readFile).not.toHaveBeenCalled();
  });
});
