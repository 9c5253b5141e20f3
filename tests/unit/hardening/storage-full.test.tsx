// Storage full: when IndexedDB refuses writes with a QuotaExceededError, the background answers
// with a message that says so in words (not "Internal error: …"), nothing is half-written, and
// the side panel shows that message for a failed note save and a failed add, and clears it once
// a save goes through again.

import { cleanup, render, screen, within } from '@testing-library/preact';
import type { DBCore } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { OneOnOnePanel } from '@/components/panel/one-on-one-panel';
import type { PanelActions } from '@/components/panel/panel-view';
import { createPanelModel, type PanelModel } from '@/entrypoints/panel/panel-model';
import type { CalendarEvent } from '@/utils/calendar/types';
import { RequestError } from '@/utils/messaging/client';
import {
  STORAGE_FULL_MESSAGE,
  createRequestHandler,
  isQuotaError,
  type RequestHandler,
} from '@/utils/messaging/handlers';
import type { DataChanged, RequestOf, RequestType, ResponseOf } from '@/utils/messaging/protocol';
import { exportBackup, notesForMeeting, openDatabase, type CbcDatabase } from '@/utils/store';

const EXTENSION_ID = 'cbc-hardening';
const PANEL_FRAME = {
  id: EXTENSION_ID,
  // The panel's frame: an extension page framed in a Calendar tab.
  url: `chrome-extension://${EXTENSION_ID}/panel.html`,
  tab: { id: 3, url: 'https://calendar.google.com/calendar/u/0/r/week' },
} as Browser.runtime.MessageSender;
const NOW = Date.UTC(2025, 5, 17, 9);
const ALEX = 'alex@example.com';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

let db: CbcDatabase;
let diskFull: boolean;
let notify: ReturnType<typeof vi.fn<(change: DataChanged) => void>>;
let handle: RequestHandler;

beforeEach(async () => {
  db = openDatabase(`hardening-${crypto.randomUUID()}`);
  diskFull = false;
  // Below Dexie, where IndexedDB itself would fail: every write is refused while the disk is full.
  db.use({
    stack: 'dbcore',
    name: 'disk-full',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => (diskFull ? Promise.reject(quotaError()) : table.mutate(request)),
        };
      },
    }),
  });
  notify = vi.fn<(change: DataChanged) => void>();
  handle = createRequestHandler({
    db,
    notify,
    now: () => NOW,
    extensionId: EXTENSION_ID,
    extensionOrigin: `chrome-extension://${EXTENSION_ID}`,
  });
  const opened = await handle(
    {
      type: 'openOneOnOne',
      payload: {
        event: { eid: 'eid-now', seriesKey: 'series-1', title: 'Alex / Sam 1:1', start: NOW },
        person: { email: ALEX, name: 'Alex Rivera' },
      },
    },
    PANEL_FRAME,
  );
  expect(opened).toMatchObject({ ok: true });
  notify.mockClear();
});

afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

