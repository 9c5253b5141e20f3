// Asking the browser to keep the data when it never answers (Firefox, from an extension page,
// may leave navigator.storage.persist() pending): the request ends with a message saying so,
// and a late answer still shows.

import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupSection } from '@/components/popup/backup-section';
import { persistNoAnswer, useStorageState } from '@/components/popup/model/use-storage-state';
import { recordingActions } from './popup-fixtures';

afterEach(cleanup);

function Harness({ storage }: { storage: StorageManager }) {
  const { state, requestPersistence } = useStorageState(storage, 30);
  return <BackupSection storage={state} actions={recordingActions({ requestPersistence })} />;
}

describe('a persistence request the browser does not answer', () => {
  it('ends with a message saying so, and shows a late answer', async () => {
    let persisted = false;
    let answer: (granted: boolean) => void = () => undefined;
    const storage = {
      persisted: vi.fn(async () => persisted),
      persist: vi.fn(
        () =>
          new Promise<boolean>((resolve) => {
            answer = resolve;
          }),
      ),
      estimate: vi.fn(async () => ({ usage: 1024, quota: 1024 ** 3 })),
    } as unknown as StorageManager;
    render(<Harness storage={storage} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Keep data persistent' }));
    expect((await screen.findByRole('alert')).textContent).toBe(persistNoAnswer());
    expect(screen.getByText(/^Not persistent:/)).toBeTruthy();

    persisted = true;
    answer(true);
    expect(await screen.findByText(/^Persistent: the browser will not clear/)).toBeTruthy();
    expect(storage.persist).toHaveBeenCalledOnce();
  });
});
