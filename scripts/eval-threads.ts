/**
 * Quality of story threads, by the news-clustering measure: pairwise precision, recall and F1
 * over pairs of labelled stories (a pair is positive when both stories are in one thread), on
 * the seeds and on the labelled BBC threads (fixtures/threads/). Threads are built over the
 * whole folder, as the reader builds them; only labelled stories are scored.
 *
 * Usage: npm run eval:threads [-- --threshold 0.18 --entity-share 0.3 --idf 1 --list]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildRelatedIndex } from '../src/corpus/related/related-index';
import { allRelated } from '../src/corpus/related/related-query';
import {
  buildThreads,
  type ThreadOptions,
  type Threads,
} from '../src/corpus/threads/build-threads';
import type { Story } from '../src/corpus/types';
import { BBC_DIR, ROOT, SEEDS_DIR, loadFolder } from './lib/corpora';
import { loadEntityIds } from './lib/related-entities';

interface Fixture {
  threads: { id: string; title: string; stories: string[] }[];
  /** Groups whose inner pairs count neither way ("may form their own thread, or none"). */
  neutral?: { id: string; stories: string[] }[];
  /** Labelled stories in no thread; a string means "every other story of the folder". */
  unrelated: string[] | string;
}

const args = process.argv.slice(2);
const num = (name: string): number | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const options: Partial<ThreadOptions> = {};
if (num('threshold') !== undefined) options.threshold = num('threshold')!;
if (num('entity-share') !== undefined) options.entityShare = num('entity-share')!;
if (num('idf') !== undefined) options.termIdfPower = num('idf')!;

async function evaluate(name: string, dir: string, fixtureFile: string): Promise<void> {
  if (!existsSync(dir) || !existsSync(fixtureFile)) {
    console.log(`${name}: skipped (${existsSync(dir) ? fixtureFile : dir} not found)`);
    return;
  }
  const stories = loadFolder(dir).stories;
  const fixture = JSON.parse(readFileSync(fixtureFile, 'utf8')) as Fixture;
  const t0 = performance.now();
  const threads = await threadsOf(stories);
  const ms = performance.now() - t0;
  const labelled = new Set<string>([
    ...fixture.threads.flatMap((t) => t.stories),
    ...(typeof fixture.unrelated === 'string' ? stories.map((s) => s.id) : fixture.unrelated),
  ]);
  const ids = [...labelled].filter((id) => stories.some((s) => s.id === id));
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
  const prec = tp / (tp + fp || 1);
  const rec = tp / (tp + fn || 1);
  const f1 = (2 * prec * rec) / (prec + rec || 1);
  const inThreads = stories.filter((s) => threads.threadOf[s.id] !== undefined).length;
  const loners = typeof fixture.unrelated === 'string' ? [] : fixture.unrelated;
  const lonersInThreads = loners.filter((id) => threads.threadOf[id] !== undefined).length;
  console.log(
    `${name}: pairwise P ${prec.toFixed(3)}  R ${rec.toFixed(3)}  F1 ${f1.toFixed(3)}  ` +
      `(tp ${tp}, fp ${fp}, fn ${fn}; ${ids.length} labelled stories)`,
  );
  console.log(
    `  ${threads.threads.length} threads over ${stories.length} stories (${inThreads} in a thread), built in ${ms.toFixed(0)} ms` +
      (loners.length
        ? `; ${lonersInThreads} of the ${loners.length} unrelated stories are in some thread`
        : ''),
  );
  if (args.includes('--list')) {
    for (const e of errors.slice(0, 40)) console.log(`  ${e}`);
    const byId = new Map(stories.map((s) => [s.id, s]));
    for (const t of threads.threads.filter((t) => t.storyIds.some((id) => labelled.has(id))))
      console.log(`  [${t.id}] ${byId.get(t.central)?.title} — ${t.storyIds.join(' ')}`);
  }
}

async function threadsOf(stories: Story[]): Promise<Threads> {
  const entities = await loadEntityIds(stories);
  const index = buildRelatedIndex(stories, entities);
  return buildThreads(index, allRelated(index, options.neighbours ?? 20), options);
}

await evaluate('seeds', SEEDS_DIR, path.join(ROOT, 'fixtures/threads/seeds-threads.json'));
await evaluate('BBC', BBC_DIR, path.join(ROOT, 'fixtures/threads/bbc-threads.json'));
