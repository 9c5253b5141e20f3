import { screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPopupPage } from '@/entrypoints/popup/start-popup-page';
import { DATABASE_NAME } from '@/utils/store/database-name';

describe('startPopupPage', () => {
  beforeEach(() => {
    // WXT's fake browser leaves permissions unimplemented: Calendar access granted, as in Chrome.
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => true);
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
  });

  afterEach(() => {
    document.body.replaceChildren();
    indexedDB.deleteDatabase(DATABASE_NAME);
  });

  it('loads the app and mounts it, with the store opened', async () => {
    const root = document.body.appendChild(document.createElement('div'));
    await startPopupPage('popup', root);
    expect(await screen.findByRole('heading', { name: 'Follow-ups' })).toBeTruthy();
    expect(await screen.findByText(/no open follow-ups/i)).toBeTruthy();
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({
      origins: ['https://calendar.google.com/*'],
    });
  });

  it('says so when the app cannot be loaded', async () => {
    const root = document.body.appendChild(document.createElement('div'));
    await startPopupPage('page', root, () => Promise.reject(new Error('chunk missing')));
    expect(root.textContent).toContain('could not start');
    expect(root.textContent).toContain('chunk missing');
  });
});
