/**
 * Browser benchmark (issue "Scale and speed"): builds the app for the seeds, the BBC folder and a
 * generated 10,000-article folder, serves each build, drives headless Chromium and prints ONE
 * markdown table (stdout) of the user's stopwatch (first library row and first search result
 * painted, cold and warm), cold start milestones, deep link, warm reload, search per keystroke,
 * long tasks, heap and JavaScript size, with targets as ✓/✗. Progress goes to stderr. Numbers on a shared
 * machine are noisy: the load average is printed with the table.
 *
 *   npm run bench                     (seeds, bbc, synth; 3 runs each, ~4–6 min on 2 cores)
 *   npm run bench -- bbc --runs 1     (a subset: seeds | bbc | synth)
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BBC_DIR, listTxt, SEEDS_DIR, writeSynthFolder } from './lib/corpora';
import { buildFolder, jsSizes, log, serve, textBytes, type Server } from './lib/bench-build';
import { coldRun, deepLink, launch, searchStopwatch } from './lib/bench-browser';
import { legend, table, type FolderResult } from './lib/bench-report';

const SEED_QUERIES = [
  'kirby',
  'pyongya',
  'balistic missles',
  'north korea missiles ukraine',
  '"state media"',
  'person:putin satellite',
  'k',
  'north korea ballistic missiles to ukraine',
];
const BBC_QUERIES = [
  'mourinho',
  'chelsea manag',
  'brodband speeds',
  'tony blair election campaign',
  '"prime minister"',
  'person:blair tax',
  'm',
  'council tax in scotland is set to rise by',
];

interface Folder {
  name: string;
  dir: () => string;
  queries: string[];
  timeoutMs: number;
  /** Runs (the table shows medians); `--runs 1` for a quick look. */
  runs: number;
}

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
/** `--runs N` overrides every folder's run count. */
const RUNS_OVERRIDE = runsArg >= 0 ? Number(args[runsArg + 1]) : null;
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dispatch-bench-'));
const servers: Server[] = [];
function cleanup(): void {
  for (const s of servers.splice(0)) s.stop();
  rmSync(tmp, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    cleanup();
    process.exit(130);
  });

const FOLDERS: Folder[] = [
  { name: 'seeds', dir: () => SEEDS_DIR, queries: SEED_QUERIES, timeoutMs: 30_000, runs: 3 },
  { name: 'bbc', dir: () => BBC_DIR, queries: BBC_QUERIES, timeoutMs: 90_000, runs: 3 },
  {
    name: 'synth-10k',
    dir: () => {
      log('writing 10,000 synthetic articles…');
      return writeSynthFolder(path.join(tmp, 'synth-10k'), 10_000);
    },
    queries: BBC_QUERIES,
    timeoutMs: 240_000,
    runs: 3,
  },
];

async function benchFolder(
  f: Folder,
  browser: Awaited<ReturnType<typeof launch>>,
): Promise<FolderResult> {
  const dir = f.dir();
  const { bytes, files } = textBytes(dir);
  const txt = listTxt(dir);
  const deepLinkId = txt[txt.length - 1]!.replace(/\.txt$/u, '');
  const result: FolderResult = {
    name: f.name,
    files,
    textBytes: bytes,
    buildMs: 0,
    runs: [],
    stopwatches: [],
    deepLinks: [],
    deepHighlights: [],
    deepLinkId,
    js: null,
  };
  const runs = RUNS_OVERRIDE ?? f.runs;
  const dist = path.join(tmp, `dist-${f.name}`);
  log(`${f.name}: ${files} files, ${(bytes / 1048576).toFixed(2)} MiB; building…`);
  const t0 = performance.now();
  await buildFolder(dir, dist);
  result.buildMs = performance.now() - t0;
  result.js = jsSizes(dist);
  const server = await serve(dist);
  servers.push(server);
  try {
    for (let i = 1; i <= runs; i++) {
      log(`${f.name}: run ${i}/${runs} cold + warm…`);
      const c = await coldRun(browser, server.url, f.queries, f.timeoutMs);
      result.runs.push(c);
      log(
        `  library ${c.cold['library-visible']?.toFixed(0)} (row painted ${c.coldRow?.toFixed(0)}) · search ${c.cold['search-ready']?.toFixed(0)} · entities ${c.cold['entities-ready']?.toFixed(0)} · related ${c.cold['related-ready']?.toFixed(0)} · warm search ${c.warm['search-ready']?.toFixed(0)} ms · long tasks ${c.longTasks.length}`,
      );
      const w = await searchStopwatch(browser, server.url, f.timeoutMs);
      result.stopwatches.push(w);
      log(`  first palette option: cold ${w.cold?.toFixed(0)} · warm ${w.warm?.toFixed(0)} ms`);
      const d = await deepLink(browser, server.url, deepLinkId, f.timeoutMs);
      result.deepLinks.push(d.painted);
      result.deepHighlights.push(d.highlightedAfter);
      log(
        `  deep link painted ${d.painted?.toFixed(0)} ms, names ${d.highlightedAfter?.toFixed(0)} ms later`,
      );
    }
  } finally {
    server.stop();
    servers.splice(servers.indexOf(server), 1);
    rmSync(dist, { recursive: true, force: true });
  }
  return result;
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg();
  const folders = FOLDERS.filter(
    (f) => !only.length || only.includes(f.name) || only.includes(f.name.split('-')[0]!),
  );
  if (!existsSync(BBC_DIR)) {
    log(`no BBC folder at ${BBC_DIR}: skipping bbc and synth-10k`);
    folders.splice(0, folders.length, ...folders.filter((f) => f.name === 'seeds'));
  }
  const browser = await launch();
  const results: FolderResult[] = [];
  try {
    for (const f of folders) {
      try {
        results.push(await benchFolder(f, browser));
      } catch (e) {
        log(`${f.name} failed: ${(e as Error).message}`);
        results.push({
          name: f.name,
          files: 0,
          textBytes: 1,
          buildMs: 0,
          runs: [],
          stopwatches: [],
          deepLinks: [],
          deepHighlights: [],
          deepLinkId: '–',
          js: null,
          error: (e as Error).message,
        });
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  const version = browser.version();
  const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`## npm run bench — ${new Date().toISOString()} (commit ${commit} + working tree)\n`);
  console.log(table(results));
  console.log(legend(results));
  console.log(
    `- machine: ${os.cpus().length} cores, load average (1/5/15 min) ${load(loadBefore)} before, ${load(os.loadavg())} after; Chromium ${version}; bench took ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

main()
  .catch((e: unknown) => {
    log(`bench failed: ${e instanceof Error ? e.stack : String(e)}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
