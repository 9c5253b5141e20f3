import { describe, expect, it, vi } from 'vitest';
import { isVisible, trackVisibility } from '@/utils/calendar/visibility';

function build(): { outer: HTMLElement; inner: HTMLElement } {
  document.body.replaceChildren();
  const outer = document.createElement('div');
  const inner = document.createElement('span');
  outer.append(inner);
  document.body.append(outer);
  return { outer, inner };
}

describe('isVisible (the markup’s answer)', () => {
  it.each<[string, (pair: { outer: HTMLElement; inner: HTMLElement }) => void]>([
    ['hidden on an ancestor', ({ outer }) => outer.setAttribute('hidden', '')],
    ['aria-hidden on an ancestor', ({ outer }) => outer.setAttribute('aria-hidden', 'true')],
    [
      'inline display:none on an ancestor',
      ({ outer }) => outer.setAttribute('style', 'display: none'),
    ],
    ['inline visibility:hidden', ({ inner }) => inner.setAttribute('style', 'visibility: hidden')],
    ['detached', ({ inner }) => inner.remove()],
  ])('is false when %s', (_name, hide) => {
    const pair = build();
    expect(isVisible(pair.inner)).toBe(true);
    hide(pair);
    expect(isVisible(pair.inner)).toBe(false);
  });
});

/** A stand-in IntersectionObserver that reports when the test says, as the browser would after layout. */
function fakeIntersections() {
  let callback: IntersectionObserverCallback = () => {};
  const observed = new Set<Element>();
  class FakeObserver {
    constructor(cb: IntersectionObserverCallback) {
      callback = cb;
    }
    observe(target: Element) {
      observed.add(target);
    }
    unobserve(target: Element) {
      observed.delete(target);
    }
    disconnect() {
      observed.clear();
    }
  }
  const win = { IntersectionObserver: FakeObserver } as unknown as Window;
  const report = (target: Element, rendered: boolean) =>
    callback(
      [
        {
          target,
          isIntersecting: rendered,
          boundingClientRect: new DOMRect(0, 0, rendered ? 100 : 0, rendered ? 40 : 0),
        } as unknown as IntersectionObserverEntry,
      ],
      {} as IntersectionObserver,
    );
  return { win, report, observed };
}

describe('trackVisibility', () => {
  it('reads no layout: the markup guesses until the observer reports, then the report rules', () => {
    const { inner } = build();
    const layout = vi.spyOn(inner, 'getBoundingClientRect');
    const { win, report, observed } = fakeIntersections();
    const onChange = vi.fn();
    const tracker = trackVisibility(win, onChange);
    // Hidden by a class Calendar toggles: the markup cannot tell yet.
    expect(tracker.isVisible(inner)).toBe(true);
    expect(observed.has(inner)).toBe(true);
    report(inner, false);
    expect(onChange).toHaveBeenCalledOnce();
    expect(tracker.isVisible(inner)).toBe(false);
    report(inner, false); // the same answer again is no change
    expect(onChange).toHaveBeenCalledOnce();
    report(inner, true);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(tracker.isVisible(inner)).toBe(true);
    // Markup that hides wins over an earlier report.
    inner.setAttribute('hidden', '');
    expect(tracker.isVisible(inner)).toBe(false);
    expect(layout).not.toHaveBeenCalled();
  });

  it('does not call a first report that confirms the guess a change', () => {
    const { inner } = build();
    const { win, report } = fakeIntersections();
    const onChange = vi.fn();
    const tracker = trackVisibility(win, onChange);
    expect(tracker.isVisible(inner)).toBe(true);
    report(inner, true);
    expect(onChange).not.toHaveBeenCalled();
    expect(tracker.isVisible(inner)).toBe(true);
    report(inner, false);
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('lets go of a removed element without calling its last report a change', () => {
    const { inner } = build();
    const { win, report, observed } = fakeIntersections();
    const onChange = vi.fn();
    const tracker = trackVisibility(win, onChange);
    expect(tracker.isVisible(inner)).toBe(true);
    report(inner, true);
    inner.remove();
    report(inner, false);
    expect(onChange).not.toHaveBeenCalled();
    expect(observed.has(inner)).toBe(false);
    // Put back: guessed from the markup and followed again.
    document.body.append(inner);
    expect(tracker.isVisible(inner)).toBe(true);
    expect(observed.has(inner)).toBe(true);
  });

  it('lets go of detached elements once it follows many', () => {
    build();
    const { win, observed } = fakeIntersections();
    const tracker = trackVisibility(win, () => {});
    for (let index = 0; index < 20; index++) {
      const element = document.createElement('div');
      document.body.append(element);
      tracker.isVisible(element);
      element.remove();
    }
    expect(observed.size).toBeLessThanOrEqual(16);
  });

  it('falls back to the markup where there is no IntersectionObserver', () => {
    const { inner } = build();
    const tracker = trackVisibility({} as Window, () => {});
    expect(tracker.isVisible(inner)).toBe(true);
    inner.setAttribute('aria-hidden', 'true');
    expect(tracker.isVisible(inner)).toBe(false);
  });
});
