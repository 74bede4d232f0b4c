/**
 * The browser side of `npm run bench`: one cold visit (milestones, long tasks, heap, per-keystroke
 * search round trips, then a warm reload in the same context) and one cold deep link, each in a
 * fresh context (empty IndexedDB). Milestones are the app's User Timing marks (src/lib/perf.ts),
 * whose startTime counts from navigation start.
 */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from '@playwright/test';
// @ts-expect-error plain ESM helper shared with scripts/ensure-browser.mjs (as in playwright.config.ts)
import { CHROMIUM_ARGS, findSystemChromium } from '../find-chromium.mjs';
import { log } from './bench-build';

export type Milestone =
  | 'library-visible'
  | 'story-painted'
  | 'story-highlighted'
  | 'search-ready'
  | 'entities-ready'
  | 'related-ready';

export async function launch(): Promise<Browser> {
  const executablePath = (findSystemChromium as () => string | undefined)();
  log(`browser: ${executablePath ?? "Playwright's Chromium"}`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...(CHROMIUM_ARGS as string[]), '--enable-precise-memory-info'],
  });
}

/** Registered before any app script: collects main-thread long tasks (> 50 ms) from the start. */
const LONG_TASKS = `(() => {
  const out = (window.__longTasks = []);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) out.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface BenchHook {
  search: (q: string) => Promise<unknown>;
  ping: () => Promise<unknown>;
  status: () => { searchFromCache: boolean };
}
type BenchWindow = Window & { __dispatchBench?: BenchHook; __longTasks?: LongTask[] };
interface LongTask {
  start: number;
  duration: number;
}

/** Waits (polling) until every named mark exists or the timeout passes; returns their times. */
async function marks(
  page: Page,
  names: Milestone[],
  timeout: number,
): Promise<Record<string, number | null>> {
  await page
    .waitForFunction(
      (ns) => ns.every((n) => performance.getEntriesByName(`dispatch:${n}`).length > 0),
      names,
      { timeout, polling: 100 },
    )
    .catch(() => log(`  timed out waiting for ${names.join(', ')}`));
  return page.evaluate((ns) => {
    const out: Record<string, number | null> = {};
    for (const n of ns)
      out[n] = performance.getEntriesByName(`dispatch:${n}`)[0]?.startTime ?? null;
    return out;
  }, names);
}

/** JS heap used by the page's main thread, after a full GC. */
async function mainHeap(cdp: CDPSession): Promise<number | null> {
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  } catch {
    return null;
  }
}

/**
 * JS heap used by the corpus worker, after a full GC: attaches to the worker's CDP target from a
 * browser session (non-flat mode, messages wrapped in Target.sendMessageToTarget).
 */
async function workerHeap(browser: Browser): Promise<number | null> {
  let session: CDPSession | null = null;
  try {
    session = await browser.newBrowserCDPSession();
    const { targetInfos } = await session.send('Target.getTargets');
    const worker =
      targetInfos.find((t) => t.type === 'worker' && t.title.includes('dispatch')) ??
      targetInfos.find((t) => t.type === 'worker');
    if (!worker) return null;
    const { sessionId } = await session.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    });
    const s = session;
    let next = 1;
    const call = (method: string): Promise<Record<string, unknown>> =>
      new Promise((resolve, reject) => {
        const id = next++;
        const onMsg = (e: { sessionId?: string; message: string }) => {
          const m = JSON.parse(e.message) as {
            id?: number;
            result?: Record<string, unknown>;
            error?: unknown;
          };
          if (e.sessionId !== sessionId || m.id !== id) return;
          s.off('Target.receivedMessageFromTarget', onMsg);
          if (m.error) reject(new Error(JSON.stringify(m.error)));
          else resolve(m.result ?? {});
        };
        s.on('Target.receivedMessageFromTarget', onMsg);
        void s.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method }),
        });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return typeof usage.usedSize === 'number' ? usage.usedSize : null;
  } catch (e) {
    log(`  worker heap unavailable: ${(e as Error).message.split('\n')[0]}`);
    return null;
  } finally {
    await session?.detach().catch(() => undefined);
  }
}

export interface SearchTimes {
  /** Main-thread round trip of each keystroke's search, ms. */
  rtt: number[];
  /** Median round trip of an empty request (message passing + worker queue), ms. */
  ping: number;
}

/** Types each query character by character, awaiting each search before the next keystroke. */
async function searchTimes(page: Page, queries: string[]): Promise<SearchTimes> {
  return page.evaluate(async (qs) => {
    const b = (window as BenchWindow).__dispatchBench!;
    const pings: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      await b.ping();
      pings.push(performance.now() - t);
    }
    pings.sort((x, y) => x - y);
    const rtt: number[] = [];
    for (const q of qs)
      for (let k = 1; k <= q.length; k++) {
        const t = performance.now();
        await b.search(q.slice(0, k));
        rtt.push(performance.now() - t);
      }
    return { rtt, ping: pings[10]! };
  }, queries);
}

export interface ColdRun {
  cold: Record<string, number | null>;
  longTasks: LongTask[];
  heapMain: number | null;
  heapWorker: number | null;
  search: SearchTimes | null;
  warm: Record<string, number | null>;
  warmFromCache: boolean | null;
}

const ALL: Milestone[] = ['library-visible', 'search-ready', 'entities-ready', 'related-ready'];

/** A cold visit of `/` in a fresh context, everything measured, then a warm reload. */
export async function coldRun(
  browser: Browser,
  base: string,
  queries: string[],
  timeout: number,
): Promise<ColdRun> {
  const context: BrowserContext = await browser.newContext();
  try {
    await context.addInitScript(LONG_TASKS);
    const page = await context.newPage();
    await page.goto(`${base}/?bench`);
    const cold = await marks(page, ALL, timeout);
    const longTasks = await page.evaluate(() => (window as BenchWindow).__longTasks ?? []);
    const cdp = await context.newCDPSession(page);
    const heapMain = await mainHeap(cdp);
    const heapWorker = await workerHeap(browser);
    const search = await searchTimes(page, queries).catch((e: Error) => {
      log(`  search timing failed: ${e.message.split('\n')[0]}`);
      return null;
    });
    // Let the IndexedDB writes (parsed files, search index, analyses) finish.
    await page.waitForTimeout(1500);
    await page.reload();
    const warm = await marks(page, ['library-visible', 'search-ready'], timeout);
    const warmFromCache = await page
      .evaluate(() => (window as BenchWindow).__dispatchBench?.status().searchFromCache ?? null)
      .catch(() => null);
    return { cold, longTasks, heapMain, heapWorker, search, warm, warmFromCache };
  } finally {
    await context.close();
  }
}

/**
 * A cold deep link to one story, in a fresh context: when the story painted, and how long after
 * that its names were highlighted (the entity model loads and the story is analysed meanwhile).
 */
export async function deepLink(
  browser: Browser,
  base: string,
  storyId: string,
  timeout: number,
): Promise<{ painted: number | null; highlightedAfter: number | null }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/story/${storyId.split('/').map(encodeURIComponent).join('/')}`);
    const m = await marks(page, ['story-painted', 'story-highlighted'], timeout);
    const painted = m['story-painted'] ?? null;
    const highlighted = m['story-highlighted'] ?? null;
    return {
      painted,
      highlightedAfter: painted !== null && highlighted !== null ? highlighted - painted : null,
    };
  } finally {
    await context.close();
  }
}
