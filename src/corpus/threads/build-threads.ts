import type { RelatedIndex } from '../related/related-index';
import { ENTITY_PREFIX } from '../related/related-options';
import type { Pools } from '../related/first-pass';
import {
  DEFAULT_SIMILARITY,
  dot,
  eventShares,
  scatter,
  type SimilarityOptions,
  type ThreadVectors,
} from './thread-similarity';
import { IntPairMap } from '../int-pair-map';
import { averageLinkage } from './average-linkage';

/**
 * Story threads: the stories of one event or running story, together (Google News' "Full
 * Coverage"; Miranda et al. 2018 cluster news the same way, from TF-IDF over text and names).
 *
 * Candidate pairs are each story's nearest neighbours in the related index; their similarity is
 * re-weighted for events (`thread-similarity.ts`); stories are then merged bottom-up by average
 * linkage (a group joins another only when its stories are, on average, as alike as the
 * threshold asks: one shared word cannot chain a topic into a thread), until no pair of groups
 * is alike enough. Copies of one story are one story. Most stories stay alone: that is the
 * right answer for them.
 */
export interface ThreadOptions extends SimilarityOptions {
  /** Average similarity two groups need to merge. */
  threshold: number;
  /** Neighbours per story considered as candidates. */
  neighbours: number;
}

export const DEFAULT_THREADS: ThreadOptions = {
  ...DEFAULT_SIMILARITY,
  threshold: 0.1,
  neighbours: 20,
};

export interface Thread {
  /** The story id of the thread's first story in folder order (stable while that stays). */
  id: string;
  /** Folder order; copies of one story included. */
  storyIds: string[];
  /** The story most alike to the others: it names the thread. */
  central: string;
  /** Canonical entity ids that two or more of its stories share, most shared first. */
  entities: string[];
}

export interface Threads {
  threads: Thread[];
  /** Story id → index into `threads`, for stories in a thread. */
  threadOf: Record<string, number>;
}

export function buildThreads(
  index: RelatedIndex,
  /** Every story's nearest stories, best first (`neighbourLists`, slot d: story d). */
  related: Pools,
  /** The index's event vectors (`threadVectors`; the worker keeps them to gate related lists). */
  vectors: ThreadVectors,
  options: Partial<ThreadOptions> = {},
): Threads {
  const opts = { ...DEFAULT_THREADS, ...options };
  const n = index.storyIds.length;
  const pos = new Map(index.storyIds.map((id, d) => [id, d]));
  const dense = new Float32Array(vectors.dims);
  // Copies are one node: each story points at its group's first story.
  const node = Int32Array.from({ length: n }, (_, d) => {
    const g = index.dupGroup[d]!;
    return g >= 0 ? g : d;
  });
  const shares = eventShares(opts, vectors);
  // Each unordered pair once, under (lower, higher) node.
  const sims = new IntPairMap(n * Math.min(opts.neighbours, related.size));
  if (related.length.length !== n) throw new Error('buildThreads: a neighbour list per story');
  for (let d = 0; d < n; d++) {
    const a = node[d]!;
    let scattered = false;
    const from = d * related.size;
    const to = from + Math.min(opts.neighbours, related.length[d]!);
    for (let i = from; i < to; i++) {
      const b = node[related.story[i]!]!;
      if (a === b || sims.has(Math.min(a, b), Math.max(a, b))) continue;
      // Row a is scattered once for all its neighbours.
      if (!scattered) scatter(vectors, a, dense, shares);
      scattered = true;
      sims.set(Math.min(a, b), Math.max(a, b), dot(vectors, b, dense));
    }
    if (scattered) scatter(vectors, a, dense, null);
  }
  const groups = averageLinkage(n, node, sims, opts.threshold);
  const threads: Thread[] = [];
  const threadOf: Record<string, number> = {};
  for (const members of groups) {
    const nodes = [...new Set(members.map((d) => node[d]!))];
    if (nodes.length < 2) continue;
    members.sort((a, b) => a - b);
    const ids = members.map((d) => index.storyIds[d]!);
    const thread: Thread = {
      id: ids[0]!,
      storyIds: ids,
      central: index.storyIds[central(nodes, sims)]!,
      entities: vectors.mentions ? mentionedEntities(vectors, nodes) : sharedEntities(index, nodes),
    };
    for (const id of ids) threadOf[id] = threads.length;
    threads.push(thread);
  }
  threads.sort((a, b) => pos.get(a.id)! - pos.get(b.id)!);
  threads.forEach((t, i) => t.storyIds.forEach((id) => (threadOf[id] = i)));
  return { threads, threadOf };
}

function central(nodes: number[], sims: IntPairMap): number {
  let best = nodes[0]!;
  let bestSum = -1;
  for (const a of nodes) {
    let sum = 0;
    for (const b of nodes) if (a !== b) sum += sims.get(Math.min(a, b), Math.max(a, b)) ?? 0;
    if (sum > bestSum) {
      bestSum = sum;
      best = a;
    }
  }
  return best;
}

/**
 * The names a thread is about: those at least two of its stories mention, by their summed weight
 * in its stories (mentions × rarity, each story's field of unit length), so that a name every
 * story of the folder mentions ("US") gives way to the thread's own. Read from the event
 * vectors' entity field, which holds every name a story mentions; the index keeps only each
 * story's 16 rarest, a long story's walk-on parts.
 */
export function mentionedEntities(vectors: ThreadVectors, nodes: number[]): string[] {
  const stories = new Map<number, number>();
  const weight = new Map<number, number>();
  for (const d of nodes) {
    for (let i = vectors.start[d]!; i < vectors.start[d + 1]!; i++) {
      const f = vectors.feature[i]!;
      if (vectors.field[f] !== 3) continue;
      stories.set(f, (stories.get(f) ?? 0) + 1);
      weight.set(f, (weight.get(f) ?? 0) + vectors.weight[i]!);
    }
  }
  return [...stories]
    .filter(([, c]) => c >= 2)
    .sort((x, y) => weight.get(y[0])! - weight.get(x[0])! || x[0] - y[0])
    .slice(0, 6)
    .map(([f]) => vectors.entityIds[f - vectors.mentionBase]!);
}

/** The same from the related index, when the vectors have no entity field (no analyses). */
function sharedEntities(index: RelatedIndex, nodes: number[]): string[] {
  const count = new Map<number, number>();
  for (const d of nodes) {
    for (let i = index.docStart[d]!; i < index.docStart[d + 1]!; i++) {
      const f = index.docFeature[i]!;
      if (index.features[f]!.startsWith(ENTITY_PREFIX)) count.set(f, (count.get(f) ?? 0) + 1);
    }
  }
  return [...count]
    .filter(([, c]) => c >= 2)
    .sort((x, y) => y[1] - x[1] || index.featureIdf[y[0]]! - index.featureIdf[x[0]]!)
    .slice(0, 6)
    .map(([f]) => index.features[f]!.slice(ENTITY_PREFIX.length));
}
