import { format } from 'date-fns';
import type { Counterpart, PanelData } from '@/utils/domain/records';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOW, actionItem, panelData } from '@/components/panel/panel-test-data';
import type { CalendarEvent, Classification } from '@/utils/calendar/types';
import type { RequestOf, RequestType, ResponseOf } from '@/utils/messaging/protocol';
import type { SeriesOverride } from '@/utils/domain/records';
import { GUEST_ROWS_GRACE_MS, createPanelModel, type PanelState } from './panel-model';

class GoneError extends Error {}

type Handlers = {
  [T in RequestType]?: (payload: RequestOf<T>) => ResponseOf<T> | Promise<ResponseOf<T>>;
};

/**
 * A stub background. Unless a test gives its own, showEvent is served like the real one from the
 * test's getSeriesOverride and openOneOnOne handlers; those inner store calls are listed in
 * `calls` too (marked `inner`), so callsOf('openOneOnOne') counts every recording and read.
 */
function stubClient(handlers: Handlers) {
  const calls: Array<{ type: RequestType; payload: unknown; inner?: true }> = [];
  const serve = <T extends RequestType>(type: T, payload: RequestOf<T>) => {
    const handler = handlers[type] as ((p: RequestOf<T>) => ResponseOf<T>) | undefined;
    if (!handler) throw new Error(`unexpected request ${type}`);
    return handler(payload);
  };
  const inner = <T extends RequestType>(type: T, payload: RequestOf<T>) => {
    calls.push({ type, payload, inner: true });
    return serve(type, payload);
  };
  const backgroundShowEvent = async ({ event, person }: RequestOf<'showEvent'>) => {
    const override = await inner('getSeriesOverride', { seriesKey: event.seriesKey });
    const counterpart: Counterpart | null = override
      ? override.decision === 'one-on-one'
        ? { email: override.personEmail, name: override.personName }
        : null
      : person;
    const panel = counterpart ? await inner('openOneOnOne', { event, person: counterpart }) : null;
    return { override, panel };
  };
  const send = async <T extends RequestType>(type: T, payload: RequestOf<T>) => {
    calls.push({ type, payload });
    if (type === 'showEvent' && !handlers.showEvent) {
      return backgroundShowEvent(payload as RequestOf<'showEvent'>) as Promise<ResponseOf<T>>;
    }
    return serve(type, payload);
  };
  const callsOf = (type: RequestType) => calls.filter((call) => call.type === type);
  /** The requests that crossed to the background (round trips), in order. */
  const roundTrips = () => calls.filter((call) => !call.inner).map((call) => call.type);
  return { send, calls, callsOf, roundTrips };
}

function calendarEvent(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    surface: 'popover',
    eid: 'eid-now',
    eventId: 'series-1_20250617T080000Z',
    calendarId: 'sam@example.com',
    seriesKey: 'series-1',
    title: 'Alex / Sam 1:1',
    start: NOW,
    guests: [
      { email: 'sam@example.com', name: 'Sam', isOrganizer: true, kind: 'person' },
      { email: 'alex@example.com', name: 'Alex Rivera', isOrganizer: false, kind: 'person' },
      { email: 'room@resource.calendar.google.com', name: '', isOrganizer: false, kind: 'room' },
    ],
    guestListComplete: true,
    organizer: 'sam@example.com',
    me: 'sam@example.com',
    accountIndex: 0,
    ...overrides,
  };
}

const oneOnOne: Classification = {
  kind: 'one-on-one',
  person: { email: 'alex@example.com', name: 'Alex Rivera' },
  confidence: 'high',
  reason: 'two people',
};
const unknown: Classification = { kind: 'unknown', reason: 'collapsed guest list' };

