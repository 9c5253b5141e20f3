// Functions that run inside a page (passed to a driver's evaluate): each is self-contained (the
// driver sends its source text, so it may not use anything from this module's scope). The same
// functions serve both drivers, so both legs find elements and read the store the same way.

/** A text to match: a string (substring, case-insensitive, unless exact) or a RegExp's parts. */
export type TextMatch =
  | { kind: 'string'; value: string; exact: boolean }
  | { kind: 'regex'; source: string; flags: string };

/** One step of a query, applied to what the previous steps matched (the document at first). */
export type Step =
  | {
      by: 'role';
      role: string;
      name?: TextMatch;
      checked?: boolean;
      pressed?: boolean;
    }
  | { by: 'text'; text: TextMatch }
  | { by: 'label'; text: TextMatch }
  | { by: 'css'; selector: string }
  | { by: 'nth'; index: number }
  | { by: 'has'; steps: Step[] }
  | { by: 'hasText'; text: TextMatch };

/** What `describeMatches` reports about the elements a query matches. */
export interface MatchState {
  count: number;
  /** Whether the first match has a box and is not hidden by CSS. */
  visible: boolean;
}

/**
 * The elements a query matches, in document order (open shadow roots included). Role queries
 * follow the ARIA roles and a subset of the accessible-name computation (aria-labelledby,
 * aria-label, <label>, legend, alt, content for roles named from content, title, placeholder),
 * and leave out elements hidden from assistive technology, as Playwright's getByRole does.
 */
