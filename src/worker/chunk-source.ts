import { chunkAnswer } from '../corpus/search/chunks/chunk-answer';
import { ChunkIndex } from '../corpus/search/chunks/chunk-index';
import { chunkSearch } from '../corpus/search/chunks/chunk-search';
import type { ChunkLoader } from '../corpus/search/chunks/chunk-store';
import { fileIdOf } from '../corpus/library';
import { parseFile } from '../corpus/parse-file';
import { chunkStoryParagraphs } from '../corpus/search/chunks/chunk-paragraphs';
import { parseQuery } from '../corpus/search/query-parser';
import type { Expansion } from '../corpus/search/term-expansion';
import type { ParsedQuery, SearchResults, Snippet } from '../corpus/search/types';

/** Where the build's search chunks are (the manifest's `chunks`, its directory as a URL). */
export interface ChunksRef {
  /** Absolute URL of the chunks' directory, ending in `/`. */
  url: string;
  /** Their format (`CHUNK_FORMAT`). */
  version: number;
  /**
   * They answer every search until the worker's own index is whole (a large folder), not only
   * while it has indexed nothing (`Manifest.chunks.first`).
   */
  first: boolean;
}

/**
 * Loads chunk files over HTTP: each is a small file named by its place in the index, in a
 * directory named by the content (cached forever by the host and the service worker). The host
 * gzips them on the wire; `fetch` hands back the bytes. A failed response rejects, so the store
 * forgets it and a later query tries again.
 */
export function fetchLoader(dir: string, fetchFn: typeof fetch = fetch): ChunkLoader {
  return async (name) => {
    // A query waits on every file it fetches: ahead of the folder's text and the names packs.
    const res = await fetchFn(new URL(name, dir).href, { priority: 'high' });
    if (!res.ok) throw new Error(`search chunk ${name}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

/**
 * Searches the build's chunks (src/corpus/search/chunks): the whole folder before any of its
 * text is here, fetching only what a query touches, answered in the in-memory engine's shape
 * (`chunkAnswer`: titles and ledes, no names; paragraph sub-results asked for apart, as they
 * fetch the stories' files: `paragraphs`).
 */
export class ChunkSource {
  private readonly index: ChunkIndex;

  constructor(
    readonly ref: ChunksRef,
    load: ChunkLoader = fetchLoader(ref.url),
    private readonly fetchText: (url: string) => Promise<Response> = (url) => fetch(url),
  ) {
    this.index = new ChunkIndex(load);
  }

  /**
   * Fetches what every query starts with now (`ChunkIndex.prefetch`: `meta`, BBC 0.5 KB gzip,
   * and on a folder of up to ~20,000 stories the postings directory), so the first query waits
   * for two round trips fewer.
   */
  prefetch(): void {
    this.index.prefetch().catch(() => undefined);
  }

  async search(query: string, limit: number): Promise<SearchResults> {
    return chunkAnswer(await chunkSearch(this.index, query, { limit }));
  }

  /**
   * Paragraph sub-results for stories of a chunk answer (`chunkStoryParagraphs`: what the
   * worker's own index would give), from each story's file at `url`: the chunks hold no text.
   * A file is fetched and parsed once for all its stories (a story and its briefs share one).
   * A file that is gone (404) gives its stories none; any other failure (offline, a blip)
   * rejects, so the query is asked again rather than kept without them.
   */
  async paragraphs(
    query: string,
    stories: readonly { storyId: string; url: string }[],
    perStory: number,
  ): Promise<Record<string, Snippet[]>> {
    const q = parseQuery(query);
    const words = await this.words(q);
    const byFile = new Map<string, string[]>();
    for (const { storyId, url } of stories) byFile.set(url, [...(byFile.get(url) ?? []), storyId]);
    const out: Record<string, Snippet[]> = {};
    await Promise.all(
      [...byFile].map(async ([url, ids]) => {
        const res = await this.fetchText(url);
        if (res.status === 404) return;
        if (!res.ok) throw new Error(`story file: HTTP ${res.status}`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        const parsed = parseFile({ fileId: fileIdOf(ids[0]!), section: null, bytes });
        for (const story of parsed.stories)
          if (ids.includes(story.id))
            out[story.id] = chunkStoryParagraphs(story, q, words, perStory);
      }),
    );
    return out;
  }

  /** Each query word's expansions, as the search expanded them (memoized by the index). */
  private words(q: ParsedQuery): Promise<Expansion[][]> {
    const last = q.terms.length - 1;
    return Promise.all(q.terms.map((t, i) => this.index.expand(t, q.prefix && i === last)));
  }

  /**
   * The vocabulary terms the query's words stand for (prefixes, typos), as `search` expands
   * them: what the reading view marks in a story opened from a chunk answer. Fetches only the
   * vocabulary and postings a search of it fetched already (memoized).
   */
  async expandedTerms(q: ParsedQuery): Promise<string[]> {
    const lists = await this.words(q);
    return [...new Set(lists.flat().map((e) => e.term))];
  }
}
