import type { Threads } from '../threads/build-threads';
import type { Story } from '../types';
import { cut } from './listing.ts';
import {
  ARCHIVE_FORMAT,
  THREAD_LEDE,
  THREAD_NAMES,
  THREAD_STORIES,
  threadGroupCount,
  threadGroupOf,
  type ArchiveThread,
  type ArchiveThreadStory,
  type ArchiveTimelineEntry,
  type ThreadGroup,
} from './archive-format.ts';

/** What the thread groups are cut from: the build's threads and the listing's stories. */
export interface ThreadInput {
  threads: Threads;
  /**
   * A story as the listing holds it (its folder-distinct title and at least its first
   * paragraph), undefined when the listing does not hold it.
   */
  storyOf: (
    storyId: string,
  ) => Pick<Story, 'title' | 'section' | 'kind' | 'paragraphs'> | undefined;
  /** The smallest story index of a story's copy group (-1 or undefined: none). */
  copyGroup: (storyId: string) => number | undefined;
  /** A canonical entity's name, undefined when the table does not hold it. */
  nameOf: (entityId: string) => string | undefined;
  /** The table's canonical id of a merged one. */
  remap: Record<string, string>;
  /** Stories listed per thread (THREAD_STORIES unless given). */
  cap?: number;
  /** Each thread's timeline (`threadTimelines`), when the build made them. */
  timelines?: Record<string, ArchiveTimelineEntry[]>;
}

/**
 * The archive's thread pages' data: every thread of the build's tables with what the whole
 * folder's thread page shows of it (worker/thread-queries.ts): its central story's title, its
 * stories in folder order with their section, kind, lede and copy, the names its stories share,
 * and its timeline (`timelines`, made in the tables thread, when given). Cut into
 * `threadGroupCount` groups (by count and bytes) by `threadGroupOf` of its id, the id the
 * sidebar's side data already gives (the thread's first story).
 */
export function threadGroups(input: ThreadInput): ThreadGroup[] {
  const cap = input.cap ?? THREAD_STORIES;
  const pages = input.threads.threads.map((t): [string, ArchiveThread] => {
    const copies = threadCopies(t.storyIds, input.copyGroup);
    const stories = t.storyIds.map((storyId): ArchiveThreadStory => {
      const s = input.storyOf(storyId);
      const copyOf = copies.get(storyId) ?? null;
      return [
        storyId,
        s?.title ?? storyId,
        s?.section ?? null,
        s?.kind === 'brief' ? 1 : 0,
        cut(s?.paragraphs[0] ?? '', THREAD_LEDE),
        copyOf,
      ];
    });
    const names = new Set<string>();
    const entities: [string, string][] = [];
    for (const id of t.entities) {
      const canonical = input.remap[id] ?? id;
      const name = input.nameOf(canonical);
      if (name === undefined || names.has(canonical)) continue;
      names.add(canonical);
      entities.push([canonical, name]);
      if (entities.length === THREAD_NAMES) break;
    }
    return [
      t.id,
      {
        title: input.storyOf(t.central)?.title ?? t.id,
        size: stories.filter((s) => s[5] === null).length,
        stories: stories.slice(0, cap),
        entities,
        ...(input.timelines && {
          timeline: Object.hasOwn(input.timelines, t.id) ? input.timelines[t.id]! : [],
        }),
      },
    ];
  });
  const bytes = pages.reduce((sum, [id, page]) => sum + id.length + JSON.stringify(page).length, 0);
  const count = threadGroupCount(pages.length, bytes);
  const groups: ThreadGroup[] = Array.from({ length: count }, () => ({
    format: ARCHIVE_FORMAT,
    threads: {},
  }));
  for (const [id, page] of pages) groups[threadGroupOf(id, count)]!.threads[id] = page;
  return groups;
}

/**
 * A thread's later copies of one story, each with the thread's first story of its copy group
 * (worker/thread-queries.ts marks them so): the thread lists and counts that story once.
 */
export function threadCopies(
  storyIds: readonly string[],
  copyGroup: (storyId: string) => number | undefined,
): Map<string, string> {
  const firstOfGroup = new Map<number, string>();
  const copies = new Map<string, string>();
  for (const storyId of storyIds) {
    const g = copyGroup(storyId) ?? -1;
    if (g < 0) continue;
    const first = firstOfGroup.get(g);
    if (first === undefined) firstOfGroup.set(g, storyId);
    else copies.set(storyId, first);
  }
  return copies;
}
