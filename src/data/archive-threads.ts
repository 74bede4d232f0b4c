import { useQuery } from '@tanstack/react-query';
import type { ArchiveThread } from '../corpus/archive/archive-format';
import { typeOfId } from '../corpus/entities/ids';
import type { TimelineEntry } from '../corpus/threads/timeline';
import type { EntitySummary, ThreadStory } from '../worker/protocol';
import { useArchive } from './archive-api';
import { NO_ARCHIVE, threadGroupQuery } from './archive-queries';

/**
 * A thread as an archive's thread page shows it: the whole folder's; the timeline is null when
 * the build had none to give (an archive built before timelines were).
 */
export interface ArchiveThreadView {
  id: string;
  title: string;
  size: number;
  stories: ThreadStory[];
  entities: Pick<EntitySummary, 'id' | 'name' | 'type'>[];
  timeline: TimelineEntry[] | null;
}

/** An archive thread page's answer: the thread, or nothing. */
export type ArchiveThreadLookup =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'found'; thread: ArchiveThreadView }
  | { state: 'missing' };

/** True in an archive built with thread groups: its thread pages and the sidebar's link work. */
export function useArchiveThreadPages(): boolean {
  return useArchive()?.threads !== undefined;
}

/** A thread of the archive, from the thread group its id hashes to (idle without groups). */
export function useArchiveThread(id: string): ArchiveThreadLookup {
  const info = useArchive();
  const q = useQuery({
    ...threadGroupQuery(info ?? NO_ARCHIVE, id),
    enabled: info?.threads !== undefined,
  });
  if (q.isError) return { state: 'error', message: q.error.message };
  if (!q.data) return { state: 'loading' };
  // Own keys only: a thread id such as `constructor` must not find Object's.
  const thread = Object.hasOwn(q.data.threads, id) ? q.data.threads[id] : undefined;
  return thread ? { state: 'found', thread: threadView(id, thread) } : { state: 'missing' };
}

function threadView(id: string, t: ArchiveThread): ArchiveThreadView {
  return {
    id,
    title: t.title,
    size: t.size,
    stories: t.stories.map(([storyId, title, section, brief, lede, copyOf]) => ({
      storyId,
      title,
      kind: brief ? 'brief' : 'main',
      section,
      lede,
      copyOf,
    })),
    entities: t.entities.map(([eid, name]) => ({ id: eid, name, type: typeOfId(eid) })),
    timeline:
      t.timeline?.map(([storyId, paragraph, when, sortKey, text]) => ({
        storyId,
        paragraph,
        when,
        sortKey,
        text,
      })) ?? null,
  };
}
