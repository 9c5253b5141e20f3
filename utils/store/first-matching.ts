// Reading "the newest few records that pass a test" without walking a cursor record by record.

import type { Collection } from 'dexie';

/**
 * The first `limit` records of an ordered collection that pass `keep`, in the collection's
 * order. A page of `pageSize` records is read with one request (getAll, reversed where the
 * collection is); the whole collection is read only when that page was full and did not hold
 * enough. `collection` makes a new collection per call: Dexie's `limit` changes the one it is
 * called on. (`collection.filter(keep).limit(n)` gives the same records but reads them through
 * a cursor, one request per record, which is what made these reads slow in Chromium.)
 */
export async function firstMatching<T>(
  collection: () => Collection<T>,
  keep: (record: T) => boolean,
  limit: number,
  pageSize: number,
): Promise<T[]> {
  if (limit <= 0) return [];
  const page = await collection().limit(pageSize).toArray();
  let kept = page.filter(keep);
  if (kept.length < limit && page.length === pageSize) {
    kept = (await collection().toArray()).filter(keep);
  }
  return kept.length > limit ? kept.slice(0, limit) : kept;
}
