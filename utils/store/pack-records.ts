// Packing closed records (closed-packs.ts says why), without Dexie: the schema's upgrade, the
// import and the bench's IndexedDB-only floor use it, and the bench loads it before it installs
// the IndexedDB that Dexie must find.

export interface ClosedPack<T> {
  personEmail: string;
  /** UTC year of the records' closing instant (doneAt, discussedAt). */
  year: number;
  /** The records' ids, in `items` order (`ids.length` counts them). */
  ids: string[];
  /** The records, exactly as they were stored one by one, ordered by id. */
  items: T[];
}

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

export function packOf<T extends Keyed>(
  personEmail: string,
  year: number,
  items: T[],
): ClosedPack<T> {
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
