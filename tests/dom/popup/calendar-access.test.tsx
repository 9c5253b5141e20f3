// The popup without access to Google Calendar (Firefox's MV3 default until the user allows it):
// it says so, asks the browser from the click, and then says what is left to do.

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CalendarAccessNotice } from '@/components/popup/calendar-access';
import { PopupApp } from '@/components/popup/popup-app';
import {
  CALENDAR_ORIGINS,
  useCalendarAccess,
  type PermissionsApi,
} from '@/components/popup/model/use-calendar-access';
import { popupData, recordingActions } from './popup-fixtures';

afterEach(cleanup);

function fakePermissions(granted: boolean) {
  const listeners = new Set<() => void>();
  const event = {
    addListener: (listener: () => void) => listeners.add(listener),
    removeListener: (listener: () => void) => listeners.delete(listener),
  };
  const api = {
    granted,
    contains: vi.fn(async () => api.granted),
    request: vi.fn(async () => api.granted),
    onAdded: event,
    onRemoved: event,
    fire: () => listeners.forEach((listener) => listener()),
  };
  return api satisfies PermissionsApi;
}

function Harness({ permissions }: { permissions: PermissionsApi | undefined }) {
  const { access, requestAccess } = useCalendarAccess(permissions);
  return (
    <CalendarAccessNotice access={access} actions={{ requestCalendarAccess: requestAccess }} />
  );
}

describe('the Google Calendar access notice', () => {
  it('is not shown while access is granted, nor in the popup’s default data', () => {
    render(<PopupApp data={popupData()} actions={recordingActions()} />);
    expect(screen.queryByRole('region', { name: 'Google Calendar access' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Allow access to Google Calendar' })).toBeNull();
  });

  it('says access is missing and asks the browser in the click itself', async () => {
    const permissions = fakePermissions(false);
    render(<Harness permissions={permissions} />);
    const region = await screen.findByRole('region', { name: 'Google Calendar access' });
    expect(region.textContent).toContain('cannot read Google Calendar');
    permissions.granted = true;
    fireEvent.click(screen.getByRole('button', { name: 'Allow access to Google Calendar' }));
    // Synchronously, within the click: a later call would lose the user's gesture.
    expect(permissions.request).toHaveBeenCalledWith({ origins: CALENDAR_ORIGINS });
    expect((await screen.findByRole('status')).textContent).toMatch(
      /^Google Calendar access allowed\. Reload your Google Calendar tabs/,
    );
    expect(screen.queryByRole('button', { name: 'Allow access to Google Calendar' })).toBeNull();
  });

  it('says when the browser did not allow it, and still offers the button', async () => {
    const permissions = fakePermissions(false);
    render(<Harness permissions={permissions} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access to Google Calendar' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Not allowed\./);
    expect(screen.getByRole('button', { name: 'Allow access to Google Calendar' })).toBeTruthy();
  });

  it('follows a grant or a withdrawal made elsewhere while the popup is open', async () => {
    const permissions = fakePermissions(true);
    render(<Harness permissions={permissions} />);
    await waitFor(() => expect(permissions.contains).toHaveBeenCalled());
    expect(screen.queryByRole('region', { name: 'Google Calendar access' })).toBeNull();
    permissions.granted = false;
    permissions.fire();
    await screen.findByRole('region', { name: 'Google Calendar access' });
    permissions.granted = true;
    permissions.fire();
    await screen.findByText(/^Google Calendar access allowed/);
  });

  it('shows the browser’s refusal to ask as an alert', async () => {
    const permissions = fakePermissions(false);
    permissions.request.mockRejectedValueOnce(new Error('permissions.request needs user input'));
    render(<Harness permissions={permissions} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access to Google Calendar' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'permissions.request needs user input',
    );
  });

  it('takes access as granted where the browser has no permissions API', () => {
    render(<Harness permissions={undefined} />);
    expect(screen.queryByRole('region', { name: 'Google Calendar access' })).toBeNull();
  });
});
