import { queryOptions } from '@tanstack/react-query';
import type { Manifest, ManifestFile } from '../corpus/types';
import { cacheManifest, readCachedManifest } from './file-cache';
import { cacheOrNetwork } from './file-fetch';
import { corpusWorker } from '../worker/client';

/** Where the seeds plugin serves the manifest and the files, under the deploy base path. */
const BASE = import.meta.env.BASE_URL;
export const MANIFEST_URL = `${BASE}seeds-manifest.json`;

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

/**
 * One file, parsed, for a view that shows its stories whole (a story, the notebook's highlighted
 * ones). Keyed by content hash: an edited file is a new query. The corpus worker holds the folder:
 * a file it has loaded is asked of it (one file cloned over, no request); one it has not reached
 * yet (a deep link, at boot) comes from IndexedDB or the network here.
 */
export const fileQuery = (file: ManifestFile) =>
  queryOptions({
    queryKey: ['seeds', 'file', file.id, file.hash],
    queryFn: async ({ signal }) =>
      (await corpusWorker.heldFile(file).catch(() => null)) ?? cacheOrNetwork(file, signal),
    staleTime: Infinity,
    retry: 1,
  });
