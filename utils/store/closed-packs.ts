// Closed records packed per person and year (schema version 3): done action items and
// discussed talking points. They are most of a long-used store (92 % of a large team's items are
// done) and are read only as a person's history, by search and by backups, never one by one on
// a first screen. One record per person and year instead of one per item cuts the records an
// import writes, and the index entries each costs, by an order of magnitude. Open items and
// queued points stay one record each, indexed for the panel's and popup's queries.
//
// A pack is keyed [personEmail+year] (the UTC year of the closing instant) and lists the ids
// it holds; `year` orders packs newest first for search, and `ids.length` (one index entry per
// pack) counts the packed records. An item is found by its id in its person's packs, a handful
// of records (undo, edit, delete name the person); without the person, every pack is read.
// Until schema version 8 a multiEntry index of the ids did that, at one index entry per packed
// record: most of what an import of a large store paid for the packs.

import { Dexie, type Table } from 'dexie';
import { normalizeEmail } from '../domain/rules';
import { packOf, packYearOf, type ClosedPack } from './pack-records';

export type { ClosedPack } from './pack-records';

export type PackTable<T> = Table<ClosedPack<T>, [string, number]>;

interface Keyed {
  id: string;
  personEmail: string;
}

/** What findPacked needs of a pack: closed packs and feedback packs alike. */
export interface PackOfIds {
  personEmail: string;
  year: number;
  ids: string[];
  items: Array<{ id: string }>;
}

/**
 * The packed record with this id and the pack holding it, or undefined. Looked for in the packs
 * of `personEmail` alone when the caller names whose it is (a few records): an add with a new
 * id, the common case, must not read every pack to learn that it is new. Only without a person
 * is every pack read (a large store's packs are tens of MB: callers name the person).
 */
export async function findPacked<P extends PackOfIds>(
  table: Table<P, [string, number]>,
  id: string,
  personEmail?: string,
): Promise<{ pack: P; record: P['items'][number] } | undefined> {
  const holding = (pack: P) => pack.ids.includes(id);
  let pack: P | undefined;
  if (personEmail === undefined) {
    pack = await table.filter(holding).first();
  } else {
    const email = normalizeEmail(personEmail);
    const packs = await table
      .where('[personEmail+year]')
      .between([email, Dexie.minKey], [email, Dexie.maxKey])
      .toArray();
    pack = packs.find(holding);
  }
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

/** How many records the packs of a table hold, from the `ids.length` index (no pack is read). */
export async function countPacked(table: Table): Promise<number> {
  const sizes = (await table.orderBy('ids.length').keys()) as number[];
  return sizes.reduce((sum, size) => sum + size, 0);
}
