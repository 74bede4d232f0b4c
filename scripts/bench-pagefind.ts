/**
 * Dispatch beside Pagefind on the same stories (issue "An archive of 100,000 articles"): build
 * time, what each ships, and what a visitor downloads to search, cold and per further query, on
 * one host that gzips like a CDN and counts bytes (scripts/lib/counting-server.ts). Prints one
 * markdown table on stdout; progress on stderr.
 *
 *   npm run bench:pagefind                 (seeds and bbc)
 *   npm run bench:pagefind -- synth        (the generated 10,000-article folder)
 *   npm run bench:pagefind -- synth:100000 (any size; the folder is written to a temp dir)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BBC_DIR, loadFolder, SEEDS_DIR, writeSynthFolder } from './lib/corpora';
import { buildFolder, log } from './lib/bench-build';
import { launch } from './lib/bench-browser';
import { countingServer } from './lib/counting-server';
import { buildPagefind } from './lib/pagefind-index';
import { TRANSFER_QUERIES } from './lib/bench-queries';
import { dispatchRun, pagefindRun, type TransferRun } from './lib/bench-transfer';

const QUERIES = TRANSFER_QUERIES;

const args = process.argv.slice(2);
const wanted = args.length ? args : ['seeds', 'bbc'];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dispatch-pagefind-'));
const rows: string[] = [];
const kb = (b: number): string => `${(b / 1024).toFixed(1)} KB`;
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function folder(name: string): Promise<void> {
  let dir: string;
  let queries = QUERIES.news;
  if (name === 'seeds') [dir, queries] = [SEEDS_DIR, QUERIES.seeds];
  else if (name === 'bbc') dir = BBC_DIR;
  else if (name.startsWith('synth')) {
    const n = Number(name.split(':')[1] ?? 10_000);
    log(`${name}: writing ${n} generated articles…`);
    dir = writeSynthFolder(path.join(tmp, `synth-${n}`), n);
  } else throw new Error(`unknown folder ${name}`);
  const { stories, bytes } = loadFolder(dir);
  const dist = path.join(tmp, `dist-${name.replace(':', '-')}`);
  log(`${name}: building Dispatch…`);
  let t = performance.now();
  await buildFolder(dir, dist);
  const dispatchBuild = performance.now() - t;
  log(`${name}: Dispatch built in ${(dispatchBuild / 1000).toFixed(1)} s; indexing with Pagefind…`);
  const pf = await buildPagefind(stories, path.join(dist, 'pagefind'));
  log(
    `${name}: Pagefind indexed in ${(pf.ms / 1000).toFixed(1)} s (${pf.files} files, ${kb(pf.bytes)})`,
  );
  writeFileSync(path.join(dist, 'pagefind-bench.html'), '<!doctype html><title>bench</title>');
  const server = await countingServer(dist);
  const browser = await launch();
  try {
    t = performance.now();
    const d = await dispatchRun(browser, server, queries, 120_000);
    const c = await dispatchRun(browser, server, queries, 120_000, true);
    const p = await pagefindRun(browser, server, queries);
    log(`${name}: browser runs ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const mb = (bytes / 1048576).toFixed(2);
    rows.push(row(name, stories.length, mb, 'Dispatch', dispatchBuild, null, d));
    rows.push(row(name, stories.length, mb, 'Dispatch, chunks only', dispatchBuild, null, c));
    rows.push(row(name, stories.length, mb, 'Pagefind', pf.ms, pf, p));
    for (const [engine, run] of [
      ['Dispatch', d],
      ['Dispatch, chunks only', c],
      ['Pagefind', p],
    ] as const)
      log(
        `  ${engine}: ${run.queries.map((q) => `${q.query} ${kb(q.bytes)} ${q.hits} hits${q.ms === null ? '' : ` ${Math.round(q.ms)} ms`}`).join(' · ')}`,
      );
  } finally {
    await browser.close();
    await server.stop();
  }
}

function row(
  name: string,
  stories: number,
  mb: string,
  engine: string,
  buildMs: number,
  bundle: { files: number; bytes: number } | null,
  run: TransferRun,
): string {
  const further = run.queries.slice(1).map((q) => q.bytes);
  const zeroHit = run.queries.filter((q) => q.hits === 0).map((q) => `“${q.query}”`);
  return `| ${name} | ${stories.toLocaleString('en')} | ${mb} MiB | ${engine} | ${(buildMs / 1000).toFixed(1)} s${engine.startsWith('Dispatch') ? ' (whole app)' : ' (index only)'} | ${bundle ? `${bundle.files} files, ${kb(bundle.bytes)}` : '—'} | ${run.coldMs === null ? '—' : Math.round(run.coldMs)} | ${kb(run.coldBytes)} | ${kb(median(further))} / ${kb(Math.max(0, ...further))} | ${kb(run.totalBytes)} | ${zeroHit.join(', ') || 'none'} |`;
}

try {
  for (const name of wanted) await folder(name);
  console.log(`## npm run bench:pagefind — ${new Date().toISOString()}\n`);
  console.log(
    '| folder | stories | text | engine | build | search files shipped | cold: first result ms | cold: bytes to first result | further query: bytes median / max | visit total | queries with no result |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  console.log(
    `\nOne host, gzip for text like a CDN, bytes counted as sent (+200 B a response for headers). Fresh browser context per engine. Dispatch: first option of the palette; further queries typed after its background loading ended (related-ready). Dispatch, chunks only: the folder's text held back (aborted), so every answer comes from the build's search chunks (gzipped as a CDN would); further queries typed once the network is idle. Pagefind: search() plus the top 5 results' fragments. Queries: ${wanted
      .map((w) => (w === 'seeds' ? QUERIES.seeds : QUERIES.news).join(', '))
      .filter((v, i, a) => a.indexOf(v) === i)
      .join(' | ')}. Load average after: ${load}.`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
