import { parseFile } from '../corpus/parse-file';
import type { ManifestFile, ParsedFile } from '../corpus/types';
import { cacheFile, readCachedFile } from './file-cache';

/**
 * One file of the folder, fetched and parsed: plain functions (no React, no Query), used by the
 * corpus worker as it loads the folder (src/worker/folder-loader.ts) and by a story view that
 * needs its own file before the worker has it (seeds-api.ts, `fileQuery`).
 */

/** Where the seeds plugin serves the files, under the deploy base path. */
const BASE = import.meta.env.BASE_URL;

export function fileUrl(path: string): string {
  return `${BASE}seeds/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** Thrown for one file; the rest of the folder keeps working. */
export class FileLoadError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileLoadError';
  }
}

export async function fetchParsedFile(
  file: ManifestFile,
  signal?: AbortSignal,
): Promise<ParsedFile> {
  let res: Response;
  try {
    res = await fetch(fileUrl(file.path), { signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new FileLoadError(file.path, `${file.path} could not be downloaded (network error).`);
  }
  if (!res.ok)
    throw new FileLoadError(file.path, `${file.path} could not be loaded (HTTP ${res.status}).`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  try {
    return parseFile({ fileId: file.id, section: file.section, bytes });
  } catch (err) {
    throw new FileLoadError(file.path, `${file.path} could not be read: ${(err as Error).message}`);
  }
}

/** How long IndexedDB may take before the network is asked too (a warm read takes a few ms). */
const CACHE_GRACE_MS = 40;
const SLOW = Symbol('slow');

/**
 * The parsed file from IndexedDB, else from the network. When IndexedDB is slow to answer (a
 * first visit creates the databases while the folder streams in: a deep link's story waited
 * ~200 ms for a lookup that could only miss), the network is asked too and the first good answer
 * wins; offline, a late cache hit still wins over the failed request.
 */
export async function cacheOrNetwork(file: ManifestFile, signal: AbortSignal): Promise<ParsedFile> {
  const fromNetwork = () =>
    fetchParsedFile(file, signal).then((parsed) => {
      cacheFile(file, parsed);
      return parsed;
    });
  const cached = readCachedFile(file);
  const quick = await Promise.race([
    cached,
    new Promise<typeof SLOW>((r) => setTimeout(() => r(SLOW), CACHE_GRACE_MS)),
  ]);
  if (quick !== SLOW) return quick ?? fromNetwork();
  const network = fromNetwork();
  return new Promise((resolve, reject) => {
    let missed = false;
    let failed: { err: unknown } | null = null;
    void cached.then((hit) => {
      if (hit) resolve(hit);
      else if (failed) reject(failed.err);
      else missed = true;
    });
    network.then(resolve, (err: unknown) => {
      if (missed) reject(err);
      else failed = { err };
    });
  });
}
