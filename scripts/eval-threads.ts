/**
 * Quality of story threads, by the news-clustering measure: pairwise precision, recall and F1
 * over pairs of labelled stories (a pair is positive when both stories are in one thread), on
 * the seeds and on the labelled BBC threads (fixtures/threads/). Threads are built over the
 * whole folder, as the reader builds them; only labelled stories are scored.
 *
 * Usage: npm run eval:threads [-- --threshold 0.18 --entity-share 0.3 --idf 1 --list]
 *        npm run eval:threads -- --sweep 0.08:0.3:0.01   (P/R/F1 at each threshold)
 *        … --entity-cache /tmp/ents   (keep the recognizer's ids between runs: names are most
 *        of the time; the build time printed then leaves them out)
 *        … --index-entities   (the event's entity field from the related index's 16 rarest
 *        entities per story, as before entity-field.ts, to compare)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildRelatedIndex } from '../src/corpus/related/related-index';
import { storyNeighbours } from '../src/corpus/related/related-query';
import { buildThreads, DEFAULT_THREADS, type Threads } from '../src/corpus/threads/build-threads';
import { threadVectors } from '../src/corpus/threads/thread-similarity';
import type { Story } from '../src/corpus/types';
import { BBC_DIR, ROOT, SEEDS_DIR, loadFolder } from './lib/corpora';
import { loadEntityIdsCached } from './lib/related-entities';
import { threadOptionsFromArgs } from './lib/thread-args';

interface Fixture {
  threads: { id: string; title: string; stories: string[] }[];
  /** Groups whose inner pairs count neither way ("may form their own thread, or none"). */
  neutral?: { id: string; stories: string[] }[];
  /** Labelled stories in no thread; a string means "every other story of the folder". */
  unrelated: string[] | string;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
  errors: string[];
}

const args = process.argv.slice(2);
const options = { ...DEFAULT_THREADS, ...threadOptionsFromArgs(args) };
const sweepAt = args.indexOf('--sweep');
const sweep = sweepAt >= 0 ? args[sweepAt + 1]!.split(':').map(Number) : undefined;
const cacheAt = args.indexOf('--entity-cache');
/** A file prefix outside the repo: the recognizer's ids are kept there per set between runs. */
const entityCache = cacheAt >= 0 ? args[cacheAt + 1] : undefined;

async function evaluate(name: string, dir: string, fixtureFile: string): Promise<void> {
  if (!existsSync(dir) || !existsSync(fixtureFile)) {
    console.log(`${name}: skipped (${existsSync(dir) ? fixtureFile : dir} not found)`);
    return;
  }
  const stories = loadFolder(dir).stories;
  const fixture = JSON.parse(readFileSync(fixtureFile, 'utf8')) as Fixture;
  const t0 = performance.now();
  const entities = await loadEntityIdsCached(
    stories,
    entityCache && `${entityCache}-${name.toLowerCase()}.json`,
  );
  const t1 = performance.now();
  const index = buildRelatedIndex(stories, entities);
  const t2 = performance.now();
  const neighbours = storyNeighbours(index, options.neighbours);
  const t3 = performance.now();
  const vectors = threadVectors(
    index,
    options,
    stories,
    args.includes('--index-entities') ? undefined : entities,
  );
  const tv = performance.now();
  const threads = buildThreads(index, neighbours, vectors, options);
  const t4 = performance.now();
  const labelled = new Set<string>([
    ...fixture.threads.flatMap((t) => t.stories),
    ...(typeof fixture.unrelated === 'string' ? stories.map((s) => s.id) : fixture.unrelated),
  ]);
  const ids = [...labelled].filter((id) => stories.some((s) => s.id === id));
  if (sweep) {
    const [from, to, step] = sweep as [number, number, number];
    console.log(`${name} sweep (labelled pairs; folder: threads, stories in one, largest)`);
    for (let t = from; t <= to + 1e-9; t += step) {
      const th = buildThreads(index, neighbours, vectors, { ...options, threshold: t });
      const s = score(fixture, ids, th);
      console.log(
        `  τ ${t.toFixed(3)}  P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  F1 ${s.f1.toFixed(3)}  ` +
          `(tp ${s.tp}, fp ${s.fp}, fn ${s.fn})  ${folderSummary(th)}`,
      );
    }
    return;
  }
  const s = score(fixture, ids, threads);
  const inThreads = stories.filter((x) => threads.threadOf[x.id] !== undefined).length;
  const loners = typeof fixture.unrelated === 'string' ? [] : fixture.unrelated;
  const lonersInThreads = loners.filter((id) => threads.threadOf[id] !== undefined).length;
  console.log(
    `${name}: pairwise P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  F1 ${s.f1.toFixed(3)}  ` +
      `(tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; ${ids.length} labelled stories)`,
  );
  console.log(
    `  ${threads.threads.length} threads over ${stories.length} stories (${inThreads} in a thread), built in ${(t4 - t0).toFixed(0)} ms` +
      ` (names ${(t1 - t0).toFixed(0)}, related index ${(t2 - t1).toFixed(0)}, neighbours ${(t3 - t2).toFixed(0)}, threads ${(t4 - t3).toFixed(0)}: vectors ${(tv - t3).toFixed(0)}, linkage ${(t4 - tv).toFixed(0)})` +
      (loners.length
        ? `; ${lonersInThreads} of the ${loners.length} unrelated stories are in some thread`
        : ''),
  );
  if (args.includes('--list')) listThreads(stories, labelled, threads, s);
  if (args.includes('--largest'))
    largestThreads(stories, threads, Number(args[args.indexOf('--largest') + 1]));
}

