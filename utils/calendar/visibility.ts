// "Visible" as Calendar's own leftovers need it: Calendar leaves hidden [role="dialog"] nodes
// in the DOM, and only a rendered one is the open popover.

export type IsVisible = (element: Element) => boolean;

/**
 * In a browser: rendered boxes exist (`getClientRects().length > 0`), which covers every way
 * of hiding (a class, an ancestor, `hidden`). Without layout (happy-dom, where every element
 * reports one empty box), fall back to what markup alone says: `hidden`, `aria-hidden="true"`,
 * inline `display:none` / `visibility:hidden` on the element or an ancestor.
 */
export const isVisible: IsVisible = (element) => {
  const doc = element.ownerDocument;
  if (hasLayout(doc)) return element.getClientRects().length > 0;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    if (node.getAttribute('aria-hidden') === 'true') return false;
    const style = (node as HTMLElement).style as CSSStyleDeclaration | undefined;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return element.isConnected;
};

/** A laid-out document gives its root element a non-empty box (the viewport's width). */
function hasLayout(doc: Document): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  const rect = root.getBoundingClientRect();
  return rect.width > 0 || rect.height > 0;
}
