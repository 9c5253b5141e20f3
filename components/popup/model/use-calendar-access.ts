// Whether the extension may read Google Calendar, and asking for it. The manifest declares the
// host permission; Chrome grants it at install (a user may withdraw it in the extension's site
// access), while Firefox leaves it to the user for MV3 extensions. Without it the content script
// never runs on Calendar, so the popup is where the user learns what to do.

import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CalendarAccess } from '../popup-data';

/** The manifest's host permission (wxt.config.ts). */
export const CALENDAR_ORIGINS = ['https://calendar.google.com/*'];

interface PermissionEvent {
  addListener(listener: () => void): void;
  removeListener(listener: () => void): void;
}

/** The part of browser.permissions the popup uses. */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  onAdded?: PermissionEvent;
  onRemoved?: PermissionEvent;
}

export function useCalendarAccess(permissions: PermissionsApi | undefined): {
  access: CalendarAccess;
  requestAccess: () => Promise<boolean>;
} {
  // Without the API (a test, an odd browser) there is nothing to ask: the manifest's grant holds.
  const [access, setAccess] = useState<CalendarAccess>(permissions ? 'checking' : 'granted');

  useEffect(() => {
    if (!permissions) return;
    let live = true;
    const check = () => {
      // A synchronous throw (an API that is only a stub) is handled like a rejection.
      new Promise<boolean>((resolve) =>
        resolve(permissions.contains({ origins: CALENDAR_ORIGINS })),
      ).then(
        (granted) => {
          if (!live) return;
          setAccess((previous) =>
            !granted
              ? 'missing'
              : previous === 'missing' || previous === 'granted-now'
                ? 'granted-now'
                : 'granted',
          );
        },
        // Unknown is treated as granted: never nag about what may well be there.
        () => live && setAccess('granted'),
      );
    };
    check();
    // Granted or withdrawn elsewhere (the toolbar's extensions menu, about:addons) meanwhile.
    permissions.onAdded?.addListener(check);
    permissions.onRemoved?.addListener(check);
    return () => {
      live = false;
      permissions.onAdded?.removeListener(check);
      permissions.onRemoved?.removeListener(check);
    };
  }, [permissions]);

  const requestAccess = useCallback(() => {
    if (!permissions) return Promise.resolve(true);
    // Called synchronously from the click handler: the browser asks only during user input.
    return permissions.request({ origins: CALENDAR_ORIGINS }).then((granted) => {
      if (granted) setAccess('granted-now');
      return granted;
    });
  }, [permissions]);

  return { access, requestAccess };
}
