import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ArchiveInfo } from '../../corpus/archive/archive-format';
import { pageOf } from '../../corpus/archive/listing';
import { listingKey } from '../../corpus/archive/read-rows';
import { archiveRow } from '../../data/archive-api';
import { listingPageQuery, sideGroupQuery } from '../../data/archive-queries';
import { useReading } from '../../data/notebook/use-notebook';
import type { InProgress } from '../../features/library/continue-reading';
import { begunRecords, CONTINUE_MAX } from './use-reading-view';

/**
 * "Continue reading" in an archive, which has no folder of stories to look titles up in. A story
 * begun here carries its listing row (ReadingEntry.place): its title is on that listing page,
 * most often page 0 or one the reader has scrolled through. A story begun in another build of
 * the archive (another listing) or before rows were kept finds its row in its side group first,
 * which its story view fetched already. At most 2 × CONTINUE_MAX stories are looked up: a story
 * no longer in the archive (its file removed) leaves room for the next.
 */
const NONE: InProgress[] = [];

export function useArchiveContinue(info: ArchiveInfo): InProgress[] {
  const records = useReading();
  const listing = useMemo(() => listingKey(info.pages), [info]);
  const begun = useMemo(() => begunRecords(records.values()).slice(0, CONTINUE_MAX * 2), [records]);
  const placed = (r: (typeof begun)[number]) => {
    const p = r.place;
    return p && p.listing === listing && Number.isSafeInteger(p.row) && p.row >= 0
      ? p.row
      : undefined;
  };
  const unplaced = begun.filter((r) => placed(r) === undefined);
  const sides = useQueries({
    queries: unplaced.map((r) => ({ ...sideGroupQuery(info, r.storyId), retry: false })),
  });
  const rowOf = new Map<string, number>();
  for (const r of begun) {
    const row = placed(r);
    if (row !== undefined) rowOf.set(r.storyId, row);
  }
  unplaced.forEach((r, i) => {
    const group = sides[i]?.data;
    if (group) rowOf.set(r.storyId, archiveRow(group, r.storyId));
  });
  const pages = [
    ...new Set(
      [...rowOf.values()]
        .filter((row) => row >= 0 && row < info.stories)
        .map((row) => pageOf(row, info.pageSize).page),
    ),
  ].sort((a, b) => a - b);
  const listed = useQueries({ queries: pages.map((n) => listingPageQuery(info, n)) });
  // All at once, in the order read: items popping in one by one would move under the pointer.
  if ([...sides, ...listed].some((q) => q.isPending)) return NONE;
  const out: InProgress[] = [];
  for (const r of begun) {
    const row = rowOf.get(r.storyId);
    if (row === undefined || row < 0) continue;
    const { page, offset } = pageOf(row, info.pageSize);
    const entry = listed[pages.indexOf(page)]?.data?.[offset];
    // The row must still be this story's: a place is kept with its listing's name, but a
    // side group answers for the build it is of.
    if (entry?.id === r.storyId)
      out.push({ id: r.storyId, title: entry.title, progress: r.progress });
  }
  return out.slice(0, CONTINUE_MAX);
}
