import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ArchiveInfo } from '../../corpus/archive/archive-format';
import { pageOf } from '../../corpus/archive/listing';
import { listingKey } from '../../corpus/archive/read-rows';
import { archiveRow } from '../../data/archive-api';
import { listingPageQuery, sideGroupQuery } from '../../data/archive-queries';
import { useReading } from '../../data/notebook/use-notebook';
import type { ReadingEntry } from '../../corpus/notebook/types';
import type { InProgress } from '../../features/library/continue-reading';
import { begunRecords, CONTINUE_MAX } from './use-reading-view';

/**
 * "Continue reading" in an archive, which has no folder of stories to look titles up in. A story
 * begun here carries its listing row (ReadingEntry.place): its title is on that listing page,
 * most often page 0 or one the reader has scrolled through. A story begun in another build of
 * the archive (another listing) or before rows were kept finds its row in its side group first,
 * which its story view fetched already. A story no longer in the archive (its file removed)
 * leaves room for the next.
 */
const NONE: InProgress[] = [];

export function useArchiveContinue(info: ArchiveInfo): InProgress[] {
  const records = useReading();
  const listing = useMemo(() => listingKey(info.pages), [info]);
  const placed = (r: ReadingEntry) => placedRow(r, listing);
  // Stories placed in this listing are found on a listing page; the others (another folder on
  // this origin, a file removed, a mark of before rows were kept) need their side group first.
  // Up to 2 × CONTINUE_MAX of each, last read first: records of other folders neither crowd out
  // this one's nor cost a fetch each beyond that.
  const begun = useMemo(() => {
    let inListing = 0;
    let lookups = 0;
    return begunRecords(records.values()).filter((r) =>
      placedRow(r, listing) !== undefined
        ? inListing++ < CONTINUE_MAX * 2
        : lookups++ < CONTINUE_MAX * 2,
    );
  }, [records, listing]);
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
  // No retries: a page that fails leaves its stories out rather than hold the row back.
  const listed = useQueries({
    queries: pages.map((n) => ({ ...listingPageQuery(info, n), retry: false })),
  });
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

/** The record's row in `listing` when it was kept there (ReadingEntry.place), else undefined. */
function placedRow(r: ReadingEntry, listing: string): number | undefined {
  const p = r.place;
  return p && p.listing === listing && Number.isSafeInteger(p.row) && p.row >= 0
    ? p.row
    : undefined;
}
