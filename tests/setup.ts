// Every unit/DOM test gets a fresh in-memory IndexedDB (fake-indexeddb) and WXT's fake browser.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

beforeEach(() => {
  fakeBrowser.reset();
});