function setup(
  handlers: Handlers,
  classifyTask = false,
  copyToClipboard?: (agenda: { text: string; markdown: string }) => Promise<void>,
) {
  const client = stubClient({ getSeriesOverride: () => null, ...handlers });
  const onGone = vi.fn();
  const persisted: boolean[] = [];
  let id = 0;
  const model = createPanelModel({
    send: client.send,
    isExtensionGone: (error) => error instanceof GoneError,
    onGone,
    classify: (_event, override: SeriesOverride): Classification =>
      classifyTask
        ? { kind: 'not-one-on-one', reason: 'task' }
        : override.decision === 'one-on-one'
          ? {
              kind: 'one-on-one',
              person: { email: override.personEmail, name: override.personName },
              confidence: 'high',
              reason: 'override',
            }
          : { kind: 'not-one-on-one', reason: 'override' },
    canBeOneOnOne: () => !classifyTask,
    persistScreenShareSafe: (on) => persisted.push(on),
    copyToClipboard,
    now: () => NOW,
    newId: () => `id-${++id}`,
    debounceMs: 600,
    retryDelaysMs: [1000],
    undoMs: 5000,
  });
  const panel = () => {
    const state: PanelState = model.getState();
    if (state.kind !== 'panel') throw new Error(`expected a panel, got ${state.kind}`);
    return state.view;
  };
  return { model, client, onGone, persisted, panel };
}

