import { buildEntityTable } from '../corpus/entities/entity-table';
import type { Entity, StoryEntities } from '../corpus/entities/types';
import { relatedIndexSteps, type RelatedIndex } from '../corpus/related/related-index';
import { allRelated } from '../corpus/related/related-query';
import { buildThreads, DEFAULT_THREADS, type Threads } from '../corpus/threads/build-threads';
import { threadVectorsSteps, type ThreadVectors } from '../corpus/threads/thread-similarity';
import { setEntities } from '../corpus/search/entities';
import { warmSearch } from '../corpus/search/search';
import type { SearchIndex } from '../corpus/search/types';
import type { Story } from '../corpus/types';
import { writeSearchIndex } from './search-cache';

/**
 * The folder-wide builds of the corpus engine and its mention counts, kept apart from the
 * engine's queueing and state so each stays small.
 */

export interface FolderTable {
  entities: Entity[];
  remap: Record<string, string>;
}

/** What the folder-wide build reads from the engine and reports back to it. */
export interface FolderBuildHost {
  readonly order: readonly string[];
  readonly stories: ReadonlyMap<string, Story>;
  readonly analyses: ReadonlyMap<string, StoryEntities>;
  readonly search: SearchIndex;
  readonly searchIsCached: boolean;
  readonly folderFingerprint: string;
  canonical(id: string): string;
  tableReady(table: FolderTable): void;
  relatedReady(related: RelatedIndex, vectors: ThreadVectors, threads: Threads): void;
}

/**
 * What needs the whole folder analysed, in steps the engine runs one slice at a time: the entity
 * table, the search index's names, the cached index, then the related index (with entities: one
 * build, not a terms-only one first), its event vectors and the threads. Each step is a few to
 * ~200 ms of work (the table, the names and the neighbour lists are the big ones); the related
 * index yields every few dozen stories.
 */
export function* folderBuildSteps(host: FolderBuildHost): Generator<void, void> {
  const analyses = host.order
    .map((id) => host.analyses.get(id))
    .filter((a): a is StoryEntities => !!a);
  const table = buildEntityTable(analyses);
  yield;
  attachEntities(host.search, table.entities);
  yield;
  host.tableReady(table);
  if (!host.searchIsCached) void writeSearchIndex(host.folderFingerprint, host.search);
  yield;
  const byStory = new Map<string, string[]>();
  for (const a of host.analyses.values()) {
    byStory.set(a.storyId, [...new Set(a.mentions.map((m) => host.canonical(m.entityId)))]);
  }
  const stories = [...host.stories.values()];
  const related = yield* relatedIndexSteps(stories, byStory);
  yield;
  const vectors = yield* threadVectorsSteps(related, DEFAULT_THREADS, stories);
  yield;
  const neighbours = allRelated(related, DEFAULT_THREADS.neighbours);
  yield;
  host.relatedReady(related, vectors, buildThreads(related, neighbours, vectors));
}

/** Gives the search index the folder's entities and builds its lookup caches in background time. */
export function attachEntities(search: SearchIndex, entities: readonly Entity[]): void {
  setEntities(
    search,
    entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      storyIds: e.stories.map((s) => s.storyId),
    })),
  );
  // Now, not on the next keystroke.
  warmSearch(search);
}

/** entity id → story id → mention count, grown by one story's analysis. */
export function countMentions(index: Map<string, Map<string, number>>, a: StoryEntities): void {
  for (const m of a.mentions) {
    let per = index.get(m.entityId);
    if (!per) index.set(m.entityId, (per = new Map()));
    per.set(a.storyId, (per.get(a.storyId) ?? 0) + 1);
  }
}

/** The same counts for one entity id, from the analyses (once the mention index is dropped). */
export function countStoriesMentioning(
  analyses: ReadonlyMap<string, StoryEntities>,
  id: string,
): Map<string, number> | undefined {
  const per = new Map<string, number>();
  for (const a of analyses.values())
    for (const m of a.mentions)
      if (m.entityId === id) per.set(a.storyId, (per.get(a.storyId) ?? 0) + 1);
  return per.size ? per : undefined;
}
