// Closed records packed per person and year (schema version 3): done action items and
// discussed talking points. They are most of a long-used store (92 % of a large team's items are
// done) and are read only as a person's history, by search and by backups, never one by one on
// a first screen. One record per person and year instead of one per item cuts the records an
// import writes, and the index entries each costs, by an order of magnitude. Open items and
// queued points stay one record each, indexed for the panel's and popup's queries.
//
// A pack is keyed [personEmail+year] (the UTC year of the closing instant); `ids` is a
// multiEntry index so that an item can still be found by its id (undo, edit, delete), and
// `year` orders packs newest first for search.

import { Dexie, type Table } from 'dexie';
import { packOf, packYearOf, type ClosedPack } from './pack-records';

export type { ClosedPack } from './pack-records';

export type PackTable<T> = Table<ClosedPack<T>, [string, number]>;

interface Keyed {
  id: string;
  personEmail: string;
}

/** The packed record with this id and the pack holding it, or undefined. */
export async function findPacked<T extends Keyed>(
  table: PackTable<T>,
  id: string,
): Promise<{ pack: ClosedPack<T>; record: T } | undefined> {
  const pack = await table.where('ids').equals(id).first();
  const record = pack?.items.find((item) => item.id === id);
  return pack && record ? { pack, record } : undefined;
}

/** Adds (or replaces) a closed record in its person's pack of its year. */
export async function putPacked<T extends Keyed>(
  table: PackTable<T>,
  record: T,
  closedAt: number,
): Promise<void> {
  const year = packYearOf(closedAt);
  const pack = await table.get([record.personEmail, year]);
  const items = (pack?.items ?? []).filter((item) => item.id !== record.id);
  items.push(record);
  await table.put(packOf(record.personEmail, year, items));
}

/** Takes a record out of the pack that holds it (the pack goes when it is left empty). */
export async function removePacked<T extends Keyed>(
  table: PackTable<T>,
  pack: ClosedPack<T>,
  id: string,
): Promise<void> {
  const items = pack.items.filter((item) => item.id !== id);
  if (items.length === 0) await table.delete([pack.personEmail, pack.year]);
  else await table.put(packOf(pack.personEmail, pack.year, items));
}

/** Every packed record of one person, pack by pack, oldest year first. */
export async function packedOfPerson<T>(table: PackTable<T>, personEmail: string): Promise<T[]> {
  const packs = await table
    .where('[personEmail+year]')
    .between([personEmail, Dexie.minKey], [personEmail, Dexie.maxKey])
    .toArray();
  return packs.flatMap((pack) => pack.items);
}

/** How many records the packs hold, from the ids index (no pack is read). */
export async function countPacked<T>(table: PackTable<T>): Promise<number> {
  return table.orderBy('ids').count();
}
