/**
 * Why labelled thread pairs are missed: for each labelled BBC thread, every pair of its stories
 * with its event similarity, whether the pair is a candidate (each story's rank in the other's
 * neighbour list, "-" when beyond it), and the thread each story ended in. A missed pair is
 * split by the kNN cut (no candidate link), by the similarity (below the threshold), or by the
 * linkage (linked, above the threshold, yet the groups' average fell short).
 *
 * Usage: npx tsx scripts/diagnose-threads.ts [--threshold 0.18 ...] [--cache /tmp/bbc-ents.json]
 * `--cache` keeps the recognizer's entity ids in a file outside the repo between runs;
 * `--index-entities` scores with the related index's entities (before entity-field.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildRelatedIndex } from '../src/corpus/related/related-index';
import { storyNeighbours } from '../src/corpus/related/related-query';
import { buildThreads, DEFAULT_THREADS } from '../src/corpus/threads/build-threads';
import {
  eventShares,
  eventSimilarity,
  threadVectors,
} from '../src/corpus/threads/thread-similarity';
import { BBC_DIR, ROOT, loadFolder } from './lib/corpora';
import { loadEntityIdsCached } from './lib/related-entities';
import { threadOptionsFromArgs } from './lib/thread-args';

const args = process.argv.slice(2);
const options = { ...DEFAULT_THREADS, ...threadOptionsFromArgs(args) };
const cacheAt = args.indexOf('--cache');
const cache = cacheAt >= 0 ? args[cacheAt + 1] : undefined;

const stories = loadFolder(BBC_DIR).stories;
const entities = await loadEntityIdsCached(stories, cache);
const index = buildRelatedIndex(stories, entities);
const neighbours = storyNeighbours(index, options.neighbours);
const vectors = threadVectors(
  index,
  options,
  stories,
  args.includes('--index-entities') ? undefined : entities,
);
const { threadOf } = buildThreads(index, neighbours, vectors, options);
const pos = new Map(index.storyIds.map((id, d) => [id, d]));
const nearest = (id: string): number[] => {
  const d = pos.get(id)!;
  const at = d * neighbours.size;
  return [...neighbours.story.subarray(at, at + neighbours.length[d]!)];
};
const dense = new Float32Array(vectors.dims);
const fixture = JSON.parse(
  readFileSync(path.join(ROOT, 'fixtures/threads/bbc-threads.json'), 'utf8'),
) as { threads: { id: string; stories: string[] }[] };

const rank = (a: string, b: string): string => {
  const i = nearest(a).indexOf(pos.get(b)!);
  return i >= 0 ? String(i + 1) : '-';
};
const title = (id: string): string => stories[pos.get(id)!]!.title.slice(0, 50);

for (const t of fixture.threads) {
  console.log(`\n== ${t.id}`);
  for (const id of t.stories) console.log(`  ${id}  thread ${threadOf[id] ?? '·'}  ${title(id)}`);
  for (let i = 0; i < t.stories.length; i++) {
    for (let j = i + 1; j < t.stories.length; j++) {
      const a = t.stories[i]!;
      const b = t.stories[j]!;
      const da = pos.get(a)!;
      const db = pos.get(b)!;
      if (index.dupGroup[da]! >= 0 && index.dupGroup[da] === index.dupGroup[db]) continue;
      const together = threadOf[a] !== undefined && threadOf[a] === threadOf[b];
      const s = eventSimilarity(vectors, da, db, dense, eventShares(options, vectors));
      const linked = rank(a, b) !== '-' || rank(b, a) !== '-';
      const why = together
        ? ''
        : !linked
          ? 'kNN cut'
          : s < options.threshold
            ? 'below threshold'
            : 'linkage';
      console.log(
        `  ${together ? '  ' : 'FN'} ${a} ${b}  sim ${s.toFixed(3)}  ranks ${rank(a, b)}/${rank(b, a)}  ${why}`,
      );
    }
  }
}
