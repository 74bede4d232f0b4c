import { whenMilestone } from '../lib/perf';
import type { WorkerEvent } from './protocol';

/*
 * What the main-thread client (client.ts) waits for or takes over as the page boots: the
 * moment the build's tables may be asked for, and the worker the page started before the app.
 */

/** How long the tables wait for the first view, at most (ms). */
const FIRST_VIEW_MS = 1000;

/**
 * When the tables may be asked for: on a page opened at a story once its names are marked, on
 * the library once its first row is (or FIRST_VIEW_MS gone by); on any other page at once (an
 * entity or thread page wants them first). Downloaded and parsed while the first view was made,
 * they cost a deep link's names ~40 ms (BBC, median of 10, load 6) and made the library's first
 * render a long task (54–89 ms in 4 of 4 runs against 1 of 4, load 4) on two cores.
 */
export function tablesTurn(): Promise<void> {
  const path = location.pathname.slice(import.meta.env.BASE_URL.length - 1);
  if (path.startsWith('/story/')) return whenMilestone('story-highlighted', FIRST_VIEW_MS);
  if (path === '/') return whenMilestone('library-visible', FIRST_VIEW_MS);
  return Promise.resolve();
}

/** A worker the page started before the app (public/early-worker.js, build only). */
interface EarlyWorker {
  worker: Worker;
  messages: WorkerEvent[];
  error: string | null;
}

/** The page's early worker, once: a restarted worker is the app's own. */
export function takeEarlyWorker(): EarlyWorker | null {
  const g = globalThis as { __dispatchEarlyWorker?: EarlyWorker };
  const early = g.__dispatchEarlyWorker ?? null;
  delete g.__dispatchEarlyWorker;
  return early;
}
