import { createStore, type UseStore } from 'idb-keyval';

/**
 * A lazily opened IndexedDB store (one database per store: idb-keyval cannot add a store to an
 * existing database). Returns null where IndexedDB is missing or refused (private mode, Node
 * tests): every cache then simply misses and the app recomputes.
 */
export function lazyStore(dbName: string, storeName: string): () => UseStore | null {
  let store: UseStore | null | undefined;
  return () => {
    if (store === undefined) {
      try {
        store = typeof indexedDB === 'undefined' ? null : createStore(dbName, storeName);
      } catch {
        store = null;
      }
    }
    return store;
  };
}
