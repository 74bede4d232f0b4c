import { buildEntityTable } from '../entities/entity-table';
import type { Entity, StoryEntities } from '../entities/types';
import { entityIdsByStory } from '../related/entity-input';
import { relatedIndexSteps, type RelatedIndex } from '../related/related-index';
import { allRelated } from '../related/related-query';
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
  threads: Threads;
}

/**
 * The folder-wide builds in steps of a few to ~200 ms (the table, and the neighbour lists are the
 * big ones; the related index yields every few dozen stories). `afterTable` runs as soon as the
 * table exists, with its own steps (the worker gives search the names there).
 */
export function* folderTablesSteps(
  order: readonly string[],
  stories: ReadonlyMap<string, Story>,
  analyses: ReadonlyMap<string, StoryEntities>,
  afterTable: (table: EntityTable) => Generator<void, void> = function* () {},
  /** Called as each part is done (the build prints time and memory per part). */
  done: (part: string) => void = () => {},
): Generator<void, FolderTables> {
  const table = buildEntityTable(
    order.map((id) => analyses.get(id)).filter((a): a is StoryEntities => !!a),
  );
  done('entity table');
  yield;
  yield* afterTable(table);
  // Canonical ids, one per mention: threads weigh an entity by its mentions (entity-field.ts);
  // the related index counts each once.
  const mentions = entityIdsByStory([...analyses.values()], table.remap);
  const byStory = new Map([...mentions].map(([id, list]) => [id, [...new Set(list)]]));
  const inOrder = order.map((id) => stories.get(id)).filter((s): s is Story => !!s);
  const related = yield* relatedIndexSteps(inOrder, byStory);
  done('related index');
  yield;
  // The ledes are read in steps too (threads-design.md: the headline-and-lede field).
  const vectors = yield* threadVectorsSteps(related, DEFAULT_THREADS, inOrder, mentions);
  done('event vectors');
  yield;
  const neighbours = allRelated(related, DEFAULT_THREADS.neighbours);
  done('neighbours');
  yield;
  const threads = buildThreads(related, neighbours, vectors);
  done('threads');
  return { table, related, vectors, threads };
}

/** `folderTablesSteps` all at once (the build, tests). */
export function buildFolderTables(
  order: readonly string[],
  stories: ReadonlyMap<string, Story>,
  analyses: ReadonlyMap<string, StoryEntities>,
  done?: (part: string) => void,
): FolderTables {
  return runSteps(folderTablesSteps(order, stories, analyses, undefined, done));
}
