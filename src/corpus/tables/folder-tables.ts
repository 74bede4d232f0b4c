import { buildEntityTable } from '../entities/entity-table';
import type { Entity, StoryEntities } from '../entities/types';
import { entityIdsByStory } from '../related/entity-input';
import { relatedIndexSteps, type RelatedIndex } from '../related/related-index';
import type { TermCounts } from '../related/term-counts';
import { firstPassesSteps, type Pools } from '../related/first-pass';
import { neighbourLists } from '../related/related-query';
import { buildThreads, DEFAULT_THREADS, type Threads } from '../threads/build-threads';
import { threadVectorsSteps, type ThreadVectors } from '../threads/thread-similarity';
import type { Story } from '../types';
import { runSteps } from '../run-steps';

/**
 * What spans the whole folder once every story is analysed: the entity table, the related index
 * with its event vectors, and the threads. The browser's worker builds them a step at a time
 * (src/worker/corpus-tables.ts) and the build builds them in Node (vite/tables-thread.ts), both
 * through `folderTablesSteps`, so a shipped table is the one the worker would have built.
 */
export interface EntityTable {
  entities: Entity[];
  /** Story-level entity id → the table's (canonical) id, for ids the table merged. */
  remap: Record<string, string>;
}

export interface FolderTables {
  table: EntityTable;
  related: RelatedIndex;
  vectors: ThreadVectors;
  /** Every story's nearest stories (slot d: story d), `DEFAULT_THREADS.neighbours` of them: the
   * threads' candidates, and (their first five) every story's related list. */
  neighbours: Pools;
  threads: Threads;
}

/** What `folderIndexSteps` builds: the tables up to the related index's vectors. */
export type FolderIndex = Omit<FolderTables, 'neighbours' | 'threads'>;

/** What the rest of the tables read of the analyses: the entity table, and each story's
 * canonical entity ids, one per mention (threads weigh an entity by its mentions, see
 * entity-field.ts; the related index counts each once). */
export interface FolderEntities {
  table: EntityTable;
  mentions: Map<string, string[]>;
}

export function folderEntities(
  order: readonly string[],
  analyses: ReadonlyMap<string, StoryEntities>,
): FolderEntities {
  const table = buildEntityTable(
    order.map((id) => analyses.get(id)).filter((a): a is StoryEntities => !!a),
  );
  return { table, mentions: entityIdsByStory([...analyses.values()], table.remap) };
}

/**
 * The folder-wide builds in steps of a few to ~200 ms (the table is the big one; the related
 * index and the first passes yield every few dozen or hundred stories). `afterTable` runs as
 * soon as the table exists, with its own steps (the worker gives search the names there);
 * `done` is told as each part ends (the build prints their times).
 */
export function* folderTablesSteps(
  order: readonly string[],
  stories: ReadonlyMap<string, Story>,
  analyses: ReadonlyMap<string, StoryEntities>,
  afterTable: (table: EntityTable) => Generator<void, void> = function* () {},
  done: (part: string) => void = () => {},
): Generator<void, FolderTables> {
  const entities = folderEntities(order, analyses);
  done('entity table');
  yield;
  yield* afterTable(entities.table);
  const built = yield* folderIndexSteps(order, stories, entities, done);
  const passes = yield* firstPassesSteps(built.related);
  done('first passes');
  yield;
  return folderThreads(built, passes, done);
}

/**
 * The related index and its event vectors, from the stories and their entities (the build has
 * let the analyses go by then: at 25,000 stories they were a third of its live heap).
 */
export function* folderIndexSteps(
  order: readonly string[],
  stories: ReadonlyMap<string, Story>,
  entities: FolderEntities,
  done: (part: string) => void = () => {},
): Generator<void, FolderIndex> {
  const related = yield* folderRelatedSteps(order, stories, entities, done);
  yield;
  return yield* folderVectorsSteps(order, stories, entities, related, done);
}

/**
 * The related index alone. `counts`: its counting pass made already, over these stories in
 * this order (the build's, from its per-file cache).
 */
export function* folderRelatedSteps(
  order: readonly string[],
  stories: ReadonlyMap<string, Story>,
  { mentions }: FolderEntities,
  done: (part: string) => void = () => {},
  counts?: TermCounts,
): Generator<void, RelatedIndex> {
  const byStory = new Map([...mentions].map(([id, list]) => [id, [...new Set(list)]]));
  const related = yield* relatedIndexSteps(inOrder(order, stories), byStory, {}, counts);
  done('related index');
  return related;
}

/** The event vectors of the related index's stories: the rest of `folderIndexSteps`. */
export function* folderVectorsSteps(
  order: readonly string[],
  stories: ReadonlyMap<string, Story>,
  { table, mentions }: FolderEntities,
  related: RelatedIndex,
  done: (part: string) => void = () => {},
): Generator<void, FolderIndex> {
  // The ledes are read in steps too (threads-design.md: the headline-and-lede field).
  const vectors = yield* threadVectorsSteps(
    related,
    DEFAULT_THREADS,
    inOrder(order, stories),
    mentions,
  );
  done('event vectors');
  return { table, related, vectors };
}

function inOrder(order: readonly string[], stories: ReadonlyMap<string, Story>): Story[] {
  return order.map((id) => stories.get(id)).filter((s): s is Story => !!s);
}

/**
 * The rest, from every story's first pass (`firstPasses`, which the build computes on two
 * threads): the neighbour lists and the threads.
 */
export function folderThreads(
  built: FolderIndex,
  passes: Pools,
  done: (part: string) => void = () => {},
): FolderTables {
  const neighbours = neighbourLists(built.related, passes, DEFAULT_THREADS.neighbours);
  done('neighbours');
  const threads = buildThreads(built.related, neighbours, built.vectors);
  done('threads');
  return { ...built, neighbours, threads };
}

/** `folderTablesSteps` all at once (tests, scripts). */
export function buildFolderTables(
  order: readonly string[],
  stories: ReadonlyMap<string, Story>,
  analyses: ReadonlyMap<string, StoryEntities>,
  done?: (part: string) => void,
): FolderTables {
  return runSteps(folderTablesSteps(order, stories, analyses, undefined, done));
}
