/**
 * Pagefind's bytes per query for `npm run bench:chunks -- --pagefind`, counted as bench:pagefind
 * counts them (a counting host that gzips as a CDN does, 200 B of headers a file; the page
 * loads Pagefind, searches, and loads the top 5 results' fragments): each query cold, in a fresh
 * browser context, and each after the ones before it in one context.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Story } from '../../src/corpus/types';
import { launch } from './bench-browser';
import { pagefindRun } from './bench-transfer';
import { countingServer } from './counting-server';
import { buildPagefind, type PagefindBuild } from './pagefind-index';

export interface PagefindQueries {
  build: PagefindBuild;
  /** Per query, in the order given: bytes cold, bytes after the earlier ones, results found. */
  cold: number[];
  warm: number[];
  hits: number[];
}

/** Builds Pagefind on `stories` into `dir` and measures what each query transfers. */
export async function pagefindQueries(
  stories: readonly Story[],
  dir: string,
  queries: readonly string[],
): Promise<PagefindQueries> {
  const build = await buildPagefind(stories, path.join(dir, 'pagefind'));
  writeFileSync(path.join(dir, 'pagefind-bench.html'), '<!doctype html><title>bench</title>');
  const server = await countingServer(dir);
  const browser = await launch();
  try {
    const cold: number[] = [];
    const hits: number[] = [];
    for (const q of queries) {
      const run = await pagefindRun(browser, server, [q]);
      cold.push(run.coldBytes);
      hits.push(run.queries[0]!.hits);
    }
    const warm = (await pagefindRun(browser, server, [...queries])).queries.map((c) => c.bytes);
    return { build, cold, warm, hits };
  } finally {
    await browser.close();
    await server.stop();
  }
}
