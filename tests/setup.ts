// Every unit/DOM test gets a fresh in-memory IndexedDB (fake-indexeddb) and WXT's fake browser,
// whose UI language is English (the fake has no i18n of its own; a test may answer otherwise).
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
import { setPageLocale } from '@/components/i18n';

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  setPageLocale('en');
});
