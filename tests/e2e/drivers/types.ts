// The real-browser suite's one API over both drivers (playwright-core for Chromium,
// puppeteer-core for Firefox): a scenario in tests/e2e/both/ is written once against these types
// and runs in each browser. Elements are found by role and accessible name (the accessibility
// contract, docs/accessibility.md), by label, by text or by CSS, with the same in-page code in both
// browsers (in-page.ts); input is the driver's own (real clicks and keys).

import type { DemoBackup, DemoData } from '../../demo/demo-data';
import type { DemoCalendarOptions, RoutedResponse } from '../harness';

export type BrowserName = 'chromium' | 'firefox';

export type Name = string | RegExp;

export interface RoleOptions {
  name?: Name;
  /** With a string name: the whole name, case-sensitive (default: a case-insensitive part). */
  exact?: boolean;
  checked?: boolean;
  pressed?: boolean;
}

export interface TextOptions {
  exact?: boolean;
}

export type WaitState = 'visible' | 'attached' | 'detached' | 'hidden';

/** Something to find elements in: a document, or the elements a locator matches. */
export interface Scope {
  getByRole(role: string, options?: RoleOptions): Locator;
  getByText(text: Name, options?: TextOptions): Locator;
  getByLabel(text: Name, options?: TextOptions): Locator;
  locator(css: string): Locator;
}

/**
 * A lazy query, as in Playwright: nothing is looked up until an action or a read, which wait
 * (up to the timeout) for the element. Actions need exactly one match.
 */
export interface Locator extends Scope {
  first(): Locator;
  last(): Locator;
  nth(index: number): Locator;
  /** Those matches that contain `has`'s match (relative to each) or the text. */
  filter(options: { has?: Locator; hasText?: Name }): Locator;
  waitFor(options?: { state?: WaitState; timeout?: number }): Promise<void>;
  count(): Promise<number>;
  click(): Promise<void>;
  /** Replaces the control's value as a paste would (input events), or a select's option. */
  fill(text: string): Promise<void>;
  selectOption(value: string): Promise<void>;
  focus(): Promise<void>;
  blur(): Promise<void>;
  /** Focuses the element, then presses the key (e.g. "Escape", "Alt+Shift+B"). */
  press(key: string): Promise<void>;
  /** Puts files into a file input, as a user picking them would. */
  setInputFiles(files: string[]): Promise<void>;
  /** Focuses the element, then types the text key by key. */
  type(text: string): Promise<void>;
  inputValue(): Promise<string>;
  isChecked(): Promise<boolean>;
  textContent(): Promise<string>;
  getAttribute(name: string): Promise<string | null>;
  /** Runs `fn` in the page with the element. */
  evaluate<R, A = undefined>(fn: (element: Element, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

/** A document: a tab's page or the panel's frame in it. */
export interface Doc extends Scope {
  /** Runs `fn` in the document (serialized: it may not use anything from the test's scope). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

export interface Keyboard {
  /** A key or a chord: "Escape", "Tab", "Shift+Tab", "Alt+Shift+B". */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
}

export interface Tab extends Doc {
  readonly keyboard: Keyboard;
  url(): Promise<string>;
  /** The panel's frame on Calendar's page (waits until the content script made it). */
  panelFrame(): Doc;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Makes this tab the selected one (Firefox runs no animation frames in background tabs). */
  bringToFront(): Promise<void>;
  /** Clicks the control and returns the file it downloads. */
  download(control: Locator): Promise<{ fileName: string; text: string; path: string }>;
  /** Errors thrown by the page's scripts (main world) since the tab opened. */
  pageErrors(): string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Whether https://calendar.google.com/* is granted at install (default true). Chrome always
   * grants a manifest's host permissions; Firefox's MV3 leaves them to the user.
   */
  calendarAccess?: boolean;
  /**
   * The browser's UI language ('de', 'ja'), what getUILanguage() answers. Chromium reads it from
   * LANGUAGE and needs Debian's chromium-l10n; Firefox switches with intl.locale.requested when
   * the language's pack is installed (Debian's firefox-esr-l10n-de/-ja, .ci/run installs both).
   * Default: English.
   */
  locale?: string;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** chrome-extension://<id> or moz-extension://<uuid>, without a slash. */
  readonly extensionOrigin: string;
  /** Serves the demo calendar at https://calendar.google.com for every tab (replacing any). */
  serveCalendar(options?: DemoCalendarOptions): Promise<DemoData>;
  /** Answers every request to `origin` (e.g. https://example.com) with `respond`. */
  serveOrigin(origin: string, respond: (url: string) => RoutedResponse): void;
  newTab(url: string): Promise<Tab>;
  /** A new tab on the demo week, once its chips are drawn. */
  openCalendar(demo: DemoData, options?: { theme?: 'light' | 'dark' }): Promise<Tab>;
  /** A new tab on one of the extension's pages (e.g. "popup.html"), loaded. */
  openExtensionPage(pagePath: string): Promise<Tab>;
  /** Replaces the extension's data with a backup, through the background's importBackup. */
  seed(backup: DemoBackup): Promise<void>;
  /** An extension page kept open for reading the store (opened on first use). */
  storePage(): Promise<Tab>;
  close(): Promise<void>;
}

export interface Driver {
  readonly name: BrowserName;
  /** For test titles and the summary: "Chromium", "Firefox ESR". */
  readonly label: string;
  launch(options?: LaunchOptions): Promise<ExtensionBrowser>;
}
