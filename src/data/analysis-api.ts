import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { SearchResults } from '../corpus/search/types';
import type { Story } from '../corpus/types';
import { corpusWorker } from '../worker/client';
import type { WorkerStatus } from '../worker/protocol';

/**
 * Worker-computed data as TanStack queries. Keys carry the worker state that changes the answer
 * (entity table built, files indexed), so results refresh when the indexes grow, not on every tick.
 */
export function useWorkerStatus(): WorkerStatus {
  return useSyncExternalStore(
    corpusWorker.subscribe,
    corpusWorker.getStatus,
    corpusWorker.getStatus,
  );
}

export const storyEntitiesQuery = (
  story: Story,
  hash: string,
  entitiesReady: boolean,
  epoch: number,
) =>
  queryOptions({
    queryKey: ['analysis', 'story-entities', story.id, hash, entitiesReady ? epoch : 0],
    queryFn: () => corpusWorker.request({ type: 'story-entities', story, hash }),
    staleTime: Infinity,
    placeholderData: (prev) => (prev?.storyId === story.id ? prev : undefined),
  });

export const relatedQuery = (storyId: string, status: WorkerStatus) =>
  queryOptions({
    queryKey: ['analysis', 'related', storyId, status.relatedReady, status.epoch],
    queryFn: () => corpusWorker.request({ type: 'related', storyId }),
    enabled: status.relatedReady,
    staleTime: Infinity,
  });

/** The thread a story is in (built with the related index). */
export const threadOfQuery = (storyId: string, status: WorkerStatus) =>
  queryOptions({
    queryKey: ['analysis', 'thread-of', storyId, status.relatedReady, status.epoch],
    queryFn: () => corpusWorker.request({ type: 'thread-of', storyId }),
    enabled: status.relatedReady,
    staleTime: Infinity,
  });

export const threadsQuery = (status: WorkerStatus) =>
  queryOptions({
    queryKey: ['analysis', 'threads', status.relatedReady, status.epoch],
    queryFn: () => corpusWorker.request({ type: 'threads' }),
    enabled: status.relatedReady,
    staleTime: Infinity,
  });

export const threadQuery = (threadId: string, status: WorkerStatus) =>
  queryOptions({
    queryKey: ['analysis', 'thread', threadId, status.relatedReady, status.epoch],
    queryFn: () => corpusWorker.request({ type: 'thread', threadId }),
    enabled: status.relatedReady,
    staleTime: Infinity,
  });

export const entityQuery = (entityId: string, status: WorkerStatus) =>
  queryOptions({
    queryKey: [
      'analysis',
      'entity',
      entityId,
      status.entitiesReady,
      status.epoch,
      status.entitiesReady ? 0 : Math.floor(status.analysed / 500),
    ],
    queryFn: () => corpusWorker.request({ type: 'entity', entityId }),
    staleTime: Infinity,
    placeholderData: (prev) => (prev?.entity.id === entityId ? prev : undefined),
  });

/**
 * How far the folder has arrived, in steps that double (1, 2, 4 … 2,048 files and beyond): a
 * search is asked again as the index grows (a warm reload's cached index gets its snippets), but
 * a dozen times over a load rather than at every status message (10 a second, each a search
 * that rebuilt the vocabulary of a growing index while the worker was busy indexing).
 */
const arrived = (status: WorkerStatus): number => Math.floor(Math.log2(status.files + 1));

export const searchQuery = (query: string, status: WorkerStatus, limit = 20) =>
  queryOptions({
    queryKey: [
      'analysis',
      'search',
      query,
      limit,
      arrived(status),
      status.searchReady,
      status.searchWarm,
      // The build's chunks answered until now (search-sources.ts): the worker's own index
      // answers more (paragraphs, names).
      status.searchComplete,
      status.epoch,
    ],
    queryFn: () => corpusWorker.request({ type: 'search', query, limit }),
    enabled: query.trim().length > 0,
    staleTime: Infinity,
    retry: false,
    placeholderData: (prev) => prev,
  });

/**
 * The newest answer to this very text under any worker status (`searchQuery`'s key moves on as
 * files arrive and readiness flags flip). IMPORTANT: while a folder loads the key changed faster
 * than answers came back (a warm reload: ~5 times in its first half second), so each answer
 * arrived for a key nobody watched any more and the palette stayed empty until one happened to
 * land in a quiet moment (traced: answers at 1.50, 1.52 and 1.67 s unshown, the first option at
 * 2.14 s). An answer for the same text from a smaller index is still an answer to show.
 */
export function useNewestSearch(query: string, limit: number): SearchResults | undefined {
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const newest = useCallback(() => {
    let data: SearchResults | undefined;
    let at = -1;
    for (const q of cache.findAll({ queryKey: ['analysis', 'search', query, limit] })) {
      if (q.state.data !== undefined && q.state.dataUpdatedAt > at) {
        data = q.state.data as SearchResults;
        at = q.state.dataUpdatedAt;
      }
    }
    return data;
  }, [cache, query, limit]);
  return useSyncExternalStore(subscribe, newest, newest);
}

export const storyHitsQuery = (story: Story, query: string, status: WorkerStatus) =>
  queryOptions({
    queryKey: ['analysis', 'story-hits', story.id, query, status.searchReady, status.epoch],
    queryFn: () => corpusWorker.request({ type: 'story-hits', story, query }),
    enabled: query.trim().length > 0,
    staleTime: Infinity,
  });

export const filterStoriesQuery = (entityIds: string[], status: WorkerStatus) =>
  queryOptions({
    queryKey: [
      'analysis',
      'filter',
      entityIds,
      status.entitiesReady,
      status.epoch,
      status.entitiesReady ? 0 : Math.floor(status.analysed / 250),
    ],
    queryFn: () => corpusWorker.request({ type: 'filter-stories', entityIds }),
    staleTime: Infinity,
    placeholderData: (prev) => prev,
  });