describe('createPanelModel', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens a 1:1 of an unseen series in one round trip: decision and panel data together', async () => {
    const data = panelData();
    const { model, client, panel } = setup({ openOneOnOne: () => data });
    await model.showEvent(calendarEvent(), oneOnOne);
    expect(client.roundTrips()).toEqual(['showEvent']);
    expect(client.callsOf('showEvent')[0]?.payload).toEqual({
      event: {
        eid: 'eid-now',
        seriesKey: 'series-1',
        title: 'Alex / Sam 1:1',
        start: NOW,
        recurrenceDays: null,
      },
      person: { email: 'alex@example.com', name: 'Alex Rivera' },
    });
    expect(panel().data).toBe(data);
    // The decision is cached per series: a second show reads the panel data only.
    await model.showEvent(calendarEvent({ eid: 'eid-next' }), oneOnOne);
    expect(client.roundTrips()).toEqual(['showEvent', 'openOneOnOne']);
    expect(client.callsOf('openOneOnOne')[1]?.payload).toMatchObject({
      event: { eid: 'eid-next' },
    });
  });

  it('unseen series: shows the person at once, and their data when the answer comes', async () => {
    const data = panelData();
    let answer: (value: ResponseOf<'showEvent'>) => void = () => {};
    const { model, panel } = setup({
      showEvent: () => new Promise((resolve) => (answer = resolve)),
    });
    const showing = model.showEvent(calendarEvent(), oneOnOne);
    expect(panel().person).toEqual(oneOnOne.person);
    expect(panel().data).toBeNull();
    answer({ override: null, panel: data });
    await showing;
    expect(panel().data).toBe(data);
  });

  it('unseen series: a stored "not a 1:1" decision takes back the panel shown at once', async () => {
    let answer: (value: ResponseOf<'showEvent'>) => void = () => {};
    const { model } = setup({ showEvent: () => new Promise((resolve) => (answer = resolve)) });
    const showing = model.showEvent(calendarEvent(), oneOnOne);
    expect(model.getState().kind).toBe('panel');
    answer({
      override: {
        seriesKey: 'series-1',
        decision: 'not-one-on-one',
        personEmail: '',
        personName: '',
        updatedAt: 0,
      },
      panel: null,
    });
    await showing;
    expect(model.getState().kind).toBe('override');
  });

  it("passes the series' recurrence on, so the store can take the cadence from it", async () => {
    const { model, client } = setup({ openOneOnOne: () => panelData() });
    await model.showEvent(calendarEvent({ recurrenceDays: 7 }), oneOnOne);
    expect(client.callsOf('showEvent')[0]?.payload).toMatchObject({
      event: { recurrenceDays: 7 },
    });
    await model.showEvent(calendarEvent({ eid: 'eid-next', recurrenceDays: 14 }), oneOnOne);
    expect(client.callsOf('openOneOnOne').at(-1)?.payload).toMatchObject({
      event: { eid: 'eid-next', recurrenceDays: 14 },
    });
  });

  it('unseen series, "not a 1:1" decision: one request, nothing recorded, the small control', async () => {
    const { model, client } = setup({
      showEvent: ({ event }) => ({
        override: {
          seriesKey: event.seriesKey,
          decision: 'not-one-on-one',
          personEmail: '',
          personName: '',
          updatedAt: 0,
        },
        panel: null,
      }),
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    expect(client.roundTrips()).toEqual(['showEvent']);
    expect(model.getState().kind).toBe('override');
    // The decision is cached: showing the series again records nothing either.
    await model.showEvent(calendarEvent({ eid: 'eid-next' }), oneOnOne);
    expect(client.roundTrips()).toEqual(['showEvent']);
    expect(model.getState().kind).toBe('override');
  });

  it('unseen series, "1:1 with" decision: uses the panel recorded for the decision’s person', async () => {
    const kim = panelData({ person: { ...panelData().person, email: 'kim@example.com' } });
    const { model, client, panel } = setup({
      showEvent: ({ event }) => ({
        override: {
          seriesKey: event.seriesKey,
          decision: 'one-on-one',
          personEmail: 'kim@example.com',
          personName: 'Kim',
          updatedAt: 0,
        },
        panel: kim,
      }),
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    expect(client.roundTrips()).toEqual(['showEvent']);
    expect(panel().person).toEqual({ email: 'kim@example.com', name: 'Kim' });
    expect(panel().data).toBe(kim);
  });

  it('unseen series: a panel recorded for another person is not shown; it reads its own', async () => {
    const alex = panelData();
    const { model, client, panel } = setup({
      showEvent: () => ({
        override: null,
        panel: panelData({ person: { ...panelData().person, email: 'kim@example.com' } }),
      }),
      openOneOnOne: () => alex,
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    expect(client.roundTrips()).toEqual(['showEvent', 'openOneOnOne']);
    expect(panel().data).toBe(alex);
  });

  it('unseen series of an event no decision can make a 1:1 (a task): only reads the decision', async () => {
    const { model, client } = setup(
      {
        getSeriesOverride: ({ seriesKey }) => ({
          seriesKey,
          decision: 'one-on-one',
          personEmail: 'alex@example.com',
          personName: 'Alex',
          updatedAt: 0,
        }),
      },
      true,
    );
    await model.showEvent(calendarEvent(), { kind: 'not-one-on-one', reason: 'task' });
    expect(client.roundTrips()).toEqual(['getSeriesOverride']);
    expect(client.callsOf('openOneOnOne')).toHaveLength(0);
  });

  it('unseen series of an event the classifier does not call a 1:1: sends no counterpart', async () => {
    const { model, client } = setup({});
    await model.showEvent(calendarEvent(), unknown);
    expect(client.callsOf('showEvent')[0]?.payload).toMatchObject({ person: null });
    expect(client.callsOf('openOneOnOne')).toHaveLength(0);
    expect(model.getState().kind).toBe('override');
  });

  it('lets a "not a 1:1" decision win: no panel data is read or recorded', async () => {
    const { model, client } = setup({
      getSeriesOverride: ({ seriesKey }) => ({
        seriesKey,
        decision: 'not-one-on-one',
        personEmail: 'alex@example.com',
        personName: '',
        updatedAt: 0,
      }),
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    expect(client.callsOf('openOneOnOne')).toHaveLength(0);
    const state = model.getState();
    expect(state.kind).toBe('override');
    if (state.kind === 'override') {
      expect(state.view.candidates).toEqual([{ email: 'alex@example.com', name: 'Alex Rivera' }]);
    }
  });

  it('holds the override control while a popover may still stream its guest rows in', async () => {
    const { model } = setup({ openOneOnOne: () => panelData() });
    const noRowsYet = calendarEvent({ guests: [], guestListComplete: false });
    await model.showEvent(noRowsYet, unknown);
    expect(model.getState().kind).toBe('hidden');
    // The rows arrive: straight to the panel, the control never shown.
    await vi.advanceTimersByTimeAsync(GUEST_ROWS_GRACE_MS / 2);
    await model.showEvent(calendarEvent(), oneOnOne);
    expect(model.getState().kind).toBe('panel');
  });

  it('shows the override control once no guest rows came (a collapsed or empty list)', async () => {
    const { model } = setup({});
    await model.showEvent(calendarEvent({ guests: [], guestListComplete: false }), unknown);
    await vi.advanceTimersByTimeAsync(GUEST_ROWS_GRACE_MS - 1);
    expect(model.getState().kind).toBe('hidden');
    await vi.advanceTimersByTimeAsync(1);
    expect(model.getState().kind).toBe('override');
    // Shown again (another batch of the same popover): no second wait.
    await model.showEvent(calendarEvent({ guests: [], guestListComplete: false }), unknown);
    expect(model.getState().kind).toBe('override');
    // Closed and opened again: Calendar streams the section in again.
    await model.close();
    await model.showEvent(calendarEvent({ guests: [], guestListComplete: false }), unknown);
    expect(model.getState().kind).toBe('hidden');
    // The full event page has no lazy guest section: no wait there.
    await model.showEvent(
      calendarEvent({
        eid: 'eid-page',
        surface: 'event-page',
        guests: [],
        guestListComplete: false,
      }),
      unknown,
    );
    expect(model.getState().kind).toBe('override');
  });

  it('treats an unknown event as a 1:1 when the user says so', async () => {
    const { model, client, panel } = setup({
      setSeriesOverride: (request) => ({ ...request, updatedAt: NOW }),
      openOneOnOne: () => panelData(),
    });
    await model.showEvent(calendarEvent(), unknown);
    expect(model.getState().kind).toBe('override');
    model.overrideActions.treatAsOneOnOne({ email: 'alex@example.com', name: 'Alex Rivera' });
    await vi.advanceTimersByTimeAsync(0);
    expect(client.callsOf('setSeriesOverride')[0]?.payload).toEqual({
      seriesKey: 'series-1',
      decision: 'one-on-one',
      personEmail: 'alex@example.com',
      personName: 'Alex Rivera',
    });
    expect(panel().person.email).toBe('alex@example.com');
    expect(client.callsOf('openOneOnOne')).toHaveLength(1);
  });

  it('marks a 1:1 as not one: the panel gives way to the small control', async () => {
    const { model, client } = setup({
      openOneOnOne: () => panelData(),
      setSeriesOverride: (request) => ({ ...request, updatedAt: NOW }),
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    model.actions.markNotOneOnOne();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.callsOf('setSeriesOverride')[0]?.payload).toMatchObject({
      decision: 'not-one-on-one',
    });
    expect(model.getState().kind).toBe('override');
  });

  it('autosaves the draft (debounced) with the wellbeing, and a refresh keeps the draft', async () => {
    const saved: unknown[] = [];
    const { model, client, panel } = setup({
      openOneOnOne: () =>
        panelData({
          note: {
            meetingEid: 'eid-now',
            personEmail: 'alex@example.com',
            meetingStart: NOW,
            text: 'stored text',
            wellbeing: 3,
            updatedAt: NOW,
          },
        }),
      saveNote: (request) => {
        saved.push(request);
        return { ...request, personEmail: 'alex@example.com', meetingStart: NOW, updatedAt: NOW };
      },
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    expect(panel().noteText).toBe('stored text');
    model.actions.editNote('typed by the user');
    expect(panel().noteStatus).toBe('saving');
    await model.refresh();
    expect(client.callsOf('openOneOnOne')).toHaveLength(2);
    expect(panel().noteText).toBe('typed by the user');
    await vi.advanceTimersByTimeAsync(599);
    expect(saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([{ meetingEid: 'eid-now', text: 'typed by the user', wellbeing: 3 }]);
    expect(panel().noteStatus).toBe('saved');
  });

  it('saves a wellbeing check-in at once with the current text', async () => {
    const saved: unknown[] = [];
    const { model, panel } = setup({
      openOneOnOne: () => panelData(),
      saveNote: (request) => {
        saved.push(request);
        return { ...request, personEmail: 'alex@example.com', meetingStart: NOW, updatedAt: NOW };
      },
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    model.actions.setWellbeing(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([{ meetingEid: 'eid-now', text: '', wellbeing: 2 }]);
    expect(panel().wellbeing).toBe(2);
  });

  it('clears a wellbeing check-in at once, keeping the text', async () => {
    const saved: unknown[] = [];
    const withCheckIn = panelData({
      note: {
        meetingEid: 'eid-now',
        personEmail: 'alex@example.com',
        meetingStart: NOW,
        text: 'Good week',
        wellbeing: 4,
        updatedAt: NOW,
      },
    });
    const { model, panel } = setup({
      openOneOnOne: () => withCheckIn,
      saveNote: (request) => {
        saved.push(request);
        return { ...request, personEmail: 'alex@example.com', meetingStart: NOW, updatedAt: NOW };
      },
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    expect(panel().wellbeing).toBe(4);
    model.actions.setWellbeing(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([{ meetingEid: 'eid-now', text: 'Good week', wellbeing: null }]);
    expect(panel().wellbeing).toBe(null);
  });

  it('flushes the draft when the popover closes or another event is shown', async () => {
    const saved: Array<{ meetingEid: string; text: string }> = [];
    const { model } = setup({
      openOneOnOne: ({ event }) =>
        panelData({ meeting: { ...panelData().meeting, eid: event.eid } }),
      saveNote: (request) => {
        saved.push(request);
        return { ...request, personEmail: 'alex@example.com', meetingStart: NOW, updatedAt: NOW };
      },
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    model.actions.editNote('first words');
    await model.showEvent(calendarEvent({ eid: 'eid-other' }), oneOnOne);
    expect(saved).toEqual([
      expect.objectContaining({ meetingEid: 'eid-now', text: 'first words' }),
    ]);
    model.actions.editNote('second words');
    await model.close();
    expect(model.getState().kind).toBe('hidden');
    expect(saved.at(-1)).toEqual(
      expect.objectContaining({ meetingEid: 'eid-other', text: 'second words' }),
    );
  });

  it('retries a failed save when the service worker reconnects', async () => {
    let fail = true;
    const { model, panel, client } = setup({
      openOneOnOne: () => panelData(),
      saveNote: (request) => {
        if (fail) throw new Error('Receiving end does not exist');
        return { ...request, personEmail: 'alex@example.com', meetingStart: NOW, updatedAt: NOW };
      },
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    model.actions.editNote('do not lose me');
    model.actions.flushNote();
    await vi.advanceTimersByTimeAsync(0);
    expect(panel().noteStatus).toBe('retrying');
    expect(panel().noteText).toBe('do not lose me');
    fail = false;
    model.dataChanged({ type: 'dataChanged', personEmails: [] });
    await vi.advanceTimersByTimeAsync(0);
    expect(client.callsOf('saveNote')).toHaveLength(2);
    expect(panel().noteStatus).toBe('saved');
  });

  it('adds an action item with an idempotency id and re-reads the panel', async () => {
    const { model, client } = setup({
      openOneOnOne: () => panelData(),
      addActionItem: (request) => actionItem({ ...request, id: request.id ?? 'x' }),
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    const added = await model.actions.addActionItem({ text: 'Ship it', owner: 'me', due: '' });
    expect(added).toBe(true);
    expect(client.callsOf('addActionItem')[0]?.payload).toEqual({
      id: 'id-1',
      personEmail: 'alex@example.com',
      text: 'Ship it',
      owner: 'me',
      due: '',
      meetingEid: 'eid-now',
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(client.callsOf('openOneOnOne')).toHaveLength(2);
  });

  it('reports a failed add in the panel and says so to the form', async () => {
    const { model, panel } = setup({
      openOneOnOne: () => panelData(),
      addActionItem: () => {
        throw new Error('Text is too long.');
      },
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    expect(await model.actions.addActionItem({ text: 'x', owner: 'me', due: '' })).toBe(false);
    expect(panel().error).toBe('Text is too long.');
  });

  it('checks an item off at once and keeps it listed', async () => {
    const item = actionItem();
    const { model, client, panel } = setup({
      openOneOnOne: () => panelData({ openItems: [item] }),
      setActionItemDone: ({ id, done }) => ({ ...item, id, doneAt: done ? NOW : null }),
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    model.actions.setActionItemDone(item, true);
    expect(panel().doneItems).toEqual([expect.objectContaining({ id: item.id, doneAt: NOW })]);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.callsOf('setActionItemDone')[0]?.payload).toEqual({
      id: item.id,
      personEmail: item.personEmail,
      done: true,
    });
  });

  it('deletes an item with undo', async () => {
    const item = actionItem();
    let items = [item];
    const { model, client, panel } = setup({
      openOneOnOne: () => panelData({ openItems: items }),
      deleteActionItem: () => {
        items = [];
        return item;
      },
      restoreActionItem: ({ item: restored }) => {
        items = [restored];
        return restored;
      },
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    model.actions.deleteActionItem(item);
    await vi.advanceTimersByTimeAsync(0);
    expect(panel().data?.openItems).toEqual([]);
    expect(panel().undo).toEqual({ message: 'Action item deleted' });
    model.actions.undo();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.callsOf('restoreActionItem')[0]?.payload).toEqual({ item });
    expect(panel().undo).toBeNull();
    expect(panel().data?.openItems).toEqual([item]);
  });

  it('lets the undo offer lapse', async () => {
    const item = actionItem();
    const { model, panel } = setup({
      openOneOnOne: () => panelData(),
      deleteActionItem: () => item,
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    model.actions.deleteActionItem(item);
    await vi.advanceTimersByTimeAsync(0);
    expect(panel().undo).not.toBeNull();
    await vi.advanceTimersByTimeAsync(5000);
    expect(panel().undo).toBeNull();
  });

  it('adds a talking point and marks one discussed in this meeting', async () => {
    const data: PanelData = panelData();
    const point = data.talkingPoints[0]!;
    const { model, client, panel } = setup({
      openOneOnOne: () => data,
      addTalkingPoint: (request) => ({ ...point, id: request.id ?? 'x', text: request.text }),
      setTalkingPointDiscussed: () => ({ ...point, discussedAt: NOW, open: 0 }),
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    await model.actions.addTalkingPoint('Career goals');
    expect(client.callsOf('addTalkingPoint')[0]?.payload).toEqual({
      id: 'id-1',
      personEmail: 'alex@example.com',
      text: 'Career goals',
    });
    model.actions.setTalkingPointDiscussed(point, true);
    expect(panel().discussedPoints[0]).toMatchObject({ id: point.id, discussedIn: 'eid-now' });
    await vi.advanceTimersByTimeAsync(0);
    expect(client.callsOf('setTalkingPointDiscussed')[0]?.payload).toEqual({
      id: point.id,
      personEmail: 'alex@example.com',
      discussed: true,
      meetingEid: 'eid-now',
    });
  });

  it('checks a standing topic at once and records it for this meeting', async () => {
    const data: PanelData = panelData();
    const { model, client, panel } = setup({
      openOneOnOne: () => data,
      setStandingTopicDiscussed: (request) => ({
        id: 'd-1',
        topicId: request.topicId,
        personEmail: 'alex@example.com',
        meetingEid: request.meetingEid,
        meetingStart: NOW,
        discussedAt: NOW,
      }),
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    model.actions.setStandingTopicDiscussed('topic-1', true);
    expect(panel().topicChecks).toEqual({ 'topic-1': true });
    await vi.advanceTimersByTimeAsync(0);
    expect(client.callsOf('setStandingTopicDiscussed')[0]?.payload).toEqual({
      topicId: 'topic-1',
      meetingEid: 'eid-now',
      discussed: true,
    });
  });

  it('adds to the feedback log dated today, in this meeting', async () => {
    const data: PanelData = panelData();
    const { model, client } = setup({
      openOneOnOne: () => data,
      addFeedbackEntry: (request) => ({
        ...request,
        id: request.id ?? 'x',
        createdAt: NOW,
        updatedAt: NOW,
      }),
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    expect(await model.actions.addFeedbackEntry('win', 'Shipped search')).toBe(true);
    expect(client.callsOf('addFeedbackEntry')[0]?.payload).toEqual({
      id: 'id-1',
      personEmail: 'alex@example.com',
      day: format(NOW, 'yyyy-MM-dd'),
      kind: 'win',
      text: 'Shipped search',
      meetingEid: 'eid-now',
    });
  });

  it('copies the agenda of this 1:1 without what was discussed here, and says when it cannot', async () => {
    const data: PanelData = panelData();
    const copied: Array<{ text: string; markdown: string }> = [];
    const { model } = setup({
      openOneOnOne: () => data,
      setTalkingPointDiscussed: (request) => ({
        ...data.talkingPoints[0]!,
        id: request.id,
        discussedAt: NOW,
        open: 0,
      }),
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    // No clipboard given: nothing to copy with.
    expect(await model.actions.copyAgenda()).toBe(false);
    const withClipboard = setup(
      {
        openOneOnOne: () => data,
        setTalkingPointDiscussed: (request) => ({
          ...data.talkingPoints[0]!,
          id: request.id,
          discussedAt: NOW,
          open: 0,
        }),
      },
      false,
      async (agenda) => {
        copied.push(agenda);
      },
    );
    await withClipboard.model.showEvent(calendarEvent(), oneOnOne);
    withClipboard.model.actions.setTalkingPointDiscussed(data.talkingPoints[0]!, true);
    expect(await withClipboard.model.actions.copyAgenda()).toBe(true);
    expect(copied).toHaveLength(1);
    expect(copied[0]!.markdown).toContain('## Open items: theirs\n\n- Send the RFC');
    expect(copied[0]!.markdown).not.toContain('Promotion timeline');
    expect(copied[0]!.text).toContain('How are you, really?');
  });

  it('refreshes on changes for this person only', async () => {
    const { model, client } = setup({ openOneOnOne: () => panelData() });
    await model.showEvent(calendarEvent(), oneOnOne);
    model.dataChanged({ type: 'dataChanged', personEmails: ['kim@example.com'] });
    await vi.advanceTimersByTimeAsync(0);
    expect(client.callsOf('openOneOnOne')).toHaveLength(1);
    model.dataChanged({ type: 'dataChanged', personEmails: ['alex@example.com'] });
    await vi.advanceTimersByTimeAsync(0);
    expect(client.callsOf('openOneOnOne')).toHaveLength(2);
  });

  it('drops a late answer for an event that is no longer shown', async () => {
    let resolveFirst: (data: PanelData) => void = () => {};
    const { model, panel } = setup({
      openOneOnOne: ({ event }) =>
        event.eid === 'eid-slow'
          ? new Promise<PanelData>((resolve) => (resolveFirst = resolve))
          : panelData(),
    });
    const slow = model.showEvent(calendarEvent({ eid: 'eid-slow' }), oneOnOne);
    await vi.advanceTimersByTimeAsync(0);
    await model.showEvent(calendarEvent(), oneOnOne);
    resolveFirst(panelData({ meeting: { ...panelData().meeting, eid: 'eid-slow' } }));
    await slow;
    expect(panel().data?.meeting.eid).toBe('eid-now');
  });

  it('reopened right after closing: the new panel gets its own data whatever the answer order', async () => {
    const answers: Array<{ eid: string; resolve: (data: PanelData) => void }> = [];
    const { model, client, panel } = setup({
      openOneOnOne: ({ event }) =>
        new Promise<PanelData>((resolve) => answers.push({ eid: event.eid, resolve })),
    });
    const dataFor = (eid: string) => panelData({ meeting: { ...panelData().meeting, eid } });
    void model.showEvent(calendarEvent({ eid: 'eid-a' }), oneOnOne);
    await vi.advanceTimersByTimeAsync(0);
    void model.close();
    void model.showEvent(calendarEvent({ eid: 'eid-b' }), oneOnOne);
    await vi.advanceTimersByTimeAsync(0);
    // The same occurrence re-read (guest rows streamed in): a third request, same session.
    void model.showEvent(
      calendarEvent({ eid: 'eid-b', title: 'Alex / Sam 1:1 (moved)' }),
      oneOnOne,
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(answers.map((answer) => answer.eid)).toEqual(['eid-a', 'eid-b', 'eid-b']);
    // Newest first, then the older ones: none of them may leave the panel at Loading or on A.
    answers[2]!.resolve(dataFor('eid-b'));
    answers[0]!.resolve(dataFor('eid-a'));
    answers[1]!.resolve(dataFor('eid-b'));
    await vi.advanceTimersByTimeAsync(0);
    expect(panel().data?.meeting.eid).toBe('eid-b');
    // Each show of the still-unseen series was one round trip; none needed a second.
    expect(client.roundTrips()).toEqual(['showEvent', 'showEvent', 'showEvent']);
  });

  it('never asks for one event with the previous person while the new decision is pending', async () => {
    let answerOverride: (value: null) => void = () => {};
    const { model, client, panel } = setup({
      getSeriesOverride: ({ seriesKey }) =>
        seriesKey === 'series-2' ? new Promise((resolve) => (answerOverride = resolve)) : null,
      openOneOnOne: ({ event, person }) =>
        panelData({
          person: { ...panelData().person, email: person.email },
          meeting: { ...panelData().meeting, eid: event.eid },
        }),
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    // Calendar reuses the popover for another 1:1 (another series, another person).
    const jordan: Classification = {
      kind: 'one-on-one',
      person: { email: 'jordan@example.com', name: 'Jordan' },
      confidence: 'high',
      reason: 'two people',
    };
    const next = model.showEvent(
      calendarEvent({ eid: 'eid-jordan', seriesKey: 'series-2', eventId: 'series-2_x' }),
      jordan,
    );
    // A change for Alex arrives while Jordan's series decision is being asked.
    model.dataChanged({ type: 'dataChanged', personEmails: ['alex@example.com'] });
    await vi.advanceTimersByTimeAsync(0);
    answerOverride(null);
    await next;
    const requests = client.callsOf('openOneOnOne').map(({ payload }) => {
      const { event, person } = payload as RequestOf<'openOneOnOne'>;
      return `${event.eid} ${person.email}`;
    });
    expect(requests).toEqual(['eid-now alex@example.com', 'eid-jordan jordan@example.com']);
    expect(panel().person.email).toBe('jordan@example.com');
    expect(panel().data?.meeting.eid).toBe('eid-jordan');
  });

  it('shows the last data of a reopened occurrence at once, then refreshes it', async () => {
    let version = 0;
    let answer: (data: PanelData) => void = () => {};
    const { model, client, panel } = setup({
      openOneOnOne: () =>
        version++ === 0 ? panelData() : new Promise<PanelData>((resolve) => (answer = resolve)),
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    const first = panel().data;
    await model.close();
    void model.showEvent(calendarEvent(), oneOnOne);
    await vi.advanceTimersByTimeAsync(0);
    // No Loading: the cached answer, while the store is asked again.
    expect(panel().data).toBe(first);
    expect(client.callsOf('openOneOnOne')).toHaveLength(2);
    const fresh = panelData({ openItems: [] });
    answer(fresh);
    await vi.advanceTimersByTimeAsync(0);
    expect(panel().data).toBe(fresh);
  });

  it('does not offer cached data for an occurrence whose note was edited, nor after a change', async () => {
    const { model, panel } = setup({
      openOneOnOne: () => panelData(),
      saveNote: (draft) => ({ ...draft, updatedAt: NOW }) as ResponseOf<'saveNote'>,
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    model.actions.editNote('typed just now');
    await model.close();
    void model.showEvent(calendarEvent(), oneOnOne);
    expect(panel().data).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    await model.close();
    model.dataChanged({ type: 'dataChanged', personEmails: ['alex@example.com'] });
    void model.showEvent(calendarEvent(), oneOnOne);
    expect(panel().data).toBeNull();
  });

  it('goes quiet when the extension is gone', async () => {
    const { model, onGone } = setup({
      openOneOnOne: () => {
        throw new GoneError();
      },
    });
    await model.showEvent(calendarEvent(), oneOnOne);
    expect(onGone).toHaveBeenCalledTimes(1);
    expect(model.getState().kind).toBe('hidden');
    await model.showEvent(calendarEvent(), oneOnOne);
    expect(model.getState().kind).toBe('hidden');
  });

  it('toggles and persists screen-share safe', async () => {
    const { model, persisted, panel } = setup({ openOneOnOne: () => panelData() });
    await model.showEvent(calendarEvent(), oneOnOne);
    model.actions.toggleScreenShareSafe();
    expect(panel().screenShareSafe).toBe(true);
    expect(persisted).toEqual([true]);
    model.setScreenShareSafe(false);
    expect(panel().screenShareSafe).toBe(false);
  });
});
