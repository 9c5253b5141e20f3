// The popup and the options page are the same app in two layouts: this mounts it with the real
// store, client and browser APIs. The entrypoints only choose the layout.

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendRequest } from '@/utils/messaging/client';
import { openDatabase, type CbcDatabase } from '@/utils/store';
import {
  DATABASE_NAME_KEY,
  isStoreDatabaseName,
  readDatabaseName,
} from '@/utils/store/database-name';
import type { FirstScreen } from '@/utils/store/first-screen';
import { applyPageLocale } from '@/components/i18n';
import { ConnectedPopup } from '@/components/popup/model/connected-popup';
import { downloadBlob } from '@/components/popup/model/download-blob';
import { localTabMemory } from './tab-memory';

export interface MountOptions {
  /** The current database's name (storage.local); DATABASE_NAME without it. */
  databaseName?: string;
  /** Called once Dexie's connection is open (or failed to open). */
  onDatabaseOpen?: () => void;
  /** The first screen, read by the first script while this module loaded. */
  firstScreen?: Promise<FirstScreen | null>;
}

export function mountPopupPage(
  layout: 'popup' | 'page',
  root: HTMLElement,
  options: MountOptions = {},
): void {
  applyPageLocale(browser.i18n.getUILanguage(), root.ownerDocument);
  const db = openDatabase(options.databaseName);
  // Opening IndexedDB takes a while on a cold start: begin now, while the first render is built.
  // A failure is not lost: the first read fails the same way and the page shows it.
  db.open()
    .catch(() => undefined)
    .finally(() => options.onDatabaseOpen?.());
  // The static skeleton of index.html gives way to the app, which shows its own loading rows.
  root.replaceChildren();
  render(
    <OnCurrentDatabase
      first={db}
      layout={layout}
      send={sendRequest}
      download={downloadBlob}
      storage={navigator.storage}
      permissions={browser.permissions}
      firstScreen={options.firstScreen}
      // The options page shows every section at once: nothing to remember there.
      tabMemory={layout === 'popup' ? localTabMemory(globalThis.localStorage) : undefined}
    />,
    root,
  );
}

type PopupProps = Omit<Parameters<typeof ConnectedPopup>[0], 'db'>;

/**
 * The popup on the current database: when an import (or "Delete all data") switches the
 * background to a new database, storage.local names the new one before the import answers, and
 * the popup moves to it at once, keeping its state (the import's "Imported … records" stays
 * shown) and closing the old connection, so that deleting the old database does not wait for
 * it. The deletion's versionchange (no new version) moves it too, should the change have been
 * missed.
 */
function OnCurrentDatabase({ first, ...props }: PopupProps & { first: CbcDatabase }) {
  const [db, setDb] = useState(first);
  useEffect(() => {
    const moveTo = (name: string) => {
      if (name === db.name) return;
      db.close();
      setDb(openDatabase(name));
    };
    const onNameChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[DATABASE_NAME_KEY];
      if (area === 'local' && change && isStoreDatabaseName(change.newValue)) {
        moveTo(change.newValue);
      }
    };
    const onVersionChange = (event: IDBVersionChangeEvent) => {
      if (event.newVersion !== null) return;
      void readDatabaseName(browser.storage.local).then(moveTo, (error: unknown) =>
        console.error('Craft Beyond Code: the database name is unreadable', error),
      );
    };
    browser.storage.onChanged.addListener(onNameChange);
    db.on('versionchange', onVersionChange);
    return () => {
      browser.storage.onChanged.removeListener(onNameChange);
      db.on('versionchange').unsubscribe(onVersionChange);
    };
  }, [db]);
  return <ConnectedPopup db={db} {...props} />;
}
