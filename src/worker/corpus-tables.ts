import type { Entity, StoryEntities } from '../corpus/entities/types';
import {
  folderTablesSteps,
  type EntityTable,
  type FolderTables,
} from '../corpus/tables/folder-tables';
import { RelatedLists } from '../corpus/related/related-query';
import { relatedContext, storyRelated, type StoryRelated } from '../corpus/tables/story-related';
import {
  decodeTablesSteps,
  type ShippedTables,
  type TablesPack,
} from '../corpus/tables/tables-codec';
import type { Threads } from '../corpus/threads/build-threads';
import { setEntities } from '../corpus/search/entities';
import { warmSearch } from '../corpus/search/search';
import type { SearchIndex } from '../corpus/search/types';
import type { Story } from '../corpus/types';
import { writeSearchIndex } from './search-cache';

/**
 * The folder-wide builds of the corpus engine and its mention counts, kept apart from the
 * engine's queueing and state so each stays small.
 */

export type FolderTable = EntityTable;

/**
 * What related and thread queries read: the related index the worker built, or the lists the
 * build shipped (`ShippedTables`, which has the same three answers).
 */
export interface RelatedSource {
  threads: Threads;
  /** A story's sidebar list with its reasons; null for a story the folder does not have. */
  relatedOf(storyId: string): StoryRelated | null;
  /** The smallest story index of a story's duplicate group (-1: none; undefined: unknown). */
  copyGroup(storyId: string): number | undefined;
}

/** What the folder-wide build reads from the engine and reports back to it. */
export interface FolderBuildHost {
  readonly order: readonly string[];
  readonly stories: ReadonlyMap<string, Story>;
  readonly analyses: ReadonlyMap<string, StoryEntities>;
  readonly search: SearchIndex;
  readonly searchIsCached: boolean;
  readonly folderFingerprint: string;
  tableReady(table: FolderTable): void;
  relatedReady(source: RelatedSource): void;
  /** An entity's display name (the table's). */
  nameOf(entityId: string): string;
  /** Search has the build's names: what was answered from part of the folder is asked again. */
  searchNamed(): void;
}

/**
 * The engine's folder-wide results: the entity table and the related lists and threads, built
 * here a slice at a time (`folderBuildSteps`) or taken from the build (`ShippedTables`).
 */
export class FolderResults {
  table: FolderTable | null = null;
  entityById = new Map<string, Entity>();
  related: RelatedSource | null = null;
  /** Bumped at each rebuild (see WorkerStatus.epoch). */
  epoch = 0;
  /**
   * The build's tables for the current folder, once taken: they hold while files arrive (the
   * same fingerprint is the same folder); search gets their names once the folder is indexed.
   */
  private shipped: ShippedTables | null = null;
  /** With the build's tables: whether search has been given their names (once the folder is in). */
  private searchNames: 'no' | 'started' | 'done' = 'no';
  /** The build under way, one step at a time. */
  private build: Generator<void, void> | null = null;
  /** The build's tables being decoded, first in each slice (they answer for most of the rest). */
  private decoding: Generator<void, ShippedTables | undefined> | null = null;

  get fromBuild(): boolean {
    return this.shipped !== null;
  }

  /** The table, with every story read and analysed (see WorkerStatus.namesComplete). */
  get complete(): boolean {
    return this.table !== null && (!this.shipped || this.searchNames === 'done');
  }

  get busy(): boolean {
    return this.build !== null || this.decoding !== null;
  }

  setTable(table: FolderTable): void {
    this.table = table;
    this.epoch++;
    this.entityById = new Map(table.entities.map((e) => [e.id, e]));
  }

  /** Files arrived or changed: what was built here is out of date (true); the build's hold. */
  invalidate(): boolean {
    if (this.shipped) return false;
    this.table = null;
    this.entityById = new Map();
    this.related = null;
    this.build = null;
    return true;
  }

