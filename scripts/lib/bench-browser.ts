/**
 * The browser side of `npm run bench`: one cold visit (milestones, long tasks, heap, per-keystroke
 * search round trips, then a warm reload in the same context), one user's stopwatch visit (the
 * palette opened at once, "government" typed, cold then warm) and one cold deep link, each in a
 * fresh context (empty IndexedDB). Milestones are the app's User Timing marks (src/lib/perf.ts);
 * the stopwatch times come from the page (STOPWATCH). Both count from navigation start.
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

/**
 * Registered before any app script: the user's stopwatch. When the first library row and the
 * first option of the search palette enter the DOM, the next animation frame's time is kept: the
 * frame that paints them (what a person sees), not when the app decided to render them. The
 * worker's own marks (search-ready) say when the engine could answer, not when an answer showed.
 */
const STOPWATCH = `(() => {
  const out = (window.__stopwatch = {});
  const seen = {};
  const watch = (name, selector) => {
    if (seen[name] || !document.querySelector(selector)) return;
    seen[name] = true;
    requestAnimationFrame(() => {
      out[name] = performance.now();
      if (typeof window.__benchReady === 'function') window.__benchReady(name);
    });
  };
  // The moments the page can take the user's next input (see searchStopwatch): told to the bench
  // at once, in the mutation's own task, rather than found by polling.
  const ready = (name, selector) => {
    if (seen[name] || !document.querySelector(selector)) return;
    seen[name] = true;
    if (typeof window.__benchReady === 'function') window.__benchReady(name);
  };
  const check = () => {
    ready('trigger', 'header button[aria-keyshortcuts]');
    ready('combobox', '[role="combobox"][aria-label^="Search stories"]');
    // A link: an archive's rows are placeholders (not links) until their listing page is in.
    watch('libraryRow', '[aria-label="Stories"] a[data-row]');
    watch('searchOption', '[role="listbox"][aria-label="Search results"] [role="option"]');
    if (seen.libraryRow && seen.searchOption) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  // When the query went in: the part of the wait that is the search's, not the page's boot.
  document.addEventListener('input', (e) => {
    if (out.typed === undefined && e.target?.getAttribute?.('role') === 'combobox')
      out.typed = performance.now();
  }, true);
})();`;

/** The stopwatch times the page recorded (ms from navigation start), once both are in or not. */
async function stopwatch(
  page: Page,
  name: 'libraryRow' | 'searchOption' | 'typed',
  timeout: number,
): Promise<number | null> {
  await page
    .waitForFunction((n) => (window as BenchWindow).__stopwatch?.[n] !== undefined, name, {
      timeout,
      polling: 50,
    })
    .catch(() => log(`  timed out waiting for ${name}`));
  return page.evaluate((n) => (window as BenchWindow).__stopwatch?.[n] ?? null, name);
}

