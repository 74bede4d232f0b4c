/**
 * The archive library's entity filter, timed (issue 15): serves a built archive from a host that
 * gzips like a CDN and counts what it sends, and opens `/?entity=<id>` cold (fresh context,
 * service worker blocked) for the archive's most named entity and for entities named in about
 * 1 % and 0.2 % of its stories (and the unfiltered library, to compare): navigation → the first filtered row painted, bytes and requests
 * by network idle, of which the filter group and listing pages. Prints a markdown table with the
 * load average (1 min) before and after.
 *
 *   npx tsx scripts/bench-archive-filter.ts <built archive dir> [--runs 3]
 *
 * Build the archive first (`SEEDS_DIR=<folder> SEEDS_ARCHIVE=1 npx vite build --outDir <dir>`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import type { ArchiveInfo, FilterGroup } from '../src/corpus/archive/archive-format';
import { decodeRows } from '../src/corpus/archive/row-lists';
import { launch } from './lib/bench-browser';
import { countingServer, type CountingServer } from './lib/counting-server';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!dir) throw new Error('usage: bench-archive-filter.ts <built archive dir> [--runs N]');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;

/** The frame that paints the first real library row (a link, not a placeholder). */
const ROW_WATCH = `(() => {
  const out = (window.__filterBench = {});
  const check = () => {
    if (out.row === undefined && document.querySelector('[aria-label="Stories"] a[data-row]'))
      requestAnimationFrame(() => (out.row ??= performance.now()));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

/** Every entity with its story count, from the build's filter groups. */
function entityCounts(info: ArchiveInfo): [string, number][] {
  const out: [string, number][] = [];
  for (const f of readdirSync(path.join(dir!, info.dir)).filter((x) => x.startsWith('filter-'))) {
    const group = JSON.parse(readFileSync(path.join(dir!, info.dir, f), 'utf8')) as FilterGroup;
    for (const [id, [, code]] of Object.entries(group.entities))
      out.push([id, decodeRows(code)?.length ?? 0]);
  }
  return out.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

interface Visit {
  ms: number | null;
  bytes: number;
  requests: number;
  pages: number;
}

async function visit(browser: Browser, server: CountingServer, id: string): Promise<Visit> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    let pages = 0;
    page.on('request', (r) => {
      if (/\/archive\/list-\d+-/u.test(r.url())) pages++;
    });
    await page.addInitScript(ROW_WATCH);
    const [b0, r0] = [server.bytes(), server.requests()];
    await page.goto(id ? `${server.url}/?entity=${encodeURIComponent(id)}` : `${server.url}/`);
    const ms = await page
      .waitForFunction(
        () => (window as { __filterBench?: { row?: number } }).__filterBench?.row,
        null,
        {
          timeout: 30_000,
          polling: 50,
        },
      )
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => null);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    return { ms, bytes: server.bytes() - b0, requests: server.requests() - r0, pages };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function main() {
  const manifest = JSON.parse(readFileSync(path.join(dir!, 'seeds-manifest.json'), 'utf8')) as {
    archive: ArchiveInfo;
  };
  const info = manifest.archive;
  const counts = entityCounts(info);
  const near = (share: number) => {
    const want = info.stories * share;
    return counts.reduce((best, e) =>
      Math.abs(e[1] - want) < Math.abs(best[1] - want) ? e : best,
    );
  };
  // The unfiltered library first, as the measure the filtered ones are read against.
  const picks: [string, number][] = [['', info.stories], counts[0]!, near(0.01), near(0.002)];
  const load = [os.loadavg()[0]!];
  const server = await countingServer(dir!);
  const browser = await launch();
  const lines: string[] = [];
  try {
    for (const [id, n] of picks) {
      const visits: Visit[] = [];
      for (let i = 0; i < runs; i++) visits.push(await visit(browser, server, id));
      const ms = visits.map((v) => v.ms ?? NaN);
      lines.push(
        `| ${id || 'no filter'} (${n.toLocaleString('en-US')} stories) | ${Math.round(median(ms))} ms (${ms.map((x) => Math.round(x)).join(', ')}) | ${Math.round(median(visits.map((v) => v.bytes)) / 1024)} KB, ${median(visits.map((v) => v.requests))} | ${median(visits.map((v) => v.pages))} |`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  load.push(os.loadavg()[0]!);
  console.log(
    [
      `| ${path.basename(dir!)}: cold /?entity= | first filtered row, median (runs) | bytes sent (gzip), requests | listing pages |`,
      '| --- | --- | --- | --- |',
      ...lines,
      `load average (1 min) before → after: ${load[0]!.toFixed(1)} → ${load[1]!.toFixed(1)}`,
    ].join('\n'),
  );
}

await main();
