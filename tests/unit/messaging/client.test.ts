import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ExtensionGoneError,
  NoAnswerError,
  RequestError,
  isExtensionAlive,
  sendRequest,
  watchDataChanges,
} from '@/utils/messaging/client';
import { CHANGES_PORT, type DataChanged } from '@/utils/messaging/protocol';

// WXT's fakeBrowser only answers listeners that use sendResponse, so the wire is stubbed here.
const sendMessage = () =>
  vi.spyOn(fakeBrowser.runtime, 'sendMessage') as unknown as MockInstance<
    (message: unknown) => Promise<unknown>
  >;

const NOT_READY = 'Could not establish connection. Receiving end does not exist.';

/** Runs sendRequest to its end while retry delays elapse on fake timers. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  const result = await outcome;
  if ('error' in result) throw result.error;
  return result.value;
}

// fakeBrowser.reset() does not restore runtime.id, which tests clear to mimic a removed extension.
const EXTENSION_ID = fakeBrowser.runtime.id;
function removeExtension(): void {
  (fakeBrowser.runtime as { id?: string }).id = undefined;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  fakeBrowser.runtime.id = EXTENSION_ID;
});

describe('sendRequest', () => {
  it('sends { type, payload } and returns the value of an ok reply', async () => {
    const stub = sendMessage().mockResolvedValue({ ok: true, value: { id: 'i1' } });
    await expect(sendRequest('deleteActionItem', { id: 'i1' })).resolves.toEqual({ id: 'i1' });
    expect(stub).toHaveBeenCalledExactlyOnceWith({
      type: 'deleteActionItem',
      payload: { id: 'i1' },
    });
  });

  it('throws RequestError with the background’s message on { ok: false }', async () => {
    sendMessage().mockResolvedValue({ ok: false, error: 'No action item with id "x".' });
    const failure = sendRequest('deleteActionItem', { id: 'x' });
    await expect(failure).rejects.toBeInstanceOf(RequestError);
    await expect(failure).rejects.toThrow('No action item with id "x".');
    await expect(failure).rejects.not.toBeInstanceOf(NoAnswerError);
  });

  it('retries while the service worker is not ready yet', async () => {
    const stub = sendMessage()
      .mockRejectedValueOnce(new Error(NOT_READY))
      .mockRejectedValueOnce(new Error(NOT_READY))
      .mockResolvedValue({ ok: true, value: null });
    await expect(settle(sendRequest('getSeriesOverride', { seriesKey: 's' }))).resolves.toBeNull();
    expect(stub).toHaveBeenCalledTimes(3);
  });

  it('gives up after a few retries with a RequestError', async () => {
    const stub = sendMessage().mockRejectedValue(new Error(NOT_READY));
    const failure = settle(sendRequest('getSeriesOverride', { seriesKey: 's' }));
    await expect(failure).rejects.toBeInstanceOf(NoAnswerError);
    expect(stub).toHaveBeenCalledTimes(5);
  });

  it('does not retry other failures', async () => {
    const stub = sendMessage().mockRejectedValue(new Error('Message length exceeded maximum'));
    await expect(sendRequest('getSeriesOverride', { seriesKey: 's' })).rejects.toBeInstanceOf(
      RequestError,
    );
    expect(stub).toHaveBeenCalledOnce();
  });

  it('treats a missing or malformed reply as a RequestError', async () => {
    sendMessage().mockResolvedValue(undefined);
    await expect(sendRequest('deleteActionItem', { id: 'x' })).rejects.toBeInstanceOf(
      NoAnswerError,
    );
  });

  it('throws ExtensionGoneError when the context was invalidated', async () => {
    const stub = sendMessage().mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(sendRequest('deleteActionItem', { id: 'x' })).rejects.toBeInstanceOf(
      ExtensionGoneError,
    );
    expect(stub).toHaveBeenCalledOnce();
  });

  it('throws ExtensionGoneError without sending when runtime.id is gone', async () => {
    const stub = sendMessage();
    removeExtension();
    await expect(sendRequest('deleteActionItem', { id: 'x' })).rejects.toBeInstanceOf(
      ExtensionGoneError,
    );
    expect(stub).not.toHaveBeenCalled();
  });

  it('stops retrying once the extension is gone', async () => {
    const stub = sendMessage().mockImplementation(async () => {
      removeExtension();
      throw new Error(NOT_READY);
    });
    await expect(settle(sendRequest('deleteActionItem', { id: 'x' }))).rejects.toBeInstanceOf(
      ExtensionGoneError,
    );
    expect(stub).toHaveBeenCalledOnce();
  });
});

describe('isExtensionAlive', () => {
  it('follows runtime.id', () => {
    expect(isExtensionAlive()).toBe(true);
    removeExtension();
    expect(isExtensionAlive()).toBe(false);
  });
});

function createFakePort() {
  const messageListeners: Array<(message: unknown) => void> = [];
  const disconnectListeners: Array<() => void> = [];
  return {
    port: {
      name: CHANGES_PORT,
      onMessage: {
        addListener: (listener: (message: unknown) => void) => messageListeners.push(listener),
      },
      onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
      disconnect: vi.fn(),
      postMessage: vi.fn(),
    },
    receive: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    drop: () => disconnectListeners.forEach((listener) => listener()),
  };
}

describe('watchDataChanges', () => {
  let ports: Array<ReturnType<typeof createFakePort>>;
  let connect: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    ports = [];
    connect = vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => {
      const fake = createFakePort();
      ports.push(fake);
      return fake.port as unknown as Browser.runtime.Port;
    });
  });

  it('connects on the changes port and passes on data changes only', () => {
    const onChange = vi.fn<(change: DataChanged) => void>();
    watchDataChanges(onChange, new AbortController().signal);
    expect(connect).toHaveBeenCalledExactlyOnceWith({ name: CHANGES_PORT });
    ports[0]!.receive({ type: 'dataChanged', personEmails: ['ana@example.com'] });
    ports[0]!.receive({ type: 'somethingElse' });
    ports[0]!.receive('dataChanged');
    expect(onChange).toHaveBeenCalledExactlyOnceWith({
      type: 'dataChanged',
      personEmails: ['ana@example.com'],
    });
  });

  it('reconnects after the worker restarts and asks views to refresh', () => {
    const onChange = vi.fn<(change: DataChanged) => void>();
    watchDataChanges(onChange, new AbortController().signal);
    ports[0]!.drop();
    expect(connect).toHaveBeenCalledTimes(1);
    vi.runOnlyPendingTimers();
    expect(connect).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ type: 'dataChanged', personEmails: [] });
    ports[1]!.receive({ type: 'dataChanged', personEmails: ['bo@example.com'] });
    expect(onChange).toHaveBeenLastCalledWith({
      type: 'dataChanged',
      personEmails: ['bo@example.com'],
    });
  });

  it('disconnects on abort and does not reconnect afterwards', () => {
    const controller = new AbortController();
    const onChange = vi.fn<(change: DataChanged) => void>();
    watchDataChanges(onChange, controller.signal);
    controller.abort();
    expect(ports[0]!.port.disconnect).toHaveBeenCalledOnce();
    ports[0]!.drop();
    vi.runAllTimers();
    expect(connect).toHaveBeenCalledOnce();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('cancels a pending reconnect on abort', () => {
    const controller = new AbortController();
    watchDataChanges(vi.fn(), controller.signal);
    ports[0]!.drop();
    controller.abort();
    vi.runAllTimers();
    expect(connect).toHaveBeenCalledOnce();
  });

  it('stays quiet once the extension is gone', () => {
    const onChange = vi.fn<(change: DataChanged) => void>();
    watchDataChanges(onChange, new AbortController().signal);
    removeExtension();
    ports[0]!.drop();
    vi.runAllTimers();
    expect(connect).toHaveBeenCalledOnce();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('backs off when ports keep failing right away', () => {
    watchDataChanges(vi.fn(), new AbortController().signal);
    ports[0]!.drop();
    vi.advanceTimersByTime(199);
    expect(connect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(connect).toHaveBeenCalledTimes(2);
    ports[1]!.drop();
    vi.advanceTimersByTime(399);
    expect(connect).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(connect).toHaveBeenCalledTimes(3);
  });
});
