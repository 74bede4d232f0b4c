/**
 * Speed of the entity recognizer on the BBC folder (~5 MB, 2,225 articles), single-threaded:
 * MB/s of paragraph text, ms per story (p50/p95), and the time of `buildEntityTable`.
 *
 * Usage: npm run bench:entities [-- <folder>]
 */
import { performance } from 'node:perf_hooks';
import { buildEntityTable } from '../src/corpus/entities/entity-table';
import { analyzeStory } from '../src/corpus/entities/recognize';
import type { StoryEntities } from '../src/corpus/entities/types';
import { BBC_DIR, loadFolder } from './lib/corpora';
import { nodeTagger } from './lib/ner/node-tagger';

const dir = process.argv[2] ?? BBC_DIR;
const { stories } = loadFolder(dir);
const bytes = stories.reduce(
  (n, s) => n + s.paragraphs.reduce((m, p) => m + Buffer.byteLength(p), 0),
  0,
);

const t00 = performance.now();
const tagger = nodeTagger();
console.log(`model loaded in ${(performance.now() - t00).toFixed(0)} ms (${tagger.version})`);
// Warm-up: JIT settled.
for (const s of stories.slice(0, 300)) analyzeStory(s, tagger);

const times: number[] = [];
const analyses: StoryEntities[] = [];
let mentions = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const s of stories) {
  const t = performance.now();
  const a = analyzeStory(s, tagger);
  times.push(performance.now() - t);
  analyses.push(a);
  mentions += a.mentions.length;
}
const total = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU time of this process: on a shared machine wall time also counts the others' work.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const t1 = performance.now();
const table = buildEntityTable(analyses);
const tableMs = performance.now() - t1;

times.sort((a, b) => a - b);
const pct = (q: number): string =>
  times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
console.log(
  `${stories.length} stories, ${(bytes / 1e6).toFixed(2)} MB of paragraph text, ${mentions} mentions`,
);
console.log(
  `analyzeStory: ${(bytes / 1e6 / total).toFixed(2)} MB/s, ${total.toFixed(2)} s total (wall); ` +
    `${(bytes / 1e6 / cpuSeconds).toFixed(2)} MB/s, ${cpuSeconds.toFixed(2)} s of CPU time`,
);
console.log(`per story: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms`);
console.log(
  `buildEntityTable: ${tableMs.toFixed(1)} ms → ${table.entities.length} entities, ${Object.keys(table.remap).length} remapped`,
);
