import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CalendarEvent } from '@/utils/calendar/types';
import { PANEL_HELLO, type FromPanel, type ToPanel } from '@/utils/messaging/panel-channel';
import { createPanelFrame, PANEL_HOST_NAME } from './panel-frame';
import type { Box } from './panel-placement';

/** What the frame reports, for an expanded 1:1 panel unless told otherwise. */
const view = (changes: Partial<Extract<FromPanel, { type: 'view' }>> = {}): FromPanel => ({
  type: 'view',
  kind: 'panel',
  collapsed: false,
  dragging: false,
  width: 360,
  height: 0,
  covers: false,
  ...changes,
});

const FRAME_ORIGIN = 'chrome-extension://extension-id';
const event = { eid: 'eid-1', title: '1:1' } as CalendarEvent;

let life = new AbortController();
afterEach(() => {
  life.abort();
  document.body.replaceChildren();
});

/**
 * The content script's side against a stand-in frame: happy-dom loads no frame pages (it says
 * "Iframe page loading is disabled" for each, which is expected here), so the test
 * gives the <iframe> a window that records what it is posted and fires `load` itself.
 */
function setup(
  options: {
    announce?: (nonce: string) => Promise<unknown>;
    keepClear?: () => Box | null | undefined;
  } = {},
) {
  life = new AbortController();
  const announced: string[] = [];
  const errors: unknown[] = [];
  const escapes = vi.fn();
  const panel = createPanelFrame({
    doc: document,
    signal: life.signal,
    frameUrl: 'chrome-extension://dynamic-id/panel.html',
    frameOrigin: FRAME_ORIGIN,
    announce:
      options.announce ??
      (async (nonce) => {
        announced.push(nonce);
      }),
    surfaceRect: options.keepClear ?? (() => ({ left: 100, top: 120, width: 448, height: 300 })),
    onEscape: escapes,
    onError: (error) => errors.push(error),
  });

  const iframe = () =>
    document.querySelector(PANEL_HOST_NAME)?.shadowRoot?.querySelector('iframe') ?? null;
  /** Loads the current iframe: returns the frame's end of the channel, as the frame gets it. */
  async function load() {
    const element = iframe()!;
    const posted: Array<{ data: unknown; origin: string; port?: MessagePort }> = [];
    Object.defineProperty(element, 'contentWindow', {
      configurable: true,
      value: {
        postMessage: (data: unknown, origin: string, transfer?: MessagePort[]) =>
          posted.push({ data, origin, port: transfer?.[0] }),
      },
    });
    element.dispatchEvent(new Event('load'));
    await vi.waitFor(() => expect(posted.length).toBe(1));
    const hello = posted[0]!;
    const port = hello.port!;
    const nonce = (hello.data as { nonce: string }).nonce;
    /** What the frame's window got after the hello, as orders: each keyed with the nonce. */
    const received = () =>
      posted.slice(1).map(({ data, origin }) => {
        expect(origin).toBe(FRAME_ORIGIN);
        const keyed = data as { key: string; message: ToPanel };
        expect(keyed.key).toBe(nonce);
        return keyed.message;
      });
    const say = (message: FromPanel | Record<string, unknown>) => port.postMessage(message);
    return { hello, port, received, say };
  }
  return { panel, iframe, load, announced, errors, escapes };
}

