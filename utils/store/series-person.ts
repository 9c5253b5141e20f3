// Who a calendar series is a 1:1 with, as far as the store knows.

import type { CbcDatabase } from './db';

/**
 * The person of a series known as a 1:1, inside the caller's transaction (seriesOverrides and
 * meetings): the user's decision wins ("not a 1:1" gives null), else the person of a recorded
 * meeting of the series; null for a series the store does not know.
 */
export async function personOfSeries(db: CbcDatabase, seriesKey: string): Promise<string | null> {
  const override = await db.seriesOverrides.get(seriesKey);
  if (override) return override.decision === 'one-on-one' ? override.personEmail || null : null;
  const meeting = await db.meetings.where('seriesKey').equals(seriesKey).first();
  return meeting?.personEmail ?? null;
}
