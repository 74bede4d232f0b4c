/**
 * What a visitor downloads to search, Dispatch beside Pagefind, on one counting host
 * (counting-server.ts). For each engine, in a fresh browser context:
 * - cold: from navigation to the first result (Dispatch: the palette's first option painted;
 *   Pagefind: `search()` answered and the top 5 results' fragments loaded, what a results list
 *   shows), with the bytes sent until then;
 * - then each further query of the list in the same context, with the bytes it cost.
 * Dispatch's further queries are typed once the background loading is over (the related-ready
 * mark), so its count is what a query itself costs, not what the first visit is still fetching.
 */
import type { Browser, Page } from '@playwright/test';
import type { CountingServer } from './counting-server';

export interface QueryCost {
  query: string;
  bytes: number;
  /** Pagefind: the query's own time in the page; Dispatch: null (`npm run bench` times it). */
  ms: number | null;
  /** Results found (Pagefind) or options shown (Dispatch's palette). */
  hits: number;
}

export interface TransferRun {
  /** Navigation start → first result, ms. */
  coldMs: number | null;
  coldBytes: number;
  /** Everything the visit downloaded by the end of its background work (Dispatch) or of its queries. */
  totalBytes: number;
  queries: QueryCost[];
}

interface PagefindApi {
  init(): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<unknown> }[] } | null>;
}

export async function pagefindRun(
  browser: Browser,
  server: CountingServer,
  queries: string[],
): Promise<TransferRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const before = server.bytes();
    await page.goto(`${server.url}/pagefind-bench.html`);
    const ask = (q: string) =>
      page.evaluate(async (query) => {
        const w = window as unknown as { __pf?: PagefindApi };
        const start = performance.now();
        if (!w.__pf) {
          // A variable, so that neither TypeScript nor a bundler resolves the served module.
          const bundle = '/pagefind/pagefind.js';
          w.__pf = (await import(bundle)) as PagefindApi;
          await w.__pf.init();
        }
        const found = await w.__pf.search(query);
        const results = found?.results ?? [];
        await Promise.all(results.slice(0, 5).map((r) => r.data()));
        return { at: performance.now(), ms: performance.now() - start, hits: results.length };
      }, q);
    const [first, ...rest] = queries;
    const cold = await ask(first!);
    const coldBytes = server.bytes() - before;
    const out: QueryCost[] = [{ query: first!, bytes: coldBytes, ms: cold.ms, hits: cold.hits }];
    for (const q of rest) {
      const b = server.bytes();
      const r = await ask(q);
      out.push({ query: q, bytes: server.bytes() - b, ms: r.ms, hits: r.hits });
    }
    return { coldMs: cold.at, coldBytes, totalBytes: server.bytes() - before, queries: out };
  } finally {
    await context.close();
  }
}

/** The folder's text: packs and files (what `chunksOnly` holds back). */
const TEXT = /\/seeds-packs\/\d+-[0-9a-f]+\.gz$|\/seeds\/.+\.txt$/u;

/**
 * `chunksOnly`: the folder's text is never delivered (as for an archive the browser never
 * downloads whole), so every query is answered from the build's search chunks and its bytes are
 * the chunks it fetched.
 */
export async function dispatchRun(
  browser: Browser,
  server: CountingServer,
  queries: string[],
  timeout: number,
  chunksOnly = false,
): Promise<TransferRun> {
  const context = await browser.newContext(chunksOnly ? { serviceWorkers: 'block' } : {});
  try {
    if (chunksOnly) await context.route(TEXT, (route) => route.abort());
    const page = await context.newPage();
    const before = server.bytes();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: /^Search/u }).waitFor({ timeout });
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: /Search stories/u });
    await box.waitFor({ timeout });
    const [first, ...rest] = queries;
    await page.keyboard.insertText(first!);
    await results(page).first().waitFor({ timeout });
    const coldMs = await page.evaluate(() => performance.now());
    const coldBytes = server.bytes() - before;
    const out: QueryCost[] = [
      { query: first!, bytes: coldBytes, ms: coldMs, hits: await options(page) },
    ];
    // With the text held back the background loading never ends: the names and tables packs
    // are in once the page is idle.
    if (chunksOnly) await page.waitForLoadState('networkidle');
    else
      await page
        .waitForFunction(
          () => performance.getEntriesByName('dispatch:related-ready').length > 0,
          null,
          {
            timeout,
            polling: 200,
          },
        )
        .catch(() => undefined);
    // The service worker's precache and late writes settle before queries are counted.
    await page.waitForTimeout(1500);
    for (const q of rest) {
      const b = server.bytes();
      await box.fill(q);
      await page.waitForTimeout(400);
      out.push({ query: q, bytes: server.bytes() - b, ms: null, hits: await options(page) });
    }
    return { coldMs, coldBytes, totalBytes: server.bytes() - before, queries: out };
  } finally {
    await context.close();
  }
}

const results = (page: Page) =>
  page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
const options = (page: Page): Promise<number> => results(page).count();