describe('the panel’s frame, from the content script', () => {
  it('hands the frame a port with the nonce it announced, aimed at the extension’s origin', async () => {
    const { panel, iframe, load, announced } = setup();
    panel.prepare();
    const host = document.querySelector(PANEL_HOST_NAME)!;
    expect(host.parentElement).toBe(document.body);
    expect(iframe()!.src).toBe('chrome-extension://dynamic-id/panel.html');
    const { hello } = await load();
    expect(announced).toHaveLength(1);
    expect(hello.data).toEqual({ kind: PANEL_HELLO, nonce: announced[0] });
    expect(hello.origin).toBe(FRAME_ORIGIN);
  });

  it('tells the frame the latest theme and event once it is ready, then everything as it comes', async () => {
    const { panel, load } = setup();
    panel.prepare();
    panel.send({ type: 'theme', theme: 'dark' });
    panel.send({ type: 'show', event });
    panel.send({ type: 'flush' }); // nothing to flush before the frame is ready
    const { received, say } = await load();
    expect(received()).toEqual([]);
    say({ type: 'ready' });
    await vi.waitFor(() => expect(received()).toHaveLength(3));
    // happy-dom's window is 1024 px wide: the panel may take half; the popover (100–548) is clear.
    expect(received()).toEqual([
      { type: 'theme', theme: 'dark' },
      { type: 'layout', covers: false, maxWidth: 512 },
      { type: 'show', event },
    ]);
    panel.send({ type: 'close' });
    expect(received()[3]).toEqual({ type: 'close' });
  });

  it('waits invisible, out of the tab order and the accessibility tree, and shows, sizes and places the frame for what it reports', async () => {
    const { panel, iframe, load } = setup();
    panel.send({ type: 'show', event });
    const frame = iframe()!;
    expect(frame.classList.contains('cbc-shown')).toBe(false);
    expect(frame.hasAttribute('inert')).toBe(true);
    const { say } = await load();
    say({ type: 'ready' });
    say(view({ width: 400 }));
    await vi.waitFor(() => expect(frame.classList.contains('cbc-shown')).toBe(true));
    expect(panel.isShown()).toBe(true);
    expect(frame.hasAttribute('inert')).toBe(false);
    // Docked at the right edge at the user's width, below Calendar's top bar, full height.
    expect(frame.style.left).toBe('624px');
    expect(frame.style.width).toBe('400px');
    expect(frame.style.top).toBe('72px');
    expect(frame.style.height).toBe(`${window.innerHeight - 72}px`);
    expect(frame.dataset.state).toBe('panel');
    // While the user drags the edge, the frame spans the window so the pointer stays over it.
    say(view({ width: 400, dragging: true }));
    await vi.waitFor(() => expect(frame.dataset.state).toBe('drag'));
    expect(frame.style.left).toBe('0px');
    expect(frame.style.width).toBe(`${window.innerWidth}px`);
    say(view({ kind: 'hidden' }));
    await vi.waitFor(() => expect(frame.classList.contains('cbc-shown')).toBe(false));
    expect(frame.hasAttribute('inert')).toBe(true);
  });

  it('reads the window size when the frame is made and after a resize, not on each popover', async () => {
    let width = 1024;
    const reads = vi.spyOn(window, 'innerWidth', 'get').mockImplementation(() => width);
    try {
      const { panel, iframe, load } = setup();
      panel.send({ type: 'show', event });
      const { say } = await load();
      say({ type: 'ready' });
      say(view({ width: 400 }));
      await vi.waitFor(() => expect(iframe()!.classList.contains('cbc-shown')).toBe(true));
      expect(iframe()!.style.left).toBe('624px');
      const readsSoFar = reads.mock.calls.length;
      // Popovers come and go, Calendar's DOM changing each time: no size is read meanwhile.
      for (const eid of ['eid-2', 'eid-3']) {
        panel.send({ type: 'close' });
        panel.send({ type: 'show', event: { ...event, eid } });
        panel.place();
        say(view({ width: 400 }));
        await vi.waitFor(() => expect(iframe()!.classList.contains('cbc-shown')).toBe(true));
      }
      expect(reads.mock.calls.length).toBe(readsSoFar);
      // The window narrows: the frame is placed again for the new width.
      width = 900;
      window.dispatchEvent(new Event('resize'));
      await vi.waitFor(() => expect(iframe()!.style.left).toBe('500px'));
    } finally {
      reads.mockRestore();
    }
  });

  it('hides the frame at once when the popover closes, before the frame answers', async () => {
    const { panel, iframe, load } = setup();
    panel.send({ type: 'show', event });
    const { say } = await load();
    say({ type: 'ready' });
    say(view());
    await vi.waitFor(() => expect(iframe()!.classList.contains('cbc-shown')).toBe(true));
    panel.send({ type: 'close' });
    expect(iframe()!.classList.contains('cbc-shown')).toBe(false);
  });

  it('after a close shows the next event only when the frame reports it, never on a stale box', async () => {
    const { panel, iframe, load } = setup();
    panel.send({ type: 'show', event });
    const { say } = await load();
    say({ type: 'ready' });
    say(view());
    await vi.waitFor(() => expect(iframe()!.classList.contains('cbc-shown')).toBe(true));
    panel.send({ type: 'close' });
    panel.send({ type: 'show', event: { ...event, eid: 'eid-2' } });
    // The new popover's box comes before the frame has drawn the new event.
    panel.place();
    expect(iframe()!.classList.contains('cbc-shown')).toBe(false);
    expect(panel.isShown()).toBe(false);
    say(view({ width: 320 }));
    await vi.waitFor(() => expect(iframe()!.classList.contains('cbc-shown')).toBe(true));
    expect(iframe()!.style.width).toBe('320px');
  });

  it('where the docked panel would cover the popover, shows nothing until the frame has collapsed to its tab', async () => {
    // A popover reaching almost to the right edge (560–1008 of 1024).
    const popover = { left: 560, top: 100, width: 448, height: 300 };
    const { panel, iframe, load } = setup({ keepClear: () => popover });
    panel.send({ type: 'show', event });
    const { say, received } = await load();
    say({ type: 'ready' });
    await vi.waitFor(() =>
      expect(received()).toContainEqual({ type: 'layout', covers: true, maxWidth: 512 }),
    );
    // A report drawn for the old layout (expanded) must not put the panel over the popover.
    say(view({ covers: false }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(iframe()!.classList.contains('cbc-shown')).toBe(false);
    say(view({ covers: true, collapsed: true, height: 120 }));
    await vi.waitFor(() => expect(iframe()!.classList.contains('cbc-shown')).toBe(true));
    const frame = iframe()!;
    expect(frame.dataset.state).toBe('tab');
    expect(frame.style.width).toBe('48px');
    expect(frame.style.left).toBe(`${window.innerWidth - 48}px`);
    // Below the top bar the tab would touch the popover: it goes just below the popover.
    expect(frame.style.top).toBe('408px');
    expect(frame.style.height).toBe('120px');
    // The user opens it over the popover: their choice for this event.
    say(view({ covers: true, collapsed: false }));
    await vi.waitFor(() => expect(frame.dataset.state).toBe('panel'));
  });

  it('waits for the popover to be measured before it tells the frame a layout or shows it', async () => {
    let keepClear: Box | null | undefined = undefined;
    const { panel, iframe, load } = setup({ keepClear: () => keepClear });
    panel.send({ type: 'show', event });
    const { say, received } = await load();
    say({ type: 'ready' });
    say(view());
    await vi.waitFor(() => expect(received()).toContainEqual({ type: 'show', event }));
    expect(received().some((message) => message.type === 'layout')).toBe(false);
    expect(iframe()!.classList.contains('cbc-shown')).toBe(false);
    keepClear = { left: 100, top: 120, width: 448, height: 300 };
    panel.place();
    expect(received()).toContainEqual({ type: 'layout', covers: false, maxWidth: 512 });
    expect(iframe()!.classList.contains('cbc-shown')).toBe(true);
  });

  it('keeps what the rule said while an event stays shown: a growing popover folds nothing away', async () => {
    let keepClear: Box = { left: 100, top: 120, width: 448, height: 300 };
    const { panel, iframe, load } = setup({ keepClear: () => keepClear });
    panel.send({ type: 'show', event });
    const { say, received } = await load();
    say({ type: 'ready' });
    say(view());
    await vi.waitFor(() => expect(iframe()!.classList.contains('cbc-shown')).toBe(true));
    keepClear = { left: 100, top: 120, width: 900, height: 300 };
    panel.place();
    expect(received().filter((message) => message.type === 'layout')).toEqual([
      { type: 'layout', covers: false, maxWidth: 512 },
    ]);
    expect(iframe()!.dataset.state).toBe('panel');
    // The next event is placed by the rule again.
    panel.send({ type: 'show', event: { ...event, eid: 'eid-2' } });
    expect(received().at(-2)).toEqual({ type: 'layout', covers: true, maxWidth: 512 });
  });

  it('keeps what the rule said when the same event is shown again (its guests streamed in)', async () => {
    let keepClear: Box = { left: 100, top: 120, width: 448, height: 300 };
    const { panel, iframe, load } = setup({ keepClear: () => keepClear });
    panel.send({ type: 'show', event });
    const { say, received } = await load();
    say({ type: 'ready' });
    say(view());
    await vi.waitFor(() => expect(iframe()!.classList.contains('cbc-shown')).toBe(true));
    // The guest rows arrive: the popover grows and the adapter shows the same event again.
    keepClear = { left: 100, top: 120, width: 900, height: 300 };
    panel.send({ type: 'show', event: { ...event, guestListComplete: true } });
    panel.place();
    expect(received().filter((message) => message.type === 'layout')).toEqual([
      { type: 'layout', covers: false, maxWidth: 512 },
    ]);
    expect(iframe()!.dataset.state).toBe('panel');
    // Closed and opened again, the rule speaks again.
    panel.send({ type: 'close' });
    panel.send({ type: 'show', event });
    expect(received().at(-2)).toEqual({ type: 'layout', covers: true, maxWidth: 512 });
  });

  it('treats a second load as a lost frame: a new frame and a new nonce', async () => {
    const { panel, iframe, load, announced } = setup();
    panel.send({ type: 'show', event });
    const first = iframe()!;
    await load();
    // Someone navigated the frame: its window is not ours any more.
    first.dispatchEvent(new Event('load'));
    expect(first.isConnected).toBe(false);
    const second = iframe()!;
    expect(second).not.toBe(first);
    const { hello } = await load();
    expect(announced).toHaveLength(2);
    expect(announced[1]).not.toBe(announced[0]);
    expect((hello.data as { nonce: string }).nonce).toBe(announced[1]);
  });

  it('refuses malformed messages from the frame, and forwards Escape', async () => {
    const { panel, load, errors, escapes } = setup();
    panel.prepare();
    const { say } = await load();
    say({ ...view(), kind: 'everything' });
    say({ ...view(), height: 'tall' });
    say({ type: 'view', kind: 'panel', height: 300 });
    say({ type: 'unknown' });
    await vi.waitFor(() => expect(errors).toHaveLength(4));
    expect(panel.isShown()).toBe(false);
    say({ type: 'escape' });
    await vi.waitFor(() => expect(escapes).toHaveBeenCalledOnce());
  });

  it('stops making frames when the announcement keeps failing', async () => {
    const { panel, iframe, errors } = setup({
      announce: () => Promise.reject(new Error('refused')),
    });
    panel.send({ type: 'show', event });
    await vi.waitFor(() => expect(iframe()).toBeNull());
    expect(errors).toHaveLength(3);
  });

  it('removes everything it put on the page when its lifetime ends', () => {
    const { panel } = setup();
    panel.prepare();
    expect(document.querySelector(PANEL_HOST_NAME)).not.toBeNull();
    life.abort();
    expect(document.querySelector(PANEL_HOST_NAME)).toBeNull();
  });
});
