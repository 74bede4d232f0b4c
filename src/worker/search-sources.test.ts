import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../scripts/lib/corpora';
import { seeds } from '../../scripts/lib/search-corpora';
import { fileIdOf, filePathOf } from '../corpus/library';
import { buildChunks } from '../corpus/search/chunks/build-chunks';
import { CHUNK_ANSWER_NOTE } from '../corpus/search/chunks/chunk-answer';
import { CHUNK_FORMAT } from '../corpus/search/chunks/meta';
import { search } from '../corpus/search/search';
import { addStories, buildSearchIndex, createSearchIndex } from '../corpus/search/search-index';
import type { SearchIndex, SearchResults } from '../corpus/search/types';
import { ChunkSource, fetchLoader, type ChunksRef } from './chunk-source';
import { SearchSources, type Coverage, type SearchSource } from './search-sources';

const DIR = 'https://reader.example/base/search-chunks/abc123/';
const REF: ChunksRef = { url: DIR, version: CHUNK_FORMAT, first: true };

let whole: SearchIndex;
let files: Map<string, Uint8Array>;

beforeAll(() => {
  const stories = seeds().stories;
  whole = buildSearchIndex(stories);
  files = buildChunks(buildSearchIndex(stories)).files;
});

/** A static host of the chunk files: what it was asked for, and whether it is reachable. */
function host() {
  const asked: string[] = [];
  const state = { online: true };
  const fetchFn = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    if (!state.online) throw new TypeError('Failed to fetch');
    const bytes = url.startsWith(DIR) ? files.get(url.slice(DIR.length)) : undefined;
    return bytes ? new Response(bytes.slice()) : new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { asked, state, fetchFn };
}

/** The worker's own index as a source: `index` is what it has indexed so far. */
function memorySource(index: () => SearchIndex): SearchSource {
  return {
    search: async (q, limit) => search(index(), q, { limit }),
    expandedTerms: async (q) => search(index(), q, { limit: 1 }).expandedTerms,
  };
}

const ids = (r: SearchResults) => r.stories.map((s) => s.storyId);

describe('fetchLoader', () => {
  it('fetches a chunk by name under the directory and rejects what the host does not have', async () => {
    const h = host();
    const load = fetchLoader(DIR, h.fetchFn);
    expect(await load('meta')).toEqual(files.get('meta'));
    expect(h.asked).toEqual([`${DIR}meta`]);
    await expect(load('p-99999')).rejects.toThrow(/HTTP 404/u);
  });
});

