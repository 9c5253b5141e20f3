import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeTextFor } from '@/utils/messaging/open-items-badge';
import { CHANGES_PORT } from '@/utils/messaging/protocol';
import { serveBackground, type BackgroundService } from '@/utils/messaging/serve-background';
import { addActionItem, openDatabase, type CbcDatabase } from '@/utils/store';
import { createBackgroundPort } from './fake-port';

const EXTENSION_ID = 'cbc';
const calendar = 'https://calendar.google.com/calendar/u/0/r';
/** The panel's frame in a Calendar tab: the context that writes notes and items. */
const fromPanel = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/panel.html`,
  tab: { id: 4, url: calendar },
} as Browser.runtime.MessageSender;
const NOW = Date.UTC(2025, 5, 2);

type MessageListener = (
  message: unknown,
  sender: Browser.runtime.MessageSender,
) => Promise<unknown>;
type ConnectListener = (port: Browser.runtime.Port) => void;

let db: CbcDatabase;
let onMessage: MessageListener;
let onConnect: ConnectListener;
let service: BackgroundService;

function start(): BackgroundService {
  return serveBackground(db, {
    runtime: {
      id: EXTENSION_ID,
      getURL: (path) => `chrome-extension://${EXTENSION_ID}${path}`,
      onMessage: { addListener: (listener) => (onMessage = listener) },
      onConnect: { addListener: (listener) => (onConnect = listener) },
    },
    action: fakeBrowser.action,
  });
}

const badgeText = () => fakeBrowser.action.getBadgeText({});

beforeEach(async () => {
  db = openDatabase('test-' + crypto.randomUUID());
  for (const id of ['a', 'b']) {
    await addActionItem(
      db,
      {
        id,
        personEmail: 'ana@example.com',
        text: `Item ${id}`,
        owner: 'me',
        due: '',
        meetingEid: '',
      },
      NOW,
    );
  }
  service = start();
});

afterEach(async () => {
  await db.delete();
});

describe('serveBackground', () => {
  it('shows the open action items on the badge at start', async () => {
    await service.badge.idle();
    expect(await badgeText()).toBe('2');
  });

  it('keeps the badge equal to the open items after every write', async () => {
    const send = (type: string, payload: unknown) => onMessage({ type, payload }, fromPanel);
    const add = {
      personEmail: 'bo@example.com',
      text: 'Call',
      owner: 'them',
      due: '',
      meetingEid: '',
    };
    expect(await send('addActionItem', add)).toMatchObject({ ok: true });
    await service.badge.idle();
    expect(await badgeText()).toBe('3');
    await send('setActionItemDone', { id: 'a', done: true });
    await send('deleteActionItem', { id: 'b' });
    await service.badge.idle();
    expect(await badgeText()).toBe('1');
    await send('deleteAllData', { confirm: 'delete everything' });
    await service.badge.idle();
    expect(await badgeText()).toBe('');
  });

  it('does not recount the badge after a write that cannot change it', async () => {
    await service.badge.idle();
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const reply = await onMessage(
      {
        type: 'openOneOnOne',
        payload: {
          event: { eid: 'eid-new', seriesKey: 's', title: '1:1', start: NOW },
          person: { email: 'bo@example.com', name: 'Bo' },
        },
      },
      fromPanel,
    );
    expect(reply).toMatchObject({ ok: true });
    await service.badge.idle();
    expect(setBadgeText).not.toHaveBeenCalled();
  });

  it('answers messages through the handler, refusing strangers', async () => {
    const stranger = { ...fromPanel, id: 'other-extension' } as Browser.runtime.MessageSender;
    expect(await onMessage({ type: 'deleteActionItem', payload: { id: 'a' } }, stranger)).toEqual({
      ok: false,
      error: 'Refused: not sent by this extension.',
    });
    expect(await db.actionItems.count()).toBe(2);
  });

  it('pushes changes to connected panels after a write', async () => {
    const panel = createBackgroundPort(CHANGES_PORT, fromPanel);
    onConnect(panel.asPort);
    await onMessage({ type: 'setActionItemDone', payload: { id: 'a', done: true } }, fromPanel);
    expect(panel.port.postMessage).toHaveBeenCalledExactlyOnceWith({
      type: 'dataChanged',
      personEmails: ['ana@example.com'],
    });
  });
});

describe('badgeTextFor', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [999, '999'],
    [1000, '999+'],
  ])('shows %i open items as %j', (count, text) => {
    expect(badgeTextFor(count)).toBe(text);
  });
});
