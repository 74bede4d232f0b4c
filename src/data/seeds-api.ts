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

/**
 * One file, parsed. Keyed by content hash: an edited file is a new query, an unchanged one is
 * never fetched twice.
 */
export const fileQuery = (file: ManifestFile) =>
  queryOptions({
    queryKey: ['seeds', 'file', file.id, file.hash],
    queryFn: async ({ signal }) => {
      const cached = await readCachedFile(file);
      if (cached) return cached;
      const parsed = await fetchParsedFile(file, signal);
      cacheFile(file, parsed);
      return parsed;
    },
    staleTime: Infinity,
    retry: 1,
  });
