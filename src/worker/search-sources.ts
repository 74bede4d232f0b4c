import { CHUNK_FORMAT } from '../corpus/search/chunks/meta';
import type { ParsedQuery, SearchResults, Snippet } from '../corpus/search/types';
import { ChunkSource, type ChunksRef } from './chunk-source';

/** An index a query can be answered from. */
export interface SearchSource {
  search(query: string, limit: number): Promise<SearchResults>;
  /** The terms the query's words expand to there (what a story opened from its answer marks). */
  expandedTerms(q: ParsedQuery): Promise<string[]>;
}

/** Which source answered a query, and why (for the tests and a reader of traces). */
export type SourceKind = 'memory' | 'chunks';

/** How much of the folder the worker's own index holds. */
export type Coverage = 'none' | 'part' | 'whole';

/**
 * Chooses, query by query, which index answers: the worker's own (`memory`) once it covers the
 * whole folder (every file indexed and its lookups built, or a finished index from the last
 * visit), else the build's search chunks when the manifest named some: on a large folder
 * (`ChunksRef.first`) until the worker's index is whole, on a smaller one only while it holds
 * nothing (its partial answers paint sooner there, and it is whole within a second or two: the
 * figures are in ARCHITECTURE.md). The worker's own otherwise (`npm run dev`, a build without
 * chunks, a chunk format this code does not read), partial as it grows, as before the chunks.
 * The in-memory engine takes over as soon as it can because it answers more (typos over the
 * whole vocabulary, snippets and paragraph sub-results from the text, names) and without the
 * network. A folder whose text never comes whole (an archive) runs on the chunks alone.
 * A chunk query that fails (offline and not cached, a missing file) is answered from memory.
 * IMPORTANT: runs inside the worker.
 */
export class SearchSources {
  private chunks: ChunkSource | null = null;

  constructor(
    private readonly memory: SearchSource,
    private readonly coverage: () => Coverage,
    private readonly makeChunks: (ref: ChunksRef) => ChunkSource = (ref) => new ChunkSource(ref),
  ) {}

  /** The build's chunks (null: none). Kept across offers of the same directory. */
  offer(ref: ChunksRef | null): void {
    if (ref && ref.version !== CHUNK_FORMAT) ref = null;
    if (ref?.url === this.chunks?.ref.url && ref?.first === this.chunks?.ref.first) return;
    this.chunks = ref ? this.makeChunks(ref) : null;
    // Only while the chunks would answer (a warm reload's cached index answers alone).
    if (this.pick() === 'chunks') this.chunks?.prefetch();
  }

  /** The source the next query goes to. */
  pick(): SourceKind {
    const c = this.coverage();
    if (!this.chunks || c === 'whole') return 'memory';
    return this.chunks.ref.first || c === 'none' ? 'chunks' : 'memory';
  }

  async search(query: string, limit: number): Promise<SearchResults> {
    const chunks = this.pick() === 'chunks' ? this.chunks : null;
    if (chunks) {
      try {
        return await chunks.search(query, limit);
      } catch {
        // Fetched nothing (offline, a file gone): what the worker has indexed so far.
      }
    }
    return this.memory.search(query, limit);
  }

  /**
   * Paragraph sub-results for stories of a chunk answer (ChunkSource.paragraphs); none without
   * chunks (the worker's own answers have theirs).
   */
  async paragraphs(
    query: string,
    stories: readonly { storyId: string; url: string }[],
    perStory: number,
  ): Promise<Record<string, Snippet[]>> {
    return this.chunks ? this.chunks.paragraphs(query, stories, perStory) : {};
  }

  async expandedTerms(q: ParsedQuery): Promise<string[]> {
    const chunks = this.pick() === 'chunks' ? this.chunks : null;
    if (chunks) {
      try {
        return await chunks.expandedTerms(q);
      } catch {
        // As for search: the worker's own index.
      }
    }
    return this.memory.expandedTerms(q);
  }
}
