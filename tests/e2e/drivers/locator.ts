// Locators and documents over any driver: a driver only supplies a `DocBackend` (evaluate an
// expression in a document, click an element the expression yields, a keyboard); finding,
// waiting and reading are the same code for both browsers.

import { QUERY_SOURCE, type Step, type TextMatch } from './in-page';
import type {
  Doc,
  Keyboard,
  Locator,
  Name,
  RoleOptions,
  Scope,
  TextOptions,
  WaitState,
} from './types';

/** Default wait of locators (Playwright's own is 30 s; a poll of the page every 50 ms). */
export const DEFAULT_TIMEOUT_MS = 15_000;
const POLL_MS = 50;

export interface DocBackend {
  /** Evaluates a JavaScript expression in the document (awaiting a promise it yields). */
  evaluate<R>(expression: string): Promise<R>;
  /** Clicks, with the driver's pointer, the element that `expression` evaluates to. */
  click(expression: string): Promise<void>;
  /** Sets a file input's files, the element being what `expression` evaluates to. */
  setInputFiles(expression: string, files: string[]): Promise<void>;
  keyboard: Keyboard;
  /** Runs before each action (a tab that is not the selected one is brought to front). */
  beforeAction(): Promise<void>;
}

/**
 * Scrolls the element into view and names what the pointer would hit at its centre instead of
 * it ('' when the element itself, a descendant or one of its labels is hit).
 */
