// The single writer of the store: opens the database and serves this extension's own contexts
// (utils/messaging/serve-background.ts). Only wiring lives here.

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { backgroundWords } from '@/components/i18n/background-strings';
import { serveBackground } from '@/utils/messaging/serve-background';
import { openDatabase } from '@/utils/store';
import { swappingDatabase } from '@/utils/store/database-slot';

export default defineBackground(() => {
  // The UI language is read once: the tooltip and refusals are worded in it. The database is the
  // one storage.local names; an import writes a new one and switches to it (database-slot.ts).
  const database = swappingDatabase({ storage: browser.storage.local, open: openDatabase });
  serveBackground(database, browser, backgroundWords(browser.i18n.getUILanguage()));
  // First run: the welcome page, once, on a new install (not on updates or browser starts).
  // tabs.create needs no permission.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
});
