import { fileIdOf } from '../corpus/library';
import type { Tagger } from '../corpus/entities/model/tagger';
import { analyzeStory } from '../corpus/entities/recognize';
import type { Entity, StoryEntities } from '../corpus/entities/types';
import type { RelatedIndex } from '../corpus/related/related-index';
import type { Threads } from '../corpus/threads/build-threads';
import type { ThreadVectors } from '../corpus/threads/thread-similarity';
import type { SearchIndex } from '../corpus/search/types';
import type { Story } from '../corpus/types';
import { AnalysisStore } from './analysis-store';
import { FolderStore } from './folder-store';
import { PrebuiltNames } from './prebuilt-names';
import { SearchBuild } from './search-build';
import type { FileEntry, NamesPackRef, WorkerStatus } from './protocol';
import { folderBuildSteps, type FolderTable } from './corpus-tables';

/** Background work runs in slices this long (ms), so requests are answered in between. */
const SLICE_MS = 12;
/** Status messages to the main thread at most this often (ms), unless a milestone changed. */
const STATUS_MS = 100;

/**
 * The worker's state: every story of the folder, the search index (grown as files arrive), entity
 * analyses (background, cached by content hash), the corpus entity table and the related index.
 * IMPORTANT: runs inside the worker; it must not touch the DOM or anything of the main thread.
 */
export class CorpusEngine {
  private readonly folder = new FolderStore();
  private readonly build = new SearchBuild();
  private readonly store: AnalysisStore;
  table: FolderTable | null = null;
  entityById = new Map<string, Entity>();
  related: RelatedIndex | null = null;
  /** Story threads, built right after the related index (null until then). */
  threads: Threads | null = null;
  /** The related index's event vectors: they build the threads and gate the related lists. */
  eventVectors: ThreadVectors | null = null;
  /** Stories waiting for entity analysis (after the search index: search first). */
  private queue: Story[] = [];
  private lastEmit = 0;
  private lastMilestones = '';
  private pumping = false;
  private analysisStart = 0;
  private analysisMs: number | null = null;
  private epoch = 0;
  private fingerprint = '';

  /** The entity model: analysis waits for it (search does not). Asked for when first needed. */
  private tagger: Tagger | null = null;
  private taggerAsked = false;
  /** The folder-wide build under way (entity table, then related index), one step per slice. */
  private folderBuild: Generator<void, void> | null = null;

  constructor(
    private readonly emit: (status: WorkerStatus) => void,
    private readonly loadTagger: () => Promise<Tagger>,
    names = new PrebuiltNames(),
  ) {
    this.store = new AnalysisStore(names);
  }

  /**
   * The build's analyses of the folder (from the manifest). On a warm reload (`afterSearch`)
   * their downloads start once the cached search index is ready to answer: inflating and parsing
   * them (~40–90 ms of this thread on BBC) ahead of it held up the first search. On a first visit
   * they start at once: waiting even for the cache check (a new database) held a deep link's
   * names back by up to a second on a loaded machine.
   */
  offerNames(packs: NamesPackRef[], afterSearch: boolean): void {
    this.store.names.offer(packs, afterSearch ? this.build.searchWarm : undefined);
  }

  /** Starts reading the last visit's search index (see SearchBuild.prefetch). */
  prefetchCache(): void {
    this.build.prefetch(() => this.emit(this.status()));
  }

  /**
   * Takes newly loaded or changed files. `keep` (the ids of every file still in the folder) is
   * given when files were removed. A changed or removed file rebuilds the indexes from scratch:
   * that only happens while a folder is edited under `npm run dev`.
   */
  async syncFiles(
    entries: FileEntry[],
    total: number,
    keep: string[] | null,
    fingerprint: string,
  ): Promise<void> {
    this.folder.total = total;
    if (fingerprint !== this.fingerprint) {
      this.fingerprint = fingerprint;
      if (await this.build.adoptCached(fingerprint)) this.emit(this.status());
    }
    const { added, changed } = this.folder.take(entries, keep);
    if (changed) {
      // A file changed or went away (only while a folder is edited under `npm run dev`): the
      // indexes start over; analyses of unchanged files are kept (the mention counts are
      // rebuilt from them by invalidateDerived).
      this.build.restart(added);
      this.store.forget((id) => this.stories.has(id) && !changed.has(fileIdOf(id)));
    } else {
      this.build.add(added);
    }
    const todo = entries.filter((e) => this.folder.isCurrent(e));
    this.invalidateDerived();
    this.afterChange();
    // IMPORTANT: indexing starts before the files' stored analyses are looked up: the build's
    // names pack may still be downloading (or never come), and search never waits for names.
    this.pump();
    this.queue.push(...(await this.store.takeStored(todo)));
    this.pump();
  }

  /** The model has arrived: background analysis can start. */
  setTagger(tagger: Tagger): void {
    if (this.tagger === tagger) return;
    this.tagger = tagger;
    this.pump();
  }

  /** Asks for the model once there is something to analyse (a failure lets a later pump retry). */
  private askForTagger(): void {
    if (this.tagger || this.taggerAsked) return;
    this.taggerAsked = true;
    this.loadTagger().then(
      (t) => this.setTagger(t),
      () => (this.taggerAsked = false),
    );
  }

  /**
   * Whether the opened story is analysed already or by the build (then it needs no model);
   * false when the caller must analyse it.
   */
  takeBuiltStory(story: Story, hash: string): Promise<boolean> {
    return this.store.takeBuiltStory(story, hash);
  }