describe('SearchSources: which index answers a query', () => {
  it('answers from the chunks while the worker has indexed only part of the folder', async () => {
    const h = host();
    // The worker has one story so far: its own answer would miss the rest of the folder.
    const partial = createSearchIndex();
    addStories(partial, seeds().stories.slice(0, 1));
    const sources = new SearchSources(
      memorySource(() => partial),
      () => 'part',
      (ref) => new ChunkSource(ref, fetchLoader(ref.url, h.fetchFn)),
    );
    sources.offer(REF);
    expect(sources.pick()).toBe('chunks');
    for (const q of ['pyongyan', 'balistic missles', 'semicond', '"north korean troops"']) {
      const r = await sources.search(q, 10);
      expect(r.source).toBe('chunks');
      expect(ids(r)).toEqual(ids(search(whole, q, { limit: 10 })));
      expect(r.notes).toContain(CHUNK_ANSWER_NOTE);
      expect(r.entities).toEqual([]);
      for (const s of r.stories) expect(s.paragraphs).toEqual([]);
    }
    // Only what the queries touched: the folder's chunks are not downloaded whole.
    const names = new Set(h.asked.map((u) => u.slice(DIR.length)));
    expect(names.has('meta')).toBe(true);
    expect(names.size).toBeLessThan(files.size);
  });

  it('marks the matched words in the title and in the lede, which links to paragraph 1', async () => {
    const h = host();
    const sources = new SearchSources(
      memorySource(() => createSearchIndex()),
      () => 'part',
      (ref) => new ChunkSource(ref, fetchLoader(ref.url, h.fetchFn)),
    );
    sources.offer(REF);
    const r = await sources.search('pyongyan', 10);
    expect(r.stories.length).toBeGreaterThan(0);
    const marked = (text: string, ranges: [number, number][]) =>
      ranges.map(([a, b]) => text.slice(a, b).toLowerCase());
    for (const s of r.stories) {
      const words = [
        ...marked(s.title, s.titleHighlights),
        ...(s.snippet ? marked(s.snippet.text, s.snippet.highlights) : []),
      ];
      // The typo is corrected, and what is marked is the word the folder spells.
      for (const w of words) expect(w).toBe('pyongyang');
      if (s.snippet) expect(s.snippet.paragraph).toBe(1);
    }
    expect(r.stories.some((s) => s.snippet && s.titleHighlights.length === 0)).toBe(true);
    // A story matched further down than its lede has no snippet: its row links to the story's
    // first hit, not to its top.
    const further = r.stories.filter((s) => !s.snippet);
    expect(further.length).toBeGreaterThan(0);
    for (const s of further) {
      const doc = whole.docs.find((d) => d.id === s.storyId)!;
      expect(doc.paragraphs[0]!.toLowerCase()).not.toContain('pyongyang');
    }
    // The reading view marks what the chunks expanded the typo to.
    const q = r.query;
    expect(await sources.expandedTerms(q)).toEqual(
      search(whole, q, { limit: 1 }).expandedTerms.filter((t) => r.expandedTerms.includes(t)),
    );
    expect(r.expandedTerms).toContain('pyongyang');
  });

  it('hands over to the worker’s own index once it covers the folder', async () => {
    const h = host();
    let coverage: Coverage = 'part';
    const sources = new SearchSources(
      memorySource(() => whole),
      () => coverage,
      (ref) => new ChunkSource(ref, fetchLoader(ref.url, h.fetchFn)),
    );
    sources.offer(REF);
    expect((await sources.search('missiles', 5)).source).toBe('chunks');
    coverage = 'whole';
    const asked = h.asked.length;
    const r = await sources.search('missiles', 5);
    expect(r.source).toBeUndefined();
    expect(r.stories.some((s) => s.paragraphs.length > 0)).toBe(true);
    expect(h.asked.length).toBe(asked);
  });

  it('falls back to the worker’s own index when the chunks cannot be fetched', async () => {
    const h = host();
    h.state.online = false;
    const sources = new SearchSources(
      memorySource(() => whole),
      () => 'part',
      (ref) => new ChunkSource(ref, fetchLoader(ref.url, h.fetchFn)),
    );
    sources.offer(REF);
    const r = await sources.search('missiles', 5);
    expect(r.source).toBeUndefined();
    expect(ids(r)).toEqual(ids(search(whole, 'missiles', { limit: 5 })));
    // Back online, the next query uses the chunks: a failure is not remembered.
    h.state.online = true;
    expect((await sources.search('missiles', 5)).source).toBe('chunks');
  });

  it('keeps to the worker’s own index without chunks, or with chunks of another format', async () => {
    const h = host();
    const sources = new SearchSources(
      memorySource(() => whole),
      () => 'part',
      (ref) => new ChunkSource(ref, fetchLoader(ref.url, h.fetchFn)),
    );
    expect(sources.pick()).toBe('memory');
    sources.offer({ ...REF, version: CHUNK_FORMAT + 1 });
    expect(sources.pick()).toBe('memory');
    expect((await sources.search('missiles', 5)).source).toBeUndefined();
    expect(h.asked).toEqual([]);
    sources.offer(REF);
    // Offered, what every query starts with is fetched at once: `meta` and (a small folder) the
    // postings directory.
    const first = [`${DIR}meta`, `${DIR}dp-0`];
    await expect.poll(() => h.asked).toEqual(first);
    sources.offer(null);
    expect(sources.pick()).toBe('memory');
    expect((await sources.search('missiles', 5)).source).toBeUndefined();
    expect(h.asked).toEqual(first);
  });

  it('on a smaller folder, answers from the chunks only while the worker has indexed nothing', async () => {
    const h = host();
    let coverage: Coverage = 'none';
    const sources = new SearchSources(
      memorySource(() => whole),
      () => coverage,
      (ref) => new ChunkSource(ref, fetchLoader(ref.url, h.fetchFn)),
    );
    sources.offer({ ...REF, first: false });
    expect((await sources.search('missiles', 5)).source).toBe('chunks');
    // Its first files indexed, the worker's partial answer comes sooner than a chunk answer.
    coverage = 'part';
    expect(sources.pick()).toBe('memory');
    expect((await sources.search('missiles', 5)).source).toBeUndefined();
    coverage = 'whole';
    expect(sources.pick()).toBe('memory');
    // The same chunks offered as a large folder's: they answer until the index is whole.
    coverage = 'part';
    sources.offer(REF);
    expect(sources.pick()).toBe('chunks');
  });
});

describe('ChunkSource.paragraphs: sub-results from the stories’ own files', () => {
  const SEEDS = 'https://reader.example/base/seeds/';
  /** The chunks' host, and the seeds' files: `asked` counts each file fetched. */
  function withFiles(status: (url: string) => number) {
    const h = host();
    const fetchText = (async (url: string) => {
      h.asked.push(url);
      const code = status(url);
      if (code !== 200) return new Response('', { status: code });
      const name = decodeURIComponent(url.slice(SEEDS.length));
      return new Response(readFileSync(path.join(SEEDS_DIR, name)));
    }) as (url: string) => Promise<Response>;
    return { h, source: new ChunkSource(REF, fetchLoader(DIR, h.fetchFn), fetchText) };
  }
  const url = (storyId: string) => `${SEEDS}${filePathOf(fileIdOf(storyId))}`;

  it('are the in-memory engine’s, each file fetched once for its story and briefs', async () => {
    const { h, source } = withFiles(() => 200);
    const memory = search(whole, 'korea', { limit: 50 });
    const main = memory.stories.find((s) => s.storyId === '003_94fd4063dbc03a91')!;
    // The story and its briefs share one file.
    const ids = [
      main.storyId,
      `${main.storyId}~3`,
      `${main.storyId}~4`,
      memory.stories[1]!.storyId,
    ];
    const got = await source.paragraphs(
      'korea',
      ids.map((storyId) => ({ storyId, url: url(storyId) })),
      3,
    );
    expect(got[main.storyId]).toEqual(main.paragraphs);
    expect(got[memory.stories[1]!.storyId]).toEqual(memory.stories[1]!.paragraphs);
    expect(Object.keys(got).sort()).toEqual([...ids].sort());
    const fetched = h.asked.filter((u) => u.startsWith(SEEDS));
    expect(fetched).toHaveLength(2);
  });

  it('leave out a story whose file is gone, and fail (to be asked again) when the host does', async () => {
    const gone = withFiles(() => 404);
    const one = [{ storyId: '002_54c47fb4e1efd86c', url: url('002_54c47fb4e1efd86c') }];
    expect(await gone.source.paragraphs('putin', one, 3)).toEqual({});
    const down = withFiles(() => 503);
    await expect(down.source.paragraphs('putin', one, 3)).rejects.toThrow(/503/u);
  });
});
