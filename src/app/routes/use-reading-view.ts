import { useMemo } from 'react';
import type { ReadingEntry } from '../../corpus/notebook/types';
import type { ListingRow } from '../../corpus/archive/listing';
import { useReading } from '../../data/notebook/use-notebook';
import type { InProgress } from '../../features/library/continue-reading';

/** Stories in "Continue reading": begun, not finished. */
export const CONTINUE_MAX = 4;
/** Below this, a story was opened rather than begun. */
const BEGUN = 0.05;

/** Records of stories begun and not finished, last read first. */
export function begunRecords(records: Iterable<ReadingEntry>): ReadingEntry[] {
  const begun: ReadingEntry[] = [];
  for (const r of records) if (!r.read && r.progress >= BEGUN && r.paragraph > 1) begun.push(r);
  return begun.sort((a, b) => b.updated.localeCompare(a.updated));
}

/** The library's view of reading state: read stories, and the stories to continue. */
export function useReadingView(stories: readonly Pick<ListingRow, 'id' | 'title'>[]) {
  const records = useReading();
  const byId = useMemo(() => new Map(stories.map((s) => [s.id, s])), [stories]);
  return useMemo(() => {
    const readIds = new Set<string>();
    for (const r of records.values()) if (r.read) readIds.add(r.storyId);
    const inProgress: InProgress[] = begunRecords(records.values())
      .flatMap((r) => {
        const story = byId.get(r.storyId);
        return story ? [{ id: story.id, title: story.title, progress: r.progress }] : [];
      })
      .slice(0, CONTINUE_MAX);
    return { readIds, inProgress };
  }, [records, byId]);
}
