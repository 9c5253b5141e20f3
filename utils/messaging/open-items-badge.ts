// The toolbar badge shows how many action items are open across the team, so follow-ups stay
// visible without opening the popup. Recounted shortly after start and after writes that can
// change the count.
//
// Why not recount right after every write: in Chromium, counting the ~8,000 open items of a
// large team walks every entry of the index range (about 50 ms), and that read transaction
// makes the next write wait. So a recount is scheduled a moment after the last such write,
// bursts of writes share one recount, and writes that cannot change the count (opening a 1:1,
// notes, talking points, people, projects) do not ask for one.

import { countOpenItems, type CbcDatabase } from '@/utils/store';
import type { RequestType } from './protocol';

/** The part of browser.action the badge uses (a fake in tests). */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  /** The toolbar button's tooltip, which is also its accessible name. */
  setTitle(details: { title: string }): Promise<void>;
}

export const BADGE_COLOR = '#3b5bdb';

/** How long a recount waits for more writes; the badge lags the data by about this much. */
export const BADGE_RECOUNT_DELAY_MS = 400;

/** Requests whose success can change how many action items are open. */
const OPEN_COUNT_WRITES: ReadonlySet<RequestType> = new Set<RequestType>([
  'addActionItem',
  'setActionItemDone',
  'deleteActionItem',
  'restoreActionItem',
  'importBackup',
  'importBackupFile',
  'deleteAllData',
]);

export function changesOpenItemCount(type: RequestType): boolean {
  return OPEN_COUNT_WRITES.has(type);
}

/** Badges fit about four characters; zero shows no badge at all. */
export function badgeTextFor(openItems: number): string {
  if (openItems <= 0) return '';
  return openItems > 999 ? '999+' : String(openItems);
}

/**
 * The tooltip (and accessible name) beside the badge, in English: it says what the number
 * counts. The background words it in the UI language (components/i18n/background-strings.ts).
 */
export function badgeTitleFor(openItems: number): string {
  const what =
    openItems <= 0
      ? 'no open action items'
      : `${openItems} open action item${openItems === 1 ? '' : 's'}`;
  return `Craft Beyond Code: ${what}`;
}

export interface OpenItemsBadge {
  /** Recounts and sets the badge now; resolves once this refresh (and earlier ones) are done. */
  refresh(): Promise<void>;
  /** Asks for a recount after BADGE_RECOUNT_DELAY_MS; requests within that time share one. */
  schedule(): void;
  /** Runs a scheduled recount now and resolves once every refresh asked for is done. */
  idle(): Promise<void>;
}

export function createOpenItemsBadge(
  /** The database, or how to get the current one (the background's slot). */
  db: CbcDatabase | (() => Promise<CbcDatabase>),
  action: BadgeApi,
  delayMs = BADGE_RECOUNT_DELAY_MS,
  /** The tooltip in the browser's UI language (the background passes its own wording). */
  titleFor: (openItems: number) => string = badgeTitleFor,
): OpenItemsBadge {
  // Refreshes run one after another so a slow early count never overwrites a later one.
  let queue: Promise<void> = action.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(report);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const update = async () => {
    try {
      const openItems = await countOpenItems(typeof db === 'function' ? await db() : db);
      await Promise.all([
        action.setBadgeText({ text: badgeTextFor(openItems) }),
        action.setTitle({ title: titleFor(openItems) }),
      ]);
    } catch (error) {
      report(error);
    }
  };
  const refresh = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    queue = queue.then(update);
    return queue;
  };
  return {
    refresh,
    schedule() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void refresh(), delayMs);
    },
    idle: () => (timer !== null ? refresh() : queue),
  };
}

function report(error: unknown): void {
  console.error('Craft Beyond Code: badge update failed', error);
}
