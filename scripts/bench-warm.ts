/**
 * A/B stopwatch on prebuilt builds (issue 12): serves two `dist` folders and alternates the
 * user's stopwatch between them (A B, then B A, …) so that the shared machine's load falls on
 * both alike. Each run is a fresh context: a cold visit (palette at once, "government" typed),
 * then a warm reload; and, unless `--no-cold`, a cold visit of `/` whose long tasks are listed.
 * The cold visit of `/` also gives its first row's paint.
 * Prints every run with the load average, then the medians. Build the folders first, e.g.
 *   SEEDS_DIR=../shared/corpora/bbc BASE_PATH=/ npx vite build --outDir /tmp/a --emptyOutDir
 *   npm run bench:warm -- /tmp/a /tmp/b --pairs 6
 */
import os from 'node:os';
import { log, serve, type Server } from './lib/bench-build';
import { coldLongTasks, launch, searchStopwatch } from './lib/bench-browser';
import { tracedTasks } from './lib/bench-trace';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const pairs = Number(opt('--pairs') ?? 4);
const withCold = !args.includes('--no-cold');
/** `--trace <dir>`: a Chromium trace of each warm reload, `<dir>/<A|B>-<pair>.json`. */
const traceDir = opt('--trace');
const dirs = args.filter(
  (a, i) => !a.startsWith('--') && args[i - 1] !== '--pairs' && args[i - 1] !== '--trace',
);
if (dirs.length !== 2) {
  console.error('usage: npm run bench:warm -- <distA> <distB> [--pairs N] [--no-cold]');
  process.exit(2);
}
const TIMEOUT = 60_000;

interface Row {
  warm: number | null;
  warmTyped: number | null;
  cold: number | null;
  longest: number | null;
  /** The cold visit of `/`: its first row painted (ms from navigation). */
  row: number | null;
  /** With `--trace`: the cold visit's longest main-thread task in thread CPU time (ms). */
  cpuLongest: number | null;
  longTasks: string;
  load: number;
}
const median = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};
const ms = (x: number | null) => (x === null ? '–' : x.toFixed(0));

async function main(): Promise<void> {
  const servers: Server[] = [];
  const browser = await launch();
  const rows: Row[][] = [[], []];
  try {
    for (const d of dirs) servers.push(await serve(d));
    for (let p = 0; p < pairs; p++) {
      const order = p % 2 === 0 ? [0, 1] : [1, 0];
      for (const k of order) {
        const load = os.loadavg()[0]!;
        const trace = traceDir ? `${traceDir}/${'AB'[k]}-${p + 1}.json` : undefined;
        const w = await searchStopwatch(browser, servers[k]!.url, TIMEOUT, { trace });
        const coldTrace = traceDir ? `${traceDir}/${'AB'[k]}-${p + 1}-cold.json` : undefined;
        const visit = withCold
          ? await coldLongTasks(browser, servers[k]!.url, TIMEOUT, coldTrace)
          : { tasks: [], row: null };
        const tasks = visit.tasks;
        const row: Row = {
          warm: w.warm,
          warmTyped: w.warmTyped,
          cold: w.cold,
          longest: withCold ? Math.max(0, ...tasks.map((t) => t.duration)) : null,
          row: visit.row,
          cpuLongest: coldTrace ? Math.max(0, ...tracedTasks(coldTrace).map((t) => t.cpu)) : null,
          longTasks: tasks.map((t) => `${t.duration.toFixed(0)}@${t.start.toFixed(0)}`).join(' '),
          load,
        };
        rows[k]!.push(row);
        log(
          `${'AB'[k]} pair ${p + 1}: warm ${ms(row.warm)} (typed ${ms(row.warmTyped)}) · cold ${ms(row.cold)} · cold row ${ms(row.row)} · long tasks [${row.longTasks}]${row.cpuLongest === null ? '' : ` · longest task's CPU ${ms(row.cpuLongest)}`} · load ${load.toFixed(2)}`,
        );
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    for (const s of servers) s.stop();
  }
  for (const k of [0, 1]) {
    const r = rows[k]!;
    console.log(
      `${'AB'[k]} ${dirs[k]}: warm ${r.map((x) => ms(x.warm)).join(', ')} (median ${ms(median(r.map((x) => x.warm)))}) · typed median ${ms(median(r.map((x) => x.warmTyped)))} · cold median ${ms(median(r.map((x) => x.cold)))} · cold row median ${ms(median(r.map((x) => x.row)))} (${r.map((x) => ms(x.row)).join(', ')}) · longest cold task ${r.map((x) => ms(x.longest)).join(', ')} (CPU ${r.map((x) => ms(x.cpuLongest)).join(', ')}) · load ${r.map((x) => x.load.toFixed(1)).join(', ')}`,
    );
  }
}

main().catch((e: unknown) => {
  log(`bench:warm failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
});
