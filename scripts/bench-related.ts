/**
 * Speed of related stories: index build, related lists of every story (what a worker computes
 * once per folder), and one story's list (what the opened story's sidebar waits for), on the
 * seeds, the BBC folder and a synthetic 10,000-article folder. Single thread; timings on a
 * shared machine are noisy, so each figure is the best of a few runs.
 */
import { buildRelatedIndex, type RelatedIndex } from '../src/corpus/related/related-index';
import type { RelatedOptions } from '../src/corpus/related/related-options';
import { allRelated, relatedFor } from '../src/corpus/related/related-query';
import type { Story } from '../src/corpus/types';
import { BBC_DIR, loadFolder, loadSynth, SEEDS_DIR } from './lib/corpora';

function best<T>(runs: number, f: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value };
}

// Optional JSON of RelatedOptions to time an alternative: `npm run bench:related -- '{"headTerms":60}'`.
const options = JSON.parse(
  process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '{}',
) as Partial<RelatedOptions>;

function bench(name: string, stories: Story[]): void {
  const build = best(1, () => buildRelatedIndex(stories, undefined, options));
  const index: RelatedIndex = build.value;
  const all = best(2, () => allRelated(index, 5));
  // Single-story query: median over a spread of stories.
  const step = Math.max(1, Math.floor(stories.length / 50));
  const singles: number[] = [];
  for (let i = 0; i < stories.length; i += step) {
    const id = stories[i]!.id;
    singles.push(best(3, () => relatedFor(index, id, 5)).ms);
  }
  singles.sort((a, b) => a - b);
  const median = singles[Math.floor(singles.length / 2)]!;
  const max = singles[singles.length - 1]!;
  const dups = [...all.value.values()].filter((r) => r.duplicates.length > 0).length;
  console.log(
    `${name.padEnd(14)} ${String(stories.length).padStart(6)} stories  build ${build.ms.toFixed(0).padStart(5)} ms  ` +
      `all stories ${all.ms.toFixed(0).padStart(5)} ms  one story median ${median.toFixed(2)} ms, max ${max.toFixed(2)} ms  ` +
      `(${index.postDoc.length} postings, ${dups} stories with duplicates)`,
  );
}

if (!process.argv.includes('--synth-only')) {
  bench('seeds', loadFolder(SEEDS_DIR).stories);
  bench('bbc', loadFolder(BBC_DIR).stories);
}
const t0 = performance.now();
const synth = loadSynth(10_000).stories;
console.log(`(synthetic folder generated and parsed in ${(performance.now() - t0).toFixed(0)} ms)`);
bench('synthetic 10k', synth);
