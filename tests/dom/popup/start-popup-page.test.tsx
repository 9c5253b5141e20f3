import { screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { startPopupPage } from '@/components/popup/model/start-popup-page';
import { DATABASE_NAME } from '@/utils/store/database-name';

describe('startPopupPage', () => {
  afterEach(() => {
    document.body.replaceChildren();
    indexedDB.deleteDatabase(DATABASE_NAME);
  });

  it('loads the app and mounts it, with the store opened', async () => {
    const root = document.body.appendChild(document.createElement('div'));
    await startPopupPage('popup', root);
    expect(await screen.findByRole('heading', { name: 'Follow-ups' })).toBeTruthy();
    expect(await screen.findByText(/no open follow-ups/i)).toBeTruthy();
  });

  it('says so when the app cannot be loaded', async () => {
    const root = document.body.appendChild(document.createElement('div'));
    await startPopupPage('page', root, () => Promise.reject(new Error('chunk missing')));
    expect(root.textContent).toContain('could not start');
    expect(root.textContent).toContain('chunk missing');
  });
});
