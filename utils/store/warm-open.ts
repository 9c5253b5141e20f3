// Opening IndexedDB is slow on a cold page: in the popup, with the large data set, Chromium
// took 10–130 ms to answer the first open, after the page's main module (Dexie, Preact and the
// app: 60 KB gzip) had loaded, so the two waits added up. warmOpen starts an open without
// Dexie before that module is fetched: the browser's storage backend readies the database while
// the module loads, and Dexie's own open, later, is answered at once.
//
// The early connection never changes anything: it opens at whatever version exists, aborts the
// upgrade it would get for a database that does not exist yet (so nothing is created; Dexie
// creates the database with its schema), closes itself when another connection asks to upgrade,
// and closes when released (once Dexie's connection is open) or after `maxHoldMs`.

export interface WarmOpenOptions {
  indexedDB?: IDBFactory;
  /** Closes the early connection after this long even if never released. */
  maxHoldMs?: number;
  /**
   * Called with the early connection once it is open (the popup reads its first screen with it,
   * first-screen.ts), or with null when there is none (no database yet, or the open failed).
   */
  onOpen?: (connection: IDBDatabase | null) => void;
}

/** Starts opening `name`; call the returned function once the real connection is open. */
export function warmOpen(name: string, options: WarmOpenOptions = {}): () => void {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  let released = false;
  let connection: IDBDatabase | null = null;
  const release = () => {
    released = true;
    clearTimeout(timer);
    connection?.close();
    connection = null;
  };
  const timer = setTimeout(release, options.maxHoldMs ?? 5_000);
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name);
  } catch {
    // No IndexedDB here (or access denied): the real open reports it.
    clearTimeout(timer);
    options.onOpen?.(null);
    return () => undefined;
  }
  // Only a database that does not exist yet gets an upgrade from an open without a version.
  request.onupgradeneeded = () => request.transaction?.abort();
  request.onerror = (event) => {
    event.preventDefault();
    options.onOpen?.(null);
  };
  request.onsuccess = () => {
    connection = request.result;
    connection.onversionchange = release;
    if (released) {
      release();
      options.onOpen?.(null);
    } else options.onOpen?.(connection);
  };
  return release;
}
