import { queryOptions } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { fileIdOf, filePathOf } from '../corpus/library';
import type { Story } from '../corpus/types';
import { fileUrl } from './file-fetch';
import { corpusWorker } from '../worker/client';
import type { EnginePhases } from '../worker/engine-phases';
import type { WorkerStatus } from '../worker/protocol';

/**
 * Worker-computed data as TanStack queries. Their keys name only what is asked: the worker's
 * phases are not in them. When a phase moves (an index grows, the entity table or the related
 * lists arrive, the folder is rebuilt), analysis-sync.ts refreshes exactly the queries whose
 * answers it changes, and their previous answers stay on screen meanwhile.
 */

/**
 * The engine's phases, for the UI's notes ("still indexing", "names still being analysed") and
 * for holding a query back until its phase can answer it. The same object until a phase moves:
 * a reader re-renders a dozen times over a load, not at every status message.
 */
export function useEnginePhases(): EnginePhases {
  return useSyncExternalStore(
    corpusWorker.subscribe,
    corpusWorker.getPhases,
    corpusWorker.getPhases,
  );
}

/**
 * What `pick` reads of the worker's progress (counts of files, stories analysed). IMPORTANT:
 * `pick` returns a plain value (a number, a string) or the status itself: a new object at each
 * call would render for ever. A component re-renders only when what it picked changes.
 */
export function useEngineProgress<T>(pick: (status: WorkerStatus) => T): T {
  const read = () => pick(corpusWorker.getStatus());
  return useSyncExternalStore(corpusWorker.subscribe, read, read);
}

export const storyEntitiesQuery = (story: Story, hash: string) =>
  queryOptions({
    queryKey: ['analysis', 'story-entities', story.id, hash],
    queryFn: () => corpusWorker.request({ type: 'story-entities', story, hash }),
    staleTime: Infinity,
    placeholderData: (prev) => (prev?.storyId === story.id ? prev : undefined),
  });

/** A story's related list: callers hold it back until the related phase is `ready`. */
export const relatedQuery = (storyId: string) =>
  queryOptions({
    queryKey: ['analysis', 'related', storyId],
    queryFn: () => corpusWorker.request({ type: 'related', storyId }),
    staleTime: Infinity,
  });

/** The thread a story is in (built with the related index; held back like `relatedQuery`). */
export const threadOfQuery = (storyId: string) =>
  queryOptions({
    queryKey: ['analysis', 'thread-of', storyId],
    queryFn: () => corpusWorker.request({ type: 'thread-of', storyId }),
    staleTime: Infinity,
  });

export const threadsQuery = () =>
  queryOptions({
    queryKey: ['analysis', 'threads'],
    queryFn: () => corpusWorker.request({ type: 'threads' }),
    staleTime: Infinity,
  });

export const threadQuery = (threadId: string) =>
  queryOptions({
    queryKey: ['analysis', 'thread', threadId],
    queryFn: () => corpusWorker.request({ type: 'thread', threadId }),
    staleTime: Infinity,
  });

export const entityQuery = (entityId: string) =>
  queryOptions({
    queryKey: ['analysis', 'entity', entityId],
    queryFn: () => corpusWorker.request({ type: 'entity', entityId }),
    staleTime: Infinity,
    placeholderData: (prev) => (prev?.entity.id === entityId ? prev : undefined),
  });

export const searchQuery = (query: string, limit = 20) =>
  queryOptions({
    queryKey: ['analysis', 'search', query, limit],
    queryFn: () => corpusWorker.request({ type: 'search', query, limit }),
    enabled: query.trim().length > 0,
    staleTime: Infinity,
    retry: false,
    placeholderData: (prev) => prev,
  });

/**
 * Paragraph sub-results for the first stories of an answer from the build's search chunks,
 * which hold no text: the worker fetches those stories' files (worker/chunk-source.ts). Asked
 * after the answer is on screen, so it never waits for them.
 */
export const searchParagraphsQuery = (query: string, storyIds: readonly string[], perStory = 3) =>
  queryOptions({
    queryKey: ['analysis', 'search-paragraphs', query, storyIds.join('\n'), perStory],
    queryFn: () =>
      corpusWorker.request({
        type: 'search-paragraphs',
        query,
        perStory,
        stories: storyIds.map((storyId) => ({
          storyId,
          url: new URL(fileUrl(filePathOf(fileIdOf(storyId))), location.href).href,
        })),
      }),
    enabled: storyIds.length > 0,
    staleTime: Infinity,
  });

export const storyHitsQuery = (story: Story, query: string) =>
  queryOptions({
    queryKey: ['analysis', 'story-hits', story.id, query],
    queryFn: () => corpusWorker.request({ type: 'story-hits', story, query }),
    enabled: query.trim().length > 0,
    staleTime: Infinity,
  });

export const filterStoriesQuery = (entityIds: string[]) =>
  queryOptions({
    queryKey: ['analysis', 'filter', entityIds],
    queryFn: () => corpusWorker.request({ type: 'filter-stories', entityIds }),
    staleTime: Infinity,
    placeholderData: (prev) => prev,
  });
