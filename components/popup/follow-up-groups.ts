// How the Follow-ups view orders, filters, groups and windows open items. Pure: the view renders
// hundreds of thousands of items only through `windowGroups`.

import { t, type MessageKey } from '@/components/i18n';
import { addDays, format, parseISO } from 'date-fns';
import type { ActionItem, Owner } from '@/utils/domain/records';

export type FollowUpGrouping = 'person' | 'due';
export type OwnerFilter = 'all' | Owner;

export interface FollowUpGroup {
  key: string;
  label: string;
  /** The person of a by-person group; null for due-date groups. */
  personEmail: string | null;
  items: ActionItem[];
}

export function isOverdue(item: ActionItem, today: string): boolean {
  return item.due !== '' && item.due < today;
}

/** Dated items first, earliest due first (so overdue ones lead), then undated, oldest first. */
export function compareFollowUps(a: ActionItem, b: ActionItem): number {
  if (a.due !== b.due) {
    if (a.due === '') return 1;
    if (b.due === '') return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.createdAt - b.createdAt;
}

export function filterByOwner(items: readonly ActionItem[], filter: OwnerFilter): ActionItem[] {
  return filter === 'all' ? [...items] : items.filter((item) => item.owner === filter);
}

/**
 * Groups sorted items. By person, a person's group comes where their most urgent item comes,
 * so people with overdue items lead. By due date: overdue, today, the next 7 days, later, none.
 */
export function groupFollowUps(
  items: readonly ActionItem[],
  by: FollowUpGrouping,
  today: string,
  nameOf: (email: string) => string,
): FollowUpGroup[] {
  const sorted = [...items].sort(compareFollowUps);
  const groups = new Map<string, FollowUpGroup>();
  const weekEnd = format(addDays(parseISO(today), 7), 'yyyy-MM-dd');
  for (const item of sorted) {
    const key = by === 'person' ? item.personEmail : dueBucketOf(item.due, today, weekEnd);
    let group = groups.get(key);
    if (!group) {
      group =
        by === 'person'
          ? { key, label: nameOf(key), personEmail: key, items: [] }
          : { key, label: t(DUE_BUCKET_LABELS[key as DueBucket]), personEmail: null, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

type DueBucket = 'overdue' | 'today' | 'week' | 'later' | 'none';

const DUE_BUCKET_LABELS: Record<DueBucket, MessageKey> = {
  overdue: 'commonOverdue',
  today: 'popupDueToday',
  week: 'popupDueThisWeek',
  later: 'popupDueLater',
  none: 'popupNoDueDate',
};

function dueBucketOf(due: string, today: string, weekEnd: string): DueBucket {
  if (due === '') return 'none';
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  if (due <= weekEnd) return 'week';
  return 'later';
}

/** The first `limit` items across the groups, in order, keeping their groups. */
export function windowGroups(groups: readonly FollowUpGroup[], limit: number): FollowUpGroup[] {
  const shown: FollowUpGroup[] = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    const items = group.items.length <= left ? group.items : group.items.slice(0, left);
    shown.push(items === group.items ? group : { ...group, items });
    left -= items.length;
  }
  return shown;
}
