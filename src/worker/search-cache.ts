import { get, set } from 'idb-keyval';
import { lazyStore } from '../lib/idb-store';
import {
  packEntities,
  packIndex,
  unpackEntities,
  unpackIndex,
  type PackedIndex,
} from '../corpus/search/index-pack';
import { duplicateRoots, restoreDuplicates } from '../corpus/search/search-duplicates';
import { restoreVocabulary, vocabularyOrder } from '../corpus/search/term-expansion';
import type { SearchIndex } from '../corpus/search/types';

/**
 * The finished search index of a folder, kept in IndexedDB under the folder's fingerprint (all
 * file ids and content hashes), so a warm reload can search before a single file is re-read.
 * Stored packed and without its text (one typed array, see index-pack.ts; the parsed files bring
 * the text): it reads back in a few ms where the plain
 * object graph took ~150 ms on the BBC folder. Only the latest folder is kept.
 */
// 4: the index holds titles, and derived titles changed (parser version 2).
// 5: the entities apart, packed (`names`).
const INDEX_VERSION = 5;
const db = lazyStore('dispatch-search', 'index');

interface Entry {
  version: number;
  fingerprint: string;
  /** The index without its entities (those are `names`). */
  packed: PackedIndex;
  /**
   * Its entities, packed (`packEntities`): read back as ~13,000 objects (BBC) they were a large
   * part of reading the entry.
   */
  names: string;
  /** Duplicate groups (see search-duplicates.ts): recomputing them was ~0.1–0.9 s of a reload. */
  copies?: Int32Array;
  /**
   * The vocabulary's sort order (term ids): sorting ~30k terms again was the first step of a warm
   * reload's way to its first search (~30 ms idle, 100–150 ms on a loaded machine).
   */
  vocab?: Int32Array;
}

export interface CachedIndex {
  fingerprint: string;
  /** The index without its entities (`entities` is empty until `takeNames`). */
  index: SearchIndex;
  /**
   * Puts the entities into the index (once; later calls do nothing). Apart because turning the
   * stored string into ~13,000 entities (BBC) took 35–65 ms of a warm reload's way to its first
   * search (load ~6), which leaves the names out anyway until their lookup is built.
   */
  takeNames: () => void;
}

/**
 * The latest cached index, whatever folder it belongs to: the worker reads it at startup, before
 * the main thread knows the folder's fingerprint, and keeps it only if the fingerprints match.
 */
export async function readLatestSearchIndex(): Promise<CachedIndex | undefined> {
  const s = db();
  if (!s) return undefined;
  try {
    const e = await get<Entry>('latest', s);
    if (!e || e.version !== INDEX_VERSION) return undefined;
    const index = unpackIndex(e.packed);
    if (!index || typeof e.names !== 'string') return undefined;
    index.entities = [];
    if (e.copies) restoreDuplicates(index, e.copies);
    if (e.vocab) restoreVocabulary(index, e.vocab);
    let names: string | null = e.names;
    const takeNames = () => {
      if (names === null) return;
      // A string that does not decode leaves the index without names: the folder's entity
      // table attaches them again once the folder is read (attachEntities).
      if (index.entities.length === 0) index.entities = unpackEntities(index.docs, names) ?? [];
      names = null;
    };
    return { fingerprint: e.fingerprint, index, takeNames };
  } catch {
    return undefined;
  }
}

export async function writeSearchIndex(fingerprint: string, index: SearchIndex): Promise<void> {
  const s = db();
  if (!s) return;
  try {
    const packed = packIndex(index);
    // Without the text: the parsed files carry it and arrive right after (addStories puts it
    // back). The 10k folder's entry shrinks from ~48 MB to ~20 MB, which is what search waits for.
    packed.docs = packed.docs.map((d) => ({ ...d, paragraphs: [] }));
    packed.entities = [];
    const entry: Entry = {
      version: INDEX_VERSION,
      fingerprint,
      packed,
      names: packEntities(index),
      copies: duplicateRoots(index),
      vocab: vocabularyOrder(index),
    };
    await set('latest', entry, s);
  } catch {
    /* quota or private mode: the next visit rebuilds the index */
  }
}
