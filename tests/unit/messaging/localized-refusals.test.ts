// The background words what it refuses, and the toolbar button's tooltip, in the browser's UI
// language (the wiring of entrypoints/background.ts: serveBackground with backgroundWords), and
// keeps the English technical message beside it; a refused request still changes nothing.

import { afterEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundWords } from '@/components/i18n/background-strings';
import { badgeTitleFor } from '@/utils/messaging/open-items-badge';
import { serveBackground } from '@/utils/messaging/serve-background';
import { addPerson, createProject, openDatabase, type CbcDatabase } from '@/utils/store';

const EXTENSION_ID = 'cbc';
const popup = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/popup.html`,
} as Browser.runtime.MessageSender;
const NOW = Date.UTC(2025, 5, 2);

type Listener = (message: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>;

let db: CbcDatabase | undefined;

afterEach(async () => {
  await db?.delete();
  fakeBrowser.reset();
});

async function start(language: string) {
  db = openDatabase('test-' + crypto.randomUUID());
  await addPerson(db, { email: 'ana@example.com', name: 'Ana' }, NOW);
  await createProject(db, { id: 'p1', name: 'Billing' }, NOW);
  let onMessage: Listener = async () => undefined;
  const service = serveBackground(
    db,
    {
      runtime: {
        id: EXTENSION_ID,
        getURL: (path) => `chrome-extension://${EXTENSION_ID}${path}`,
        onMessage: { addListener: (listener) => (onMessage = listener) },
        onConnect: { addListener: () => {} },
      },
      action: fakeBrowser.action,
    },
    backgroundWords(language),
  );
  const send = (type: string, payload: unknown) => onMessage({ type, payload }, popup);
  return { service, send, database: db };
}

describe('refusals in the UI language', () => {
  it.each([
    ['de', 'Der Text ist länger als 2000 Zeichen.', '„Billing“ gibt es bereits', 'nicht mehr'],
    ['ja', '2000 文字を超えています', '「Billing」という名前', 'もうありません'],
    ['en', 'This is longer than 2000 characters.', 'named “Billing” already', 'no longer there'],
  ])(
    '%s: at the edge, in the store, for a record that is gone',
    async (language, long, twin, gone) => {
      const { send, database } = await start(language);
      const before = await database.projects.toArray();

      const tooLong = await send('createProject', { id: 'p2', name: 'x'.repeat(2001) });
      expect(tooLong).toEqual({
        ok: false,
        error: expect.stringContaining(long),
        detail: 'createProject.name: longer than 2000 characters',
      });
      const same = await send('createProject', { id: 'p3', name: 'billing' });
      expect(same).toEqual({
        ok: false,
        error: expect.stringContaining(twin),
        detail: 'A project named "Billing" already exists.',
      });
      const missing = await send('deleteActionItem', { id: 'nobody' });
      expect(missing).toMatchObject({ ok: false, error: expect.stringContaining(gone) });
      expect(await database.projects.toArray()).toEqual(before);
    },
  );

  it('words a malformed request for people and keeps what was wrong as the detail', async () => {
    const { send } = await start('de');
    expect(await send('createProject', { id: 'p2', name: 'Ok', colour: 'red' })).toEqual({
      ok: false,
      error: expect.stringContaining('konnte diese Anfrage nicht lesen'),
      detail: 'createProject: unknown field "colour"',
    });
  });

  it('falls back to English for a language it does not have', async () => {
    const { send } = await start('fr-FR');
    expect(await send('addPerson', { email: 'ana@example.com', name: 'Ana' })).toMatchObject({
      error: 'Ana (ana@example.com) is already in People.',
    });
  });
});

describe('the toolbar tooltip in the UI language', () => {
  it.each([
    ['de', 'Craft Beyond Code: keine offenen Aufgaben', 'Craft Beyond Code: 1 offene Aufgabe'],
    [
      'ja',
      'Craft Beyond Code: 未完了のタスクはありません',
      'Craft Beyond Code: 未完了のタスク 1 件',
    ],
    ['en', badgeTitleFor(0), badgeTitleFor(1)],
  ])('%s', async (_language, none, one) => {
    const { service, send } = await start(_language);
    await service.badge.refresh();
    expect(await fakeBrowser.action.getTitle({})).toBe(none);
    const add = {
      personEmail: 'ana@example.com',
      text: 'Call',
      owner: 'me',
      due: '',
      meetingEid: '',
    };
    expect(await send('addActionItem', add)).toMatchObject({ ok: true });
    await service.badge.refresh();
    expect(await fakeBrowser.action.getTitle({})).toBe(one);
  });
});
