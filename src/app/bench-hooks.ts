import type { SearchResults } from '../corpus/search/types';
import { corpusWorker } from '../worker/client';
import type { WorkerStatus } from '../worker/protocol';

/**
 * A test hook for `npm run bench` (scripts/bench.ts), installed only when the URL has `?bench`:
 * lets the benchmark time worker round trips from the main thread. `ping` is the cheapest request
 * there is (an empty entity list), so `search − ping` approximates the worker's own search time.
 */
export interface DispatchBench {
  search: (q: string) => Promise<SearchResults>;
  ping: () => Promise<unknown>;
  status: () => WorkerStatus;
}

declare global {
  interface Window {
    __dispatchBench?: DispatchBench;
  }
}

if (typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('bench')) {
  window.__dispatchBench = {
    search: (q) => corpusWorker.request({ type: 'search', query: q }),
    ping: () => corpusWorker.request({ type: 'entity-list', ids: [] }),
    status: () => corpusWorker.getStatus(),
  };
}
