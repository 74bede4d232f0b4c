import type { Threads } from '../threads/build-threads';
import { mergeTimeline, type TimelineEntry } from '../threads/timeline';
import type { ArchiveTimelineEntry } from './archive-format';

/**
 * Every thread's merged timeline (the whole folder's `timeline` over its stories), by thread id,
 * from each story's dates (`storyDates`; undefined: the story is not there). Only the dates are
 * read, not the text: the build takes them at the parse and lets the text go before the threads
 * are made (vite/tables-thread.ts); the archive's thread groups put a timeline with each thread.
 */
export function threadTimelines(
  threads: Threads,
  datesOf: (storyId: string) => readonly TimelineEntry[] | undefined,
): Record<string, ArchiveTimelineEntry[]> {
  const out: Record<string, ArchiveTimelineEntry[]> = {};
  for (const t of threads.threads) {
    const dates = t.storyIds.flatMap((id) => datesOf(id) ?? []);
    out[t.id] = mergeTimeline(dates).map((e) => [
      e.storyId,
      e.paragraph,
      e.when,
      e.sortKey,
      e.text,
    ]);
  }
  return out;
}
