// How the popup writes dates, sizes and trends as text.

import { format } from 'date-fns';

/** 'Mar 3, 2025' for an instant. */
export function formatDay(epochMs: number): string {
  return format(epochMs, 'MMM d, yyyy');
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** '3 → 4 → 2' (oldest first), or '' when there are no check-ins. */
export function formatWellbeingTrend(trend: readonly number[]): string {
  return trend.join(' → ');
}
