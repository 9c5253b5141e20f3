// The frame's end of the panel channel (utils/messaging/panel-channel.ts): accepts the port whose
// nonce the background confirms, and checks every message that arrives on it.

import type { CalendarEvent } from '@/utils/calendar/types';
import {
  PANEL_HELLO,
  type FromPanel,
  type PanelHello,
  type ToPanel,
} from '@/utils/messaging/panel-channel';
import {
  array,
  boolean,
  integer,
  isPlainObject,
  nullable,
  object,
  oneOf,
  optional,
  SchemaError,
  string,
  type Schema,
} from '@/utils/domain/schema-kit';

/**
 * Generous bounds: the port's other end is our own content script, and the background checks
 * every field it stores against its own limits. These only keep absurd values out.
 */
const MAX_FIELD = 1_100_000;
const MAX_GUESTS = 5_000;

const text = string({ max: MAX_FIELD });
const guest = object({
  email: text,
  name: text,
  isOrganizer: boolean,
  kind: oneOf('person', 'room', 'group'),
});
const epochOrNull = nullable(integer(-8.64e15, 8.64e15));
const calendarEvent: Schema<CalendarEvent> = object({
  surface: oneOf('popover', 'event-page'),
  eid: text,
  eventId: text,
  calendarId: text,
  seriesKey: text,
  title: text,
  start: epochOrNull,
  guests: array(guest, { max: MAX_GUESTS }),
  guestListComplete: boolean,
  organizer: nullable(text),
  me: nullable(text),
  accountIndex: integer(0, 1000),
  recurrenceDays: optional(nullable(integer(1, 366))),
});

const toPanel: { [T in ToPanel['type']]: Schema<Extract<ToPanel, { type: T }>> } = {
  show: object({ type: oneOf('show'), event: calendarEvent }),
  close: object({ type: oneOf('close') }),
  theme: object({ type: oneOf('theme'), theme: oneOf('light', 'dark') }),
  flush: object({ type: oneOf('flush') }),
  toggleScreenShare: object({ type: oneOf('toggleScreenShare') }),
  focus: object({ type: oneOf('focus') }),
  layout: object({ type: oneOf('layout'), covers: boolean, maxWidth: integer(0, 100_000) }),
};

export type Parsed = { ok: true; message: ToPanel } | { ok: false; error: string };

/** Checks one message from the content script. */
export function parseToPanel(data: unknown): Parsed {
  if (!isPlainObject(data) || typeof data.type !== 'string' || !Object.hasOwn(toPanel, data.type)) {
    return { ok: false, error: 'panel message: unknown type' };
  }
  try {
    const schema = toPanel[data.type as ToPanel['type']] as Schema<ToPanel>;
    return { ok: true, message: schema(data, `panel message ${data.type}`) };
  } catch (error) {
    if (error instanceof SchemaError) return { ok: false, error: error.message };
    throw error;
  }
}

function isHello(data: unknown): data is PanelHello {
  return (
    isPlainObject(data) &&
    data.kind === PANEL_HELLO &&
    typeof data.nonce === 'string' &&
    data.nonce.length > 0 &&
    data.nonce.length <= 64
  );
}

export interface PanelPort {
  post(message: FromPanel): void;
  close(): void;
}

/**
 * Waits for the content script's hello: the first one with a port whose nonce the background
 * confirms (`claim`) wins; hellos from anyone else (Calendar's page can post here too) are
 * dropped. From then on, window messages from the embedding window that carry the nonce as
 * their key are checked and handed to `onMessage` (a malformed one gets an error reply on the
 * port and changes nothing); everything else is dropped unread.
 */
export function acceptPanelChannel(options: {
  win: Window;
  claim: (nonce: string) => Promise<boolean>;
  onMessage: (message: ToPanel) => void;
  onOpen: (port: PanelPort) => void;
  signal: AbortSignal;
}): void {
  const { win, signal } = options;
  let key: string | null = null;
  let end: PanelPort | null = null;
  const tried = new Set<string>();

  const accept = (nonce: string, port: MessagePort) => {
    options.claim(nonce).then(
      (granted) => {
        if (!granted || key !== null || signal.aborted) {
          port.close();
          return;
        }
        key = nonce;
        end = { post: (message) => port.postMessage(message), close: () => port.close() };
        signal.addEventListener('abort', () => port.close(), { once: true });
        options.onOpen(end);
        end.post({ type: 'ready' });
      },
      () => port.close(),
    );
  };

  const onMessage = (event: MessageEvent) => {
    // Only the embedding window (Calendar's, where the content script runs) is listened to.
    if (event.source !== win.parent) return;
    const data: unknown = event.data;
    if (key === null) {
      const port = event.ports[0];
      if (!port || !isHello(data) || tried.has(data.nonce)) return;
      tried.add(data.nonce);
      accept(data.nonce, port);
      return;
    }
    if (!isPlainObject(data) || data.key !== key) return;
    const parsed = parseToPanel(data.message);
    if (parsed.ok) options.onMessage(parsed.message);
    else end?.post({ type: 'error', error: parsed.error });
  };
  win.addEventListener('message', onMessage, { signal });
}
