// The one client of the background, used by the content script and extension pages. It ships in
// the content script, so it stays small: no validation here (the background checks everything).

import { browser } from 'wxt/browser';
import {
  CHANGES_PORT,
  type DataChanged,
  type Reply,
  type RequestOf,
  type RequestType,
  type ResponseOf,
} from './protocol';

/** The background answered `{ ok: false, error }`; the message is meant for the user. */
export class RequestError extends Error {
  override name = 'RequestError';
}

/**
 * The background did not answer (it did not wake, or answered nothing). Pages word it for
 * people; the message is only the detail (the browser's error, or the request's type).
 */
export class NoAnswerError extends RequestError {
  override name = 'NoAnswerError';
}

/** The extension was reloaded or removed under the page: callers should go quiet. */
export class ExtensionGoneError extends Error {
  override name = 'ExtensionGoneError';
  constructor(message = 'The extension was reloaded or removed.') {
    super(message);
  }
}

/** Waits before each retry while the service worker wakes up or restarts (about 2 s in all). */
const RETRY_DELAYS_MS = [50, 150, 400, 1200];
const WORKER_NOT_READY = /Could not establish connection|Receiving end does not exist/i;
/** The worker stopped while handling the request: it may or may not have been carried out. */
const WORKER_STOPPED = /message (?:channel|port) closed before a response was received/i;
const CONTEXT_GONE = /Extension context invalidated|dead object/i;

/**
 * Whether sending the request a second time leaves the same data as sending it once: reads,
 * puts and adds that carry their id are; an add without an id (a second record) or a delete
 * (a second one fails) is not, so those are never resent after an interrupted attempt.
 */
function isSafeToRepeat(type: RequestType, payload: unknown): boolean {
  if (type === 'deleteActionItem') return false;
  if (type === 'addActionItem' || type === 'addTalkingPoint' || type === 'createProject') {
    return typeof (payload as { id?: unknown }).id === 'string';
  }
  return true;
}

export function isExtensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    // Firefox throws on access to a dead wrapper once the extension is gone.
    return false;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isReply(value: unknown): value is Reply<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as Reply<unknown>).ok === 'boolean'
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function sendRequest<T extends RequestType>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  for (let attempt = 0; ; attempt++) {
    if (!isExtensionAlive()) throw new ExtensionGoneError();
    let reply: unknown;
    try {
      reply = await browser.runtime.sendMessage({ type, payload });
    } catch (error) {
      const message = messageOf(error);
      if (CONTEXT_GONE.test(message) || !isExtensionAlive()) throw new ExtensionGoneError(message);
      const delay = RETRY_DELAYS_MS[attempt];
      const retriable =
        WORKER_NOT_READY.test(message) ||
        (WORKER_STOPPED.test(message) && isSafeToRepeat(type, payload));
      if (delay !== undefined && retriable) {
        await sleep(delay);
        continue;
      }
      throw new NoAnswerError(message);
    }
    if (!isReply(reply)) throw new NoAnswerError(type);
    if (!reply.ok) throw new RequestError(reply.error);
    return reply.value as ResponseOf<T>;
  }
}

function isDataChanged(message: unknown): message is DataChanged {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as DataChanged).type === 'dataChanged' &&
    Array.isArray((message as DataChanged).personEmails)
  );
}

/** A port that lived shorter than this was refused or failed: back off before reconnecting. */
const HEALTHY_PORT_MS = 2000;
const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * Calls onChange after every write the background reports. The port drops whenever the service
 * worker stops; it is reopened (which wakes the worker) and a synthetic change with no emails
 * is emitted, since writes may have happened while nobody was listening.
 */
export function watchDataChanges(
  onChange: (change: DataChanged) => void,
  signal: AbortSignal,
  /** The port dropped because the extension was reloaded or removed. */
  onGone?: () => void,
): void {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = 100;

  const connect = (isReconnect: boolean) => {
    if (signal.aborted) return;
    if (!isExtensionAlive()) return onGone?.();
    const openedAt = Date.now();
    try {
      port = browser.runtime.connect({ name: CHANGES_PORT });
    } catch {
      return onGone?.(); // the extension context is gone
    }
    port.onMessage.addListener((message: unknown) => {
      if (isDataChanged(message)) onChange(message);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (signal.aborted) return;
      if (!isExtensionAlive()) return onGone?.();
      delay =
        Date.now() - openedAt < HEALTHY_PORT_MS ? Math.min(delay * 2, MAX_RECONNECT_DELAY_MS) : 100;
      timer = setTimeout(() => connect(true), delay);
    });
    if (isReconnect) onChange({ type: 'dataChanged', personEmails: [] });
  };

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      port?.disconnect();
      port = null;
    },
    { once: true },
  );
  connect(false);
}
