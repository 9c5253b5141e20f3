import { readFileSync } from 'node:fs';
import { screen } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAGE_SIZE } from '@/components/popup/use-page-limit';
import {
  DATABASE_NAME_HINT_KEY,
  FIRST_SCREEN_ITEMS,
  startPopupPage,
} from '@/entrypoints/popup/start-popup-page';
import type { MountOptions } from '@/entrypoints/popup/mount-popup-page';
import { firstOpenFollowUps, listPeople, openDatabase } from '@/utils/store';
import { DATABASE_NAME, DATABASE_NAME_KEY } from '@/utils/store/database-name';
import { seedLargeDataset } from '@/utils/store/seed-large';

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
    localStorage.removeItem(DATABASE_NAME_HINT_KEY);
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

  it.each(['popup', 'options'])(
    'the %s page’s first frame is a skeleton, and the app replaces it',
    async (entry) => {
      const html = readFileSync(`entrypoints/${entry}/index.html`, 'utf8');
      document.body.innerHTML = new DOMParser()
        .parseFromString(html, 'text/html')
        .body.innerHTML.replace(/<script[\s\S]*?<\/script>/g, '');
      const root = document.getElementById('app')!;
      // Before any script ran: the shape of the page, announced as loading.
      expect(
        screen.getByRole('status', { name: 'Loading' }).querySelectorAll('.cbc-bone').length,
      ).toBeGreaterThan(3);
      let mount!: () => void;
      const loaded = startPopupPage('popup', root, async () => {
        await new Promise<void>((resolve) => (mount = resolve));
        return import('@/entrypoints/popup/mount-popup-page');
      });
      // While the app's chunk loads, the skeleton stays.
      await Promise.resolve();
      expect(root.querySelector('.cbc-skeleton')).not.toBeNull();
      mount();
      await loaded;
      expect(await screen.findByRole('heading', { name: 'Follow-ups' })).toBeTruthy();
      expect(root.querySelector('.cbc-skeleton')).toBeNull();
      // Unmounted before the browser mocks are restored: its effects would call them.
      render(null, root);
    },
  );

  it('reads the first screen with IndexedDB alone and hands it to the app', async () => {
    const db = openDatabase();
    await seedLargeDataset(
      db,
      { people: 7, meetings: 30, actionItems: 700, talkingPoints: 10 },
      Date.UTC(2025, 5, 10),
    );
    const expected = {
      followUps: await firstOpenFollowUps(db, PAGE_SIZE),
      directory: await listPeople(db, { includeArchived: true }),
    };
    db.close();
    let options: MountOptions | undefined;
    const root = document.body.appendChild(document.createElement('div'));
    await startPopupPage('popup', root, async () => ({
      mountPopupPage: (_layout, _root, given) => {
        options = given;
      },
    }));
    expect(await options?.firstScreen).toEqual(expected);
    expect(expected.followUps.length).toBeGreaterThan(0);
    options?.onDatabaseOpen?.();
  });

  describe('the database name last seen, kept in localStorage', () => {
    const IMPORTED = `${DATABASE_NAME}-imported`;

    /** The large data set's first screen in the database `name`, as the app would read it. */
    async function seeded(name: string, people = 5) {
      const db = openDatabase(name);
      await seedLargeDataset(
        db,
        { people, meetings: 20, actionItems: 60 * people, talkingPoints: 5 },
        Date.UTC(2025, 5, 10),
      );
      const screen = {
        followUps: await firstOpenFollowUps(db, PAGE_SIZE),
        directory: await listPeople(db, { includeArchived: true }),
      };
      db.close();
      return screen;
    }

    async function start() {
      let options: MountOptions | undefined;
      const root = document.body.appendChild(document.createElement('div'));
      await startPopupPage('popup', root, async () => ({
        mountPopupPage: (_layout, _root, given) => {
          options = given;
        },
      }));
      return options!;
    }

    afterEach(async () => {
      indexedDB.deleteDatabase(IMPORTED);
      await fakeBrowser.storage.local.remove(DATABASE_NAME_KEY);
    });

    it('opens the database it names before storage.local answers, and keeps the name read', async () => {
      await fakeBrowser.storage.local.set({ [DATABASE_NAME_KEY]: IMPORTED });
      const expected = await seeded(IMPORTED);
      localStorage.setItem(DATABASE_NAME_HINT_KEY, IMPORTED);
      let answer!: () => void;
      // storage.local answers only when the test says so, with what it holds.
      vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async () => {
        await new Promise<void>((resolve) => (answer = resolve));
        return { [DATABASE_NAME_KEY]: IMPORTED };
      });
      const open = vi.spyOn(indexedDB, 'open');
      const started = start();
      // storage.local has not answered yet: the hinted database is being opened already.
      expect(open).toHaveBeenCalledWith(IMPORTED);
      answer();
      const options = await started;
      expect(options.databaseName).toBe(IMPORTED);
      expect(await options.firstScreen).toEqual(expected);
      options.onDatabaseOpen?.();
      expect(localStorage.getItem(DATABASE_NAME_HINT_KEY)).toBe(IMPORTED);
    });

    it('drops what a wrong name read and reads the database storage.local names', async () => {
      const expected = await seeded(DATABASE_NAME);
      // Last seen before an import made another database current, since deleted.
      localStorage.setItem(DATABASE_NAME_HINT_KEY, IMPORTED);
      const options = await start();
      expect(options.databaseName).toBe(DATABASE_NAME);
      expect(await options.firstScreen).toEqual(expected);
      options.onDatabaseOpen?.();
      expect(localStorage.getItem(DATABASE_NAME_HINT_KEY)).toBe(DATABASE_NAME);
      // Nothing was created under the wrong name.
      const names = (await indexedDB.databases()).map((database) => database.name);
      expect(names).not.toContain(IMPORTED);
    });

    it('drops the screen of a wrong name that still holds data', async () => {
      const expected = await seeded(DATABASE_NAME);
      const other = await seeded(IMPORTED, 2);
      expect(other.directory).not.toEqual(expected.directory);
      localStorage.setItem(DATABASE_NAME_HINT_KEY, IMPORTED);
      const options = await start();
      expect(await options.firstScreen).toEqual(expected);
      options.onDatabaseOpen?.();
    });
  });

  it('hands the app no first screen when there is no database yet', async () => {
    let options: MountOptions | undefined;
    const root = document.body.appendChild(document.createElement('div'));
    await startPopupPage('popup', root, async () => ({
      mountPopupPage: (_layout, _root, given) => {
        options = given;
      },
    }));
    expect(await options?.firstScreen).toBeNull();
    options?.onDatabaseOpen?.();
  });

  it('reads as many follow-ups first as the popup shows on a page', () => {
    expect(FIRST_SCREEN_ITEMS).toBe(PAGE_SIZE);
  });

  it('says so when the app cannot be loaded', async () => {
    const root = document.body.appendChild(document.createElement('div'));
    await startPopupPage('page', root, () => Promise.reject(new Error('chunk missing')));
    expect(root.textContent).toContain('could not start');
    expect(root.textContent).toContain('chunk missing');
  });
});
