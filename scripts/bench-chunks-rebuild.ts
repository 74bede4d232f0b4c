/**
 * The build's search-chunks step alone (vite/search-chunks.ts: scan, the chunks thread, its
 * per-file cache) on a folder, without Vite, the names or the tables: what a rebuild's chunks
 * cost, part by part, and the set it makes. Its caches are its own (never the shared
 * node_modules/.cache/dispatch), so runs are repeatable and other builds do not evict them.
 *
 *   tsx scripts/bench-chunks-rebuild.ts <folder> <cache dir> [--no-file-cache] [--copy=<dir>]
 *
 * Run it once (fills the per-file cache), edit files, run it again: the second run's parts are
 * a rebuild's. `--no-file-cache` indexes every file (as a first build). The whole-set cache is
 * emptied before each run, so the thread always runs. `--copy` copies the set's files to <dir>
 * (for `diff -r` between runs). Wrap it in `/usr/bin/time -v` for the peak RSS.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { scanSeeds } from '../vite/scan-seeds';
import { buildSearchChunks } from '../vite/search-chunks';

const args = process.argv.slice(2);
const [folder, cacheDir] = args.filter((a) => !a.startsWith('--'));
if (!folder || !cacheDir) {
  console.error('usage: bench-chunks-rebuild.ts <folder> <cache dir> [--no-file-cache]');
  process.exit(2);
}
const copy = args.find((a) => a.startsWith('--copy='))?.slice('--copy='.length);
const started = performance.now();
const { manifest, sources } = await scanSeeds(folder);
const scanned = performance.now();
console.log(`scan: ${manifest.files.length} files in ${((scanned - started) / 1000).toFixed(1)} s`);
// The whole set is cached by the folder's keys: dropped, so this run indexes.
const sets = path.join(cacheDir, 'sets');
rmSync(sets, { recursive: true, force: true });
const built = await buildSearchChunks(manifest, sources, {
  cacheDir: sets,
  ...(!args.includes('--no-file-cache') && {
    perFile: { dir: path.join(cacheDir, 'files'), folder: path.resolve(folder) },
  }),
  info: (m) => {
    if (!m.includes('files indexed')) console.log(m);
  },
  warn: (m) => console.warn(m),
});
if (!built) process.exit(1);
console.log(`chunks step: ${((performance.now() - scanned) / 1000).toFixed(1)} s, ${built.dir}`);
if (copy) {
  rmSync(copy, { recursive: true, force: true });
  cpSync(built.from, copy, { recursive: true });
}
