import { get, getMany, set, setMany } from 'idb-keyval';
import { lazyStore } from '../lib/idb-store';
import { PARSER_VERSION } from '../corpus/parse-file';
import type { Manifest, ManifestFile, ParsedFile } from '../corpus/types';

/**
 * Parsed files kept in IndexedDB, keyed by path and content hash, so a warm reload reads the
 * folder from disk instead of the network and works offline. The parser's version is part of
 * the key (bump PARSER_VERSION in parse-file.ts whenever its output changes).
 */
const db = lazyStore('dispatch-files', 'parsed');

// The path is part of the key: identical texts at two paths (the BBC set has 98 such groups)
// are different files with different story ids.
const key = (f: ManifestFile) => `v${PARSER_VERSION}:${f.hash}:${f.id}`;

export async function readCachedFile(file: ManifestFile): Promise<ParsedFile | undefined> {
  const s = db();
  if (!s) return undefined;
  try {
    return await get<ParsedFile>(key(file), s);
  } catch {
    return undefined;
  }
}

/**
 * Keys per IndexedDB read or write. Issuing a request clones synchronously on the main thread
 * (10,000 gets took 101 ms in one task, a 3,000-file put batch ~40 ms): smaller transactions, one
 * task each, keep every task short. Reading back clones too: a transaction's results arrive in
 * one task, and 400 parsed files were a 25-50 ms task (BBC warm reload, load ~6) just as the
 * first search's answer came back; so a slice of READ_CHUNK is read READ_TRANSACTION keys at a
 * time, and still shown as one batch (one render of the library per slice, not four).
 */
const READ_CHUNK = 400;
const READ_TRANSACTION = 100;
const WRITE_CHUNK = 64;

/**
 * The cached parsed files of a folder, in slices of READ_CHUNK (same order as `files`; undefined
 * for files not cached), so the caller can show the first stories while the rest is read.
 */
export async function* readCachedFiles(
  files: ManifestFile[],
): AsyncGenerator<{ files: ManifestFile[]; parsed: (ParsedFile | undefined)[] }> {
  const s = db();
  for (let i = 0; i < files.length; i += READ_CHUNK) {
    const slice = files.slice(i, i + READ_CHUNK);
    const parsed: (ParsedFile | undefined)[] = [];
    for (let j = 0; j < slice.length; j += READ_TRANSACTION) {
      const part = slice.slice(j, j + READ_TRANSACTION);
      try {
        parsed.push(
          ...(s ? await getMany<ParsedFile>(part.map(key), s) : part.map(() => undefined)),
        );
      } catch {
        parsed.push(...part.map(() => undefined));
      }
    }
    yield { files: slice, parsed };
  }
}

const queued: [string, ParsedFile][] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
/** The writes under way, one after the other; false once one of them failed. */
let writing: Promise<boolean> = Promise.resolve(true);

/**
 * Queues a parsed file for the cache; writes go out in small batches (one transaction each), from
 * 500 ms after the first, or (`later`) only when `flushFileCache` is called: the worker's folder
 * load writes its packs' files once the engine has settled, since each write clones its files on
 * the worker's one thread, beside the folder's first analyses.
 */
export function cacheFile(file: ManifestFile, parsed: ParsedFile, later = false): void {
  if (!db()) return;
  queued.push([key(file), parsed]);
  if (!later) timer ??= setTimeout(() => void flush(), 500);
}

function flush(): Promise<boolean> {
  if (timer) clearTimeout(timer);
  timer = null;
  writing = writing.then(async (ok) => {
    while (queued.length) {
      const batch = queued.splice(0, WRITE_CHUNK);
      ok =
        (await setMany(batch, db()!).then(
          () => true,
          () => false,
        )) && ok;
    }
    return ok;
  });
  return writing;
}

/** localStorage: the fingerprint of the last folder whose every file reached the cache. */
const CACHED_FOLDER = 'dispatch:cached-folder';

/**
 * Whether parsed files are likely in the cache: a folder was cached in full on an earlier visit
 * (this one, or one that shares most files: a rebuild, a file edited under `npm run dev`). A
 * synchronous hint, so a first visit goes straight to the network instead of asking IndexedDB
 * about each file first and waiting for the worker's cache check, which only a warm reload needs
 * (~0.3 s before the first rows on BBC). A wrong hint costs time only: the network path
 * downloads the packs again (or asks the cache file by file, `cacheOrNetwork`), the cache path
 * fetches what it misses.
 */
export function filesLikelyCached(): boolean {
  try {
    return localStorage.getItem(CACHED_FOLDER) !== null;
  } catch {
    return false;
  }
}

/**
 * Waits for the queued writes; true when every write so far has landed. The worker asks this at
 * the end of a folder's load, and the page then records the folder as cached
 * (`rememberFolderCached`: localStorage is the page's, not the worker's).
 */
export function flushFileCache(): Promise<boolean> {
  return db() ? flush() : Promise.resolve(false);
}

/** Records that every file of the folder is cached (the worker said its writes landed). */
export function rememberFolderCached(fingerprint: string): void {
  try {
    localStorage.setItem(CACHED_FOLDER, fingerprint);
  } catch {
    // Private mode or a full quota: the next visit takes the network path, as a first one.
  }
}

/** The last manifest read from the network: what the library shows when the network is off. */
export async function readCachedManifest(): Promise<Manifest | undefined> {
  const s = db();
  if (!s) return undefined;
  try {
    return await get<Manifest>('manifest', s);
  } catch {
    return undefined;
  }
}

export function cacheManifest(manifest: Manifest): void {
  const s = db();
  if (s) void set('manifest', manifest, s).catch(() => undefined);
}
