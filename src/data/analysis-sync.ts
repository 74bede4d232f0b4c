import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import type { CorpusWorkerClient } from '../worker/client';
import type { EnginePhases } from '../worker/engine-phases';

/** Entity pages are asked again every this many steps of analysed stories (NAMES_STEP each). */
const ENTITY_PAGE_STEPS = 2;

/**
 * The analysis queries whose answers a move from `prev` to `next` changes (their key prefixes,
 * analysis-api.ts). Each rule is what used to be in the query's key:
 * - a new epoch (a folder-wide rebuild) changes every derived answer;
 * - the search phase, a warm index's names or a grown index change searches, and what is marked
 *   in a story for a search once the whole folder answers;
 * - the names phase (table built, every story analysed) changes a story's names, entity pages
 *   and the library's filter; before the table, the filter follows the analyses as they grow,
 *   entity pages at half that pace;
 * - the related phase changes related lists and threads.
 */
export function staleQueries(prev: EnginePhases, next: EnginePhases): QueryKey[] {
  if (prev.epoch !== next.epoch) return [['analysis']];
  const keys: QueryKey[] = [];
  const searchPhase = prev.search.phase !== next.search.phase;
  if (
    searchPhase ||
    prev.search.warm !== next.search.warm ||
    prev.search.grown !== next.search.grown
  )
    keys.push(['analysis', 'search']);
  if (searchPhase) keys.push(['analysis', 'story-hits']);
  if (prev.names.phase !== next.names.phase)
    keys.push(['analysis', 'story-entities'], ['analysis', 'entity'], ['analysis', 'filter']);
  else if (prev.names.analysed !== next.names.analysed) {
    keys.push(['analysis', 'filter']);
    const page = (n: number) => Math.floor(n / ENTITY_PAGE_STEPS);
    if (page(prev.names.analysed) !== page(next.names.analysed)) keys.push(['analysis', 'entity']);
  }
  if (prev.related !== next.related)
    keys.push(
      ['analysis', 'related'],
      ['analysis', 'thread-of'],
      ['analysis', 'threads'],
      ['analysis', 'thread'],
    );
  return keys;
}

/**
 * Keeps the data layer up with the worker: whenever its phases move, the queries whose answers
 * that changes are invalidated, so the ones on screen are asked again (their previous answers stay
 * shown meanwhile) and the others when next shown. Returns an unsubscribe.
 *
 * IMPORTANT: a fetch under way is not cancelled (`cancelRefetch: false`). While a folder
 * loads, phases move faster than some answers come back (a warm reload: ~5 times in its first
 * half second); cancelling each fetch for the next left the palette empty until a phase happened
 * to hold still for a whole round trip. Its answer lands instead, and the query is asked once
 * more when it has settled, for the phases as they are then.
 */
export function followEngine(client: QueryClient, worker: CorpusWorkerClient): () => void {
  const cache = client.getQueryCache();
  /** Queries that were fetching when their answers went stale: asked again once settled. */
  const again = new Set<Query>();
  const refresh = (queryKey: QueryKey, exact = false) =>
    void client.invalidateQueries({ queryKey, exact }, { cancelRefetch: false });
  const offCache = cache.subscribe((event) => {
    const q = event.query as Query;
    if (event.type === 'removed') again.delete(q);
    if (event.type !== 'updated' || !again.has(q) || q.state.fetchStatus !== 'idle') return;
    again.delete(q);
    refresh(q.queryKey, true);
  });
  const offPhases = worker.onPhases((next, prev) => {
    for (const queryKey of staleQueries(prev, next)) {
      for (const q of cache.findAll({ queryKey, fetchStatus: 'fetching' })) again.add(q);
      refresh(queryKey);
    }
  });
  return () => {
    offPhases();
    offCache();
  };
}
