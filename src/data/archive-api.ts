import { own } from '../lib/own';
import { useQuery } from '@tanstack/react-query';
import type { ArchiveEntity, ArchiveInfo, SideGroup } from '../corpus/archive/archive-format';
import { sideMentions } from '../corpus/archive/side-groups';
import { ANALYSIS_VERSION } from '../corpus/entities/analysis-version';
import { typeOfId } from '../corpus/entities/ids';
import { fileIdOf } from '../corpus/library';
import type { Story } from '../corpus/types';
import type {
  EntitySummary,
  RelatedView,
  StoryEntitiesResult,
  ThreadSummary,
} from '../worker/protocol';
import { isArchiveBuild } from './archive-hint';
import { entityGroupQuery, NO_ARCHIVE, sideGroupQuery } from './archive-queries';
import { manifestQuery } from './seeds-api';

/**
 * An archive's data (see corpus/archive) as its views read it: a story's names, related list
 * and thread from its side group (archive-queries.ts fetches them). Nothing here touches the
 * worker.
 */

/** The manifest's archive part, or null for a whole-folder build (or before the manifest). */
export function useArchive(): ArchiveInfo | null {
  return useQuery(manifestQuery()).data?.archive ?? null;
}

/**
 * True in an archive build, before its manifest has arrived too (its pages say so): views then
 * ask nothing of the corpus worker, which an archive does not start.
 */
export function useArchiveMode(): boolean {
  return useArchive() !== null || isArchiveBuild();
}

/**
 * True in an archive built without search chunks (`SEEDS_CHUNKS=0`): it has no index to search,
 * so the palette and the results page say so. An archive with chunks searches them.
 */
export function useArchiveWithoutSearch(): boolean {
  const manifest = useQuery(manifestQuery()).data;
  return manifest?.archive !== undefined && manifest.chunks === undefined;
}

/** The side group of a story's file, once the archive manifest is in (idle otherwise). */
export function useSideGroup(storyId: string) {
  const info = useArchive();
  return useQuery({ ...sideGroupQuery(info ?? NO_ARCHIVE, storyId), enabled: info !== null });
}

/** True in an archive built with entity groups: its entity pages and the cards' links work. */
export function useArchiveEntityPages(): boolean {
  return useArchive()?.entities !== undefined;
}

/** An archive entity page's answer: the entity, the id it was merged into, or nothing. */
export type ArchiveEntityLookup =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'found'; entity: ArchiveEntity }
  | { state: 'merged'; canonical: string }
  | { state: 'missing' };

/** An entity of the archive, from the entity group its id hashes to (idle without groups). */
export function useArchiveEntity(id: string): ArchiveEntityLookup {
  const info = useArchive();
  const q = useQuery({
    ...entityGroupQuery(info ?? NO_ARCHIVE, id),
    enabled: info?.entities !== undefined,
  });
  if (q.isError) return { state: 'error', message: q.error.message };
  if (!q.data) return { state: 'loading' };
  const entity = own(q.data.entities, id);
  if (entity) return { state: 'found', entity };
  const canonical = own(q.data.remap, id);
  return canonical ? { state: 'merged', canonical } : { state: 'missing' };
}

function entitySummary(group: SideGroup, id: string, fallback: string): EntitySummary {
  const e = own(group.entities, id);
  return {
    id,
    name: e?.name ?? fallback,
    type: typeOfId(id),
    aliases: e?.aliases ?? [],
    storyCount: e?.storyCount ?? 1,
    mentionCount: e?.mentionCount ?? 0,
    // Not in an archive's side data (the card says so): only the counts.
    stories: [],
  };
}

/**
 * An opened story's names, as the worker answers `story-entities`, from its side group: no
 * names when the group's analysis is of other rules (ANALYSIS_VERSION) or another text.
 */
export function archiveStoryEntities(
  group: SideGroup,
  story: Story,
  hash: string,
): StoryEntitiesResult {
  const fits = group.analysis === ANALYSIS_VERSION;
  const mentions = (fits && sideMentions(group, { id: story.fileId, hash }, story)) || [];
  const ids = [...new Set(mentions.map((m) => m.entityId))];
  const entities = ids.map((id) =>
    entitySummary(group, id, mentions.find((m) => m.entityId === id)?.text ?? id),
  );
  return { storyId: story.id, mentions, entities };
}

/** A story's related list as the sidebar shows it, from its side group. */
export function archiveRelated(group: SideGroup, storyId: string): RelatedView | null {
  const related = storyOf(group, storyId)?.related;
  if (!related) return null;
  const entityNames: Record<string, string> = {};
  for (const h of related.related)
    for (const id of h.sharedEntities) entityNames[id] ??= own(group.entities, id)?.name ?? id;
  return { ...related, entityNames };
}

/**
 * The thread a story is in, as the sidebar's box shows it: titles from the group, section and
 * kind from the ids. Its names and ledes are not in the side group: the thread page reads them
 * from its thread group (archive-threads.ts), which one story view need not fetch.
 */
export function archiveThread(group: SideGroup, storyId: string): ThreadSummary | null {
  const side = storyOf(group, storyId);
  const ids = side?.thread;
  if (!ids) return null;
  const dupes = new Set(side.related?.duplicates);
  const copies = new Map(side.threadCopies);
  const stories = ids.map((id) => {
    const slash = id.indexOf('/');
    return {
      storyId: id,
      title: group.titles[id] ?? id,
      kind: id === fileIdOf(id) ? ('main' as const) : ('brief' as const),
      section: slash > 0 ? id.slice(0, slash) : null,
      lede: '',
      copyOf: copies.get(id) ?? (dupes.has(id) ? storyId : null),
    };
  });
  // Copies count once, as on the thread page.
  const size = ids.length - copies.size;
  return { id: ids[0]!, title: stories[0]?.title ?? '', size, stories, entities: [] };
}

/** The story's row in the listing (-1: unknown). */
export function archiveRow(group: SideGroup, storyId: string): number {
  return storyOf(group, storyId)?.row ?? -1;
}

/** A story's side data from its group: own keys only (the ids come from the URL). */
function storyOf(group: SideGroup, storyId: string) {
  return own(own(group.files, fileIdOf(storyId))?.stories, storyId);
}
