// The popup's model: live reads from the store, actions through the background. The one place
// where the popup's views meet IndexedDB and runtime messaging.

import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { FirstScreen } from '@/utils/store/first-screen';
import {
  allocationByPerson,
  firstOpenFollowUps,
  listPeople,
  openFollowUps,
  weekAhead,
  type CbcDatabase,
} from '@/utils/store';
import type { PopupActions, PopupData } from '../popup-data';
import { createPopupActions, type SendRequest } from './popup-actions';
import { PAGE_SIZE } from '../use-page-limit';
import { calendarDayOf, readProjectEntries } from './popup-queries';
import { useLiveQuery } from './use-live-query';
import { useCalendarAccess, type PermissionsApi } from './use-calendar-access';
import {
  browserScreenShareSetting,
  useScreenShareSafe,
  type ScreenShareSetting,
} from './use-screen-share-safe';
import { useStorageState } from './use-storage-state';
import { useTeamOverview } from './use-team-overview';

export interface PopupModelDeps {
  db: CbcDatabase;
  send: SendRequest;
  now?: () => number;
  download: (blob: Blob, fileName: string) => void;
  storage: StorageManager | undefined;
  /** browser.permissions; without it, Calendar access is taken as granted. */
  permissions?: PermissionsApi;
  /** The "Hide notes" switch; the real one in browser.storage.local by default. */
  screenShare?: ScreenShareSetting;
  /**
   * The first screen read before Dexie was loaded (utils/store/first-screen.ts): shown until
   * the live queries answer.
   */
  firstScreen?: Promise<FirstScreen | null>;
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
  permissions,
  screenShare = browserScreenShareSetting,
  firstScreen,
}: PopupModelDeps): PopupModel {
  // The popup lives for minutes: one "now" per opening is precise enough for days-since.
  const openedAt = useMemo(() => now(), [now]);
  // First what the first screen shows: the first page of follow-ups (a few small reads however
  // many items are open) and the people's names for its group headings. The rest (every open
  // item, for counts, filters and paging; the team overview; projects) starts once that page
  // is there, so it never delays it.
  // The early read's page is drawn first: the live queries that take over from it start after
  // that frame is painted (Dexie's first queries cost the main thread tens of ms at 100k items).
  const early = useFirstScreen(firstScreen);
  const live = useAfterPaint(early.settled);
  const preview = useLiveQuery(() => firstOpenFollowUps(db, PAGE_SIZE), [db], live);
  const directory = useLiveQuery(() => listPeople(db, { includeArchived: true }), [db], live);
  const firstShown = preview.value !== undefined || preview.error !== null;
  const followUps = useLiveQuery(() => openFollowUps(db), [db], firstShown);
  const people = useTeamOverview(db, openedAt, directory.value, firstShown);
  const projects = useLiveQuery(() => readProjectEntries(db), [db], firstShown);
  const allocation = useLiveQuery(() => allocationByPerson(db), [db], firstShown);
  const week = useLiveQuery(() => weekAhead(db, openedAt), [db, openedAt], firstShown);
  const { state: storageState, requestPersistence } = useStorageState(storage);
  const { access: calendarAccess, requestAccess: requestCalendarAccess } =
    useCalendarAccess(permissions);

  const screenShareSafe = useScreenShareSafe(screenShare);

  const baseActions = useMemo(
    () =>
      createPopupActions({ db, send, now, download, requestPersistence, requestCalendarAccess }),
    [db, send, now, download, requestPersistence, requestCalendarAccess],
  );
  const actions = useMemo(
    () => ({ ...baseActions, toggleScreenShareSafe: screenShareSafe.toggle }),
    [baseActions, screenShareSafe.toggle],
  );

  const data: PopupData = {
    today: calendarDayOf(openedAt),
    openedAt,
    weekAhead: week.value,
    followUps: followUps.value,
    followUpsPreview: preview.value ?? early.screen?.followUps,
    people: people.value,
    directory: directory.value ?? early.screen?.directory,
    projects: projects.value,
    allocation: allocation.value ?? {},
    storage: storageState,
    calendarAccess,
    screenShareSafe: screenShareSafe.on,
  };
  const loadError =
    preview.error ??
    followUps.error ??
    people.error ??
    directory.error ??
    projects.error ??
    allocation.error ??
    week.error ??
    null;
  return { data, actions, loadError };
}

/**
 * The early first screen once it is read (`screen` null when there is none), and whether the
 * read is over (at once when there is no early read).
 */
function useFirstScreen(firstScreen: Promise<FirstScreen | null> | undefined): {
  screen: FirstScreen | null;
  settled: boolean;
} {
  const [state, setState] = useState({ screen: null as FirstScreen | null, settled: !firstScreen });
  // A layout effect: when the read is already done, the first paint can hold it.
  useLayoutEffect(() => {
    let live = true;
    void firstScreen?.then(
      (read) => live && setState({ screen: read, settled: true }),
      () => live && setState({ screen: null, settled: true }),
    );
    return () => {
      live = false;
    };
  }, [firstScreen]);
  return state;
}

/** True from the task after the first frame painted once `ready` is. */
function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