  /** Another folder (or an edit under `npm run dev`): the build's tables no longer hold. */
  dropShipped(): void {
    this.shipped = null;
    this.decoding = null;
  }

  /** The build's pack for the current folder: decoded a step at a time by `decodeStep`. */
  offer(pack: TablesPack, fingerprint: string): void {
    if (this.table === null) this.decoding = decodeTablesSteps(pack, fingerprint);
  }

  /** Decodes until `until` (ms); true when that ends with the build's tables taken. */
  decode(until: number): boolean {
    while (this.decoding && performance.now() < until) {
      const r = this.decoding.next();
      if (!r.done) continue;
      this.decoding = null;
      return r.value !== undefined && this.adopt(r.value);
    }
    return false;
  }

  /**
   * Takes the build's tables, unless a table was built here already (then false). A build of
   * its own under way (the pack came late) is dropped.
   */
  private adopt(shipped: ShippedTables): boolean {
    if (this.table !== null) return false;
    this.shipped = shipped;
    this.searchNames = 'no';
    this.build = null;
    this.setTable(shipped.table);
    this.related = shipped;
    return true;
  }

  /** The folder is read and analysed: starts what is left (the builds, or search's names). */
  start(host: FolderBuildHost): void {
    // The build's tables being decoded: a build of our own only if they turn out not to fit.
    if (this.build || this.decoding) return;
    if (this.table === null) this.build = folderBuildSteps(host);
    else if (this.shipped && this.searchNames === 'no') {
      this.searchNames = 'started';
      this.build = this.finish(host, this.shipped);
    }
  }

  private *finish(host: FolderBuildHost, shipped: ShippedTables): Generator<void, void> {
    yield* shippedFinishSteps(host, shipped);
    this.searchNames = 'done';
    host.searchNamed();
  }

  step(until: number): void {
    while (this.build && performance.now() < until) {
      if (this.build.next().done) this.build = null;
    }
  }
}

/**
 * What needs the whole folder analysed, in steps the engine runs one slice at a time (see
 * `folderTablesSteps`): the entity table, then the search index's names and the cached index,
 * then the related index (with entities: one build, not a terms-only one first), its event
 * vectors and the threads.
 */
export function* folderBuildSteps(host: FolderBuildHost): Generator<void, void> {
  const built = yield* folderTablesSteps(
    host.order,
    host.stories,
    host.analyses,
    function* (table) {
      attachEntities(host.search, table.entities);
      yield;
      host.tableReady(table);
      if (!host.searchIsCached) void writeSearchIndex(host.folderFingerprint, host.search);
      yield;
    },
  );
  host.relatedReady(builtSource(built, host));
}

/**
 * With the build's tables the engine has the table and the related lists from the start; once
 * the whole folder is indexed, search gets the names (its entity runtime maps each name to the
 * index's documents, so not before) and the index is cached.
 */
export function* shippedFinishSteps(
  host: FolderBuildHost,
  shipped: ShippedTables,
): Generator<void, void> {
  attachEntities(host.search, shipped.table.entities);
  yield;
  if (!host.searchIsCached) void writeSearchIndex(host.folderFingerprint, host.search);
}

/** Related answers from the related index built here. */
function builtSource(t: FolderTables, host: FolderBuildHost): RelatedSource {
  const ctx = relatedContext(t, host.stories, (id) => host.nameOf(id));
  const position = new Map(t.related.storyIds.map((id, d) => [id, d]));
  // The threads' neighbour lists hold every story's related list (their first five): no
  // first passes per opened story.
  const lists = new RelatedLists(t.related, t.neighbours);
  return {
    threads: t.threads,
    relatedOf: (storyId) => {
      const d = position.get(storyId);
      return d === undefined ? null : storyRelated(ctx, storyId, lists.get(d));
    },
    copyGroup: (storyId) => {
      const d = position.get(storyId);
      return d === undefined ? undefined : t.related.dupGroup[d];
    },
  };
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
