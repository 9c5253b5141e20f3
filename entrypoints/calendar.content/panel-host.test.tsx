import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { NOW, panelData } from '@/components/panel/panel-test-data';
import type { CalendarEvent, Classification } from '@/utils/calendar/types';
import type { RequestOf, RequestType } from '@/utils/messaging/protocol';
import { mountPanelHost, PANEL_HOST_NAME } from './panel-host';
import { createPanelModel } from './panel-model';

const event: CalendarEvent = {
  surface: 'popover',
  eid: 'eid-now',
  eventId: 'series-1',
  calendarId: 'sam@example.com',
  seriesKey: 'series-1',
  title: '1:1',
  start: NOW,
  guests: [],
  guestListComplete: true,
  organizer: null,
  me: 'sam@example.com',
  accountIndex: 0,
};
const oneOnOne: Classification = {
  kind: 'one-on-one',
  person: { email: 'alex@example.com', name: 'Alex Rivera' },
  confidence: 'high',
  reason: 'test',
};

let life = new AbortController();
afterEach(() => life.abort());

function setup() {
  life = new AbortController();
  const send = async <T extends RequestType>(type: T, _payload: RequestOf<T>) => {
    if (type === 'getSeriesOverride') return null as never;
    if (type === 'openOneOnOne') return panelData() as never;
    throw new Error(`unexpected ${type}`);
  };
  const model = createPanelModel({
    send,
    isExtensionGone: () => false,
    onGone: () => {},
    classify: () => oneOnOne,
    persistScreenShareSafe: () => {},
    now: () => NOW,
  });
  mountPanelHost(model, { doc: document, signal: life.signal, surfaceRect: () => null });
  const host = () => document.querySelector(PANEL_HOST_NAME) as HTMLElement | null;
  /** The element our UI renders into, inside the open shadow root. */
  const inside = () => host()!.shadowRoot!.lastElementChild as HTMLElement;
  return { model, host, inside };
}

describe('mountPanelHost', () => {
  it('mounts an open shadow root on <body> on the first show, empty while nothing is shown', async () => {
    const { model, host, inside } = setup();
    expect(host()).toBeNull();
    await model.showEvent(event, oneOnOne);
    expect(host()!.parentElement).toBe(document.body);
    expect(host()!.shadowRoot?.mode).toBe('open');
    await waitFor(() =>
      within(inside()).getByRole('complementary', { name: '1:1 with Alex Rivera' }),
    );
    const attached = host();
    await model.close();
    // The host stays (no re-insertion into <body> per popover) but shows nothing.
    await waitFor(() => expect(inside().childElementCount).toBe(0));
    expect(host()).toBe(attached);
    await model.showEvent(event, oneOnOne);
    await waitFor(() =>
      within(inside()).getByRole('complementary', { name: '1:1 with Alex Rivera' }),
    );
    expect(document.querySelectorAll('cbc-panel')).toHaveLength(1);
  });

  it('keeps pointer, wheel and key events inside away from Calendar', async () => {
    const { model, inside } = setup();
    await model.showEvent(event, oneOnOne);
    const notes = await waitFor(() =>
      within(inside()).getByRole('textbox', { name: 'Notes for this meeting' }),
    );
    const reached: string[] = [];
    const types = ['pointerdown', 'mousedown', 'click', 'wheel', 'keydown'];
    for (const type of types) document.addEventListener(type, () => reached.push(type));
    fireEvent.pointerDown(notes);
    fireEvent.mouseDown(notes);
    fireEvent.click(notes);
    fireEvent.wheel(notes);
    fireEvent.keyDown(notes, { key: 'c' });
    fireEvent.keyDown(notes, { key: 'Escape' });
    expect(reached).toEqual([]);
    // Outside the panel the page still gets its events.
    fireEvent.keyDown(document.body, { key: 'c' });
    expect(reached).toEqual(['keydown']);
  });

  it('toggles screen-share safe with Alt+Shift+B while a panel is up', async () => {
    const { model, inside } = setup();
    fireEvent.keyDown(window, { code: 'KeyB', altKey: true, shiftKey: true });
    expect(model.isScreenShareSafe()).toBe(false);
    await model.showEvent(event, oneOnOne);
    fireEvent.keyDown(window, { code: 'KeyB', altKey: true, shiftKey: true });
    expect(model.isScreenShareSafe()).toBe(true);
    await waitFor(() =>
      expect(
        within(inside())
          .getByRole('button', { name: 'Hide notes', pressed: true })
          .getAttribute('aria-pressed'),
      ).toBe('true'),
    );
  });

  it('removes everything when its lifetime ends', async () => {
    const { model, host } = setup();
    await model.showEvent(event, oneOnOne);
    expect(host()).not.toBeNull();
    life.abort();
    expect(host()).toBeNull();
  });
});
