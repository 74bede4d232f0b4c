/**
 * The chunked search index (src/corpus/search/chunks, issue 15) on BBC and the generated 10k
 * folder: build time, files and bytes, what each query fetches (gzipped as a CDN sends it, plus
 * 200 B of headers a file), cold and with earlier queries' files cached, and how its top 10
 * compares with the in-memory engine's. Pure Node: chunks are served from memory, no browser.
 *
 *   npm run bench:chunks                          (seeds, bbc and synth, 10,000 generated)
 *   npm run bench:chunks -- synth:100000          (any size of generated folder)
 *   npm run bench:chunks -- bbc --pagefind        (also Pagefind on the same stories, its bytes per
 *                                                   query counted in Chromium)
 *   npm run bench:chunks -- bbc --postings=32 --positions=32 --impact=1   (sizes in KB)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildChunks,
  DEFAULT_CHUNK_OPTIONS,
  type ChunkOptions,
} from '../src/corpus/search/chunks/build-chunks';
import type { ChunkIndex } from '../src/corpus/search/chunks/chunk-index';
import { chunkSearch } from '../src/corpus/search/chunks/chunk-search';
import { search } from '../src/corpus/search/search';
import { buildSearchIndex } from '../src/corpus/search/search-index';
import type { SearchIndex } from '../src/corpus/search/types';
import { TRANSFER_QUERIES } from './lib/bench-queries';
import {
  compareTop,
  gzipSizes,
  HEADER_BYTES,
  memoryChunkIndex,
  overlap,
} from './lib/chunk-compare';
import { loadSynth, ROOT } from './lib/corpora';
import { pagefindQueries } from './lib/pagefind-queries';
import { bbc, hasBbc, seeds } from './lib/search-corpora';

// bench:pagefind's queries first (comparable with its Pagefind figures), then the other kinds
// of query the engine answers: typos, words being typed, phrases, exclusions, a section.
const EXTRA = [
  'goverment budjet',
  'mourinio',
  'chelsea manag',
  'gov',
  'g',
  '"prime minister"',
  '"world cup"',
  'election -blair',
  'section:sport rugby',
  // The worst case: the commonest word, whose postings name nearly every story.
  'the',
];
const QUERIES = [...TRANSFER_QUERIES.news, ...EXTRA];

const args = process.argv.slice(2);
const flag = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const options: ChunkOptions = {
  postingsBytes: Number(flag('postings') ?? DEFAULT_CHUNK_OPTIONS.postingsBytes / 1024) * 1024,
  positionsBytes: Number(flag('positions') ?? DEFAULT_CHUNK_OPTIONS.positionsBytes / 1024) * 1024,
  vocabBytes: Number(flag('vocab') ?? DEFAULT_CHUNK_OPTIONS.vocabBytes / 1024) * 1024,
  impactBytes: Number(flag('impact') ?? DEFAULT_CHUNK_OPTIONS.impactBytes) as 1 | 2,
};
const wanted = args.filter((a) => !a.startsWith('--'));
const corpora = wanted.length ? wanted : ['seeds', 'bbc', 'synth'];
const withPagefind = args.includes('--pagefind');

const kb = (b: number): string => `${(b / 1024).toFixed(1)} KB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const log = (m: string): void => void process.stderr.write(`${m}\n`);
const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

interface Judged {
  corpus: string;
  query: string;
  expected: string[];
}
const judged = (
  JSON.parse(readFileSync(path.join(ROOT, 'fixtures/search/judged-queries.json'), 'utf8')) as {
    queries: Judged[];
  }
).queries;

async function corpus(name: string): Promise<void> {
  log(`${name}: loading…`);
  const stories =
    name === 'bbc'
      ? bbc().stories
      : name === 'seeds'
        ? seeds().stories
        : loadSynth(Number(name.split(':')[1] ?? 10_000)).stories;
  let t = performance.now();
  const index = buildSearchIndex(stories);
  const indexMs = performance.now() - t;
  t = performance.now();
  const { files } = buildChunks(index, options);
  const chunkMs = performance.now() - t;
  const gz = gzipSizes(files);
  const wire = (names: readonly string[]): number =>
    names.reduce((a, n) => a + gz.get(n)! + HEADER_BYTES, 0);

  console.log(`\n### ${name}: ${stories.length.toLocaleString('en')} stories\n`);
  console.log(
    `Build: in-memory index ${s(indexMs)} (what the worker builds today), then chunks ${s(chunkMs)}. Load average ${load()}.\n`,
  );
  console.log('| files | count | raw | gzip | largest gzip |');
  console.log('| --- | --- | --- | --- | --- |');
  const kinds = new Map<string, string[]>();
  for (const n of files.keys()) {
    const k = n.split('-')[0]!;
    kinds.set(k, [...(kinds.get(k) ?? []), n]);
  }
  const label: Record<string, string> = {
    meta: 'meta',
    p: 'postings `p-*`',
    q: 'tails of common terms `q-*`',
    x: 'positions `x-*`',
    v: 'vocabulary `v-*`',
    t: 'completions `t-*`',
    dp: 'postings directory `dp-*`',
    dx: 'positions directory `dx-*`',
    f: 'fragments `f-*`',
  };
  const groups: [string, string[]][] = [...kinds, ['all', [...files.keys()]]];
  for (const [k, names] of groups) {
    const raw = names.reduce((a, n) => a + files.get(n)!.length, 0);
    const g = names.reduce((a, n) => a + gz.get(n)!, 0);
    const max = Math.max(...names.map((n) => gz.get(n)!));
    console.log(`| ${label[k] ?? k} | ${names.length} | ${kb(raw)} | ${kb(g)} | ${kb(max)} |`);
  }

  const fresh = (): ChunkIndex => memoryChunkIndex(files);
  const warm = fresh();
  console.log(
    '\n| query | cold: files / bytes | warm: files / bytes | typed key by key, cold: bytes | tails fetched (cold) | count | ms cold | top-10 same order | overlap@10 |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const cold: number[] = [];
  const warmBytes: number[] = [];
  const typedAll: number[] = [];
  const rows = { same: 0, top1: 0, overlap: 0, n: 0 };
  for (const q of QUERIES) {
    const c = fresh();
    t = performance.now();
    const r = await chunkSearch(c, q, { limit: 10 });
    const ms = performance.now() - t;
    const coldNames = r.loaded.map((l) => l.name);
    const w = await chunkSearch(warm, q, { limit: 10 });
    const warmNames = w.loaded.map((l) => l.name);
    const typed = fresh();
    let typedBytes = 0;
    for (let k = 1; k <= q.length; k++)
      typedBytes += wire(
        (await chunkSearch(typed, q.slice(0, k), { limit: 10 })).loaded.map((l) => l.name),
      );
    const cmp = await compareTop(index, fresh(), q);
    const same = JSON.stringify(cmp.memory) === JSON.stringify(cmp.chunks);
    const ov = overlap(cmp.memory, cmp.chunks);
    tally(rows, cmp.memory, cmp.chunks);
    cold.push(wire(coldNames));
    warmBytes.push(wire(warmNames));
    typedAll.push(typedBytes);
    const tails = coldNames.filter((f) => f.startsWith('q-')).length;
    const count = `${r.totalAtLeast ? '≥ ' : ''}${r.total.toLocaleString('en')}`;
    console.log(
      `| ${JSON.stringify(q)} | ${coldNames.length} / ${kb(wire(coldNames))} | ${warmNames.length} / ${kb(wire(warmNames))} | ${kb(typedBytes)} | ${tails || 'no'} | ${count} | ${ms.toFixed(0)} | ${same ? 'yes' : 'no'} | ${ov.toFixed(2)} |`,
    );
  }
  console.log(
    `\nPer query, cold: median ${kb(pct(cold, 50))}, max ${kb(Math.max(...cold))}; warm (after the queries above it): median ${kb(pct(warmBytes, 50))}, max ${kb(Math.max(...warmBytes))}; typed key by key, cold: median ${kb(pct(typedAll, 50))}, max ${kb(Math.max(...typedAll))}.`,
  );
  const mine = judged.filter((j) => j.corpus === name);
  if (mine.length) await judge(index, fresh, mine, rows);
  console.log(
    `Agreement with the in-memory engine (no entity data on either side), ${rows.n} queries: top-10 identical in order ${rows.same}/${rows.n}, same top 1 ${rows.top1}/${rows.n}, mean overlap@10 ${(rows.overlap / Math.max(1, rows.n)).toFixed(3)}.`,
  );
  if (withPagefind) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dispatch-chunks-pf-'));
    try {
      log(`${name}: Pagefind…`);
      const t0 = performance.now();
      const pf = await pagefindQueries(stories, dir, QUERIES);
      const { build } = pf;
      console.log(
        `\nPagefind 1.6 on the same stories: ${s(build.ms)} to index, ${build.files} files, ${kb(build.bytes)} (its own compression); its queries in Chromium ${s(performance.now() - t0 - build.ms)}. Load average ${load()}.\n`,
      );
      console.log(
        '| query | ours cold | Pagefind cold | ours after the earlier queries | Pagefind after the earlier queries | Pagefind results |',
      );
      console.log('| --- | --- | --- | --- | --- | --- |');
      QUERIES.forEach((q, i) =>
        console.log(
          `| ${JSON.stringify(q)} | ${kb(cold[i]!)} | ${kb(pf.cold[i]!)} | ${kb(warmBytes[i]!)} | ${kb(pf.warm[i]!)} | ${pf.hits[i]} |`,
        ),
      );
      console.log(
        `\nPagefind per query (its page loads the top 5 results' fragments; ours the top 10's), cold: median ${kb(pct(pf.cold, 50))}, max ${kb(Math.max(...pf.cold))}; after the earlier queries: median ${kb(pct(pf.warm, 50))}, max ${kb(Math.max(...pf.warm))}.`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function tally(
  rows: { same: number; top1: number; overlap: number; n: number },
  memory: string[],
  chunks: string[],
): void {
  rows.n++;
  if (JSON.stringify(memory) === JSON.stringify(chunks)) rows.same++;
  if (memory[0] === chunks[0]) rows.top1++;
  rows.overlap += overlap(memory, chunks);
}

/** success@1 of both engines on the judged queries of this folder (eval:search's fixture). */
async function judge(
  index: SearchIndex,
  fresh: () => ChunkIndex,
  list: readonly Judged[],
  rows: { same: number; top1: number; overlap: number; n: number },
): Promise<void> {
  let memOk = 0;
  let chunkOk = 0;
  const differ: string[] = [];
  for (const j of list) {
    const mem = search(index, j.query, { limit: 10 }).stories.map((h) => h.storyId);
    const got = (await chunkSearch(fresh(), j.query, { limit: 10 })).hits.map((h) => h.storyId);
    tally(rows, mem, got);
    if (j.expected.includes(mem[0] ?? '')) memOk++;
    if (j.expected.includes(got[0] ?? '')) chunkOk++;
    if (mem[0] !== got[0]) differ.push(JSON.stringify(j.query));
  }
  console.log(
    `Judged queries (fixtures/search, ${list.length}): success@1 in-memory ${(memOk / list.length).toFixed(3)}, chunked ${(chunkOk / list.length).toFixed(3)}${differ.length ? `; top 1 differs on ${differ.join(', ')}` : ''}.`,
  );
}

console.log(`## npm run bench:chunks — ${new Date().toISOString()}`);
console.log(
  `\nOptions: postings ${kb(options.postingsBytes!)}, positions ${kb(options.positionsBytes!)}, vocabulary ${kb(options.vocabBytes!)} per file before gzip; ${options.impactBytes}-byte impacts; ${DEFAULT_CHUNK_OPTIONS.fragmentGroup} stories per fragment file. Load average at the start ${load()}.`,
);
for (const name of corpora) {
  if (name === 'bbc' && !hasBbc()) {
    console.log('\nBBC folder not found (../shared/corpora/bbc): skipped.');
    continue;
  }
  await corpus(name);
}
console.log(`\nLoad average at the end ${load()}.`);
