// Background side of change notifications: open panels and pages hold a port named
// CHANGES_PORT; after every write the background pushes DataChanged to all of them. Ports die
// with their tab or page (and all of them with the service worker); clients reconnect
// themselves (client.ts watchDataChanges).

import type { Browser } from 'wxt/browser';
import { CHANGES_PORT, type DataChanged } from './protocol';
import { senderRole, type SenderPolicy } from './sender';

type Port = Browser.runtime.Port;

export interface ChangeBroadcaster {
  /** For runtime.onConnect: keeps CHANGES_PORT ports of trusted senders, refuses others. */
  accept(port: Port): void;
  broadcast(change: DataChanged): void;
  /** Number of ports currently listening. */
  readonly listeners: number;
}

export function createChangeBroadcaster(policy: SenderPolicy): ChangeBroadcaster {
  /** Each port, and whether it is a content script's (told only that something changed). */
  const ports = new Map<Port, boolean>();
  return {
    accept(port) {
      if (port.name !== CHANGES_PORT) return;
      const role = senderRole(port.sender, policy);
      if (role === null) {
        port.disconnect();
        return;
      }
      ports.set(port, role === 'content-script');
      port.onDisconnect.addListener(() => ports.delete(port));
    },
    broadcast(change) {
      // The content script only recounts chip badges: whose data changed is not its business.
      const anonymous: DataChanged = { type: 'dataChanged', personEmails: [] };
      for (const [port, isContentScript] of ports) {
        try {
          port.postMessage(isContentScript ? anonymous : change);
        } catch {
          // Posting to a port whose other end is gone throws: forget it.
          ports.delete(port);
        }
      }
    },
    get listeners() {
      return ports.size;
    },
  };
}
