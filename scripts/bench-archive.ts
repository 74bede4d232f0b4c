/**
 * The archive mode's stopwatch (issue 15): builds a folder as an archive (SEEDS_ARCHIVE=1) and,
 * for comparison, as a whole folder (SEEDS_ARCHIVE=0), serves each from a host that gzips like a
 * CDN and counts what it sends, and times cold visits in fresh browser contexts: navigation →
 * first library row painted, navigation → a deep link's story painted and its names marked,
 * bytes sent, and the main thread's heap after a GC. Prints a markdown table with the load
 * average (1 min) before and after each build's runs.
 *
 *   npm run bench:archive -- <folder> [--runs 3] [--only archive|whole] [--keep <dir>]
 *
 * `--keep <dir>` builds into <dir>-archive and <dir>-whole and reuses them when they exist (a
 * 100,000-file build takes minutes).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { listTxt } from './lib/corpora';
import { log, run, textBytes } from './lib/bench-build';
import { launch, searchStopwatch, STOPWATCH_QUERY } from './lib/bench-browser';
import { countingServer, type CountingServer } from './lib/counting-server';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const folder = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!folder) throw new Error('usage: bench:archive -- <folder> [--runs N] [--keep <dir>]');
const runs = Number(opt('--runs') ?? 3);
const keep =
  opt('--keep') ?? path.join(os.tmpdir(), `dispatch-archive-bench-${path.basename(folder)}`);
const only = opt('--only');

/** The frame that paints the first real library row (a link, not a placeholder). */
const ROW_WATCH = `(() => {
  const out = (window.__archiveBench = {});
  const check = () => {
    if (out.row === undefined && document.querySelector('[aria-label="Stories"] a[data-row]'))
      requestAnimationFrame(() => (out.row ??= performance.now()));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

interface Visit {
  ms: number | null;
  /** Names marked, ms from navigation (deep links only). */
  names?: number | null;
  bytes: number;
  requests: number;
  heapMiB: number | null;
  /** The worker's heap (the search visit: the deep link and the library start none). */
  workerMiB?: number | null;
}

async function visit(
  browser: Browser,
  server: CountingServer,
  url: string,
  wait: (page: Page) => Promise<{ ms: number | null; names?: number | null }>,
): Promise<Visit> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript(ROW_WATCH);
    const [b0, r0] = [server.bytes(), server.requests()];
    await page.goto(url);
    const times = await wait(page);
    // What the view goes on to fetch once it is on screen counts too (related pages, chunks).
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
    return {
      ...times,
      bytes: server.bytes() - b0,
      requests: server.requests() - r0,
      heapMiB: heap === null ? null : heap / 2 ** 20,
    };
  } finally {
    await context.close();
  }
}

const mark = (page: Page, name: string, timeout: number) =>
  page
    .waitForFunction((n) => performance.getEntriesByName(`dispatch:${n}`).length > 0, name, {
      timeout,
      polling: 50,
    })
    .then(() =>
      page.evaluate((n) => performance.getEntriesByName(`dispatch:${n}`)[0]!.startTime, name),
    )
    .catch(() => null);

interface BenchResult {
  kind: 'archive' | 'whole';
  library: Visit[];
  deep: Visit[];
  /** Cold visit, palette opened and the bench's query typed at once: its first option. */
  search: Visit[];
  load: number[];
}

async function bench(
  kind: 'archive' | 'whole',
  browser: Browser,
  deepId: string,
): Promise<BenchResult> {
  const dist = `${keep}-${kind}`;
  if (!existsSync(path.join(dist, 'seeds-manifest.json'))) {
    log(`${kind}: building ${folder} into ${dist}…`);
    const t0 = performance.now();
    await run(
      path.resolve('node_modules/.bin/vite'),
      ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
      {
        SEEDS_DIR: folder,
        BASE_PATH: '/',
        SEEDS_ARCHIVE: kind === 'archive' ? '1' : '0',
      },
    );
    log(`${kind}: built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const server = await countingServer(dist);
  const load = [os.loadavg()[0]!];
  const library: Visit[] = [];
  const deep: Visit[] = [];
  const search: Visit[] = [];
  const timeout = kind === 'archive' ? 30_000 : 240_000;
  try {
    for (let i = 0; i < runs; i++) {
      library.push(
        await visit(browser, server, `${server.url}/`, async (page) => ({
          ms: await page
            .waitForFunction(
              () => (window as { __archiveBench?: { row?: number } }).__archiveBench?.row,
              null,
              { timeout, polling: 50 },
            )
            .then((h) => h.jsonValue() as Promise<number>)
            .catch(() => null),
        })),
      );
      const href = `${server.url}/story/${deepId.split('/').map(encodeURIComponent).join('/')}`;
      deep.push(
        await visit(browser, server, href, async (page) => ({
          ms: await mark(page, 'story-painted', timeout),
          names: await mark(page, 'story-highlighted', timeout),
        })),
      );
      const [b0, r0] = [server.bytes(), server.requests()];
      let [b1, r1] = [b0, r0];
      const watch = await searchStopwatch(browser, server.url, timeout, {
        warm: false,
        serviceWorkers: 'block',
        heap: true,
        onColdShown: () => ([b1, r1] = [server.bytes(), server.requests()]),
      });
      const toMiB = (b: number | null | undefined) => (b == null ? null : b / 2 ** 20);
      search.push({
        ms: watch.cold,
        // Bytes to the first option (the stopwatch returns once it is painted).
        bytes: b1 - b0,
        requests: r1 - r0,
        heapMiB: toMiB(watch.heapMain),
        workerMiB: toMiB(watch.heapWorker),
      });
      log(
        `${kind} run ${i + 1}: library ${library.at(-1)!.ms?.toFixed(0)} ms, deep link ${deep.at(-1)!.ms?.toFixed(0)} / names ${deep.at(-1)!.names?.toFixed(0)} ms, first search option ${watch.cold?.toFixed(0)} ms`,
      );
    }
  } finally {
    await server.stop();
  }
  load.push(os.loadavg()[0]!);
  return { kind, library, deep, search, load };
}

