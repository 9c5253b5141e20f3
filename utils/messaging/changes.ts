// Background side of change notifications: open panels and pages hold a port named
// CHANGES_PORT; after every write the background pushes DataChanged to all of them. Ports die
// with their tab or page (and all of them with the service worker); clients reconnect
// themselves (client.ts watchDataChanges).

import type { Browser } from 'wxt/browser';
import { CHANGES_PORT, type DataChanged } from './protocol';
import { isTrustedSender, type SenderPolicy } from './sender';

type Port = Browser.runtime.Port;

export interface ChangeBroadcaster {
  /** For runtime.onConnect: keeps CHANGES_PORT ports of trusted senders, refuses others. */
  accept(port: Port): void;
  broadcast(change: DataChanged): void;
  /** Number of ports currently listening. */
  readonly listeners: number;
}

export function createChangeBroadcaster(policy: SenderPolicy): ChangeBroadcaster {
  const ports = new Set<Port>();
  return {
    accept(port) {
      if (port.name !== CHANGES_PORT) return;
      if (!isTrustedSender(port.sender, policy)) {
        port.disconnect();
        return;
      }
      ports.add(port);
      port.onDisconnect.addListener(() => ports.delete(port));
    },
    broadcast(change) {
      for (const port of ports) {
        try {
          port.postMessage(change);
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
