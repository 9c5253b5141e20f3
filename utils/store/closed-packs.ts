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

export interface ClosedPack<T> {
  personEmail: string;
  /** UTC year of the records' closing instant (doneAt, discussedAt). */
  year: number;
  /** The records' ids, in `items` order (multiEntry index). */
  ids: string[];
  /** The records, exactly as they were stored one by one, ordered by id. */
  items: T[];
}

export type PackTable<T> = Table<ClosedPack<T>, [string, number]>;

interface Keyed {
  id: string;
  personEmail: string;
}

/** The year a record closed at `closedAt` is packed under. */
export function packYearOf(closedAt: number): number {
  return new Date(closedAt).getUTCFullYear();
}

/** The first instant of a UTC year (Date.UTC would read years 0–99 as 1900–1999). */
export function yearStartOf(year: number): number {
  return new Date(0).setUTCFullYear(year, 0, 1);
}

const byId = (a: Keyed, b: Keyed) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function packOf<T extends Keyed>(personEmail: string, year: number, items: T[]): ClosedPack<T> {
  const sorted = [...items].sort(byId);
  return { personEmail, year, ids: sorted.map((item) => item.id), items: sorted };
}

/** Closed records grouped into packs (import, seeding, the version 3 upgrade). */
export function packRecords<T extends Keyed>(
  records: readonly T[],
  closedAtOf: (record: T) => number,
): ClosedPack<T>[] {
  const groups = new Map<string, { personEmail: string; year: number; items: T[] }>();
  for (const record of records) {
    const year = packYearOf(closedAtOf(record));
    const key = `${record.personEmail}\n${year}`;
    let group = groups.get(key);
    if (!group) {
      group = { personEmail: record.personEmail, year, items: [] };
      groups.set(key, group);
    }
    group.items.push(record);
  }
  return [...groups.values()].map(({ personEmail, year, items }) =>
    packOf(personEmail, year, items),
  );
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
