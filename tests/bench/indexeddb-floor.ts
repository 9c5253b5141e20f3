// The floor under the import figure: the same records written into a scratch database with the
// same stores and indexes, in the store's own layout (closed records packed, storedLayoutOf), by
// IndexedDB alone (no message, no validation, no Dexie), in one read-write transaction with
// relaxed durability, from an extension page. What the import takes beyond this is the app's;
// what this takes is the browser's cost per stored record, which only fewer records can lower.

import type { Page } from 'playwright-core';
import type { BackupData } from '@/utils/store/backup';
import { storedLayoutOf } from '@/utils/store/stored-layout';
import { SCHEMA_VERSIONS } from '@/utils/store/schema';

export interface StoreShape {
  name: string;
  keyPath: string | string[];
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

function keyPathOf(spec: string): string | string[] {
  return spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec;
}

/** The current schema's stores, from Dexie's declarations ("id, &[a+b], c"). */
export function currentStoreShapes(): StoreShape[] {
  const stores = new Map<string, string>();
  for (const version of SCHEMA_VERSIONS) {
    for (const [name, spec] of Object.entries(version.stores)) {
      if (spec === null) stores.delete(name);
      else stores.set(name, spec);
    }
  }
  return [...stores].map(([name, spec]) => {
    const [primary, ...rest] = spec.split(',').map((part) => part.trim());
    if (!primary || /^[+&*]|^\+\+/.test(primary)) {
      throw new Error(`unsupported primary key "${primary}" in ${name}`);
    }
    return {
      name,
      keyPath: keyPathOf(primary),
      indexes: rest.map((part) => {
        const unique = part.startsWith('&');
        const multiEntry = part.startsWith('*');
        const bare = unique || multiEntry ? part.slice(1) : part;
        return { name: bare, keyPath: keyPathOf(bare), unique, multiEntry };
      }),
    };
  });
}

/** The rows the store writes for a backup, as JSON for rawImportMs, and how many there are. */
export function storedRowsJson(data: BackupData): { json: string; rows: number } {
  const layout = storedLayoutOf(data);
  const rows = Object.values(layout).reduce((sum, list) => sum + list.length, 0);
  return { json: JSON.stringify(layout), rows };
}

/** Milliseconds to write every row of `rowsJson` (storedRowsJson; parsed first, not timed). */
export async function rawImportMs(page: Page, rowsJson: string, shapes: StoreShape[]) {
  return page.evaluate(
    async ({ json, shapes }) => {
      const data = JSON.parse(json) as Record<string, unknown[]>;
      const name = `bench-floor-${crypto.randomUUID()}`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => {
          for (const shape of shapes) {
            const store = request.result.createObjectStore(shape.name, { keyPath: shape.keyPath });
            for (const index of shape.indexes) {
              store.createIndex(index.name, index.keyPath, {
                unique: index.unique,
                multiEntry: index.multiEntry,
              });
            }
          }
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      try {
        const start = performance.now();
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(
            shapes.map((shape) => shape.name),
            'readwrite',
            { durability: 'relaxed' },
          );
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(tx.error ?? new Error('aborted'));
          for (const shape of shapes) {
            const store = tx.objectStore(shape.name);
            for (const record of data[shape.name] ?? []) store.add(record);
          }
        });
        return performance.now() - start;
      } finally {
        db.close();
        await new Promise((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = resolve;
          request.onerror = resolve;
        });
      }
    },
    { json: rowsJson, shapes },
  );
}
