import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ManifestFile, ParsedFile } from '../corpus/types';

// The IndexedDB side is replaced: each test decides when (and whether) the cache answers.
const cache = vi.hoisted(() => ({
  read: (() => Promise.resolve(undefined)) as (f: unknown) => Promise<unknown>,
  written: [] as unknown[],
}));
vi.mock('./file-cache', () => ({
  readCachedFile: (f: unknown) => cache.read(f),
  cacheFile: (_f: unknown, p: unknown) => cache.written.push(p),
  cacheManifest: () => undefined,
  readCachedManifest: () => Promise.resolve(undefined),
}));
const { cacheOrNetwork } = await import('./file-fetch');

const file: ManifestFile = { id: 'a', path: 'a.txt', section: null, size: 5, hash: 'h' };
const hit = { fileId: 'a', stories: [], warnings: [], section: null } as unknown as ParsedFile;
const later = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));
const fetchOk = () => vi.fn(() => Promise.resolve(new Response('Hello world.', { status: 200 })));

afterEach(() => {
  vi.unstubAllGlobals();
  cache.written = [];
});

describe('cacheOrNetwork (one file: IndexedDB, else the network)', () => {
  it('answers from a quick cache hit without a request', async () => {
    const fetch = fetchOk();
    vi.stubGlobal('fetch', fetch);
    cache.read = () => Promise.resolve(hit);
    expect(await cacheOrNetwork(file, new AbortController().signal)).toBe(hit);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks the network when the cache is slow, and takes the first good answer', async () => {
    const fetch = fetchOk();
    vi.stubGlobal('fetch', fetch);
    cache.read = () => later(400, undefined);
    const parsed = await cacheOrNetwork(file, new AbortController().signal);
    expect(parsed.stories[0]?.paragraphs).toEqual(['Hello world.']);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(cache.written).toHaveLength(1);
  });

  it('offline: a slow cache hit still wins over the failed request', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    cache.read = () => later(100, hit);
    expect(await cacheOrNetwork(file, new AbortController().signal)).toBe(hit);
  });

  it('fails with the network error when the cache has nothing either', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    cache.read = () => later(100, undefined);
    await expect(cacheOrNetwork(file, new AbortController().signal)).rejects.toThrow(
      /could not be downloaded/u,
    );
  });
});
