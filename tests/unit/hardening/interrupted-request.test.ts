// A service worker stopped while it handles a request: Chrome rejects sendMessage with "the
// message channel closed before a response was received", and the write may or may not have been
// committed. The client resends only requests that are safe to repeat (reads, puts, adds that
// carry their id), so with the real handler and store behind a stubbed wire, an action item
// added while the worker stops is stored exactly once — whether the stop came before or after
// the commit — and requests that would double (add without id) or fail (delete) are not resent.

import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RequestError, sendRequest } from '@/utils/messaging/client';
import { createRequestHandler, type RequestHandler } from '@/utils/messaging/handlers';
import { notesForMeeting, openDatabase, type CbcDatabase } from '@/utils/store';

const CHANNEL_CLOSED =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
const PANEL_FRAME = {
  id: 'cbc',
  // The panel's frame: an extension page framed in a Calendar tab.
  url: 'chrome-extension://cbc/panel.html',
  tab: { id: 1, url: 'https://calendar.google.com/calendar/u/0/r/week' },
} as Browser.runtime.MessageSender;
const ALEX = 'alex@example.com';

let db: CbcDatabase;
let handle: RequestHandler;
let wire: MockInstance<(message: unknown) => Promise<unknown>>;

/** The worker stops at `when` during the first attempt; later attempts reach the handler. */
function stopOnFirstAttempt(when: 'before commit' | 'after commit') {
  let attempts = 0;
  wire.mockImplementation(async (message) => {
    attempts++;
    if (attempts > 1) return handle(message, PANEL_FRAME);
    if (when === 'after commit') await handle(message, PANEL_FRAME);
    throw new Error(CHANNEL_CLOSED);
  });
  return () => attempts;
}

// Real timers: fake-indexeddb schedules its work on them, and one retry waits only 50 ms.
const settle = <T>(promise: Promise<T>) => promise;

beforeEach(() => {
  db = openDatabase(`hardening-${crypto.randomUUID()}`);
  handle = createRequestHandler({
    db,
    notify: () => {},
    extensionId: 'cbc',
    extensionOrigin: 'chrome-extension://cbc',
  });
  wire = vi.spyOn(fakeBrowser.runtime, 'sendMessage') as unknown as MockInstance<
    (message: unknown) => Promise<unknown>
  >;
});

afterEach(async () => {
  await db.delete();
});

describe('a request interrupted by the worker stopping', () => {
  it.each(['before commit', 'after commit'] as const)(
    'stores an action item with an id exactly once when the stop comes %s',
    async (when) => {
      const attempts = stopOnFirstAttempt(when);
      const item = await settle(
        sendRequest('addActionItem', {
          id: 'item-1',
          personEmail: ALEX,
          text: 'Draft the RFC',
          owner: 'me',
          due: '',
          meetingEid: '',
        }),
      );
      expect(item.id).toBe('item-1');
      expect(attempts()).toBe(2);
      expect((await db.actionItems.toArray()).map((i) => i.text)).toEqual(['Draft the RFC']);
    },
  );

  it('resends a note save (a put) and keeps the text', async () => {
    await handle(
      {
        type: 'openOneOnOne',
        payload: {
          event: { eid: 'eid-1', seriesKey: 's', title: '1:1', start: 1 },
          person: { email: ALEX, name: 'Alex' },
        },
      },
      PANEL_FRAME,
    );
    stopOnFirstAttempt('after commit');
    await settle(sendRequest('saveNote', { meetingEid: 'eid-1', text: 'Kept', wellbeing: null }));
    expect((await notesForMeeting(db, 'eid-1'))?.text).toBe('Kept');
  });

  it('does not resend an add without an id (it would double) nor a delete', async () => {
    const attempts = stopOnFirstAttempt('after commit');
    await expect(
      settle(sendRequest('addTalkingPoint', { personEmail: ALEX, text: 'Offsite' })),
    ).rejects.toBeInstanceOf(RequestError);
    expect(attempts()).toBe(1);
    expect(await db.talkingPoints.count()).toBe(1);

    await settle(
      sendRequest('addActionItem', {
        id: 'item-9',
        personEmail: ALEX,
        text: 'Drop me',
        owner: 'me',
        due: '',
        meetingEid: '',
      }),
    );
    const deleteAttempts = stopOnFirstAttempt('after commit');
    await expect(settle(sendRequest('deleteActionItem', { id: 'item-9' }))).rejects.toBeInstanceOf(
      RequestError,
    );
    expect(deleteAttempts()).toBe(1);
    expect(await db.actionItems.get('item-9')).toBeUndefined();
  });
});
