// What the panel's frame remembers between events: the user's decision per series (asked once
// per tab) and the last panel data per occurrence and person, shown at once on a reopen while the
// fresh read is in flight. Nothing here talks to the background; the model fills and empties it.

import type { PanelData, SeriesOverride } from '@/utils/domain/records';

/** Occurrences whose last panel data is kept for an instant reopen. */
const RECENT_PANELS = 20;

export type PanelCache = ReturnType<typeof createPanelCache>;

export function createPanelCache(capacity = RECENT_PANELS) {
  const decisions = new Map<string, SeriesOverride | null>();
  /** Most recently used last. */
  const panels = new Map<string, PanelData>();
  const keyOf = (eid: string, email: string) => `${eid} ${email}`;

  return {
    /** Whether the series' decision (possibly "none") is known in this tab. */
    knowsDecision: (seriesKey: string) => decisions.has(seriesKey),
    decision: (seriesKey: string): SeriesOverride | null => decisions.get(seriesKey) ?? null,
    /** The user's own decision, just written: always wins. */
    setDecision(seriesKey: string, override: SeriesOverride | null) {
      decisions.set(seriesKey, override);
    },
    /** A decision read from the store: a decision set meanwhile in this tab is newer. */
    learnDecision(seriesKey: string, override: SeriesOverride | null) {
      if (!decisions.has(seriesKey)) decisions.set(seriesKey, override);
    },
    panel: (eid: string, email: string): PanelData | undefined => panels.get(keyOf(eid, email)),
    remember(eid: string, data: PanelData) {
      const key = keyOf(eid, data.person.email);
      panels.delete(key);
      panels.set(key, data);
      for (const oldest of panels.keys()) {
        if (panels.size <= capacity) break;
        panels.delete(oldest);
      }
    },
    forget(eid: string, email: string) {
      panels.delete(keyOf(eid, email));
    },
    /** These people's data changed: their cached panels are stale. */
    forgetPeople(emails: readonly string[]) {
      for (const [key, data] of panels) {
        if (emails.includes(data.person.email)) panels.delete(key);
      }
    },
    /** Anything may have changed (import, wipe, a reconnect): forget everything. */
    clear() {
      decisions.clear();
      panels.clear();
    },
  };
}
