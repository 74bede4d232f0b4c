import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { libraryFilter } from '../../config/paths';
import type { ArchiveInfo } from '../../corpus/archive/archive-format';
import { pageOf, type ListingRow } from '../../corpus/archive/listing';
import { hasRow, stepRows } from '../../corpus/archive/row-lists';
import { isBriefId } from '../../corpus/library';
import type { StoryKind } from '../../corpus/types';
import { archiveRow, useSideGroup } from '../../data/archive-api';
import { listingPageQuery } from '../../data/archive-queries';
import { useArchiveFilter } from '../../data/use-archive-filter';
import type { StorySteps } from './use-story-steps';

/** Within this many rows of its page's edge, the page beside it is fetched too (j/k cross it). */
const EDGE = 8;

/**
 * j/k, J/K and the pager in an archive: the library's order, read from the listing page that holds
 * the story (its row is in its side group) and the page beside it when the story is near an
 * edge. Opened from a filtered library (`?entity=`, `?section=`, `?kind=` in its URL), the steps
 * follow the filter's rows (use-archive-filter.ts) and the kinds file tells articles from briefs,
 * so only the pages of the four rows a step can reach are fetched.
 */
export function useArchiveSteps(
  storyId: string,
  info: ArchiveInfo | null,
  params: URLSearchParams,
): StorySteps & { titleOf: (id: string) => string | undefined } {
  const within = useMemo(() => libraryFilter(params), [params]);
  const kindParam = within.get('kind');
  const kind: StoryKind | null = kindParam === 'main' || kindParam === 'brief' ? kindParam : null;
  const filter = useArchiveFilter(info, {
    entityIds: within.getAll('entity'),
    section: within.get('section'),
    kind,
  });
  const filtered = within.size > 0;
  const side = useSideGroup(storyId);
  const row = side.data ? archiveRow(side.data, storyId) : -1;
  // With a filter: is a row one a step of this kind lands on (articles, or briefs in `?kind=brief`).
  const mains = filter.mainRows;
  const unitAt = useMemo(
    () => (mains ? (r: number) => hasRow(mains, r) === (kind !== 'brief') : () => true),
    [mains, kind],
  );
  const pages = useMemo(() => {
    if (!info || row < 0) return [];
    if (filter.rows) {
      const rows = filter.rows;
      const reach = [1, -1].flatMap((d) => [
        stepRows(rows, row, d as 1 | -1),
        stepRows(rows, row, d as 1 | -1, unitAt),
      ]);
      const at = reach.filter((r) => r !== null).map((r) => pageOf(r, info.pageSize).page);
      return [...new Set([pageOf(row, info.pageSize).page, ...at])];
    }
    const { page, offset } = pageOf(row, info.pageSize);
    const out = [page];
    if (offset < EDGE && page > 0) out.unshift(page - 1);
    if (offset >= info.pageSize - EDGE && page + 1 < info.pages.length) out.push(page + 1);
    return out;
  }, [info, row, filter.rows, unitAt]);
  const results = useQueries({
    queries: info ? pages.map((n) => listingPageQuery(info, n)) : [],
  });
  const loaded = results.every((r) => r.data);
  const arrived = results.map((r) => r.dataUpdatedAt).join();
  const rows = useMemo(() => {
    const out = new Map<number, ListingRow>();
    if (!info) return out;
    results.forEach((r, k) => r.data?.forEach((x, i) => out.set(pages[k]! * info.pageSize + i, x)));
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `arrived` is the pages' version
  }, [info, pages, arrived]);
  const rowOfId = useMemo(() => new Map([...rows].map(([i, r]) => [r.id, i])), [rows]);
  const total = info?.stories ?? 0;
  // j/k in a filter step by article, which the kinds file tells.
  const kindsDue = filtered && info?.kinds !== undefined && filter.mainRows === null;
  const pending = info !== null && (row < 0 || !loaded || filter.pending || kindsDue);
  return {
    within,
    pending,
    // A neighbour as soon as its row is known (the pager shows it then), even while a page a
    // step the other way needs is on its way; none while the filter's rows or kinds are not
    // known (a step would ignore them).
    neighbourOf: (from, delta, every = false) => {
      const start = from === storyId ? row : (rowOfId.get(from) ?? -1);
      if (start < 0 || (filtered && (filter.pending || kindsDue))) return null;
      if (filter.rows) {
        const to = stepRows(filter.rows, start, delta, every ? undefined : unitAt);
        return to === null ? null : (rows.get(to)?.id ?? null);
      }
      for (let i = start + delta; i >= 0 && i < total; i += delta) {
        const r = rows.get(i);
        if (!r) return null;
        if (every || !isBriefId(r.id)) return r.id;
      }
      return null;
    },
    endMessage: (delta, every = false) => {
      const what = every ? 'story' : kind === 'brief' ? 'brief' : 'article';
      const where =
        filtered && !(within.size === 1 && kind === 'main') ? 'this filter' : 'the library';
      return `This is the ${delta > 0 ? 'last' : 'first'} ${what} in ${where}.`;
    },
    titleOf: (id) => side.data?.titles[id] ?? rows.get(rowOfId.get(id) ?? -1)?.title,
  };
}