interface BenchHook {
  search: (q: string) => Promise<unknown>;
  ping: () => Promise<unknown>;
  status: () => { searchFromCache: boolean };
}
type BenchWindow = Window & {
  __dispatchBench?: BenchHook;
  __longTasks?: LongTask[];
  __stopwatch?: Partial<Record<'libraryRow' | 'searchOption' | 'typed', number>>;
};
export interface LongTask {
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

/**
 * Registered before any app script: tells the bench (binding `__benchMark`) each of the app's
 * milestones as it is marked. Waiting for them with `marks` (waitForFunction) evaluated
 * Playwright's injected script in the page during the cold visit: a ~50 ms task of the
 * harness's own, counted among the visit's long tasks (traced at 374 ms, load ~11).
 */
const MARK_WATCH = `(() => {
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name.startsWith('dispatch:') && typeof window.__benchMark === 'function')
          window.__benchMark(e.name.slice(9), e.startTime);
    }).observe({ type: 'mark', buffered: true });
  } catch {}
})();`;

/**
 * The milestones of the context's next page, told by the page itself (MARK_WATCH): nothing of
 * the harness runs in the page until they are all in. Call before the context's first page.
 */
async function watchMarks(
  context: BrowserContext,
): Promise<(names: Milestone[], timeout: number) => Promise<Record<string, number | null>>> {
  const seen = new Map<string, number>();
  let changed: () => void = () => undefined;
  await context.exposeBinding('__benchMark', (_source, name: string, at: number) => {
    if (!seen.has(name)) seen.set(name, at);
    changed();
  });
  await context.addInitScript(MARK_WATCH);
  return async (names, timeout) => {
    const until = performance.now() + timeout;
    while (!names.every((n) => seen.has(n)) && performance.now() < until)
      await new Promise<void>((resolve) => {
        changed = resolve;
        setTimeout(resolve, Math.max(0, until - performance.now()));
      });
    if (!names.every((n) => seen.has(n))) log(`  timed out waiting for ${names.join(', ')}`);
    return Object.fromEntries(names.map((n) => [n, seen.get(n) ?? null]));
  };
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

/** The long tasks that started before the last of the milestones (the visit's own). */
function untilLast(tasks: LongTask[], at: Record<string, number | null>): LongTask[] {
  const times = Object.values(at).filter((t): t is number => t !== null);
  const last = times.length === Object.keys(at).length ? Math.max(...times) : Infinity;
  return tasks.filter((t) => t.start < last);
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
  /** The first library row painted, cold and warm (the user's stopwatch). */
  coldRow: number | null;
  warmRow: number | null;
  longTasks: LongTask[];
  heapMain: number | null;
  heapWorker: number | null;
  search: SearchTimes | null;
  warm: Record<string, number | null>;
  warmFromCache: boolean | null;
}

const ALL: Milestone[] = ['library-visible', 'search-ready', 'entities-ready', 'related-ready'];

/**
 * Waits until a cold visit has written what a warm one reads: every parsed file (the app's
 * `dispatch:cached-folder` hint, set once the last write has landed) and the worker's search
 * index of that same folder. A fixed wait after the related-ready mark was not enough on BBC:
 * the hint came ~2 s after the mark (load ~3), so the "warm" visit fetched and parsed the packs
 * again and its search could find no cached index. Gives up (and says so) after `timeout`.
 */
export async function cachesWritten(page: Page, timeout: number): Promise<void> {
  const until = performance.now() + timeout;
  // Polled from here: waitForFunction does not await a predicate's promise (always truthy).
  while (performance.now() < until) {
    const written = await page.evaluate(async () => {
      const hint = localStorage.getItem('dispatch:cached-folder');
      // Never opens a database the app has not created (that would create it without its store).
      const dbs = await indexedDB.databases();
      if (!hint || !dbs.some((d) => d.name === 'dispatch-search')) return false;
      return new Promise<boolean>((resolve) => {
        const open = indexedDB.open('dispatch-search');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          try {
            const get = db.transaction('index').objectStore('index').get('latest');
            get.onsuccess = () => {
              resolve((get.result as { fingerprint?: string } | undefined)?.fingerprint === hint);
              db.close();
            };
            get.onerror = () => {
              resolve(false);
              db.close();
            };
          } catch {
            resolve(false);
            db.close();
          }
        };
      });
    });
    if (written) return;
    await page.waitForTimeout(200);
  }
  log('  timed out waiting for the caches to be written');
}

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
    await context.addInitScript(STOPWATCH);
    const milestones = await watchMarks(context);
    const page = await context.newPage();
    await page.goto(`${base}/?bench`);
    const cold = await milestones(ALL, timeout);
    const longTasks = untilLast(
      await page.evaluate(() => (window as BenchWindow).__longTasks ?? []),
      cold,
    );
    const coldRow = await stopwatch(page, 'libraryRow', timeout);
    const cdp = await context.newCDPSession(page);
    const heapMain = await mainHeap(cdp);
    const heapWorker = await workerHeap(browser);
    const search = await searchTimes(page, queries).catch((e: Error) => {
      log(`  search timing failed: ${e.message.split('\n')[0]}`);
      return null;
    });
    // Let the IndexedDB writes (parsed files, search index, analyses) finish.
    await cachesWritten(page, timeout);
    await page.waitForTimeout(1500);
    await page.reload();
    const warm = await marks(page, ['library-visible', 'search-ready'], timeout);
    const warmRow = await stopwatch(page, 'libraryRow', timeout);
    const warmFromCache = await page
      .evaluate(() => (window as BenchWindow).__dispatchBench?.status().searchFromCache ?? null)
      .catch(() => null);
    return { cold, coldRow, warmRow, longTasks, heapMain, heapWorker, search, warm, warmFromCache };
  } finally {
    await context.close();
  }
}

/**
 * The main thread's long tasks of a cold visit of `/` in a fresh context, from navigation until
 * every milestone (as `coldRun` counts them), and when its first row was painted, without its
 * other measurements: for A/B runs (a change that removes long tasks must not delay the row).
 */
export async function coldLongTasks(
  browser: Browser,
  base: string,
  timeout: number,
  /** A Chromium trace of the visit is written to this file. */
  trace?: string,
): Promise<{ tasks: LongTask[]; row: number | null }> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(LONG_TASKS);
    await context.addInitScript(STOPWATCH);
    const milestones = await watchMarks(context);
    const page = await context.newPage();
    if (trace) await browser.startTracing(page, { path: trace, categories: TRACE_CATEGORIES });
    await page.goto(`${base}/`);
    const at = await milestones(ALL, timeout);
    if (trace) await browser.stopTracing();
    const tasks = untilLast(
      await page.evaluate(() => (window as BenchWindow).__longTasks ?? []),
      at,
    );
    return { tasks, row: await stopwatch(page, 'libraryRow', timeout) };
  } finally {
    await context.close();
  }
}

