import type { Threads } from '../threads/build-threads';
import { timeline } from '../threads/timeline';
import type { Story } from '../types';
import type { ArchiveTimelineEntry } from './archive-format';

/**
 * Every thread's merged timeline (the whole folder's `timeline` over its stories), by thread id.
 * It reads every paragraph, so the build makes it in the tables thread while the folder's text
 * is there (vite/tables-thread.ts); the archive's thread groups put it with each thread.
 */
export function threadTimelines(
  threads: Threads,
  storyOf: (storyId: string) => Story | undefined,
): Record<string, ArchiveTimelineEntry[]> {
  const out: Record<string, ArchiveTimelineEntry[]> = {};
  for (const t of threads.threads) {
    const stories = t.storyIds.map(storyOf).filter((s): s is Story => s !== undefined);
    out[t.id] = timeline(stories).map((e) => [e.storyId, e.paragraph, e.when, e.sortKey, e.text]);
  }
  return out;
}
