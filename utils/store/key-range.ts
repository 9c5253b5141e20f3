import { Dexie } from 'dexie';

/**
 * Bounds of a compound index range where only the leading parts are fixed, e.g.
 * `prefixRange(email, 1)` on [personEmail+open+createdAt] is every open item of that person.
 */
export function prefixRange(...prefix: Array<string | number>): [unknown[], unknown[]] {
  return [
    [...prefix, Dexie.minKey],
    [...prefix, Dexie.maxKey],
  ];
}
