/**
 * Rebuild after an edit (issue 15: "100k: rebuild after editing 10 files ≤ 60 s"). Copies the
 * folder with hard links into a scratch directory (no bytes copied, the original never written),
 * builds it once so every cache and the build folder are warm, edits N files spread over it, builds
 * again, and prints both builds' wall time, CPU, peak RSS and load with the build log's step lines.
 *
 *   npm run bench:rebuild -- /work/synth100k --edits 10
 *   npm run bench:rebuild -- synth:10000                  (generated, as the other benches)
 *   npm run bench:rebuild -- <folder> --out /tmp/inc-dist  (keeps the build folder, to compare)
 *   npm run bench:rebuild -- <folder> --keep               (keeps the edited copy too)
 *   npm run bench:rebuild -- <folder> --root ../other-checkout   (that checkout's code builds)
 *   npm run bench:rebuild -- <folder> --rebuilds 4 --roots ../main,../branch
 *        (one warm build, then 4 rounds of editing and rebuilding, the checkouts taking turns:
 *         an A/B on one warm folder, each rebuild after its own edits; the build caches are
 *         shared through node_modules/.cache, so give both checkouts the same node_modules)
 *
 * SEEDS_ARCHIVE and the other build variables pass through.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log } from './lib/bench-build';
import { listTxt, ROOT, writeSynthFolder } from './lib/corpora';
import { timedBuild, type TimedBuild } from './lib/timed-build';
import { RACY_MS } from '../vite/scan-cache';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const valued = new Set(['--edits', '--out', '--root', '--rebuilds', '--roots']);
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
const source = positional[0];
const edits = Number(opt('--edits') ?? 10);
const keep = args.includes('--keep');
const roots = (opt('--roots')?.split(',') ?? [opt('--root') ?? ROOT]).map((r) => path.resolve(r));
const rebuilds = Number(opt('--rebuilds') ?? 1);
if (!source || positional.length > 1 || !(edits > 0) || !(rebuilds > 0)) {
  console.error(
    'usage: npm run bench:rebuild -- <folder | synth:N> [--edits N] [--out dir] [--keep] ' +
      '[--root dir | --roots dirA,dirB] [--rebuilds N]',
  );
  process.exit(2);
}

/**
 * The files to edit: `count` spread evenly over the folder's files in name order, so the edits
 * fall into different sections, cache segments and listing pages, as a real day's edits would.
 */
function spreadOut(files: readonly string[], count: number): string[] {
  const n = Math.min(count, files.length);
  return Array.from({ length: n }, (_, i) => files[Math.floor(((i + 0.5) * files.length) / n)]!);
}

/**
 * Edits a file of the copy: a new file written beside it and renamed over it. Never written in
 * place: the copy's files are hard links to the original folder's.
 */
function editFile(file: string, k: number, round: number): void {
  const text = readFileSync(file, 'utf8');
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.bench-edit`);
  // The time makes each run's edits new text: the same edits as an earlier run's would find that
  // run's whole chunk set in the cache, and the chunks step would cost nothing.
  const line = `Edited by the rebuild bench (edit ${k + 1}, round ${round + 1}, ${STARTED}).`;
  writeFileSync(tmp, `${text.trimEnd()}\n\n${line}\n`);
  renameSync(tmp, file);
}

const STARTED = new Date().toISOString();

const sec = (s: number | null) => (s === null ? '–' : `${s.toFixed(1)} s`);
const mins = (s: number) =>
  s < 60 ? sec(s) : `${Math.floor(s / 60)} min ${(s % 60).toFixed(0)} s`;

function row(label: string, f: (b: TimedBuild) => string, builds: TimedBuild[]): string {
  return `| ${label} | ${builds.map(f).join(' | ')} |`;
}

function report(builds: TimedBuild[], names: string[], what: string): void {
  const lines = [
    `| ${what} | ${names.join(' | ')} |`,
    `| --- |${names.map(() => ' --- |').join('')}`,
    row('wall', (b) => mins(b.wall), builds),
    row('CPU user + system', (b) => `${sec(b.user)} + ${sec(b.system)}`, builds),
    row(
      'peak RSS',
      (b) => (b.peakRssMiB === null ? '–' : `${b.peakRssMiB.toFixed(0)} MiB`),
      builds,
    ),
    row(
      'load (1 min) before → highest → after',
      (b) => [b.load.before, b.load.max, b.load.after].map((x) => x.toFixed(1)).join(' → '),
      builds,
    ),
  ];
  console.log(lines.join('\n'));
  builds.forEach((b, i) => {
    console.log(`\n${names[i]}'s steps (seconds from its start):`);
    for (const s of b.steps) console.log(`  ${s.at.toFixed(1).padStart(6)}  ${s.line}`);
  });
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'dispatch-rebuild-'));
  const folder = path.join(scratch, 'folder');
  const outDir = path.resolve(opt('--out') ?? path.join(scratch, 'dist'));
  try {
    const synth = /^synth:(\d+)$/u.exec(source!);
    if (synth) {
      log(`writing ${Number(synth[1]).toLocaleString('en-US')} generated files to ${folder}`);
      writeSynthFolder(folder, Number(synth[1]));
    } else {
      log(`linking ${source} to ${folder}`);
      const cp = spawnSync('cp', ['-al', path.resolve(source!), folder], { stdio: 'inherit' });
      if (cp.status !== 0) throw new Error(`cp -al failed (${cp.status})`);
    }
    // Linking moved every file's ctime to now: a scan within RACY_MS of that trusts no stat and
    // keeps none (scan-cache.ts), so the rebuild would hash all 100,000 files again, which a
    // real folder, written long before its build, never does.
    await new Promise((r) => setTimeout(r, RACY_MS + 1000));
    const builds: TimedBuild[] = [];
    const names: string[] = [];
    for (let round = -1; round < rebuilds; round++) {
      const root = roots[Math.max(0, round) % roots.length]!;
      const which = roots.length > 1 ? ` (${path.basename(root)})` : '';
      const phase = round < 0 ? 'warm build' : `rebuild ${round + 1} after ${edits} edits${which}`;
      if (round >= 0) {
        const chosen = spreadOut(listTxt(folder), edits);
        chosen.forEach((rel, k) => editFile(path.join(folder, rel), k, round));
        log(`edited ${chosen.length} files: ${chosen.join(', ')}`);
      }
      log(`${phase} of ${source} (${root}) into ${outDir}…`);
      const b = await timedBuild(root, folder, outDir);
      if (b.exitCode !== 0) throw new Error(`${phase} failed (${b.exitCode}):\n${b.tail}`);
      log(`${phase}: ${mins(b.wall)}`);
      builds.push(b);
      names.push(phase);
    }
    report(builds, names, `${source} (${roots.map((r) => path.basename(r)).join(', ')})`);
    if (keep) log(`kept the edited copy: ${folder}`);
  } finally {
    if (!keep) rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  log(`bench:rebuild failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
