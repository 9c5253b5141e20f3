// Everything the background service worker does, as one function of its database and the
// browser APIs it touches, so tests can run it with a test database and fakes. The entrypoint
// only opens the store and calls serveBackground.

import type { Browser } from 'wxt/browser';
import type { ProblemWording } from '@/utils/domain/problems';
import type { CbcDatabase } from '@/utils/store';
import { fixedDatabase, type DatabaseSlot } from '@/utils/store/database-slot';
import { createChangeBroadcaster, type ChangeBroadcaster } from './changes';
import { createRequestHandler, type RequestHandler } from './handlers';
import {
  changesOpenItemCount,
  createOpenItemsBadge,
  type BadgeApi,
  type OpenItemsBadge,
} from './open-items-badge';

/** The parts of `browser` the background uses. Never onMessageExternal: only our own contexts. */
export interface BackgroundApis {
  runtime: {
    id: string;
    getURL(path: string): string;
    onMessage: {
      addListener(
        listener: (message: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>,
      ): void;
    };
    onConnect: { addListener(listener: (port: Browser.runtime.Port) => void): void };
  };
  action: BadgeApi;
}

/** The background's words in the browser's UI language; English messages without them. */
export interface BackgroundWords {
  problem: ProblemWording;
  badgeTitle(openItems: number): string;
}

export interface BackgroundService {
  handleRequest: RequestHandler;
  changes: ChangeBroadcaster;
  badge: OpenItemsBadge;
}

export function serveBackground(
  /** The background's slot (database-slot.ts); tests pass one database. */
  store: CbcDatabase | DatabaseSlot,
  apis: BackgroundApis,
  words?: BackgroundWords,
): BackgroundService {
  const policy = {
    extensionId: apis.runtime.id,
    extensionOrigin: apis.runtime.getURL('/').replace(/\/+$/, ''),
  };
  const changes = createChangeBroadcaster(policy);
  const database = 'replace' in store ? store : fixedDatabase(store);
  const badge = createOpenItemsBadge(
    () => database.current(),
    apis.action,
    undefined,
    words?.badgeTitle,
  );
  const handleRequest = createRequestHandler({
    ...policy,
    database,
    wording: words?.problem,
    notify: (change, audience) => changes.broadcast(change, audience),
    onWrite(type) {
      if (changesOpenItemCount(type)) badge.schedule();
    },
  });
  // Listeners are registered synchronously at start: a message that woke the worker is delivered.
  // webextension-polyfill sends the resolved value of the returned promise as the response.
  apis.runtime.onMessage.addListener((message, sender) => handleRequest(message, sender));
  apis.runtime.onConnect.addListener((port) => changes.accept(port));
  // Scheduled, not immediate: the request that woke the worker goes first.
  badge.schedule();
  return { handleRequest, changes, badge };
}
