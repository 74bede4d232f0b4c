import { get, set } from 'idb-keyval';
import { lazyStore } from '../lib/idb-store';
import type { SearchIndex } from '../corpus/search/types';

/**
 * The finished search index of a folder, kept in IndexedDB under the folder's fingerprint (all
 * file ids and content hashes), so a warm reload can search before a single file is re-read.
 * Stored as structured data (no JSON round trip); only the latest folder is kept.
 */
const INDEX_VERSION = 1;
const db = lazyStore('dispatch-search', 'index');

interface Entry {
  version: number;
  fingerprint: string;
  index: SearchIndex;
}

export async function readSearchIndex(fingerprint: string): Promise<SearchIndex | undefined> {
  const s = db();
  if (!s) return undefined;
  try {
    const e = await get<Entry>('latest', s);
    return e && e.version === INDEX_VERSION && e.fingerprint === fingerprint ? e.index : undefined;
  } catch {
    return undefined;
  }
}

export async function writeSearchIndex(fingerprint: string, index: SearchIndex): Promise<void> {
  const s = db();
  if (!s) return;
  try {
    await set('latest', { version: INDEX_VERSION, fingerprint, index } satisfies Entry, s);
  } catch {
    /* quota or private mode: the next visit rebuilds the index */
  }
}
