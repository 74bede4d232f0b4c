/**
 * The build's tables step alone (vite/build-tables.ts: entity table, related index, every
 * story's related list, threads, the pack), on a generated folder of n articles, with the time
 * and the process's memory after each part. The folder is written under the system's temp
 * folder (never the repo) and its names come from the build's disk cache (analysed on both
 * cores the first time, as the build does).
 *
 *   npm run bench:tables -- 25000                    (default 10,000 articles)
 *   npm run bench:tables -- --dir ../shared/corpora/bbc   (any folder instead)
 *   npm run bench:tables -- 10000 --out /tmp/a.json  (also writes the pack, not gzipped, to
 *                                                     compare two versions' output byte for byte)
 *   npm run bench:tables -- 25000 --archive --file-cache   (as an archive build does: the
 *                                                     archive's sentences and timelines too,
 *                                                     and the phrases' per-file cache, so a
 *                                                     second run is a rebuild's step)
 *   node --expose-gc --import tsx scripts/bench-tables.ts 25000
 *                                                    (the live heap after each part, after a
 *                                                     full GC: slower, and a lower peak RSS)
 */
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyseSeeds } from '../vite/analyse-seeds';
import { buildTables } from '../vite/build-tables';
import { scanSeeds } from '../vite/scan-seeds';
import { ROOT, writeSynthFolder } from './lib/corpora';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const n = Number(args.find((a) => /^\d+$/u.test(a)) ?? 10_000);
const out = flag('--out');
const cacheDir =
  flag('--cache') ??
  process.env.DISPATCH_CACHE_DIR ??
  path.join(ROOT, 'node_modules/.cache/dispatch/names');

const mib = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MiB`;
const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const say = (m: string): void => void process.stderr.write(`${m}\n`);

const dir = flag('--dir');
const folder = dir ?? path.join(os.tmpdir(), `dispatch-synth-${n}`);
// The last file written marks a whole folder (an interrupted write is redone).
const last = path.join(folder, '.complete');
if (!dir && !existsSync(last)) {
  say(`writing ${n.toLocaleString('en-US')} articles to ${folder}…`);
  writeSynthFolder(folder, n);
  writeFileSync(last, '');
}
const { manifest, sources } = await scanSeeds(folder);
const bytes = manifest.files.reduce((s, f) => s + f.size, 0);
const codes = await analyseSeeds(manifest, sources, {
  cacheDir,
  threads: Math.min(4, os.availableParallelism()),
  info: say,
  warn: say,
});
const before = process.memoryUsage().rss;
const loadBefore = load();
const t0 = performance.now();
const built = await buildTables(
  manifest,
  sources,
  codes,
  { info: say, warn: say },
  undefined,
  args.includes('--file-cache')
    ? { dir: path.join(ROOT, 'node_modules/.cache/dispatch/tables'), folder }
    : null,
  args.includes('--archive'),
);
const ms = performance.now() - t0;
if (!built) process.exit(1);
if (out) writeFileSync(out, gunzipSync(built.data));

console.log(
  `tables step, ${manifest.files.length.toLocaleString('en-US')} files ` +
    `(${(bytes / 2 ** 20).toFixed(1)} MiB of text), node ${process.version}`,
);
console.log(`| part | s | RSS after | peak RSS so far | live heap after |`);
console.log(`| --- | --- | --- | --- | --- |`);
for (const p of built.parts) {
  const heap = p.heap === undefined ? '' : mib(p.heap);
  console.log(
    `| ${p.name} | ${(p.ms / 1000).toFixed(1)} | ${mib(p.rss)} | ${mib(p.maxRss)} | ${heap} |`,
  );
}
console.log(
  `| whole step | ${(ms / 1000).toFixed(1)} | | ${mib(process.resourceUsage().maxRSS * 1024)} | |`,
);
console.log(
  `RSS before the step ${mib(before)}; pack ${(built.data.length / 1024).toFixed(0)} KB gzip; ` +
    `load average ${loadBefore} → ${load()}`,
);
