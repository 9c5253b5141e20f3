// The user's own decision about a calendar series ("this is a 1:1 with…" / "this is not a 1:1").

import type { CbcDatabase } from './db';
import { StoreError } from './db';
import { normalizeEmail, normalizeLine } from './normalize-input';
import type { SeriesOverride } from '../domain/records';

function normalizeSeriesKey(seriesKey: string): string {
  return seriesKey.trim().toLowerCase();
}

export async function getSeriesOverride(
  db: CbcDatabase,
  seriesKey: string,
): Promise<SeriesOverride | null> {
  return (await db.seriesOverrides.get(normalizeSeriesKey(seriesKey))) ?? null;
}

export async function setSeriesOverride(
  db: CbcDatabase,
  input: {
    seriesKey: string;
    decision: SeriesOverride['decision'];
    personEmail: string;
    personName: string;
  },
  now: number,
): Promise<SeriesOverride> {
  const seriesKey = normalizeSeriesKey(input.seriesKey);
  if (seriesKey === '') throw new StoreError('A series key is required.');
  if (input.decision !== 'one-on-one' && input.decision !== 'not-one-on-one') {
    throw new StoreError(`Unknown series decision "${String(input.decision)}".`);
  }
  const personEmail = normalizeEmail(input.personEmail);
  if (input.decision === 'one-on-one' && personEmail === '') {
    throw new StoreError('Choose the person this 1:1 is with.', { key: 'problemChoosePerson' });
  }
  const override: SeriesOverride = {
    seriesKey,
    decision: input.decision,
    personEmail,
    personName: normalizeLine(input.personName),
    updatedAt: now,
  };
  await db.transaction('rw', db.seriesOverrides, () => db.seriesOverrides.put(override));
  return override;
}