const median = (xs: (number | null | undefined)[]): number | null => {
  const v = xs.filter((x): x is number => typeof x === 'number').sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)]! : null;
};
const ms = (x: number | null) => (x === null ? '–' : `${Math.round(x).toLocaleString('en-US')} ms`);
const kb = (x: number | null) =>
  x === null ? '–' : `${Math.round(x / 1024).toLocaleString('en-US')} KB`;
const mib = (x: number | null) => (x === null ? '–' : `${x.toFixed(1)} MiB`);
const all = (xs: (number | null | undefined)[]) =>
  xs.map((x) => (x == null ? '–' : Math.round(x))).join(', ');

async function main() {
  const txt = listTxt(folder!);
  const { files, bytes } = textBytes(folder!);
  const deepId = txt[Math.floor(txt.length / 2)]!.replace(/\.txt$/u, '');
  log(`${folder}: ${files} files, ${(bytes / 2 ** 20).toFixed(1)} MiB; deep link ${deepId}`);
  const browser = await launch();
  const results: BenchResult[] = [];
  try {
    for (const kind of ['archive', 'whole'] as const)
      if (!only || only === kind) results.push(await bench(kind, browser, deepId));
  } finally {
    await browser.close();
  }
  const rows: [string, (r: BenchResult) => string][] = [
    [
      'cold: first library row (median; runs)',
      (r) => `${ms(median(r.library.map((v) => v.ms)))} (${all(r.library.map((v) => v.ms))})`,
    ],
    [
      'cold library: bytes sent (gzip), requests',
      (r) =>
        `${kb(median(r.library.map((v) => v.bytes)))}, ${median(r.library.map((v) => v.requests))}`,
    ],
    ['cold library: main-thread heap', (r) => mib(median(r.library.map((v) => v.heapMiB)))],
    [
      'cold deep link: story painted (median; runs)',
      (r) => `${ms(median(r.deep.map((v) => v.ms)))} (${all(r.deep.map((v) => v.ms))})`,
    ],
    [
      'cold deep link: names marked',
      (r) => `${ms(median(r.deep.map((v) => v.names)))} (${all(r.deep.map((v) => v.names))})`,
    ],
    [
      'cold deep link: bytes sent (gzip), requests',
      (r) => `${kb(median(r.deep.map((v) => v.bytes)))}, ${median(r.deep.map((v) => v.requests))}`,
    ],
    ['cold deep link: main-thread heap', (r) => mib(median(r.deep.map((v) => v.heapMiB)))],
    [
      `cold: first palette option for “${STOPWATCH_QUERY}” (median; runs)`,
      (r) => `${ms(median(r.search.map((v) => v.ms)))} (${all(r.search.map((v) => v.ms))})`,
    ],
    [
      'cold search: bytes sent (gzip) to it, requests',
      (r) =>
        `${kb(median(r.search.map((v) => v.bytes)))}, ${median(r.search.map((v) => v.requests))}`,
    ],
    [
      'cold search, settled: main-thread + worker heap',
      (r) => {
        const [m, w] = [
          median(r.search.map((v) => v.heapMiB)),
          median(r.search.map((v) => v.workerMiB)),
        ];
        return m === null || w === null ? '–' : `${mib(m + w)} (${mib(m)} + ${mib(w)})`;
      },
    ],
    [
      'load average (1 min) before → after',
      (r) => `${r.load[0]!.toFixed(1)} → ${r.load[1]!.toFixed(1)}`,
    ],
  ];
  const head = `| ${path.basename(folder!)}, ${files.toLocaleString('en-US')} files | ${results.map((r) => r.kind).join(' | ')} |`;
  console.log(
    [
      head,
      `| --- |${results.map(() => ' --- |').join('')}`,
      ...rows.map(([name, f]) => `| ${name} | ${results.map(f).join(' | ')} |`),
    ].join('\n'),
  );
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
