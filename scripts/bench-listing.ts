/**
 * What the whole-folder library costs the main thread, on a generated folder of n articles:
 * the work per batch of the folder stream (the listing the views read, `folderListing`, against
 * the ordering it replaced, `orderStories` + `storyOrder`) and the heap each form holds after a
 * full GC: the parsed files (what the main thread holds today) against the listing's rows as a
 * worker would post them (structured-cloned, so no string of the files is kept alive).
 *
 *   npm run bench:listing                  (10,000 articles, batches of 250 files)
 *   npm run bench:listing -- 25000 --batch 500
 */
import os from 'node:os';
import { folderListing, type RowCache } from '../src/corpus/folder-listing';
import { orderStories, storyOrder } from '../src/corpus/library';
import { parseText } from '../src/corpus/parse-file';
import type { ManifestFile, ParsedFile } from '../src/corpus/types';
import { synthesizeFolder } from './lib/corpora';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const n = Number(args.find((a) => /^\d+$/u.test(a)) ?? 10_000);
const batch = Number(flag('--batch') ?? 250);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:listing does)');

const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const mib = (b: number): string => `${(b / 2 ** 20).toFixed(1)} MiB`;
const ms = (t: number): string => `${t.toFixed(1)} ms`;

console.log(`bench:listing: ${n.toLocaleString()} articles, batches of ${batch} files`);
console.log(`load average (1 min): ${os.loadavg()[0]!.toFixed(1)}`);

// The script's own heap, before any folder: what the files are measured from.
const base = heap();
let texts: Map<string, string> | null = synthesizeFolder(n);
const manifest: ManifestFile[] = [...texts.keys()].sort().map((p) => ({
  id: p.replace(/\.txt$/u, ''),
  path: p,
  section: p.split('/')[0] ?? null,
  size: 0,
  hash: '',
}));
const parsed = new Map<string, ParsedFile>();
for (const f of manifest) {
  // Parsed as the browser parses a decoded file: its paragraphs are slices of the file's text,
  // which they keep alive (a file's text is counted with its parse).
  const text = texts.get(f.path)!;
  parsed.set(f.id, parseText({ fileId: f.id, section: f.section, text, encoding: 'utf-8' }));
}
texts = null;
const withFiles = heap();

// The stream: files arrive in batches, and each batch's render orders every file loaded so far.
let cache: RowCache = new WeakMap();
const arrived = new Map<string, ParsedFile>();
const oldTimes: number[] = [];
const newTimes: number[] = [];
for (let at = 0; at < manifest.length; at += batch) {
  for (const f of manifest.slice(at, at + batch)) arrived.set(f.id, parsed.get(f.id)!);
  const last = at + batch >= manifest.length;
  let t0 = performance.now();
  orderStories(manifest, arrived, last);
  storyOrder(manifest, arrived);
  oldTimes.push(performance.now() - t0);
  t0 = performance.now();
  folderListing(manifest, arrived, last, cache);
  newTimes.push(performance.now() - t0);
}
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (name: string, xs: number[]): string =>
  `| ${name} | ${ms(sum(xs))} | ${ms(median(xs.slice(0, -1)))} | ${ms(Math.max(...xs.slice(0, -1)))} | ${ms(xs[xs.length - 1]!)} |`;
console.log(`\n${oldTimes.length} batches; main-thread time per render of the library's data`);
console.log(
  '| path | all batches | streaming batch, median | slowest | last batch (distinct titles) |',
);
console.log('| --- | --- | --- | --- | --- |');
console.log(row('orderStories + storyOrder (before)', oldTimes));
console.log(row('folderListing, rows kept per story', newTimes));

let listing: ReturnType<typeof folderListing> | null = folderListing(manifest, parsed, true, cache);
const stories = listing.rows.length;
// As a worker would post them: fresh strings (the originals' titles and excerpts are slices of
// the files' text, which they would keep alive).
const wire = JSON.stringify({ rows: listing.rows, order: listing.order });
listing = null;
parsed.clear();
arrived.clear();
cache = new WeakMap();
const withWire = heap();
const posted = JSON.parse(wire) as { rows: unknown[] };
const withRows = heap();
if (posted.rows.length !== stories) throw new Error('rows lost on the wire');
const filesHeap = withFiles - base;
// Measured with the wire's string alive both times, so only the rows and order count.
const rowsHeap = withRows - withWire;
console.log(`\nheap after a full GC (${stories.toLocaleString()} stories)`);
console.log('| held by the main thread | heap |');
console.log('| --- | --- |');
console.log(`| the parsed files (today) | ${mib(filesHeap)} |`);
console.log(`| the listing's rows and order, as posted by a worker | ${mib(rowsHeap)} |`);
