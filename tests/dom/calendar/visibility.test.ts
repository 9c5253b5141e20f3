import { describe, expect, it, vi } from 'vitest';
import { isVisible } from '@/utils/calendar';

function build(): { outer: HTMLElement; inner: HTMLElement } {
  document.body.replaceChildren();
  const outer = document.createElement('div');
  const inner = document.createElement('span');
  outer.append(inner);
  document.body.append(outer);
  return { outer, inner };
}

describe('isVisible', () => {
  it.each<[string, (pair: { outer: HTMLElement; inner: HTMLElement }) => void]>([
    ['hidden on an ancestor', ({ outer }) => outer.setAttribute('hidden', '')],
    ['aria-hidden on an ancestor', ({ outer }) => outer.setAttribute('aria-hidden', 'true')],
    [
      'inline display:none on an ancestor',
      ({ outer }) => outer.setAttribute('style', 'display: none'),
    ],
    ['inline visibility:hidden', ({ inner }) => inner.setAttribute('style', 'visibility: hidden')],
    ['detached', ({ inner }) => inner.remove()],
  ])('without layout, is false when %s', (_name, hide) => {
    const pair = build();
    expect(isVisible(pair.inner)).toBe(true);
    hide(pair);
    expect(isVisible(pair.inner)).toBe(false);
  });

  it('with layout (a real browser), decides by checkVisibility only', () => {
    const { outer, inner } = build();
    vi.spyOn(document.documentElement, 'getBoundingClientRect').mockReturnValue(
      new DOMRect(0, 0, 1280, 800),
    );
    // Hidden by a class Calendar toggles: markup says nothing, the browser says not rendered.
    const rendered = vi.spyOn(inner, 'checkVisibility').mockReturnValue(false);
    expect(isVisible(inner)).toBe(false);
    // Rendered even though an ancestor carries aria-hidden (it does not hide boxes).
    outer.setAttribute('aria-hidden', 'true');
    rendered.mockReturnValue(true);
    expect(isVisible(inner)).toBe(true);
  });
});