describe('isQuotaError', () => {
  it('recognises the DOMException, Firefox’s name and Dexie’s wrapped form, and nothing else', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quotaError() })).toBe(true);
    expect(isQuotaError(new Error('x', { cause: quotaError() }))).toBe(true);
    expect(isQuotaError(new DOMException('gone', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

describe('the background when storage is full', () => {
  it.each([
    ['saveNote', { meetingEid: 'eid-now', text: 'Agreed on the plan', wellbeing: 4 }],
    [
      'addActionItem',
      { personEmail: ALEX, text: 'Send the RFC', owner: 'me', due: '', meetingEid: 'eid-now' },
    ],
    ['addTalkingPoint', { personEmail: ALEX, text: 'Offsite' }],
    ['createProject', { name: 'Apollo' }],
    [
      'openOneOnOne',
      {
        event: { eid: 'eid-next', seriesKey: 'series-1', title: 'Alex / Sam 1:1', start: NOW + 1 },
        person: { email: ALEX, name: 'Alex Rivera' },
      },
    ],
  ] as const)('answers %s with “storage is full” and writes nothing', async (type, payload) => {
    const before = await exportBackup(db, NOW);
    diskFull = true;
    const reply = await handle({ type, payload }, PANEL_FRAME);
    diskFull = false;
    expect(reply).toEqual({ ok: false, error: STORAGE_FULL_MESSAGE });
    expect(notify).not.toHaveBeenCalled();
    expect(await exportBackup(db, NOW)).toEqual(before);
    // The same request succeeds once there is room again (the failure above was the quota).
    expect(await handle({ type, payload }, PANEL_FRAME)).toMatchObject({ ok: true });
  });

  it('says so in words a user understands', () => {
    expect(STORAGE_FULL_MESSAGE).toMatch(/storage is full/i);
    expect(STORAGE_FULL_MESSAGE).toMatch(/not saved/i);
  });
});

describe('the side panel when storage is full', () => {
  const event: CalendarEvent = {
    surface: 'popover',
    eid: 'eid-now',
    eventId: 'series-1',
    calendarId: 'sam@example.com',
    seriesKey: 'series-1',
    title: 'Alex / Sam 1:1',
    start: NOW,
    guests: [
      { email: 'sam@example.com', name: 'Sam', isOrganizer: true, kind: 'person' },
      { email: ALEX, name: 'Alex Rivera', isOrganizer: false, kind: 'person' },
    ],
    guestListComplete: true,
    organizer: 'sam@example.com',
    me: 'sam@example.com',
    accountIndex: 0,
  };

  /** The real client's behaviour over the real handler: an error reply becomes RequestError. */
  async function send<T extends RequestType>(type: T, payload: RequestOf<T>) {
    const reply = await handle({ type, payload }, PANEL_FRAME);
    if (!reply.ok) throw new RequestError(reply.error);
    return reply.value as ResponseOf<T>;
  }

  async function openPanel(): Promise<PanelModel> {
    const model = createPanelModel({
      send,
      isExtensionGone: () => false,
      onGone: () => {},
      classify: () => ({ kind: 'not-one-on-one', reason: 'unused' }),
      canBeOneOnOne: () => false,
      persistScreenShareSafe: () => {},
      now: () => NOW,
      // Retries are driven by the test (flushNotes), never by the clock.
      debounceMs: 60_000,
      retryDelaysMs: [60_000],
    });
    await model.showEvent(event, {
      kind: 'one-on-one',
      person: { email: ALEX, name: 'Alex Rivera' },
      confidence: 'high',
      reason: 'two people',
    });
    return model;
  }

  function renderModel(model: PanelModel) {
    const state = model.getState();
    if (state.kind !== 'panel') throw new Error(`panel not shown: ${state.kind}`);
    cleanup();
    render(<OneOnOnePanel view={state.view} actions={model.actions as PanelActions} />);
    return screen.getByRole('complementary', { name: '1:1 with Alex Rivera' });
  }

  it('shows the message when notes cannot be saved, keeps the draft, and clears it once saved', async () => {
    const model = await openPanel();
    diskFull = true;
    model.actions.editNote('Alex wants to lead the migration');
    await model.flushNotes();
    let panel = renderModel(model);
    expect(within(panel).getByRole('alert').textContent).toBe(STORAGE_FULL_MESSAGE);
    expect(within(panel).getByText('Not saved — retrying')).toBeTruthy();
    expect(
      (
        within(panel).getByRole('textbox', {
          name: 'Notes for this meeting',
        }) as HTMLTextAreaElement
      ).value,
    ).toBe('Alex wants to lead the migration');
    expect((await notesForMeeting(db, 'eid-now'))?.text ?? '').toBe('');

    diskFull = false;
    await model.flushNotes();
    panel = renderModel(model);
    expect(within(panel).queryByRole('alert')).toBeNull();
    expect((await notesForMeeting(db, 'eid-now'))?.text).toBe('Alex wants to lead the migration');
    model.dispose();
  });

  it('shows the message when an action item cannot be added, and adds nothing', async () => {
    const model = await openPanel();
    diskFull = true;
    const added = await model.actions.addActionItem({ text: 'Send the RFC', owner: 'me', due: '' });
    expect(added).toBe(false);
    const panel = renderModel(model);
    expect(within(panel).getByRole('alert').textContent).toBe(STORAGE_FULL_MESSAGE);
    expect(await db.actionItems.count()).toBe(0);
    model.dispose();
  });
});
