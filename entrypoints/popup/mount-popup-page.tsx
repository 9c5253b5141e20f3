// The popup and the options page are the same app in two layouts: this mounts it with the real
// store, client and browser APIs. The entrypoints only choose the layout.

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendRequest } from '@/utils/messaging/client';
import { openDatabase } from '@/utils/store';
import type { FirstScreen } from '@/utils/store/first-screen';
import { applyPageLocale } from '@/components/i18n';
import { ConnectedPopup } from '@/components/popup/model/connected-popup';
import { downloadBlob } from '@/components/popup/model/download-blob';
import { localTabMemory } from './tab-memory';

export interface MountOptions {
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
  const db = openDatabase();
  // Opening IndexedDB takes a while on a cold start: begin now, while the first render is built.
  // A failure is not lost: the first read fails the same way and the page shows it.
  db.open()
    .catch(() => undefined)
    .finally(() => options.onDatabaseOpen?.());
  // The static skeleton of index.html gives way to the app, which shows its own loading rows.
  root.replaceChildren();
  render(
    <ConnectedPopup
      layout={layout}
      db={db}
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
