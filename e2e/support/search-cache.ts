/**
 * Whether the worker's search index is in IndexedDB (the `latest` entry of
 * src/worker/search-cache.ts): a reload is then warm. Evaluated in the page.
 */
export function searchIndexStored(): Promise<boolean> {
  return new Promise((resolve) => {
    const open = indexedDB.open('dispatch-search');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('index')) return (db.close(), resolve(false));
      const get = db.transaction('index').objectStore('index').getKey('latest');
      get.onsuccess = () => (db.close(), resolve(get.result !== undefined));
      get.onerror = () => (db.close(), resolve(false));
    };
  });
}
