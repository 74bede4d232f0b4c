import { createStore, type UseStore } from 'idb-keyval';

/**
 * A lazily opened IndexedDB store (one database per store: idb-keyval cannot add a store to an
 * existing database). Returns null where IndexedDB is missing (Node tests): every cache then
 * simply misses and the app recomputes.
 *
 * IMPORTANT: idb-keyval opens the database on first use, inside the call, and a browser that
 * refuses storage (a private window, site data blocked) may throw right there. Such a throw is
 * turned into a rejection, which every caller already treats as a miss: without that, the
 * manifest's `cacheManifest` threw and the whole library failed to open.
 */
export function lazyStore(dbName: string, storeName: string): () => UseStore | null {
  let store: UseStore | null | undefined;
  return () => {
    if (store === undefined) {
      try {
        const inner = typeof indexedDB === 'undefined' ? null : createStore(dbName, storeName);
        store =
          inner &&
          ((mode, callback) => {
            try {
              return inner(mode, callback);
            } catch (e) {
              return Promise.reject(e);
            }
          });
      } catch {
        store = null;
      }
    }
    return store;
  };
}