function score(fixture: Fixture, ids: string[], threads: Threads): Score {
  const gold = new Map<string, string>();
  for (const t of fixture.threads) for (const id of t.stories) gold.set(id, t.id);
  const neutral = (a: string, b: string): boolean =>
    (fixture.neutral ?? []).some((g) => g.stories.includes(a) && g.stories.includes(b));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i]!;
      const b = ids[j]!;
      if (neutral(a, b)) continue;
      const g = gold.has(a) && gold.get(a) === gold.get(b);
      const ta = threads.threadOf[a];
      const p = ta !== undefined && ta === threads.threadOf[b];
      if (g && p) tp++;
      else if (p) {
        fp++;
        errors.push(`FP ${a} + ${b}`);
      } else if (g) {
        fn++;
        errors.push(`FN ${a} + ${b} (${gold.get(a)})`);
      }
    }
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return { tp, fp, fn, p, r, f1: (2 * p * r) / (p + r || 1), errors };
}

/** Folder-wide shape, labels aside: a threshold that chains topics shows a giant thread here. */
function folderSummary(threads: Threads): string {
  const sizes = threads.threads.map((t) => t.storyIds.length);
  const inOne = sizes.reduce((a, b) => a + b, 0);
  return `${threads.threads.length} threads, ${inOne} stories, largest ${Math.max(0, ...sizes)}`;
}

/** The `count` largest threads of the whole folder with their titles, to judge merges by eye. */
function largestThreads(stories: Story[], threads: Threads, count: number): void {
  const byId = new Map(stories.map((x) => [x.id, x]));
  const big = [...threads.threads].sort((a, b) => b.storyIds.length - a.storyIds.length);
  for (const t of big.slice(0, count)) {
    console.log(`  ${t.storyIds.length} stories:`);
    for (const id of t.storyIds) console.log(`     ${id}  ${byId.get(id)?.title}`);
  }
}

function listThreads(stories: Story[], labelled: Set<string>, threads: Threads, s: Score): void {
  for (const e of s.errors.slice(0, 80)) console.log(`  ${e}`);
  const byId = new Map(stories.map((x) => [x.id, x]));
  for (const t of threads.threads.filter((x) => x.storyIds.some((id) => labelled.has(id))))
    console.log(`  [${t.id}] ${byId.get(t.central)?.title} — ${t.storyIds.join(' ')}`);
}

await evaluate('seeds', SEEDS_DIR, path.join(ROOT, 'fixtures/threads/seeds-threads.json'));
await evaluate('BBC', BBC_DIR, path.join(ROOT, 'fixtures/threads/bbc-threads.json'));
