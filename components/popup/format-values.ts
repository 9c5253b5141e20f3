// How the popup writes dates, sizes and trends as text.

import { dateLocale, translator } from '@/components/i18n';
import { format, isSameDay, subDays } from 'date-fns';

/** 'Mar 3, 2025' for an instant ('3. März 2025', '2025/03/03'), in the page's UI language. */
export function formatDay(epochMs: number): string {
  return format(epochMs, 'PP', { locale: dateLocale() });
}

/** 'Mon, Dec 7, 2026, 3:00 PM' for a 1:1's start, in the page's UI language. */
export function formatMeetingTime(epochMs: number): string {
  return format(epochMs, 'EEE PP, p', { locale: dateLocale() });
}

/**
 * When something was seen, against now: its time ('9:14 AM'), and 'today', 'yesterday' or its
 * date ('Mar 3, 2025').
 */
export function formatSeenAt(
  seenAt: number,
  now: number,
): { day: 'today' | 'yesterday' | { date: string }; time: string } {
  const time = format(seenAt, 'p', { locale: dateLocale() });
  if (isSameDay(seenAt, now)) return { day: 'today', time };
  if (isSameDay(seenAt, subDays(now, 1))) return { day: 'yesterday', time };
  return { day: { date: formatDay(seenAt) }, time };
}

/** 'a, b and c' in the page's UI language ('a、b、c', 'a, b und c'). */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(translator().locale, { type: 'conjunction' }).format(items);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(translator().locale, {
    minimumFractionDigits: unit === 0 ? 0 : 1,
    maximumFractionDigits: unit === 0 ? 0 : 1,
    useGrouping: false,
  });
  return `${number.format(value)} ${BYTE_UNITS[unit]}`;
}

/** '3 → 4 → 2' (oldest first), or '' when there are no check-ins. */
export function formatWellbeingTrend(trend: readonly number[]): string {
  return trend.join(' → ');
}
