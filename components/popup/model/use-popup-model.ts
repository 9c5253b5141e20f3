// The popup's model: live reads from the store, actions through the background. The one place
// where the popup's views meet IndexedDB and runtime messaging.

import { useMemo } from 'preact/hooks';
import {
  allocationByPerson,
  listPeople,
  openFollowUps,
  peopleOverview,
  type CbcDatabase,
} from '@/utils/store';
import type { PopupActions, PopupData } from '../popup-data';
import { createPopupActions, type SendRequest } from './popup-actions';
import { calendarDayOf, readProjectEntries } from './popup-queries';
import { useLiveQuery } from './use-live-query';
import { useStorageState } from './use-storage-state';

export interface PopupModelDeps {
  db: CbcDatabase;
  send: SendRequest;
  now?: () => number;
  download: (blob: Blob, fileName: string) => void;
  storage: StorageManager | undefined;
}

export interface PopupModel {
  data: PopupData;
  actions: PopupActions;
  /** The first failure to read the store, if any. */
  loadError: string | null;
}

export function usePopupModel({
  db,
  send,
  now = Date.now,
  download,
  storage,
}: PopupModelDeps): PopupModel {
  // The popup lives for minutes: one "now" per opening is precise enough for days-since.
  const openedAt = useMemo(() => now(), [now]);
  const followUps = useLiveQuery(() => openFollowUps(db), [db]);
  const people = useLiveQuery(() => peopleOverview(db, openedAt), [db, openedAt]);
  const directory = useLiveQuery(() => listPeople(db, { includeArchived: true }), [db]);
  const projects = useLiveQuery(() => readProjectEntries(db), [db]);
  const allocation = useLiveQuery(() => allocationByPerson(db), [db]);
  const { state: storageState, requestPersistence } = useStorageState(storage);

  const actions = useMemo(
    () => createPopupActions({ db, send, now, download, requestPersistence }),
    [db, send, now, download, requestPersistence],
  );

  const data: PopupData = {
    today: calendarDayOf(openedAt),
    followUps: followUps.value,
    people: people.value,
    directory: directory.value,
    projects: projects.value,
    allocation: allocation.value ?? {},
    storage: storageState,
  };
  const loadError =
    followUps.error ??
    people.error ??
    directory.error ??
    projects.error ??
    allocation.error ??
    null;
  return { data, actions, loadError };
}
