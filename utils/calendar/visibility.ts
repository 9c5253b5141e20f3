// "Visible" as Calendar's own leftovers need it: Calendar leaves hidden [role="dialog"] nodes
// in the DOM, and only a rendered one is the open popover.

export type IsVisible = (element: Element) => boolean;

/**
 * In a browser: rendered boxes exist (`checkVisibility()`),
 * which covers every way of hiding (a class, an ancestor, `hidden`). Without layout (happy-dom, where every element
 * reports one empty box), fall back to what markup alone says: `hidden`, `aria-hidden="true"`,
 * inline `display:none` / `visibility:hidden` on the element or an ancestor.
 */
export const isVisible: IsVisible = (element) => {
  const doc = element.ownerDocument;
  if (hasLayout(doc)) {
    // checkVisibility() (Chrome 105, Firefox 106; the manifest asks for newer) answers from
    // style alone; getClientRects() would force a full layout right after Calendar changed it.
    return element.checkVisibility();
  }
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    if (node.getAttribute('aria-hidden') === 'true') return false;
    const style = (node as HTMLElement).style as CSSStyleDeclaration | undefined;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return element.isConnected;
};

/** Documents known to be laid out: asking again would force a layout on every call. */
const laidOut = new WeakSet<Document>();

/** A laid-out document gives its root element a non-empty box (the viewport's width). */
function hasLayout(doc: Document): boolean {
  if (laidOut.has(doc)) return true;
  const root = doc.documentElement;
  if (!root) return false;
  const rect = root.getBoundingClientRect();
  // Only "yes" is remembered: a browser document stays laid out, a layout-less one is re-asked.
  if (rect.width > 0 || rect.height > 0) laidOut.add(doc);
  return laidOut.has(doc);
}
