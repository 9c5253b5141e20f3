// The popup's and options page's first script, kept tiny: it starts opening the database
// (warmOpen) and reads the first screen with IndexedDB alone (first-screen.ts), and only then
// loads the app (Dexie, Preact, the views), so the waits overlap instead of adding up: the app
// renders the first follow-ups at once instead of after Dexie's open and its first queries. The
// app's module is a separate chunk, fetched by the import below.

import { browser } from 'wxt/browser';
import { popupStartStrings } from '@/components/i18n/popup-start-strings';
import { isStoreDatabaseName, readDatabaseName } from '@/utils/store/database-name';
import { readFirstScreen, type FirstScreen } from '@/utils/store/first-screen';
import { warmOpen } from '@/utils/store/warm-open';

/** Follow-ups on the first screen: the popup's page of rows (components/popup PAGE_SIZE). */
export const FIRST_SCREEN_ITEMS = 50;

/** The browser's UI language, as the app uses it (mount-popup-page.tsx). */
function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

type LoadApp = () => Promise<typeof import('./mount-popup-page')>;

/**
 * The localStorage key of the database's name as the last page read it from storage.local: a
 * guess, read at once, so that the database is opened while storage.local answers (15–35 ms of
 * the popup's start on the large data set). storage.local stays the truth: a first screen read
 * from a guessed name that proves wrong is dropped, and warmOpen never creates a database.
 */
export const DATABASE_NAME_HINT_KEY = 'cbc-database-name';

function readNameHint(): string | null {
  try {
    const hint = localStorage.getItem(DATABASE_NAME_HINT_KEY);
    return isStoreDatabaseName(hint) ? hint : null;
  } catch {
    return null;
  }
}

function writeNameHint(name: string): void {
  try {
    localStorage.setItem(DATABASE_NAME_HINT_KEY, name);
  } catch {
    // No localStorage: every start waits for storage.local, as without a hint.
  }
}

export function startPopupPage(
  layout: 'popup' | 'page',
  root: HTMLElement,
  loadApp: LoadApp = () => import('./mount-popup-page'),
): Promise<void> {
  const words = popupStartStrings(uiLanguage());
  root.ownerDocument.documentElement.lang = words.locale;
  root.querySelector('[role="status"]')?.setAttribute('aria-label', words('loading'));
  // The current database's name (an import switches to a new one): one storage.local read,
  // while the app's chunk loads.
  const databaseName = readDatabaseName(browser.storage.local);
  void databaseName.then(writeNameHint, () => undefined);
  let release = () => undefined as void;
  const readScreenOf = (name: string) =>
    new Promise<FirstScreen | null>((resolve) => {
      release = warmOpen(name, {
        onOpen: (connection) => {
          if (!connection) return resolve(null);
          readFirstScreen(connection, FIRST_SCREEN_ITEMS).then(resolve, () => resolve(null));
        },
      });
    });
  const hint = readNameHint();
  const guessed = hint === null ? null : readScreenOf(hint);
  const firstScreen = databaseName.then(
    (name) => {
      if (guessed && name === hint) return guessed;
      release();
      return readScreenOf(name);
    },
    () => {
      release();
      return null;
    },
  );
  return Promise.all([loadApp(), databaseName]).then(
    ([{ mountPopupPage }, name]) =>
      mountPopupPage(layout, root, {
        databaseName: name,
        onDatabaseOpen: () => release(),
        firstScreen,
      }),
    (error: unknown) => {
      release();
      // Happens when the extension was updated or removed while this page was open.
      root.textContent = words('startFailed', { error: String(error) });
    },
  );
}
