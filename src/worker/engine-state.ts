import type { Entity, StoryEntities } from '../corpus/entities/types';
import type { SearchIndex } from '../corpus/search/types';
import type { Threads } from '../corpus/threads/build-threads';
import type { Story } from '../corpus/types';
import { AnalysisStore } from './analysis-store';
import { FolderResults, type FolderTable, type RelatedSource } from './corpus-tables';
import { FolderStore } from './folder-store';
import type { PrebuiltNames } from './prebuilt-names';
import type { FileEntry } from './protocol';
import { SearchBuild } from './search-build';

/**
 * What the worker's engine holds, and the reads its requests make of it: the folder's files and
 * stories, the search index, the analyses and the folder-wide results. `CorpusEngine` (the
 * subclass) is what changes them: it takes files and the build's packs and runs the background
 * work. Split there because the reads are many one-line views and the work is where the engine's
 * decisions are.
 * IMPORTANT: runs inside the worker; it must not touch the DOM or anything of the main thread.
 */
export class EngineState {
  protected readonly folder = new FolderStore();
  /**
   * The search index's build, for the worker's search requests (searched, namesNow, whenDecided,
   * warm, complete): read-only to them; the engine feeds it files.
   */
  readonly searching = new SearchBuild();
  protected readonly build = this.searching;
  protected readonly store: AnalysisStore;
  protected readonly results = new FolderResults();
  protected fingerprint = '';

  constructor(names: PrebuiltNames) {
    this.store = new AnalysisStore(names);
  }

  /** The folder's entity table (null until built or shipped). */
  get table(): FolderTable | null {
    return this.results.table;
  }

  get entityById(): ReadonlyMap<string, Entity> {
    return this.results.entityById;
  }

  /** Related lists and threads (null until built, or until the build's have arrived). */
  get related(): RelatedSource | null {
    return this.results.related;
  }

  /** Story threads (null until built or shipped). */
  get threads(): Threads | null {
    return this.related?.threads ?? null;
  }

  /** A file of the folder as the engine holds it (for the page's story views, and reloads). */
  heldFile(fileId: string): FileEntry | undefined {
    return this.folder.entry(fileId);
  }

  /** The ids of the files the engine holds. */
  heldFileIds(): string[] {
    return [...this.folder.fileIds()];
  }

  /** Every analysis so far, by story id. */
  get analyses(): ReadonlyMap<string, StoryEntities> {
    return this.store.analyses;
  }

  /**
   * Stories mentioning a (story-level) entity id, with mention counts, in the order they were
   * analysed; undefined when none does.
   */
  storiesMentioning(id: string): Map<string, number> | undefined {
    return this.store.storiesMentioning(id);
  }

  /** Entity id → stories naming it, from the analyses so far; null when not kept (see store). */
  storyCounts(): Iterable<[string, number]> | null {
    return this.store.storyCounts();
  }

  /** Canonical id of a story-level entity id once the corpus table has merged it. */
  canonical(id: string): string {
    return this.table?.remap[id] ?? id;
  }

  /** The folder's stories by id, and their ids in reading order. */
  get stories(): ReadonlyMap<string, Story> {
    return this.folder.stories;
  }

  get order(): readonly string[] {
    return this.folder.order;
  }

  /** The search index: growing, or the cached one of an earlier visit. */
  get search(): SearchIndex {
    return this.build.index;
  }

  /** Whether the search index is the cached one of an earlier visit (then it is not re-stored). */
  get searchIsCached(): boolean {
    return this.build.fromCache;
  }

  get folderFingerprint(): string {
    return this.fingerprint;
  }
}
