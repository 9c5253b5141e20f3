// How wellbeing check-ins read as a signal, one definition for the panel and the popup. Pure
// (the panel imports it into the content script): no Dexie, no date-fns.

/** Check-ins both views show: the trend is read over exactly these. */
export const WELLBEING_WINDOW = 6;

/** A check-in at or below this is a low one. */
export const LOW_WELLBEING = 2;

export type WellbeingDirection = 'rising' | 'falling' | 'steady';

/**
 * The direction of the check-ins shown (oldest first), read over all of them: the change along
 * their least-squares line from the first to the last. One point or more of change on the 1–5
 * scale is rising or falling; less is steady. "4 → 2 → 2" falls (by 2), "3 → 4 → 3" is steady.
 * null for fewer than two check-ins.
 */
export function wellbeingDirection(values: readonly number[]): WellbeingDirection | null {
  const n = values.length;
  if (n < 2) return null;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, value) => sum + value, 0) / n;
  let covariance = 0;
  let variance = 0;
  values.forEach((value, x) => {
    covariance += (x - meanX) * (value - meanY);
    variance += (x - meanX) ** 2;
  });
  const change = (covariance / variance) * (n - 1);
  return change >= 1 ? 'rising' : change <= -1 ? 'falling' : 'steady';
}

/** Whether the last two check-ins shown are both low. */
export function isLowLately(values: readonly number[]): boolean {
  const lastTwo = values.slice(-2);
  return lastTwo.length === 2 && lastTwo.every((value) => value <= LOW_WELLBEING);
}
