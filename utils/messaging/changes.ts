// Background side of change notifications: open panels and pages hold a port named
// CHANGES_PORT; after every write the background pushes DataChanged to all of them. Ports die
// with their tab or page (and all of them with the service worker); clients reconnect
// themselves (client.ts watchDataChanges).
//
// Each change says who needs it (ChangeAudience). The content script hears of a change only when
// the chip badges may show something else: after a 1:1 is opened, say, its counts are what they
// were, and asking for the counts of every chip in the week again would cost the background a
// few hundred reads for nothing. The context that made a change and already holds its result
// (the panel that opened a 1:1) is not told of it again.

import type { Browser } from 'wxt/browser';
import { CHANGES_PORT, type DataChanged } from './protocol';
import { senderRole, type SenderPolicy } from './sender';

type Port = Browser.runtime.Port;
type Sender = Browser.runtime.MessageSender;

export interface ChangeAudience {
  /** Whether chip badges (open item counts, a series' person) may differ: tell content scripts. */
  chipBadges: boolean;
  /** The context whose own request made the change and which has its answer already. */
  except?: Sender;
}

/** Whether two senders are one document: same tab, same frame, same page. */
function sameContext(a: Sender | undefined, b: Sender | undefined): boolean {
  if (!a || !b || a.tab?.id === undefined || a.tab.id !== b.tab?.id) return false;
  if (a.frameId !== b.frameId || a.url !== b.url) return false;
  const one = (a as { documentId?: string }).documentId;
  const other = (b as { documentId?: string }).documentId;
  return one === undefined || other === undefined || one === other;
}

export interface ChangeBroadcaster {
  /** For runtime.onConnect: keeps CHANGES_PORT ports of trusted senders, refuses others. */
  accept(port: Port): void;
  broadcast(change: DataChanged, audience?: ChangeAudience): void;
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
    broadcast(change, audience = { chipBadges: true }) {
      // The content script only recounts chip badges: whose data changed is not its business.
      const anonymous: DataChanged = { type: 'dataChanged', personEmails: [] };
      for (const [port, isContentScript] of ports) {
        if (isContentScript ? !audience.chipBadges : sameContext(audience.except, port.sender)) {
          continue;
        }
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
