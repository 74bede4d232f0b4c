import { queryOptions } from '@tanstack/react-query';
import { parseFile } from '../corpus/parse-file';
import type { Manifest, ManifestFile, ParsedFile } from '../corpus/types';
import { cacheFile, cacheManifest, readCachedFile, readCachedManifest } from './file-cache';

/** Where the seeds plugin serves the manifest and the files, under the deploy base path. */
const BASE = import.meta.env.BASE_URL;
export const MANIFEST_URL = `${BASE}seeds-manifest.json`;

export function fileUrl(path: string): string {
  return `${BASE}seeds/${path.split('/').map(encodeURIComponent).join('/')}`;
}

export async function fetchManifest(signal?: AbortSignal): Promise<Manifest> {
  let res: Response;
  try {
    res = await fetch(MANIFEST_URL, { signal, cache: 'no-cache' });
  } catch (err) {
    // Offline: the folder as it was on the last visit (its files are in IndexedDB too).
    const cached = signal?.aborted ? undefined : await readCachedManifest();
    if (cached) return cached;
    throw err;
  }
  if (!res.ok) throw new Error(`The article list could not be loaded (HTTP ${res.status}).`);
  const manifest = (await res.json()) as Manifest;
  if (manifest?.version !== 1 || !Array.isArray(manifest.files)) {
    throw new Error('The article list is not in a format this version of Dispatch reads.');
  }
  cacheManifest(manifest);
  return manifest;
}

export const manifestQuery = () =>
  queryOptions({
    queryKey: ['seeds', 'manifest'],
    queryFn: ({ signal }) => fetchManifest(signal),
    staleTime: Infinity,
  });

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

/**
 * One file, parsed. Keyed by content hash: an edited file is a new query, an unchanged one is
 * never fetched twice.
 */
export const fileQuery = (file: ManifestFile) =>
  queryOptions({
    queryKey: ['seeds', 'file', file.id, file.hash],
    queryFn: ({ signal }) => cacheOrNetwork(file, signal),
    staleTime: Infinity,
    // The folder's stream keeps every parsed file anyway; a garbage-collection timer per file
    // query (2,225 of them on BBC) only cost memory.
    gcTime: Infinity,
    retry: 1,
  });
