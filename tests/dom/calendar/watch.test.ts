// The watcher on saved pages, driven by the DOM changes Calendar makes. No timers: each step
// waits for animation frames, which is when the watcher does its work.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyOneOnOne, watchCalendar, type EventSignal, type Theme } from '@/utils/calendar';
import { isVisible } from '@/utils/calendar/visibility';
import { elementsFromFixture, fixtureUrl, loadFixture } from './load-fixture';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** Mutation records arrive in a microtask and the watcher's pass runs in the next frame. */
async function settle(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
});

function start(options: Partial<Parameters<typeof watchCalendar>[0]> = {}) {
  const controller = new AbortController();
  controllers.push(controller);
  const events: EventSignal[] = [];
  const themes: Theme[] = [];
  const urls: string[] = [];
  const logs: string[] = [];
  const onChipsChanged = vi.fn();
  watchCalendar({
    signal: controller.signal,
    onEvent: (signal) => events.push(signal),
    onTheme: (theme) => themes.push(theme),
    onUrlChange: (url) => urls.push(url),
    onChipsChanged,
    log: (message) => logs.push(message),
    ...options,
  });
  return { controller, events, themes, urls, logs, onChipsChanged };
}

const summary = (signal: EventSignal) =>
  signal.type === 'closed'
    ? ['closed']
    : [signal.type, signal.event.title, classifyOneOnOne(signal.event).kind];

const SECOND_EID = 'MGEyYzRlNmc4aTBrMm00bzZxOHMwdTJhNGMgc2FtLmxlZUBhY21lLmV4YW1wbGU';