export function queryAll(steps: Step[]): Element[] {
  const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
  const matches = (match: TextMatch, text: string): boolean => {
    const value = normalize(text);
    if (match.kind === 'regex') return new RegExp(match.source, match.flags).test(value);
    const wanted = normalize(match.value);
    return match.exact ? value === wanted : value.toLowerCase().includes(wanted.toLowerCase());
  };
  const allElements = (root: Element | Document | ShadowRoot): Element[] => {
    const found: Element[] = [];
    const walk = (node: Element | Document | ShadowRoot) => {
      for (const child of Array.from(node.children)) {
        found.push(child);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    };
    walk(root);
    return found;
  };
  const isRendered = (element: Element): boolean => {
    const check = (element as Element & { checkVisibility?(o: object): boolean }).checkVisibility;
    if (typeof check === 'function') {
      return check.call(element, { visibilityProperty: true, checkVisibilityCSS: true });
    }
    return element.getClientRects().length > 0;
  };
  const isHiddenFromAt = (element: Element): boolean => {
    for (let node: Element | null = element; node;) {
      if (node.getAttribute('aria-hidden') === 'true' || (node as HTMLElement).hidden) return true;
      const parent: Node | null = node.parentNode;
      node = parent instanceof ShadowRoot ? parent.host : (parent as Element | null);
      if (node && node.nodeType !== 1) node = null;
    }
    const style = getComputedStyle(element);
    if (style.display === 'contents') return false;
    return !isRendered(element);
  };
  const inputRole = (input: HTMLInputElement): string => {
    switch (input.type) {
      case 'button':
      case 'submit':
      case 'reset':
      case 'image':
        return 'button';
      case 'checkbox':
        return 'checkbox';
      case 'radio':
        return 'radio';
      case 'number':
        return 'spinbutton';
      case 'range':
        return 'slider';
      case 'search':
        return input.hasAttribute('list') ? 'combobox' : 'searchbox';
      case 'email':
      case 'tel':
      case 'text':
      case 'url':
      case '':
        return input.hasAttribute('list') ? 'combobox' : 'textbox';
      default:
        return '';
    }
  };
  const roleOf = (element: Element): string => {
    const explicit = element.getAttribute('role')?.trim().split(/\s+/)[0];
    if (explicit) return explicit;
    const tag = element.localName;
    switch (tag) {
      case 'button':
        return 'button';
      case 'a':
      case 'area':
        return element.hasAttribute('href') ? 'link' : '';
      case 'input':
        return inputRole(element as HTMLInputElement);
      case 'textarea':
        return 'textbox';
      case 'select': {
        const select = element as HTMLSelectElement;
        return select.multiple || select.size > 1 ? 'listbox' : 'combobox';
      }
      case 'option':
        return 'option';
      case 'ul':
      case 'ol':
      case 'menu':
        return 'list';
      case 'li':
        return 'listitem';
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return 'heading';
      case 'aside':
        return 'complementary';
      case 'nav':
        return 'navigation';
      case 'main':
        return 'main';
      case 'dialog':
        return 'dialog';
      case 'fieldset':
      case 'details':
      case 'optgroup':
        return 'group';
      case 'img':
        return element.getAttribute('alt') === '' ? 'presentation' : 'img';
      case 'output':
        return 'status';
      case 'progress':
        return 'progressbar';
      case 'section':
      case 'form':
        return element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby')
          ? tag === 'section'
            ? 'region'
            : 'form'
          : '';
      case 'table':
        return 'table';
      case 'p':
        return 'paragraph';
      default:
        return '';
    }
  };
  const NAMED_FROM_CONTENT = new Set([
    'button',
    'cell',
    'checkbox',
    'columnheader',
    'heading',
    'link',
    'menuitem',
    'menuitemcheckbox',
    'menuitemradio',
    'option',
    'radio',
    'row',
    'rowheader',
    'switch',
    'tab',
    'tooltip',
    'treeitem',
  ]);
  /** Text of a subtree for a name: hidden parts left out, embedded controls by their value. */
  const textOf = (node: Node, skip: Element | null): string => {
    if (node.nodeType === 3) return (node as Text).data;
    if (node.nodeType !== 1) return '';
    const element = node as Element;
    if (element === skip) return '';
    if (element.getAttribute('aria-hidden') === 'true') return '';
    if (element.localName === 'script' || element.localName === 'style') return '';
    if (element !== skip && (element as HTMLElement).hidden) return '';
    const role = roleOf(element);
    if (element.localName === 'textarea' || role === 'textbox') {
      return (element as HTMLInputElement).value ?? '';
    }
    if (element.localName === 'select') {
      const select = element as HTMLSelectElement;
      return select.selectedOptions[0]?.textContent ?? '';
    }
    if (element.localName === 'input') return '';
    const label = element.getAttribute('aria-label');
    if (label && label.trim() !== '') return label;
    let text = '';
    const children = element.shadowRoot ? element.shadowRoot.childNodes : element.childNodes;
    for (const child of Array.from(children)) text += textOf(child, skip);
    const display = element instanceof HTMLElement ? getComputedStyle(element).display : 'inline';
    return display === 'inline' ? text : ` ${text} `;
  };
  const nameOf = (element: Element): string => {
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      const root = element.getRootNode() as Document | ShadowRoot;
      const text = labelledBy
        .split(/\s+/)
        .map((id) => root.getElementById?.(id) ?? document.getElementById(id))
        .filter((target): target is HTMLElement => target !== null)
        .map((target) => textOf(target, null))
        .join(' ');
      if (normalize(text) !== '') return normalize(text);
    }
    const label = element.getAttribute('aria-label');
    if (label && normalize(label) !== '') return normalize(label);
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length > 0) {
      const text = Array.from(labels)
        .map((target) => textOf(target, element))
        .join(' ');
      if (normalize(text) !== '') return normalize(text);
    }
    if (element.localName === 'fieldset') {
      const legend = element.querySelector(':scope > legend');
      if (legend) return normalize(textOf(legend, null));
    }
    if (element.localName === 'img') {
      const alt = element.getAttribute('alt');
      if (alt) return normalize(alt);
    }
    if (element.localName === 'input') {
      const input = element as HTMLInputElement;
      if (['button', 'submit', 'reset'].includes(input.type)) {
        return normalize(input.value || (input.type === 'reset' ? 'Reset' : 'Submit'));
      }
    }
    if (NAMED_FROM_CONTENT.has(roleOf(element))) {
      const text = normalize(textOf(element, null).replace(/^ | $/g, ''));
      if (text !== '') return text;
    }
    const title = element.getAttribute('title');
    if (title && normalize(title) !== '') return normalize(title);
    const placeholder = element.getAttribute('placeholder');
    return placeholder ? normalize(placeholder) : '';
  };
  const isChecked = (element: Element): boolean => {
    if (element instanceof HTMLInputElement) return element.checked;
    return element.getAttribute('aria-checked') === 'true';
  };
  const uniqueInOrder = (elements: Element[]): Element[] => {
    const seen = new Set<Element>();
    return elements.filter((element) => !seen.has(element) && seen.add(element) !== undefined);
  };
  const textMatches = (scope: Element | Document, match: TextMatch): Element[] => {
    const candidates = allElements(scope).filter(
      (element) =>
        element.localName !== 'script' &&
        element.localName !== 'style' &&
        matches(match, element.textContent ?? ''),
    );
    // The innermost elements holding the text, as Playwright's getByText picks.
    return candidates.filter(
      (element) =>
        !Array.from(element.children).some((child) => matches(match, child.textContent ?? '')),
    );
  };
  const run = (start: Array<Element | Document>, list: Step[]): Element[] => {
    let current: Array<Element | Document> = start;
    for (const step of list) {
      let next: Element[] = [];
      switch (step.by) {
        case 'role':
          for (const scope of current) {
            next.push(
              ...allElements(scope).filter((element) => {
                if (roleOf(element) !== step.role) return false;
                if (isHiddenFromAt(element)) return false;
                if (step.name && !matches(step.name, nameOf(element))) return false;
                if (step.checked !== undefined && isChecked(element) !== step.checked) return false;
                if (
                  step.pressed !== undefined &&
                  (element.getAttribute('aria-pressed') === 'true') !== step.pressed
                ) {
                  return false;
                }
                return true;
              }),
            );
          }
          break;
        case 'text':
          for (const scope of current) next.push(...textMatches(scope, step.text));
          break;
        case 'label':
          for (const scope of current) {
            next.push(
              ...allElements(scope).filter(
                (element) =>
                  ((element as HTMLInputElement).labels?.length ||
                    element.hasAttribute('aria-label') ||
                    element.hasAttribute('aria-labelledby')) &&
                  matches(step.text, nameOf(element)),
              ),
            );
          }
          break;
        case 'css':
          for (const scope of current) {
            next.push(...allElements(scope).filter((element) => element.matches(step.selector)));
          }
          break;
        case 'nth': {
          const all = current.filter((node): node is Element => node instanceof Element);
          const picked = step.index < 0 ? all[all.length + step.index] : all[step.index];
          next = picked ? [picked] : [];
          break;
        }
        case 'has':
          next = current.filter(
            (node): node is Element =>
              node instanceof Element && run([node], step.steps).length > 0,
          );
          break;
        case 'hasText':
          next = current.filter(
            (node): node is Element =>
              node instanceof Element && matches(step.text, node.textContent ?? ''),
          );
          break;
      }
      current = uniqueInOrder(next);
    }
    return current.filter((node): node is Element => node instanceof Element);
  };
  return run([document], steps);
}

