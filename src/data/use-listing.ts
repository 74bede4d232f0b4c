import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ArchiveInfo } from '../corpus/archive/archive-format';
import { pageOf, type ListingRow } from '../corpus/archive/listing';
import { listingPageQuery } from './archive-queries';

export interface Listing {
  /** Row i of the library, or undefined while its page is on its way. */
  rowAt: (i: number) => ListingRow | undefined;
  /** Asks for the pages that hold rows first…last (the list calls it as it scrolls). */
  show: (first: number, last: number) => void;
  /** The rows asked for last (0-based, inclusive). */
  range: { first: number; last: number };
  /** A page that could not be loaded, if any. */
  error: Error | null;
  retry: () => void;
}

/**
 * An archive's library listing, a page at a time: the pages that hold the rows on screen are
 * fetched (page 0 at once), and pages fetched before stay in the query cache, so scrolling back
 * costs nothing. With `rows` (a filter's listing rows, ascending), item i is listing row
 * `rows[i]`: the pages fetched are those of the rows on screen, however far apart.
 */
export function useListing(info: ArchiveInfo, rows: readonly number[] | null = null): Listing {
  const client = useQueryClient();
  const [range, setRange] = useState({ first: 0, last: 0 });
  const pages = useMemo(() => {
    if (rows) {
      const shown = rows.slice(range.first, range.last + 1);
      return [...new Set(shown.map((r) => pageOf(r, info.pageSize).page))];
    }
    const from = pageOf(range.first, info.pageSize).page;
    const to = pageOf(range.last, info.pageSize).page;
    const out: number[] = [];
    for (let n = from; n <= to && n < info.pages.length; n++) out.push(n);
    return out;
  }, [range, info, rows]);
  const results = useQueries({ queries: pages.map((n) => listingPageQuery(info, n)) });
  const error = results.find((r) => r.error)?.error ?? null;
  // A new identity whenever a page arrives, so the list re-renders its rows.
  const arrived = results.map((r) => r.dataUpdatedAt).join();
  // Every page in the cache (those scrolled past too), read once per arrival: the list asks for
  // rows many times a render, and a cache lookup hashes its query key each time.
  const loaded = useMemo(() => {
    const out = new Map<number, ListingRow[]>();
    for (const n of info.pages.keys()) {
      const rows = client.getQueryData(listingPageQuery(info, n).queryKey);
      if (rows) out.set(n, rows);
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `arrived` is the data's version
  }, [client, info, arrived]);
  const rowAt = useCallback(
    (i: number) => {
      const row = rows ? rows[i] : i;
      if (row === undefined) return undefined;
      const { page, offset } = pageOf(row, info.pageSize);
      return loaded.get(page)?.[offset];
    },
    [loaded, info, rows],
  );
  const show = useCallback((first: number, last: number) => {
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
  }, []);
  const retry = useCallback(() => {
    for (const r of results) if (r.error) void r.refetch();
  }, [results]);
  return { rowAt, show, range, error, retry };
}
