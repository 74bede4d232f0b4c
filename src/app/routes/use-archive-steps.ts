import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ArchiveInfo } from '../../corpus/archive/archive-format';
import { pageOf, type ListingRow } from '../../corpus/archive/listing';
import { isBriefId } from '../../corpus/library';
import { archiveRow, useSideGroup } from '../../data/archive-api';
import { listingPageQuery } from '../../data/archive-queries';
import type { StorySteps } from './use-story-steps';

/** Within this many rows of its page's edge, the page beside it is fetched too (j/k cross it). */
const EDGE = 8;

/**
 * j/k, J/K and the pager in an archive: the library's order, read from the listing page that holds
 * the story (its row is in its side group) and the page beside it when the story is near an
 * edge. An archive's library has no filters, so neither do its steps.
 */
export function useArchiveSteps(
  storyId: string,
  info: ArchiveInfo | null,
): StorySteps & { titleOf: (id: string) => string | undefined } {
  const side = useSideGroup(storyId);
  const row = side.data ? archiveRow(side.data, storyId) : -1;
  const pages = useMemo(() => {
    if (!info || row < 0) return [];
    const { page, offset } = pageOf(row, info.pageSize);
    const out = [page];
    if (offset < EDGE && page > 0) out.unshift(page - 1);
    if (offset >= info.pageSize - EDGE && page + 1 < info.pages.length) out.push(page + 1);
    return out;
  }, [info, row]);
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
  return {
    within: NO_FILTER,
    pending: info !== null && (row < 0 || !loaded),
    neighbourOf: (from, delta, every = false) => {
      const start = from === storyId ? row : (rowOfId.get(from) ?? -1);
      if (start < 0) return null;
      for (let i = start + delta; i >= 0 && i < total; i += delta) {
        const r = rows.get(i);
        if (!r) return null;
        if (every || !isBriefId(r.id)) return r.id;
      }
      return null;
    },
    endMessage: (delta, every = false) =>
      `This is the ${delta > 0 ? 'last' : 'first'} ${every ? 'story' : 'article'} in the library.`,
    titleOf: (id) => side.data?.titles[id] ?? rows.get(rowOfId.get(id) ?? -1)?.title,
  };
}

const NO_FILTER = new URLSearchParams();