  /**
   * Analyses one story now (the opened one), ahead of the background queue. Needs the model:
   * callers await it first (see corpus.worker.ts).
   */
  analyzeNow(story: Story): StoryEntities {
    const known = this.store.get(story.id);
    if (known) return known;
    if (!this.tagger) throw new Error('The entity model is not loaded yet');
    const a = analyzeStory(story, this.tagger);
    this.store.record(a);
    return a;
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

  /** Canonical id of a story-level entity id once the corpus table has merged it. */
  canonical(id: string): string {
    return this.table?.remap[id] ?? id;
  }

  status(): WorkerStatus {
    return {
      type: 'status',
      files: this.folder.fileCount,
      totalFiles: this.folder.total,
      stories: this.stories.size,
      analysed: this.store.size,
      epoch: this.epoch,
      searchReady: (this.loaded() && this.build.waiting === 0) || this.build.fromCache,
      searchFromCache: this.build.fromCache,
      cacheChecked: this.build.cacheChecked,
      searchWarm: this.build.warm,
      entitiesReady: this.table !== null,
      relatedReady: this.related !== null,
      analysisMs: this.analysisMs,
      cachedFiles: this.store.cachedFiles,
      builtFiles: this.store.builtFiles,
    };
  }

  private invalidateDerived(): void {
    this.store.ensureMentionIndex();
    this.table = null;
    this.entityById = new Map();
    this.related = null;
    this.threads = null;
    this.eventVectors = null;
    this.folderBuild = null;
  }

  /**
   * Works through the background work in short slices, most urgent first: the search index, its
   * lookup caches, entity analysis, then the folder-wide builds (entity table, related index),
   * each of which yields between steps. A search or the opened story's entities are answered
   * between slices, so none waits for more than one slice of background work.
   */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    if (this.queue.length && !this.analysisStart) this.analysisStart = performance.now();
    const step = () => {
      const until = performance.now() + SLICE_MS;
      this.build.step(until, this.loaded());
      // The model is decoded (~0.2 s) once the folder is indexed: searches come first.
      const indexed = this.loaded() && !this.build.busy;
      if (this.queue.length && !this.tagger && indexed) this.askForTagger();
      while (this.tagger && this.queue.length && performance.now() < until) {
        const story = this.queue.shift()!;
        if (this.stories.get(story.id) === story) this.analyzeNow(story);
      }
      if (!this.folderBuild && this.table === null && this.loaded() && this.idle()) {
        this.folderBuild = folderBuildSteps(this);
      }
      while (this.folderBuild && performance.now() < until) {
        if (this.folderBuild.next().done) this.folderBuild = null;
      }
      this.store.flushWrites();
      // Without the model, analysis waits: setTagger pumps again when it arrives.
      const more =
        this.build.busy ||
        (this.tagger !== null && this.queue.length > 0) ||
        this.folderBuild !== null;
      if (more) setTimeout(step, 0);
      else {
        this.pumping = false;
        if (this.analysisStart && this.analysisMs === null && this.loaded() && this.idle()) {
          this.analysisMs = Math.round(performance.now() - this.analysisStart);
        }
      }
      this.afterChange(!more);
    };
    setTimeout(step, 0);
  }

  private loaded(): boolean {
    return this.folder.loaded();
  }

  /** The folder's stories by id, and their ids in reading order. */
  get stories(): ReadonlyMap<string, Story> {
    return this.folder.stories;
  }

  get order(): readonly string[] {
    return this.folder.order;
  }

  /** No story waits to be indexed or analysed, nor a file for its stored analyses. */
  private idle(): boolean {
    return this.queue.length === 0 && this.build.waiting === 0 && this.store.lookups === 0;
  }

  /** The search index: growing, or the cached one of an earlier visit. */
  get search(): SearchIndex {
    return this.build.index;
  }

  /** The folder-wide entity table is built (see `folderBuildSteps`): names can be searched. */
  tableReady(table: FolderTable): void {
    this.table = table;
    this.store.dropMentionIndex();
    this.epoch++;
    this.entityById = new Map(table.entities.map((e) => [e.id, e]));
    this.afterChange(true);
  }

  /**
   * The related index is built, with its event vectors and the threads: the last of the
   * background work. All three arrive together, so a related list is never shown ungated.
   */
  relatedReady(related: RelatedIndex, vectors: ThreadVectors, threads: Threads): void {
    this.related = related;
    this.eventVectors = vectors;
    this.threads = threads;
    this.afterChange(true);
  }

  /** Whether a warm reload's cached index has its lookups built (none to build: true). */
  get searchWarm(): boolean {
    return this.build.warm;
  }

  /** Whether the search index is the cached one of an earlier visit (then it is not re-stored). */
  get searchIsCached(): boolean {
    return this.build.fromCache;
  }

  get folderFingerprint(): string {
    return this.fingerprint;
  }

  /** Tells the main thread the status: at once at a milestone or when `force`d, else throttled. */
  private afterChange(force = false): void {
    const status = this.status();
    const milestones = `${status.searchReady}${status.entitiesReady}${status.relatedReady}${status.files}`;
    const now = performance.now();
    if (milestones !== this.lastMilestones || now - this.lastEmit >= STATUS_MS || force) {
      this.lastMilestones = milestones;
      this.lastEmit = now;
      this.emit(status);
    }
  }
}