describe('watchCalendar', () => {
  it('emits shown for an open popover and the theme at start', () => {
    loadFixture('popover-one-on-one.en.light.html');
    const { events, themes } = start();
    expect(events.map(summary)).toEqual([['shown', 'Alex / Sam 1:1', 'one-on-one']]);
    expect(themes).toEqual(['light']);
  });

  it('follows a reused popover (changed) and its closing', async () => {
    loadFixture('popover-one-on-one.en.light.html');
    const { events } = start();

    // The user clicks another chip: Calendar rewrites the open popover in place.
    const details = document.getElementById('xDetDlg')!;
    details.setAttribute('data-eventid', SECOND_EID);
    details.setAttribute('jslog', '20279; 2:["0a2c4e6g8i0k2m4o6q8s0u2a4c","sam.lee@acme.example"]');
    document.getElementById('rAECCd')!.textContent = 'Team sync';
    const list = document.querySelector('#xDetDlgAtt [jsname="MsyPn"]')!;
    list.append(
      ...elementsFromFixture(
        'popover-group-meeting.en.light.html',
        '[data-email="priya.nair@acme.example"], [data-email="jordan.blake@acme.example"]',
      ),
    );
    await settle();
    expect(events.map(summary)).toEqual([
      ['shown', 'Alex / Sam 1:1', 'one-on-one'],
      ['changed', 'Team sync', 'not-one-on-one'],
    ]);
    const changed = events[1]!;
    expect(changed.type === 'changed' && changed.event.eventId).toBe('0a2c4e6g8i0k2m4o6q8s0u2a4c');

    document.querySelector('[data-chips-dialog="true"]')!.remove();
    await settle();
    expect(events.map(summary).at(-1)).toEqual(['closed']);
    expect(events).toHaveLength(3);
  });

  it("follows the popover's shell for visibility, and stops once the popover is gone", async () => {
    loadFixture('popover-one-on-one.en.light.html');
    const observe = vi.spyOn(IntersectionObserver.prototype, 'observe');
    const unobserve = vi.spyOn(IntersectionObserver.prototype, 'unobserve');
    try {
      const { events } = start();
      const shell = document.querySelector('[data-chips-dialog="true"]')!;
      // One element per popover: the shell is what Calendar shows and hides.
      expect(observe.mock.calls.map(([target]) => target)).toEqual([shell]);
      shell.remove();
      await settle();
      expect(events.map(summary).at(-1)).toEqual(['closed']);
      expect(unobserve.mock.calls.map(([target]) => target)).toContain(shell);
    } finally {
      observe.mockRestore();
      unobserve.mockRestore();
    }
  });

  it('says closed as soon as the popover leaves the page, without waiting for a frame', async () => {
    loadFixture('popover-one-on-one.en.light.html');
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    const queries = vi.spyOn(document, 'querySelectorAll');
    try {
      const { events } = start();
      frames.mockClear();
      queries.mockClear();
      document.querySelector('[data-chips-dialog="true"]')!.remove();
      // Records are handed to the observer in a microtask: no frame has run yet.
      await Promise.resolve();
      expect(events.map(summary)).toEqual([['shown', 'Alex / Sam 1:1', 'one-on-one'], ['closed']]);
      // Nothing is left for a frame pass to do, and with no details root left on the page the
      // document is not searched for one (that query walks every chip).
      expect(frames).not.toHaveBeenCalled();
      expect(queries).not.toHaveBeenCalled();
    } finally {
      frames.mockRestore();
      queries.mockRestore();
    }
  });

  it('stays quiet when Calendar re-adds the same details root in one batch', async () => {
    loadFixture('popover-one-on-one.en.light.html');
    const { events } = start();
    const details = document.getElementById('xDetDlg')!;
    const slot = details.parentElement!;
    details.remove();
    slot.append(details.cloneNode(true));
    await settle();
    expect(events.map(summary)).toEqual([['shown', 'Alex / Sam 1:1', 'one-on-one']]);
  });

  it('emits closed when the popover is hidden without leaving the DOM', async () => {
    loadFixture('popover-one-on-one.en.light.html');
    const { events } = start();
    document.querySelector('[data-chips-dialog="true"]')!.setAttribute('style', 'display: none');
    await settle();
    expect(events.map(summary)).toEqual([['shown', 'Alex / Sam 1:1', 'one-on-one'], ['closed']]);
  });

  it('turns unknown into one-on-one when guest rows arrive after the popover opens', async () => {
    loadFixture('popover-guests-pending.en.light.html');
    const { events } = start();
    expect(events.map(summary)).toEqual([['shown', 'Alex / Sam 1:1', 'unknown']]);
    const [guests] = elementsFromFixture('popover-one-on-one.en.light.html', '#xDetDlgAtt');
    document.getElementById('xDetDlgCal')!.before(guests!);
    await settle();
    expect(events.map(summary)).toEqual([
      ['shown', 'Alex / Sam 1:1', 'unknown'],
      ['changed', 'Alex / Sam 1:1', 'one-on-one'],
    ]);
  });

  it('ignores mutations inside our own host', async () => {
    loadFixture('popover-one-on-one.en.light.html');
    const host = document.createElement('cbc-panel');
    document.body.append(host);
    const visibility = vi.fn(isVisible);
    const { events, onChipsChanged } = start({
      isOwnNode: (node) => host.contains(node),
      isVisible: visibility,
    });
    const callsAfterStart = visibility.mock.calls.length;
    expect(callsAfterStart).toBeGreaterThan(0);

    const inner = document.createElement('div');
    inner.setAttribute('data-eventchip', '');
    host.append(inner);
    inner.textContent = 'typing a note';
    host.remove();
    document.body.append(host);
    await settle();
    expect(visibility.mock.calls.length).toBe(callsAfterStart);
    expect(onChipsChanged).not.toHaveBeenCalled();
    expect(events).toHaveLength(1);

    // The same change in Calendar's grid is noticed.
    const chip = document.querySelector('[role="main"] [data-eventchip]')!;
    chip.parentElement!.append(chip.cloneNode(true));
    await settle();
    expect(onChipsChanged).toHaveBeenCalledTimes(1);
  });

  it('batches many mutations into one pass per frame', async () => {
    loadFixture('week-view.en.light.html');
    const visibility = vi.fn(isVisible);
    const { onChipsChanged } = start({ isVisible: visibility });
    const column = document.querySelector('[data-datekey="28363"]')!;
    const chip = document.querySelector('[role="main"] [data-eventchip][role="button"]')!;
    for (let i = 0; i < 20; i += 1) column.append(chip.cloneNode(true));
    await settle();
    expect(onChipsChanged).toHaveBeenCalledTimes(1);
  });

  describe('during a chip storm (chips replaced, as while a week change animates)', () => {
    /** Records are handed to the observer in a microtask. */
    const delivered = () => Promise.resolve();
    const replaceChips = () => {
      for (const chip of document.querySelectorAll('[role="main"] [data-eventchip]')) {
        chip.replaceWith(chip.cloneNode(true));
      }
    };

    it('stops looking at mutations until the next frame, then catches up', async () => {
      loadFixture('week-view.en.light.html');
      const isOwnNode = vi.fn(() => false);
      const { onChipsChanged, themes } = start({ isOwnNode });
      replaceChips();
      await delivered();
      const callsAfterFirstBatch = isOwnNode.mock.calls.length;
      expect(callsAfterFirstBatch).toBeGreaterThan(0);
      // The rest of the frame: more chips replaced and the theme switched. The observer is
      // disconnected, so none of it is handed to the watcher one record at a time...
      replaceChips();
      replaceChips();
      document.querySelector('meta[name="theme-color"]')!.setAttribute('content', '#1B1B1B');
      await delivered();
      expect(isOwnNode.mock.calls.length).toBe(callsAfterFirstBatch);
      // ...and the next frame treats everything as changed.
      await settle();
      expect(onChipsChanged).toHaveBeenCalledTimes(1);
      expect(themes).toEqual(['light', 'dark']);
      // Observing again: a later change is seen as usual.
      replaceChips();
      await settle();
      expect(onChipsChanged).toHaveBeenCalledTimes(2);
    });

    it('still reports a popover that opens in the same frame', async () => {
      loadFixture('popover-one-on-one.en.light.html');
      const shell = document.querySelector('[data-chips-dialog="true"]')!;
      const slot = shell.parentElement!;
      const { events } = start();
      shell.remove();
      await settle();
      expect(events.map(summary)).toEqual([['shown', 'Alex / Sam 1:1', 'one-on-one'], ['closed']]);
      replaceChips();
      await delivered();
      slot.append(shell);
      await settle();
      expect(events.map(summary)).toEqual([
        ['shown', 'Alex / Sam 1:1', 'one-on-one'],
        ['closed'],
        ['shown', 'Alex / Sam 1:1', 'one-on-one'],
      ]);
    });
  });

  it('stops everything when the signal aborts', async () => {
    loadFixture('popover-one-on-one.en.light.html');
    const { controller, events, themes, onChipsChanged } = start();
    controller.abort();
    document.querySelector('[data-chips-dialog="true"]')!.remove();
    document.querySelector('meta[name="theme-color"]')!.setAttribute('content', '#1B1B1B');
    const chip = document.querySelector('[role="main"] [data-eventchip]')!;
    chip.parentElement!.append(chip.cloneNode(true));
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(events.map(summary)).toEqual([['shown', 'Alex / Sam 1:1', 'one-on-one']]);
    expect(themes).toEqual(['light']);
    expect(onChipsChanged).not.toHaveBeenCalled();
  });

  it('does nothing when started with an aborted signal', () => {
    loadFixture('popover-one-on-one.en.light.html');
    const onEvent = vi.fn();
    watchCalendar({ signal: AbortSignal.abort(), onEvent });
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('reports theme changes from meta[name="theme-color"]', async () => {
    loadFixture('week-view.en.light.html');
    const { themes } = start();
    document.querySelector('meta[name="theme-color"]')!.setAttribute('content', '#1B1B1B');
    await settle();
    // Calendar may also replace the meta element.
    const meta = document.createElement('meta');
    meta.setAttribute('name', 'theme-color');
    meta.setAttribute('content', '#F8FAFD');
    document.querySelector('meta[name="theme-color"]')!.replaceWith(meta);
    await settle();
    meta.setAttribute('content', '#1b1b1b');
    await settle();
    expect(themes).toEqual(['light', 'dark', 'light', 'dark']);
  });

  it('keeps a throwing onEvent from escaping and keeps watching', async () => {
    loadFixture('popover-one-on-one.en.light.html');
    const seen: string[] = [];
    const { logs } = start({
      onEvent: (signal) => {
        seen.push(signal.type);
        throw new Error('panel bug');
      },
    });
    document.querySelector('[data-chips-dialog="true"]')!.remove();
    await settle();
    expect(seen).toEqual(['shown', 'closed']);
    expect(logs.filter((message) => message === 'onEvent failed')).toHaveLength(1);
  });

  it('follows same-document navigation into and out of the event page', async () => {
    loadFixture('week-view.en.light.html');
    const { events, urls } = start();
    expect(events).toEqual([]);

    // Calendar swaps the grid for the event page and pushes the URL.
    const pageUrl = fixtureUrl('event-page-editable.en.light.html');
    const [pageMain] = elementsFromFixture('event-page-editable.en.light.html', '[role="main"]');
    const gridMain = document.querySelector('[role="main"]')!;
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(pageUrl);
    document.body.setAttribute('data-viewfamily', 'EVENT_EDIT');
    gridMain.replaceWith(pageMain!);
    await settle();
    expect(events.map(summary)).toEqual([['shown', 'Jordan <> Sam career chat', 'one-on-one']]);
    const shown = events[0]!;
    expect(shown.type === 'shown' && shown.event.surface).toBe('event-page');
    expect(urls).toEqual([pageUrl]);

    // Back to the week: popstate, then Calendar re-renders the grid.
    const weekUrl = fixtureUrl('week-view.en.light.html');
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(weekUrl);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(events.map(summary).at(-1)).toEqual(['closed']);
    expect(urls).toEqual([pageUrl, weekUrl]);
  });

  it('re-reads when the content script forwards a URL change', async () => {
    loadFixture('event-page-editable.en.light.html');
    let notify: () => void = () => {};
    const { events } = start({ urlChanges: (listener) => (notify = listener) });
    expect(events.map(summary)).toEqual([['shown', 'Jordan <> Sam career chat', 'one-on-one']]);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      fixtureUrl('week-view.en.light.html'),
    );
    notify();
    await settle();
    expect(events.map(summary).at(-1)).toEqual(['closed']);
  });

  it('logs an unrecognised page once and degrades to unknown', async () => {
    loadFixture('popover-one-on-one.en.light.html');
    document.getElementById('xUserInfo')!.remove();
    document.querySelector('a[role="button"][aria-label*="@"]')!.remove();
    document.getElementById('xDetDlg')!.removeAttribute('jslog');
    const { events, logs } = start();
    document.getElementById('rAECCd')!.textContent = 'Alex / Sam 1:1 (moved)';
    await settle();
    expect(events.map(summary)).toEqual([
      ['shown', 'Alex / Sam 1:1', 'unknown'],
      ['changed', 'Alex / Sam 1:1 (moved)', 'unknown'],
    ]);
    expect(logs).toEqual(['calendar changed? signed-in user not found']);
  });
});

/** A ResizeObserver stand-in: records what is observed, and reports when the test says. */
function stubResizeObserver() {
  const observed: Element[] = [];
  const stub = { observed, report: () => {} };
  class FakeResizeObserver {
    constructor(callback: () => void) {
      stub.report = callback;
    }
    observe(target: Element) {
      observed.push(target);
    }
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  return stub;
}

describe('watchCalendar: the popover’s box', () => {
  it('reports it from a ResizeObserver (after layout), and null once the popover is gone', async () => {
    const resize = stubResizeObserver();
    const { observed } = resize;
    loadFixture('popover-one-on-one.en.light.html');
    const shell = document.querySelector('[data-chips-dialog="true"]')!;
    vi.spyOn(shell, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 80, 448, 320));
    const boxes: unknown[] = [];
    start({ onSurfaceBox: (box) => boxes.push(box), settleMs: 60_000 });
    // Nothing is read until the browser reports a layout: till then the box is unknown.
    expect(observed).toEqual([shell]);
    expect(boxes).toEqual([undefined]);
    resize.report();
    expect(boxes).toEqual([undefined, { left: 100, top: 80, width: 448, height: 320 }]);
    shell.remove();
    await settle();
    expect(boxes.at(-1)).toBeNull();
    vi.unstubAllGlobals();
  });

  it('on the full event page keeps clear the box around the title and Save', () => {
    const resize = stubResizeObserver();
    const { observed } = resize;
    try {
      loadFixture('event-page-editable.en.light.html');
      const title = document.getElementById('xTiIn')!;
      const save = document.getElementById('xSaveBu')!;
      vi.spyOn(title, 'getBoundingClientRect').mockReturnValue(new DOMRect(80, 12, 600, 40));
      vi.spyOn(save, 'getBoundingClientRect').mockReturnValue(new DOMRect(1300, 16, 80, 36));
      const boxes: unknown[] = [];
      start({ onSurfaceBox: (box) => boxes.push(box), settleMs: 60_000 });
      expect(observed).toEqual([title, save]);
      resize.report();
      expect(boxes).toEqual([undefined, { left: 80, top: 12, width: 1300, height: 40 }]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('observes the popover again once its opening animation is over, for a fresh box', async () => {
    vi.useFakeTimers();
    const { observed } = stubResizeObserver();
    try {
      loadFixture('popover-one-on-one.en.light.html');
      const shell = document.querySelector('[data-chips-dialog="true"]')!;
      start({ onSurfaceBox: () => {}, settleMs: 250 });
      expect(observed).toEqual([shell]);
      vi.advanceTimersByTime(249);
      expect(observed).toEqual([shell]);
      vi.advanceTimersByTime(1);
      expect(observed).toEqual([shell, shell]);
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });
});
