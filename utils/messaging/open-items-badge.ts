// The toolbar badge shows how many action items are open across the team, so follow-ups stay
// visible without opening the popup. Refreshed at start and after every write.

import { countOpenItems, type CbcDatabase } from '@/utils/store';

/** The part of browser.action the badge uses (a fake in tests). */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

export const BADGE_COLOR = '#3b5bdb';

/** Badges fit about four characters; zero shows no badge at all. */
export function badgeTextFor(openItems: number): string {
  if (openItems <= 0) return '';
  return openItems > 999 ? '999+' : String(openItems);
}

export interface OpenItemsBadge {
  /** Recounts and sets the badge; resolves once this refresh (and earlier ones) are done. */
  refresh(): Promise<void>;
  /** Resolves once the refreshes asked for so far are done (tests, shutdown). */
  idle(): Promise<void>;
}

export function createOpenItemsBadge(db: CbcDatabase, action: BadgeApi): OpenItemsBadge {
  // Refreshes run one after another so a slow early count never overwrites a later one.
  let queue: Promise<void> = action.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(report);
  const update = async () => {
    try {
      await action.setBadgeText({ text: badgeTextFor(await countOpenItems(db)) });
    } catch (error) {
      report(error);
    }
  };
  return {
    refresh() {
      queue = queue.then(update);
      return queue;
    },
    idle: () => queue,
  };
}

function report(error: unknown): void {
  console.error('Craft Beyond Code: badge update failed', error);
}
