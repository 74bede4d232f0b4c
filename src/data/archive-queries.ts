import { queryOptions } from '@tanstack/react-query';
import {
  ARCHIVE_FORMAT,
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
import type { NameGroup } from '../corpus/archive/name-groups';
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

/**
 * One of the archive's content-named files, `<dir>/<kind>-<n>-<hash>.json`: fetched once and
 * kept (the name changes with the content), decoded by `decode` (null: not this format).
 */
function archiveFileQuery<T>(o: {
  info: ArchiveInfo;
  kind: string;
  n: number;
  hash: string | undefined;
  /** The error when the archive has no such file. */
  missing: string;
  decode: (json: unknown) => T | null;
  /** The error when the file is not in a format this version reads. */
  unreadable: string;
}) {
  return queryOptions({
    queryKey: ['archive', o.kind, o.n, o.hash ?? ''],
    queryFn: async ({ signal }): Promise<T> => {
      if (o.hash === undefined) throw new Error(o.missing);
      const url = `${BASE}${o.info.dir}/${o.kind}-${o.n}-${o.hash}.json`;
      const data = o.decode(await getJson(url, signal));
      if (data === null) throw new Error(o.unreadable);
      return data;
    },
    staleTime: Infinity,
  });
}

/** A group file of this archive's format whose `field` is an object (or, for `mains`, a string). */
const ofFormat =
  <T>(info: ArchiveInfo, field: string, kind: 'object' | 'string' = 'object') =>
  (json: unknown): T | null => {
    const file = json as Record<string, unknown> | null;
    return file?.format === info.format && typeof file[field] === kind ? (json as T) : null;
  };

/** Listing page n: its rows, in the library's order. */
export const listingPageQuery = (info: ArchiveInfo, n: number) =>
  archiveFileQuery<ListingRow[]>({
    info,
    kind: 'list',
    n,
    hash: info.pages[n],
    missing: `No listing page ${n}.`,
    decode: readPage,
    unreadable: 'The listing is not in a format this version of Dispatch reads.',
  });

/** The side group of a file (any of its story ids will do). */
export const sideGroupQuery = (info: ArchiveInfo, storyId: string) => {
  const n = sideGroupOf(fileIdOf(storyId), info.groups.length);
  return archiveFileQuery<SideGroup>({
    info,
    kind: 'side',
    n,
    hash: info.groups[n] ?? '',
    missing: 'This archive has no data for the story.',
    decode: ofFormat(info, 'files'),
    unreadable: 'The story’s data is not in a format this version of Dispatch reads.',
  });
};

/** The entity group an entity id hashes to (the archive must have `entities`). */
export const entityGroupQuery = (info: ArchiveInfo, entityId: string) => {
  const hashes = info.entities ?? [];
  const n = entityGroupOf(entityId, Math.max(1, hashes.length));
  return archiveFileQuery<EntityGroup>({
    info,
    kind: 'entity',
    n,
    hash: hashes[n],
    missing: 'This archive has no entity pages.',
    decode: ofFormat(info, 'entities'),
    unreadable: 'The entity’s data is not in a format this version of Dispatch reads.',
  });
};

/** The filter group an entity id hashes to: every story naming it, as listing rows. */
export const filterGroupQuery = (info: ArchiveInfo, entityId: string) => {
  const hashes = info.filters ?? [];
  const n = entityGroupOf(entityId, Math.max(1, hashes.length));
  return archiveFileQuery<FilterGroup>({
    info,
    kind: 'filter',
    n,
    hash: hashes[n],
    missing: 'This archive has no entity filter.',
    decode: ofFormat(info, 'entities'),
    unreadable: 'The filter’s data is not in a format this version of Dispatch reads.',
  });
};

/** The thread group a thread id hashes to (the archive must have `threads`). */
export const threadGroupQuery = (info: ArchiveInfo, threadId: string) => {
  const hashes = info.threads ?? [];
  const n = threadGroupOf(threadId, Math.max(1, hashes.length));
  return archiveFileQuery<ThreadGroup>({
    info,
    kind: 'thread',
    n,
    hash: hashes[n],
    missing: 'This archive has no thread pages.',
    decode: ofFormat(info, 'threads'),
    unreadable: 'The thread’s data is not in a format this version of Dispatch reads.',
  });
};

/** Page n of the library by thread: its threads, largest first (the archive must have `threadList`). */
export const threadListPageQuery = (info: ArchiveInfo, n: number) =>
  archiveFileQuery<ThreadRow[]>({
    info,
    kind: 'threads',
    n,
    hash: info.threadList?.pages[n],
    missing: `No page ${n} of the library by thread.`,
    decode: readThreadListPage,
    unreadable: 'The threads are not in a format this version of Dispatch reads.',
  });

/** Which rows of the listing are articles (the archive must have `kinds`). */
export const kindFileQuery = (info: ArchiveInfo) =>
  archiveFileQuery<KindFile>({
    info,
    kind: 'kinds',
    n: 0,
    hash: info.kinds,
    missing: 'This archive has no kind filter.',
    decode: ofFormat(info, 'mains', 'string'),
    unreadable: 'The filter’s data is not in a format this version of Dispatch reads.',
  });

/**
 * The names group of a key (`nameKeyOf`): the archive's names with a word starting with it. A key
 * no name has is an empty group, not a fetch (the archive lists its keys).
 */
export const nameGroupQuery = (info: ArchiveInfo, key: string) => {
  const n = info.names?.keys.indexOf(key) ?? -1;
  if (n < 0)
    return queryOptions({
      queryKey: ['archive', 'names', key, 'none'],
      queryFn: (): NameGroup => ({ format: ARCHIVE_FORMAT, key, rows: [] }),
      staleTime: Infinity,
    });
  return archiveFileQuery<NameGroup>({
    info,
    kind: 'names',
    n,
    hash: info.names?.hashes[n],
    missing: 'This archive has no names index.',
    decode: (json) => {
      const g = ofFormat<NameGroup>(info, 'rows')(json);
      return g && Array.isArray(g.rows) ? g : null;
    },
    unreadable: 'The names index is not in a format this version of Dispatch reads.',
  });
};
