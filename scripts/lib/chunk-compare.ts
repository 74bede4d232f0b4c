/**
 * The chunked engine beside the in-memory one, for the chunks tests and `npm run bench:chunks`:
 * a chunk set served from memory (gzip sizes counted as a CDN would send them) and the top-k of
 * both engines for one query.
 */
import { gzipSync } from 'node:zlib';
import { ChunkIndex } from '../../src/corpus/search/chunks/chunk-index';
import { chunkSearch, type ChunkResults } from '../../src/corpus/search/chunks/chunk-search';
import { search } from '../../src/corpus/search/search';
import type { SearchIndex } from '../../src/corpus/search/types';

/** Bytes of a response's headers, as bench:pagefind's counting server adds them. */
export const HEADER_BYTES = 200;

/** Serves `files` to a fresh `ChunkIndex` (nothing cached); a missing file rejects, like a 404. */
export function memoryChunkIndex(files: ReadonlyMap<string, Uint8Array>): ChunkIndex {
  return new ChunkIndex(async (name) => {
    const b = files.get(name);
    if (!b) throw new Error(`no chunk ${name}`);
    return b;
  });
}

/** Gzipped size of every file, as the host would send it. */
export function gzipSizes(files: ReadonlyMap<string, Uint8Array>): Map<string, number> {
  return new Map([...files].map(([name, b]) => [name, gzipSync(b).length]));
}

export interface Compared {
  memory: string[];
  /** The in-memory engine's scores of `memory`, in the same order. */
  memoryScores: number[];
  chunks: string[];
  result: ChunkResults;
}

/** Top-`k` story ids of both engines (the in-memory one as the worker runs it, names aside). */
export async function compareTop(
  index: SearchIndex,
  chunks: ChunkIndex,
  query: string,
  k = 10,
): Promise<Compared> {
  const hits = search(index, query, { limit: k }).stories;
  const result = await chunkSearch(chunks, query, { limit: k });
  return {
    memory: hits.map((s) => s.storyId),
    memoryScores: hits.map((s) => s.score),
    chunks: result.hits.map((h) => h.storyId),
    result,
  };
}

/** Share of `a`'s ids that `b` also has (1 when both are empty). */
export function overlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length === 0 ? 1 : 0;
  const set = new Set(b);
  return a.filter((id) => set.has(id)).length / a.length;
}

/**
 * Whether the chunked top k is the in-memory one but for stories swapped with a neighbour whose
 * in-memory score is within `eps` (what rounding the impacts can do) and the same length.
 */
export function sameUpToNearTies(c: Compared, eps: number): boolean {
  if (c.chunks.length !== c.memory.length) return false;
  return c.chunks.every((id, i) => {
    if (id === c.memory[i]) return true;
    const at = c.memory.indexOf(id);
    const score = at >= 0 ? c.memoryScores[at]! : c.memoryScores[c.memory.length - 1]!;
    // A story from outside the in-memory top k can only have come in at a near-tie with its end.
    return Math.abs(score - c.memoryScores[i]!) <= eps;
  });
}
