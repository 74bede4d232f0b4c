import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ArchiveInfo } from '../corpus/archive/archive-format';
import { pageOf } from '../corpus/archive/listing';
import type { ThreadRow } from '../corpus/archive/thread-listing';
import { threadListPageQuery } from './archive-queries';

export interface ThreadListing {
  /** Threads listed (0 in an archive without the library by thread). */
  count: number;
  /** Thread i, largest first, or undefined while its page is on its way. */
  rowAt: (i: number) => ThreadRow | undefined;
  /** Asks for the pages that hold threads first…last (the list calls it as it scrolls). */
  show: (first: number, last: number) => void;
  error: Error | null;
  retry: () => void;
}

/**
 * An archive's library by thread, a page at a time, as `useListing` pages the stories: only the
 * pages of the threads on screen are fetched, and those fetched stay in the query cache.
 */
export function useThreadListing(info: ArchiveInfo, enabled: boolean): ThreadListing {
  const client = useQueryClient();
  const list = info.threadList;
  const [range, setRange] = useState({ first: 0, last: 0 });
  const pages = useMemo(() => {
    if (!list || !enabled) return [];
    const from = pageOf(range.first, list.pageSize).page;
    const to = pageOf(range.last, list.pageSize).page;
    const out: number[] = [];
    for (let n = from; n <= to && n < list.pages.length; n++) out.push(n);
    return out;
  }, [range, list, enabled]);
  const results = useQueries({ queries: pages.map((n) => threadListPageQuery(info, n)) });
  const error = results.find((r) => r.error)?.error ?? null;
  const arrived = results.map((r) => r.dataUpdatedAt).join();
  // Every page in the cache, read once per arrival (rowAt is asked many times a render).
  const loaded = useMemo(() => {
    const out = new Map<number, ThreadRow[]>();
    for (const n of list?.pages.keys() ?? []) {
      const rows = client.getQueryData(threadListPageQuery(info, n).queryKey);
      if (rows) out.set(n, rows);
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `arrived` is the data's version
  }, [client, info, arrived]);
  const rowAt = useCallback(
    (i: number) => {
      if (!list) return undefined;
      const { page, offset } = pageOf(i, list.pageSize);
      return loaded.get(page)?.[offset];
    },
    [loaded, list],
  );
  const show = useCallback((first: number, last: number) => {
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
  }, []);
  const retry = useCallback(() => {
    for (const r of results) if (r.error) void r.refetch();
  }, [results]);
  return { count: list?.count ?? 0, rowAt, show, error, retry };
}