/** Reads from the document: every helper above is inlined, so this too is self-contained. */
export const QUERY_SOURCE = queryAll.toString();

/**
 * Every record of one store table, read with the plain IndexedDB API in the page's own origin
 * (an extension page reads the extension's database). [] when the database does not exist.
 */
export async function readTableInPage(args: {
  database: string;
  table: string;
}): Promise<unknown[]> {
  const { table } = args;
  // An import switches the store to a new database and names it in storage.local
  // (utils/store/database-name.ts); until then it is the default name.
  const api = globalThis as unknown as {
    browser?: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    chrome?: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
  };
  const local = (api.browser ?? api.chrome)?.storage?.local;
  const named = local ? (await local.get('databaseName'))['databaseName'] : undefined;
  const database = typeof named === 'string' ? named : args.database;
  const known = await indexedDB.databases();
  if (!known.some((info) => info.name === database)) return [];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(database);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const readAll = (name: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(name)) return resolve([]);
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    // Since schema version 3, done items and discussed points are packed per person and year
    // (utils/store/closed-packs.ts), and since version 7 the feedback log and topic discussions
    // (utils/store/person-pack-records.ts), with no table of single records left: the table is
    // read as a backup lists it, one by one.
    const packs = {
      actionItems: 'doneActionItems',
      talkingPoints: 'discussedTalkingPoints',
      feedbackEntries: 'feedbackPacks',
      topicDiscussions: 'topicDiscussionPacks',
    };
    const packTable = (packs as Record<string, string>)[table];
    // Since schema version 6, a meeting's notes are in its record (utils/store/
    // notes-in-meetings.ts): meetings are read without them, notes as a backup lists them.
    if (table === 'meetings' || table === 'notes') {
      type Stored = Record<string, unknown> & {
        eid: string;
        personEmail: string;
        start: number;
        note?: { text: string; wellbeing: number | null; updatedAt: number };
      };
      const meetings = (await readAll('meetings')) as Stored[];
      if (table === 'meetings') {
        return meetings.map((stored) => {
          const { note, ...meeting } = stored;
          void note;
          return meeting;
        });
      }
      return meetings.flatMap(({ eid, personEmail, start, note }) =>
        note
          ? [
              {
                meetingEid: eid,
                personEmail,
                meetingStart: start,
                text: note.text,
                wellbeing: note.wellbeing,
                updatedAt: note.updatedAt,
              },
            ]
          : [],
      );
    }
    const single = await readAll(table);
    if (packTable === undefined) return single;
    const packed = (await readAll(packTable)) as Array<{ items: unknown[] }>;
    return [...single, ...packed.flatMap((pack) => pack.items)];
  } finally {
    db.close();
  }
}

/** Names of the IndexedDB databases of the page's origin. */
export async function databaseNamesInPage(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '').filter((name) => name !== '');
}

/** Sends one message to the background from an extension page; the raw reply. */
export async function sendMessageInPage(message: unknown): Promise<unknown> {
  const api = globalThis as unknown as {
    browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  };
  const runtime = (api.browser ?? api.chrome)!.runtime;
  return runtime.sendMessage(message);
}
