import { queryOptions } from '@tanstack/react-query';
import {
  entityGroupOf,
  sideGroupOf,
  type ArchiveInfo,
  type EntityGroup,
  type FilterGroup,
  type KindFile,
  type SideGroup,
  type ThreadGroup,
  threadGroupOf,
} from '../corpus/archive/archive-format';
import { readPage, type ListingRow } from '../corpus/archive/listing';
import { readThreadListPage, type ThreadRow } from '../corpus/archive/thread-listing';
import { fileIdOf } from '../corpus/library';

/**
 * An archive's files (see corpus/archive): listing pages and side groups, each a small
 * content-named JSON file fetched when a view needs it. Apart from archive-api.ts, since the
 * boot code asks for the first view's (query-client.ts) and this stays small in the entry.
 */
const BASE = import.meta.env.BASE_URL;

async function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`${url} could not be loaded (HTTP ${res.status}).`);
  return res.json();
}

/** An archive of nothing: the queries' stand-in before the manifest is in (they are idle then). */
export const NO_ARCHIVE: ArchiveInfo = {
  format: 1,
  files: 0,
  stories: 0,
  mains: 0,
  pageSize: 1,
  pages: [],
  groups: [],
  dir: '',
  sections: [],
};

/** Listing page n: its rows, in the library's order. */
export const listingPageQuery = (info: ArchiveInfo, n: number) =>
  queryOptions({
    queryKey: ['archive', 'list', n, info.pages[n] ?? ''],
    queryFn: async ({ signal }): Promise<ListingRow[]> => {
      const hash = info.pages[n];
      if (hash === undefined) throw new Error(`No listing page ${n}.`);
      const rows = readPage(await getJson(`${BASE}${info.dir}/list-${n}-${hash}.json`, signal));
      if (!rows) throw new Error('The listing is not in a format this version of Dispatch reads.');
      return rows;
    },
    staleTime: Infinity,
  });

/** The side group of a file (any of its story ids will do). */
export const sideGroupQuery = (info: ArchiveInfo, storyId: string) => {
  const n = sideGroupOf(fileIdOf(storyId), info.groups.length);
  return queryOptions({
    queryKey: ['archive', 'side', n, info.groups[n] ?? ''],
    queryFn: async ({ signal }): Promise<SideGroup> => {
      const hash = info.groups[n] ?? '';
      const group = (await getJson(
        `${BASE}${info.dir}/side-${n}-${hash}.json`,
        signal,
      )) as SideGroup;
      if (group?.format !== info.format || typeof group.files !== 'object')
        throw new Error('The story’s data is not in a format this version of Dispatch reads.');
      return group;
    },
    staleTime: Infinity,
  });
};

/** The entity group an entity id hashes to (the archive must have `entities`). */
export const entityGroupQuery = (info: ArchiveInfo, entityId: string) => {
  const hashes = info.entities ?? [];
  const n = entityGroupOf(entityId, Math.max(1, hashes.length));
  return queryOptions({
    queryKey: ['archive', 'entity', n, hashes[n] ?? ''],
    queryFn: async ({ signal }): Promise<EntityGroup> => {
      const hash = hashes[n];
      if (hash === undefined) throw new Error('This archive has no entity pages.');
      const group = (await getJson(
        `${BASE}${info.dir}/entity-${n}-${hash}.json`,
        signal,
      )) as EntityGroup;
      if (group?.format !== info.format || typeof group.entities !== 'object')
        throw new Error('The entity’s data is not in a format this version of Dispatch reads.');
      return group;
    },
    staleTime: Infinity,
  });
};

/** The filter group an entity id hashes to: every story naming it, as listing rows. */
export const filterGroupQuery = (info: ArchiveInfo, entityId: string) => {
  const hashes = info.filters ?? [];
  const n = entityGroupOf(entityId, Math.max(1, hashes.length));
  return queryOptions({
    queryKey: ['archive', 'filter', n, hashes[n] ?? ''],
    queryFn: async ({ signal }): Promise<FilterGroup> => {
      const hash = hashes[n];
      if (hash === undefined) throw new Error('This archive has no entity filter.');
      const group = (await getJson(
        `${BASE}${info.dir}/filter-${n}-${hash}.json`,
        signal,
      )) as FilterGroup;
      if (group?.format !== info.format || typeof group.entities !== 'object')
        throw new Error('The filter’s data is not in a format this version of Dispatch reads.');
      return group;
    },
    staleTime: Infinity,
  });
};

/** The thread group a thread id hashes to (the archive must have `threads`). */
export const threadGroupQuery = (info: ArchiveInfo, threadId: string) => {
  const hashes = info.threads ?? [];
  const n = threadGroupOf(threadId, Math.max(1, hashes.length));
  return queryOptions({
    queryKey: ['archive', 'thread', n, hashes[n] ?? ''],
    queryFn: async ({ signal }): Promise<ThreadGroup> => {
      const hash = hashes[n];
      if (hash === undefined) throw new Error('This archive has no thread pages.');
      const group = (await getJson(
        `${BASE}${info.dir}/thread-${n}-${hash}.json`,
        signal,
      )) as ThreadGroup;
      if (group?.format !== info.format || typeof group.threads !== 'object')
        throw new Error('The thread’s data is not in a format this version of Dispatch reads.');
      return group;
    },
    staleTime: Infinity,
  });
};

/** Page n of the library by thread: its threads, largest first (the archive must have `threadList`). */
export const threadListPageQuery = (info: ArchiveInfo, n: number) =>
  queryOptions({
    queryKey: ['archive', 'threads', n, info.threadList?.pages[n] ?? ''],
    queryFn: async ({ signal }): Promise<ThreadRow[]> => {
      const hash = info.threadList?.pages[n];
      if (hash === undefined) throw new Error(`No page ${n} of the library by thread.`);
      const rows = readThreadListPage(
        await getJson(`${BASE}${info.dir}/threads-${n}-${hash}.json`, signal),
      );
      if (!rows) throw new Error('The threads are not in a format this version of Dispatch reads.');
      return rows;
    },
    staleTime: Infinity,
  });

/** Which rows of the listing are articles (the archive must have `kinds`). */
export const kindFileQuery = (info: ArchiveInfo) =>
  queryOptions({
    queryKey: ['archive', 'kinds', info.kinds ?? ''],
    queryFn: async ({ signal }): Promise<KindFile> => {
      if (info.kinds === undefined) throw new Error('This archive has no kind filter.');
      const file = (await getJson(
        `${BASE}${info.dir}/kinds-0-${info.kinds}.json`,
        signal,
      )) as KindFile;
      if (file?.format !== info.format || typeof file.mains !== 'string')
        throw new Error('The filter’s data is not in a format this version of Dispatch reads.');
      return file;
    },
    staleTime: Infinity,
  });