/** What `--trace` records: tasks, scripts, compiles, marks; the V8 sampler with TRACE_JS=1. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.compile',
  ...(process.env.TRACE_JS ? ['disabled-by-default-v8.cpu_profiler'] : []),
  'loading',
  'navigation',
];

/** The query the stopwatch types: common in BBC news, so every folder has answers. */
export const STOPWATCH_QUERY = 'government';

export interface SearchStopwatch {
  /** From navigation start to the first palette option painted, fresh browser and reload. */
  cold: number | null;
  warm: number | null;
  /** From navigation start to the query's input event. */
  coldTyped: number | null;
  warmTyped: number | null;
  /**
   * With `heap`: JS heap of the main thread and of the worker after a full GC, once the cold
   * visit's first option is painted and its fetches have settled (bytes; null: unavailable).
   */
  heapMain?: number | null;
  heapWorker?: number | null;
}

/**
 * What a user waits for: the palette opened as soon as the page can take the key, the query typed
 * as soon as the search box is there (one input event, as a paste or a fast typist: intermediate
 * prefixes would each start a search), then the first option painted. Cold in a fresh context,
 * then warm: a reload once the background work is done and its IndexedDB writes have had time to
 * land.
 * The page itself says when the search button and then the search box enter the DOM (a binding
 * called by STOPWATCH's mutation observer), and the keys go out at once. Waiting for them with
 * locators instead (an injected script that polls, evaluated on the busy main thread) put ~100–
 * 200 ms of the harness's own between "can take the key" and the key: the warm reload's query
 * went in at ~330 ms although the button was there at ~135 ms. The first option's paint is told
 * the same way, for the same reason.
 */
export async function searchStopwatch(
  browser: Browser,
  base: string,
  timeout: number,
  {
    warm: withWarm = true,
    serviceWorkers = 'allow' as 'allow' | 'block',
    /** A Chromium trace of the warm reload is written to this file (`bench:warm --trace`). */
    trace = undefined as string | undefined,
    /** Measures both heaps after the cold visit (`bench:archive`: issue 15's ≤ 150 MB). */
    heap = false,
    /** Called once the cold visit's option is painted, before the heaps (bytes to it). */
    onColdShown = () => {},
  } = {},
): Promise<SearchStopwatch> {
  const context = await browser.newContext({ serviceWorkers });
  try {
    let onReady: ((name: string) => void) | null = null;
    await context.exposeBinding('__benchReady', (_source, name: string) => onReady?.(name));
    await context.addInitScript(STOPWATCH);
    const page = await context.newPage();
    const visit = async (go: () => Promise<unknown>): Promise<[number | null, number | null]> => {
      let typed: () => void = () => undefined;
      const queryIn = new Promise<void>((resolve) => (typed = resolve));
      let boxShown = false;
      const press = (again: number) => {
        void page.keyboard.press('/').catch(() => undefined);
        // Never seen so far; a lost key would otherwise hang the run until the timeout.
        setTimeout(() => {
          if (boxShown || again === 0) return;
          log("  no search box 1 s after '/': pressed again (this visit's figure includes it)");
          press(again - 1);
        }, 1000);
      };
      let painted: () => void = () => undefined;
      const optionIn = new Promise<void>((resolve) => (painted = resolve));
      onReady = (name) => {
        if (name === 'trigger') press(3);
        if (name === 'combobox') {
          boxShown = true;
          void page.keyboard.insertText(STOPWATCH_QUERY).then(typed);
        }
        if (name === 'searchOption') painted();
      };
      await go();
      await Promise.race([queryIn, page.waitForTimeout(timeout)]);
      // The page says when the option is painted. Polling for it (waitForFunction) evaluated
      // Playwright's injected script in the fresh page first: a ~50 ms task of the harness's own
      // on the main thread, between the query going in and its result being drawn (traced).
      await Promise.race([optionIn, page.waitForTimeout(timeout)]);
      onReady = null;
      const shown = await stopwatch(page, 'searchOption', 1000);
      return [shown, await stopwatch(page, 'typed', 1000)];
    };
    const [cold, coldTyped] = await visit(() => page.goto(`${base}/`));
    onColdShown();
    let heaps: Pick<SearchStopwatch, 'heapMain' | 'heapWorker'> = {};
    if (heap) {
      await page.waitForLoadState('networkidle').catch(() => undefined);
      heaps = {
        heapMain: await mainHeap(await context.newCDPSession(page)),
        heapWorker: await workerHeap(browser),
      };
    }
    if (!withWarm) return { cold, warm: null, coldTyped, warmTyped: null, ...heaps };
    await marks(page, ['related-ready'], timeout);
    await cachesWritten(page, timeout);
    await page.waitForTimeout(1500);
    if (trace) await browser.startTracing(page, { path: trace, categories: TRACE_CATEGORIES });
    const [warm, warmTyped] = await visit(() => page.reload());
    if (trace) await browser.stopTracing();
    return { cold, warm, coldTyped, warmTyped, ...heaps };
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
