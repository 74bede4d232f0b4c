import { get, getMany, set, setMany } from 'idb-keyval';
import { lazyStore } from '../lib/idb-store';
import type { Manifest, ManifestFile, ParsedFile } from '../corpus/types';

/**
 * Parsed files kept in IndexedDB, keyed by path and content hash, so a warm reload reads the
 * folder from disk instead of the network and works offline. Bump PARSER_VERSION whenever the
 * parser's output changes.
 */
const PARSER_VERSION = 1;
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

export async function readCachedFiles(files: ManifestFile[]): Promise<(ParsedFile | undefined)[]> {
  const s = db();
  if (!s || files.length === 0) return files.map(() => undefined);
  try {
    return await getMany<ParsedFile>(files.map(key), s);
  } catch {
    return files.map(() => undefined);
  }
}

let queued: [string, ParsedFile][] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

/** Queues a parsed file for the cache; writes go out in batches (one transaction each). */
export function cacheFile(file: ManifestFile, parsed: ParsedFile): void {
  if (!db()) return;
  queued.push([key(file), parsed]);
  timer ??= setTimeout(() => {
    const batch = queued;
    queued = [];
    timer = null;
    void setMany(batch, db()!).catch(() => undefined);
  }, 500);
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