const HIT_TEST = `(element) => {
  element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const box = element.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  let hit = document.elementFromPoint(x, y);
  while (hit && hit.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  if (!hit) return 'nothing (outside the viewport)';
  if (hit === element || element.contains(hit)) return '';
  if (Array.from(element.labels ?? []).some((label) => label === hit || label.contains(hit))) {
    return '';
  }
  return hit.localName + (hit.id ? '#' + hit.id : '') +
    (typeof hit.className === 'string' && hit.className ? '.' + hit.className.split(' ').join('.') : '');
}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function textMatch(text: Name, exact = false): TextMatch {
  return typeof text === 'string'
    ? { kind: 'string', value: text, exact }
    : { kind: 'regex', source: text.source, flags: text.flags };
}

/** JSON that can stand in an expression (and a RegExp's parts stay strings). */
const literal = (value: unknown) => (value === undefined ? 'undefined' : JSON.stringify(value));

const queryExpression = (steps: Step[]) => `(${QUERY_SOURCE})(${literal(steps)})`;

/** Runs `body` (source of `(elements) => …`) on the query's matches. */
const onMatches = (steps: Step[], body: string) => `(${body})(${queryExpression(steps)})`;

function describeSteps(steps: Step[]): string {
  return steps
    .map((step) => {
      switch (step.by) {
        case 'role':
          return `role=${step.role}${step.name ? `[name ${describeText(step.name)}]` : ''}`;
        case 'text':
          return `text ${describeText(step.text)}`;
        case 'label':
          return `label ${describeText(step.text)}`;
        case 'css':
          return `css ${step.selector}`;
        case 'nth':
          return `nth=${step.index}`;
        case 'has':
          return `has(${describeSteps(step.steps)})`;
        case 'hasText':
          return `hasText ${describeText(step.text)}`;
      }
    })
    .join(' >> ');
}

function describeText(match: TextMatch): string {
  return match.kind === 'regex' ? `/${match.source}/${match.flags}` : JSON.stringify(match.value);
}

class ScopeBase implements Scope {
  constructor(
    protected readonly backend: DocBackend,
    readonly steps: Step[],
  ) {}

  protected with(step: Step): LocatorImpl {
    return new LocatorImpl(this.backend, [...this.steps, step]);
  }

  getByRole(role: string, options: RoleOptions = {}): Locator {
    return this.with({
      by: 'role',
      role,
      name: options.name === undefined ? undefined : textMatch(options.name, options.exact),
      checked: options.checked,
      pressed: options.pressed,
    });
  }

  getByText(text: Name, options: TextOptions = {}): Locator {
    return this.with({ by: 'text', text: textMatch(text, options.exact) });
  }

  getByLabel(text: Name, options: TextOptions = {}): Locator {
    return this.with({ by: 'label', text: textMatch(text, options.exact) });
  }

  locator(css: string): Locator {
    return this.with({ by: 'css', selector: css });
  }
}

class LocatorImpl extends ScopeBase implements Locator {
  private get description(): string {
    return describeSteps(this.steps);
  }

  first(): Locator {
    return this.with({ by: 'nth', index: 0 });
  }

  last(): Locator {
    return this.with({ by: 'nth', index: -1 });
  }

  nth(index: number): Locator {
    return this.with({ by: 'nth', index });
  }

  filter(options: { has?: Locator; hasText?: Name }): Locator {
    const steps: Step[] = [...this.steps];
    if (options.has) steps.push({ by: 'has', steps: (options.has as LocatorImpl).steps });
    if (options.hasText !== undefined) {
      steps.push({ by: 'hasText', text: textMatch(options.hasText) });
    }
    return new LocatorImpl(this.backend, steps);
  }

  private async state(): Promise<{ count: number; visible: boolean }> {
    return this.backend.evaluate(
      onMatches(
        this.steps,
        `(elements) => {
          const first = elements[0];
          if (!first) return { count: 0, visible: false };
          const box = first.getBoundingClientRect();
          const check = first.checkVisibility;
          const styled = typeof check === 'function'
            ? check.call(first, { visibilityProperty: true, checkVisibilityCSS: true })
            : true;
          return { count: elements.length, visible: styled && box.width > 0 && box.height > 0 };
        }`,
      ),
    );
  }

  async waitFor(options: { state?: WaitState; timeout?: number } = {}): Promise<void> {
    const wanted = options.state ?? 'visible';
    const deadline = Date.now() + (options.timeout ?? DEFAULT_TIMEOUT_MS);
    let last = { count: 0, visible: false };
    for (;;) {
      try {
        last = await this.state();
      } catch (error) {
        // The document may be between loads (a reload, a frame made anew): try again.
        if (Date.now() > deadline) throw error;
        await sleep(POLL_MS);
        continue;
      }
      const done =
        wanted === 'attached'
          ? last.count > 0
          : wanted === 'detached'
            ? last.count === 0
            : wanted === 'visible'
              ? last.count > 0 && last.visible
              : last.count === 0 || !last.visible;
      if (done) return;
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for ${this.description} to be ${wanted} (${last.count} matched${
            last.count > 0 ? `, ${last.visible ? 'visible' : 'not visible'}` : ''
          }).`,
        );
      }
      await sleep(POLL_MS);
    }
  }

  async count(): Promise<number> {
    return (await this.state()).count;
  }

  /** Waits until exactly one element matches (and is visible, for actions). */
  private async one(visible: boolean): Promise<string> {
    const deadline = Date.now() + DEFAULT_TIMEOUT_MS;
    for (;;) {
      let state = { count: 0, visible: false };
      try {
        state = await this.state();
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (state.count > 1) {
        throw new Error(`${this.description} matched ${state.count} elements, expected one.`);
      }
      if (state.count === 1 && (state.visible || !visible)) {
        return onMatches(this.steps, '(elements) => elements[0]');
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for ${this.description}${visible ? ' to be visible' : ''}.`,
        );
      }
      await sleep(POLL_MS);
    }
  }

  private async onElement<R>(fnSource: string, arg: unknown, visible = false): Promise<R> {
    const element = await this.one(visible);
    return this.backend.evaluate<R>(`(${fnSource})(${element}, ${literal(arg)})`);
  }

  async click(): Promise<void> {
    await this.backend.beforeAction();
    const deadline = Date.now() + DEFAULT_TIMEOUT_MS;
    for (;;) {
      const element = await this.one(true);
      try {
        // As Playwright does: the pointer must land on the element, not on what covers it.
        const cover = await this.backend.evaluate<string>(`(${HIT_TEST})(${element})`);
        if (cover !== '') throw new Error(`${this.description} is covered by ${cover}.`);
        await this.backend.click(element);
        return;
      } catch (error) {
        // Detached, re-rendered or covered for a moment: look it up again.
        if (Date.now() > deadline) throw error;
        await sleep(POLL_MS);
      }
    }
  }

  async fill(text: string): Promise<void> {
    await this.backend.beforeAction();
    await this.onElement<void>(
      `(element, text) => {
        element.focus();
        const setValue = (value) => {
          const proto = Object.getPrototypeOf(element);
          const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
          if (setter) setter.call(element, value); else element.value = value;
          element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          element.dispatchEvent(new Event('change', { bubbles: true }));
        };
        const typed = element.localName === 'textarea' ||
          (element.localName === 'input' &&
            ['', 'text', 'email', 'search', 'tel', 'url', 'password'].includes(element.type));
        if (!typed) return setValue(text);
        element.select();
        if (text === '') document.execCommand('delete');
        else document.execCommand('insertText', false, text);
        if (element.value !== text) setValue(text);
      }`,
      text,
      true,
    );
  }

  async selectOption(value: string): Promise<void> {
    await this.backend.beforeAction();
    await this.onElement<void>(
      `(element, value) => {
        const option = Array.from(element.options).find(
          (o) => o.value === value || o.label === value || o.textContent.trim() === value);
        if (!option) throw new Error('No option ' + value);
        element.focus();
        element.value = option.value;
        element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        element.dispatchEvent(new Event('change', { bubbles: true }));
      }`,
      value,
      true,
    );
  }

  async focus(): Promise<void> {
    await this.backend.beforeAction();
    await this.onElement<void>('(element) => element.focus()', undefined, true);
  }

  async blur(): Promise<void> {
    await this.onElement<void>('(element) => element.blur()', undefined);
  }

  async press(key: string): Promise<void> {
    await this.focus();
    await this.backend.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    await this.focus();
    await this.backend.keyboard.type(text);
  }

  async setInputFiles(files: string[]): Promise<void> {
    await this.backend.setInputFiles(await this.one(false), files);
  }

  inputValue(): Promise<string> {
    return this.onElement('(element) => element.value ?? ""', undefined);
  }

  isChecked(): Promise<boolean> {
    return this.onElement(
      `(element) => 'checked' in element ? element.checked : element.getAttribute('aria-checked') === 'true'`,
      undefined,
    );
  }

  textContent(): Promise<string> {
    return this.onElement('(element) => element.textContent ?? ""', undefined);
  }

  getAttribute(name: string): Promise<string | null> {
    return this.onElement('(element, name) => element.getAttribute(name)', name);
  }

  evaluate<R, A = undefined>(
    fn: (element: Element, arg: A) => R | Promise<R>,
    arg?: A,
  ): Promise<R> {
    return this.onElement(fn.toString(), arg);
  }
}

export class DocImpl extends ScopeBase implements Doc {
  constructor(backend: DocBackend) {
    super(backend, []);
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.backend.evaluate<R>(`(${fn.toString()})(${literal(arg)})`);
  }
}

/** Presses a chord such as "Alt+Shift+B" with a driver that has only down/up/press. */
export async function pressChord(
  key: string,
  keys: { down(key: string): Promise<void>; up(key: string): Promise<void> },
): Promise<void> {
  const parts = key === '+' ? ['+'] : key.split('+');
  const modifiers = parts.slice(0, -1);
  const last = parts[parts.length - 1]!;
  for (const modifier of modifiers) await keys.down(modifier);
  try {
    await keys.down(last);
    await keys.up(last);
  } finally {
    for (const modifier of modifiers.reverse()) await keys.up(modifier);
  }
}
