import { describe, expect, it } from 'vitest';
import { createChangeBroadcaster } from '@/utils/messaging/changes';
import { CHANGES_PORT, type DataChanged } from '@/utils/messaging/protocol';
import { createBackgroundPort } from './fake-port';

const policy = { extensionId: 'cbc', extensionOrigin: 'chrome-extension://cbc' };
const calendar = 'https://calendar.google.com/calendar/u/0/r';
const fromCalendar = { id: 'cbc', url: calendar, tab: { url: calendar } as never };
const fromPanelFrame = {
  id: 'cbc',
  url: 'chrome-extension://cbc/panel.html',
  tab: { url: calendar } as never,
};
const fromPopup = { id: 'cbc', url: 'chrome-extension://cbc/popup.html' };
const change: DataChanged = { type: 'dataChanged', personEmails: ['ana@example.com'] };

describe('createChangeBroadcaster', () => {
  it('tells the content script only that something changed, not whose data', () => {
    const changes = createChangeBroadcaster(policy);
    const contentScript = createBackgroundPort(CHANGES_PORT, fromCalendar);
    changes.accept(contentScript.asPort);
    changes.broadcast(change);
    expect(contentScript.port.postMessage).toHaveBeenCalledExactlyOnceWith({
      type: 'dataChanged',
      personEmails: [],
    });
  });

  it('broadcasts to every accepted port', () => {
    const changes = createChangeBroadcaster(policy);
    const panel = createBackgroundPort(CHANGES_PORT, fromPanelFrame);
    const popup = createBackgroundPort(CHANGES_PORT, fromPopup);
    changes.accept(panel.asPort);
    changes.accept(popup.asPort);
    changes.broadcast(change);
    expect(panel.port.postMessage).toHaveBeenCalledExactlyOnceWith(change);
    expect(popup.port.postMessage).toHaveBeenCalledExactlyOnceWith(change);
    expect(changes.listeners).toBe(2);
  });

  it.each([
    ['another extension', { id: 'evil', url: calendar, tab: { url: calendar } as never }],
    [
      'another site',
      { id: 'cbc', url: 'https://evil.example/', tab: { url: 'https://evil.example/' } as never },
    ],
  ])('disconnects ports from %s and never posts to them', (_what, sender) => {
    const changes = createChangeBroadcaster(policy);
    const intruder = createBackgroundPort(CHANGES_PORT, sender);
    changes.accept(intruder.asPort);
    changes.broadcast(change);
    expect(intruder.port.disconnect).toHaveBeenCalledOnce();
    expect(intruder.port.postMessage).not.toHaveBeenCalled();
    expect(changes.listeners).toBe(0);
  });

  it('leaves ports with other names alone', () => {
    const changes = createChangeBroadcaster(policy);
    const other = createBackgroundPort('something-else', fromPopup);
    changes.accept(other.asPort);
    changes.broadcast(change);
    expect(other.port.postMessage).not.toHaveBeenCalled();
    expect(other.port.disconnect).not.toHaveBeenCalled();
  });

  it('drops ports once they disconnect', () => {
    const changes = createChangeBroadcaster(policy);
    const panel = createBackgroundPort(CHANGES_PORT, fromPanelFrame);
    changes.accept(panel.asPort);
    panel.drop();
    changes.broadcast(change);
    expect(panel.port.postMessage).not.toHaveBeenCalled();
    expect(changes.listeners).toBe(0);
  });

  it('does not tell the content script of a change its chip badges cannot show', () => {
    const changes = createChangeBroadcaster(policy);
    const contentScript = createBackgroundPort(CHANGES_PORT, fromCalendar);
    const popup = createBackgroundPort(CHANGES_PORT, fromPopup);
    changes.accept(contentScript.asPort);
    changes.accept(popup.asPort);
    changes.broadcast(change, { chipBadges: false });
    expect(contentScript.port.postMessage).not.toHaveBeenCalled();
    expect(popup.port.postMessage).toHaveBeenCalledExactlyOnceWith(change);
    changes.broadcast(change, { chipBadges: true });
    expect(contentScript.port.postMessage).toHaveBeenCalledOnce();
  });

  it('does not echo a change to the frame whose request made it, only to the others', () => {
    const changes = createChangeBroadcaster(policy);
    const frameIn = (tabId: number) => ({
      ...fromPanelFrame,
      tab: { id: tabId, url: calendar } as never,
      frameId: 3,
    });
    const opener = createBackgroundPort(CHANGES_PORT, frameIn(1));
    const otherTab = createBackgroundPort(CHANGES_PORT, frameIn(2));
    const popup = createBackgroundPort(CHANGES_PORT, fromPopup);
    for (const end of [opener, otherTab, popup]) changes.accept(end.asPort);
    changes.broadcast(change, { chipBadges: false, except: frameIn(1) });
    expect(opener.port.postMessage).not.toHaveBeenCalled();
    expect(otherTab.port.postMessage).toHaveBeenCalledExactlyOnceWith(change);
    expect(popup.port.postMessage).toHaveBeenCalledExactlyOnceWith(change);
  });

  it('drops a port that throws and still reaches the others', () => {
    const changes = createChangeBroadcaster(policy);
    const broken = createBackgroundPort(CHANGES_PORT, fromPanelFrame);
    broken.port.postMessage.mockImplementation(() => {
      throw new Error('Attempting to use a disconnected port object');
    });
    const popup = createBackgroundPort(CHANGES_PORT, fromPopup);
    changes.accept(broken.asPort);
    changes.accept(popup.asPort);
    changes.broadcast(change);
    expect(popup.port.postMessage).toHaveBeenCalledExactlyOnceWith(change);
    expect(changes.listeners).toBe(1);
  });
});
