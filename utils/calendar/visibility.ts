// "Visible" as Calendar's own leftovers need it: Calendar leaves hidden [role="dialog"] nodes in
// the DOM (display:none), and only a rendered one is the open popover.
//
// Nothing here reads layout: asking the browser (checkVisibility(), getClientRects()) in the
// middle of Calendar's mutations forces a style and layout pass that Calendar then pays again.
// The markup says what it can (`hidden`, `aria-hidden`, inline display/visibility), and an
// IntersectionObserver, which reports after the browser's own layout, says whether the element
// got a box at all: its answer replaces the markup's guess as soon as it comes, and the watcher
// looks again (onChange).

export type IsVisible = (element: Element) => boolean;

/** What the markup alone says: hidden by an attribute or an inline style on it or an ancestor. */
const isVisibleByMarkup: IsVisible = (element) => {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    if (node.getAttribute('aria-hidden') === 'true') return false;
    // The style object is made on first use: only for elements with an inline style.
    if (!node.hasAttribute('style')) continue;
    const style = (node as HTMLElement).style as CSSStyleDeclaration | undefined;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return element.isConnected;
};

export interface VisibilityTracker {
  isVisible: IsVisible;
  /** Stops following an element (removed from the page): its last report would be no news. */
  forget(element: Element): void;
  disconnect(): void;
}

/** Elements followed at once before the disconnected ones are let go. */
const MAX_OBSERVED = 16;

/**
 * Visibility learnt from an IntersectionObserver where the window has one (the markup's guess
 * until its first report for an element). `onChange` runs when a report changes an answer.
 */
export function trackVisibility(win: Window, onChange: () => void): VisibilityTracker {
  const Observer = (win as Window & typeof globalThis).IntersectionObserver;
  if (typeof Observer !== 'function') {
    return { isVisible: isVisibleByMarkup, forget() {}, disconnect() {} };
  }
  const reported = new WeakMap<Element, boolean>();
  const observed = new Set<Element>();
  const observer = new Observer((entries) => {
    let changed = false;
    for (const entry of entries) {
      if (!entry.target.isConnected) {
        // Removed from the page: the watcher's MutationObserver has seen that already, so the
        // report (no box) is no news. Let it go; put back, it is guessed and observed anew.
        forget(entry.target);
        continue;
      }
      // A box of any size counts (a zero-area popover still has one); display:none has none.
      const rendered =
        entry.isIntersecting ||
        entry.boundingClientRect.width > 0 ||
        entry.boundingClientRect.height > 0;
      // Until its first report an observed element was answered "visible" (the markup's guess):
      // a first report that agrees changes nothing, and the watcher need not read again.
      if ((reported.get(entry.target) ?? true) !== rendered) changed = true;
      reported.set(entry.target, rendered);
    }
    if (changed) onChange();
  });
  function forget(element: Element): void {
    observer.unobserve(element);
    observed.delete(element);
    reported.delete(element);
  }
  return {
    forget,
    isVisible(element) {
      if (!isVisibleByMarkup(element)) return false;
      const known = reported.get(element);
      if (known !== undefined) return known;
      if (!observed.has(element)) {
        if (observed.size >= MAX_OBSERVED) {
          for (const old of observed) {
            if (old.isConnected) continue;
            observer.unobserve(old);
            observed.delete(old);
          }
        }
        observed.add(element);
        observer.observe(element);
      }
      return true;
    },
    disconnect() {
      observer.disconnect();
      observed.clear();
    },
  };
}

/** The markup's answer: for callers outside the watcher (tests, one-off reads). */
export const isVisible: IsVisible = isVisibleByMarkup;
