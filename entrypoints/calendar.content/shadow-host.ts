// Our own element on <body> with an OPEN shadow root (tests and assistive tech pierce it): the
// page's styles stay out (`all: initial`), and the listed events stop at the shadow root so
// Calendar never sees them. A few lines instead of WXT's createShadowRootUi, whose autoMount and
// CSS-fetching machinery cost ~4 KB gzip of the content script's 25 KB budget.

export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the UI renders. */
  container: HTMLElement;
  isOwnNode(node: Node): boolean;
}

export function createShadowHost(
  doc: Document,
  options: { name: string; css: string; isolateEvents?: readonly string[] },
): ShadowHost {
  const host = doc.createElement(options.name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial !important}\n${options.css}`;
  const container = doc.createElement('div');
  shadow.append(style, container);
  for (const type of options.isolateEvents ?? []) {
    shadow.addEventListener(type, (event) => event.stopPropagation());
  }
  return {
    host,
    shadow,
    container,
    isOwnNode: (node) => node === host || host.contains(node),
  };
}
