import { afterEach, describe, expect, it, vi } from 'vitest';
import { PANEL_HELLO, type FromPanel, type ToPanel } from '@/utils/messaging/panel-channel';
import { acceptPanelChannel, parseToPanel, type PanelPort } from './frame-channel';

const event = {
  surface: 'popover',
  eid: 'eid-1',
  eventId: 'series-1',
  calendarId: 'sam@example.com',
  seriesKey: 'series-1',
  title: '1:1',
  start: 1_750_000_000_000,
  guests: [{ email: 'alex@example.com', name: 'Alex', isOrganizer: true, kind: 'person' }],
  guestListComplete: true,
  organizer: 'alex@example.com',
  me: 'sam@example.com',
  accountIndex: 0,
};

describe('parseToPanel', () => {
  it.each<[string, unknown]>([
    ['show', { type: 'show', event }],
    ['show with the series’ recurrence', { type: 'show', event: { ...event, recurrenceDays: 7 } }],
    ['close', { type: 'close' }],
    ['theme', { type: 'theme', theme: 'dark' }],
    ['flush', { type: 'flush' }],
    ['toggleScreenShare', { type: 'toggleScreenShare' }],
    ['focus', { type: 'focus' }],
  ])('accepts %s', (_name, message) => {
    expect(parseToPanel(message)).toEqual({ ok: true, message });
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'show', 'panel message: unknown type'],
    ['an unknown type', { type: 'save', text: 'x' }, 'panel message: unknown type'],
    ['a prototype key', { type: '__proto__' }, 'panel message: unknown type'],
    ['an extra field', { type: 'close', text: 'x' }, 'panel message close: unknown field "text"'],
    [
      'a bad theme',
      { type: 'theme', theme: 'pink' },
      'panel message theme.theme: expected "light" or "dark"',
    ],
    [
      'a guest that is not a person, room or group',
      { type: 'show', event: { ...event, guests: [{ ...event.guests[0], kind: 'boss' }] } },
      'panel message show.event.guests[0].kind: expected "person", "room" or "group"',
    ],
    [
      'an event without its eid',
      { type: 'show', event: { ...event, eid: undefined } },
      'panel message show.event.eid: expected a string',
    ],
  ])('refuses %s with a message naming the field', (_name, message, error) => {
    expect(parseToPanel(message)).toEqual({ ok: false, error });
  });
});

let life = new AbortController();
afterEach(() => life.abort());

function setup(claim: (nonce: string) => Promise<boolean>) {
  life = new AbortController();
  const win = new EventTarget() as EventTarget & { parent: unknown };
  const parent = {};
  win.parent = parent;
  const received: ToPanel[] = [];
  const opened: PanelPort[] = [];
  acceptPanelChannel({
    win: win as unknown as Window,
    claim,
    onMessage: (message) => received.push(message),
    onOpen: (port) => opened.push(port),
    signal: life.signal,
  });
  /** A window message, from the parent (the content script's window) unless said otherwise. */
  const post = (data: unknown, source: unknown = parent, ports: MessagePort[] = []) =>
    win.dispatchEvent(
      new MessageEvent('message', { data, source: source as MessageEventSource, ports }),
    );
  const hello = (nonce: string, source: unknown = parent) => {
    const channel = new MessageChannel();
    const answers: FromPanel[] = [];
    channel.port1.onmessage = (message) => answers.push(message.data as FromPanel);
    post({ kind: PANEL_HELLO, nonce }, source, [channel.port2]);
    return { port: channel.port1, answers };
  };
  return { received, opened, hello, post, parent };
}

describe('acceptPanelChannel', () => {
  it('takes orders keyed with the first nonce the background confirms, and no others', async () => {
    const claim = vi.fn(async (nonce: string) => nonce === 'real');
    const { received, opened, hello, post } = setup(claim);
    const forged = hello('guessed');
    const real = hello('real');
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    await vi.waitFor(() => expect(real.answers).toEqual([{ type: 'ready' }]));
    post({ key: 'guessed', message: { type: 'show', event } });
    post({ key: 'made-up', message: { type: 'show', event } });
    post({ type: 'show', event }); // unkeyed, as a page would try first
    post({ key: 'real', message: { type: 'theme', theme: 'dark' } });
    expect(received).toEqual([{ type: 'theme', theme: 'dark' }]);
    expect(forged.answers).toEqual([]);
    // Once accepted, later hellos are not even looked at.
    hello('another');
    expect(claim.mock.calls.map(([nonce]) => nonce)).toEqual(['guessed', 'real']);
  });

  it('ignores every message from any window but the embedding one', async () => {
    const claim = vi.fn(async () => true);
    const { opened, hello, post, received } = setup(claim);
    hello('real', {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(claim).not.toHaveBeenCalled();
    expect(opened).toEqual([]);
    hello('real');
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    post({ key: 'real', message: { type: 'close' } }, {});
    expect(received).toEqual([]);
  });

  it('answers a malformed keyed message with an error and passes nothing on', async () => {
    const { received, hello, post } = setup(async () => true);
    const { answers } = hello('real');
    await vi.waitFor(() => expect(answers).toEqual([{ type: 'ready' }]));
    post({ key: 'real', message: { type: 'show', event: { ...event, guests: 'everyone' } } });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers[1]).toEqual({
      type: 'error',
      error: 'panel message show.event.guests: expected a list',
    });
    expect(received).toEqual([]);
  });
});
