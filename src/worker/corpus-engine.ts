import { buildEntityTable } from '../corpus/entities/entity-table';
import { fileIdOf } from '../corpus/library';
import type { Tagger } from '../corpus/entities/model/tagger';
import { analyzeStory } from '../corpus/entities/recognize';
import type { Entity, StoryEntities } from '../corpus/entities/types';
import type { RelatedIndex } from '../corpus/related/related-index';
import { allRelated } from '../corpus/related/related-query';
import { buildThreads, DEFAULT_THREADS, type Threads } from '../corpus/threads/build-threads';
import { threadVectors, type ThreadVectors } from '../corpus/threads/thread-similarity';
import { compactIndex } from '../corpus/search/index-pack';
import { addStories, createSearchIndex } from '../corpus/search/search-index';
import { warmSearch } from '../corpus/search/search';
import type { SearchIndex } from '../corpus/search/types';
import type { Story } from '../corpus/types';
import { readCachedAnalyses, writeCachedAnalyses } from './entity-cache';
import { readLatestSearchIndex, writeSearchIndex, type CachedIndex } from './search-cache';
import type { FileEntry, WorkerStatus } from './protocol';
import {
  attachEntities,
  countMentions,
  countStoriesMentioning,
  relatedIndexOf,
} from './corpus-tables';

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
  readonly stories = new Map<string, Story>();
  readonly order: string[] = [];
  private files = new Map<string, FileEntry>();
  private totalFiles = 0;
  search: SearchIndex = createSearchIndex();
  readonly analyses = new Map<string, StoryEntities>();
  /**
   * entity id → story id → mention count, grown as analyses arrive while there is no entity table
   * (provisional entities need it on every request). Dropped once the table is built (1.5 MB on
   * BBC): the table answers for its entities, `storiesMentioning` scans the analyses for others.
   */
  private mentionIndex: Map<string, Map<string, number>> | null = new Map();
  table: { entities: Entity[]; remap: Record<string, string> } | null = null;
  entityById = new Map<string, Entity>();
  related: RelatedIndex | null = null;
  /** Story threads, built with the related index (null until then). */
  threads: Threads | null = null;
  /** The related index's event vectors: they build the threads and gate the related lists. */
  eventVectors: ThreadVectors | null = null;
  private queue: Story[] = [];
  /** Stories waiting to enter the search index (indexed before entity analysis: search first). */
  private indexQueue: Story[] = [];
  private lastEmit = 0;
  private lastMilestones = '';
  private pendingWrites = new Map<string, string[]>();
  private pumping = false;
  private analysisStart = 0;
  private analysisMs: number | null = null;
  private cachedFiles = 0;
  private epoch = 0;
  private fingerprint = '';
  /** True while the search index is the cached one of an earlier visit (warm start). */
  private searchFromCache = false;
  private cacheChecked = false;

  /** The entity model: analysis waits for it (search does not). */
  private tagger: Tagger | null = null;

  /** The cached index of the last visit, read as soon as the worker starts (see `prefetchCache`). */
  private cachedIndex: Promise<CachedIndex | undefined> = Promise.resolve(undefined);

  constructor(private readonly emit: (status: WorkerStatus) => void) {}

  /**
   * Starts reading the last visit's search index from IndexedDB right away, while the main thread
   * is still fetching the manifest and reading its files: on a warm reload that read is what
   * search waits for, so it must not wait for the folder's fingerprint to start.
   */
  prefetchCache(): void {
    this.cachedIndex = readLatestSearchIndex().then((cached) => {
      this.cacheChecked = true;
      this.emit(this.status());
      return cached;
    });
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
    this.totalFiles = total;
    if (fingerprint !== this.fingerprint) {
      this.fingerprint = fingerprint;
      // Warm start: a finished index of this exact folder makes search usable before the files
      // are re-read; addStories then skips the stories it already holds.
      const latest = this.search.docs.length === 0 ? await this.cachedIndex : undefined;
      this.cachedIndex = Promise.resolve(undefined); // one folder per visit: free it either way
      if (latest?.fingerprint === fingerprint) {
        this.search = latest.index;
        this.searchFromCache = true;
        this.emit(this.status());
      }
    }
    const changedIds = entries
      .filter((e) => this.files.has(e.file.fileId))
      .map((e) => e.file.fileId);
    const rebuild = changedIds.length > 0 || keep !== null;
    for (const e of entries) this.files.set(e.file.fileId, e);
    if (keep) {
      const k = new Set(keep);
      for (const id of [...this.files.keys()]) if (!k.has(id)) this.files.delete(id);
    }
    if (rebuild) {
      this.searchFromCache = false;
      this.rebuild(new Set(changedIds));
    } else {
      const added = entries.flatMap((e) => e.file.stories);
      for (const s of added) {
        this.order.push(s.id);
        this.stories.set(s.id, s);
      }
      this.indexQueue.push(...added);
    }
    const todo = entries.filter((e) => this.files.get(e.file.fileId) === e);
    const cached = await readCachedAnalyses(todo.map((e) => e.hash));
    todo.forEach((e, i) => {
      const hit = cached[i];
      if (hit && hit.length === e.file.stories.length) {
        this.cachedFiles++;
        hit.forEach((a) => this.record(a));
      } else if (isBinary(e)) {
        // Control-character soup yields "names" like "Á0Vª" that would pollute the entity lists:
        // a binary file is shown as text but not analysed.
        e.file.stories.forEach((s) => this.record({ storyId: s.id, mentions: [] }));
      } else {
        this.queue.push(...e.file.stories.filter((s) => !this.analyses.has(s.id)));
        this.pendingWrites.set(e.file.fileId, [e.hash, ...e.file.stories.map((s) => s.id)]);
      }
    });
    this.invalidateDerived();
    this.afterChange();
    this.pump();
  }

  /** The model has arrived: background analysis can start. */
  setTagger(tagger: Tagger): void {
    if (this.tagger === tagger) return;
    this.tagger = tagger;
    this.pump();
  }

  /**
   * Analyses one story now (the opened one), ahead of the background queue. Needs the model:
   * callers await it first (see corpus.worker.ts).
   */
  analyzeNow(story: Story): StoryEntities {
    const known = this.analyses.get(story.id);
    if (known) return known;
    if (!this.tagger) throw new Error('The entity model is not loaded yet');
    const a = analyzeStory(story, this.tagger);
    this.record(a);
    return a;
  }

  /** Canonical id of a story-level entity id once the corpus table has merged it. */
  canonical(id: string): string {
    return this.table?.remap[id] ?? id;
  }

  status(): WorkerStatus {
    const loaded = this.files.size >= this.totalFiles && this.totalFiles > 0;
    return {
      type: 'status',
      files: this.files.size,
      totalFiles: this.totalFiles,
      stories: this.stories.size,
      analysed: this.analyses.size,
      epoch: this.epoch,
      searchReady: (loaded && this.indexQueue.length === 0) || this.searchFromCache,
      searchFromCache: this.searchFromCache,
      cacheChecked: this.cacheChecked,
      entitiesReady: this.table !== null,
      relatedReady: this.related !== null,
      analysisMs: this.analysisMs,
      cachedFiles: this.cachedFiles,
    };
  }

  private rebuild(changedFiles: Set<string>): void {
    this.stories.clear();
    this.order.length = 0;
    for (const f of this.files.values()) {
      for (const s of f.file.stories) {
        this.order.push(s.id);
        this.stories.set(s.id, s);
      }
    }
    this.search = createSearchIndex();
    this.indexQueue = [...this.stories.values()];
    for (const id of [...this.analyses.keys()]) {
      if (!this.stories.has(id) || changedFiles.has(fileIdOf(id))) this.analyses.delete(id);
    }
    this.mentionIndex = null; // rebuilt from the analyses kept by invalidateDerived
  }

  private record(a: StoryEntities): void {
    if (this.analyses.has(a.storyId)) return;
    this.analyses.set(a.storyId, a);
    this.indexMentions(a);
  }

  private indexMentions(a: StoryEntities): void {
    if (this.mentionIndex) countMentions(this.mentionIndex, a);
  }

  /**
   * Stories mentioning a (story-level) entity id, with mention counts, in the order they were
   * analysed; undefined when none does.
   */
  storiesMentioning(id: string): Map<string, number> | undefined {
    return this.mentionIndex
      ? this.mentionIndex.get(id)
      : countStoriesMentioning(this.analyses, id);
  }

  private invalidateDerived(): void {
    if (!this.mentionIndex) {
      this.mentionIndex = new Map();
      for (const a of this.analyses.values()) countMentions(this.mentionIndex, a);
    }
    this.table = null;
    this.entityById = new Map();
    this.related = null;
    this.threads = null;
    this.eventVectors = null;
  }

  /**
   * Works through the queues in short slices (search indexing first, then entity analysis), so
   * a search or the opened story's entities are answered between slices; builds the corpus
   * tables when both queues are empty.
   */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    if (this.queue.length && !this.analysisStart) this.analysisStart = performance.now();
    const step = () => {
      const until = performance.now() + SLICE_MS;
      while (this.indexQueue.length && performance.now() < until) {
        addStories(this.search, this.indexQueue.splice(0, 25));
        if (this.indexQueue.length === 0) {
          // The whole folder is indexed: keep the index in its packed form (typed-array views,
          // see index-pack.ts), a third of the heap of the build-time arrays.
          if (this.files.size >= this.totalFiles) this.search = compactIndex(this.search);
          warmSearch(this.search);
        }
      }
      while (this.tagger && this.queue.length && performance.now() < until) {
        const story = this.queue.shift()!;
        if (this.stories.get(story.id) === story) this.analyzeNow(story);
      }
      this.flushWrites();
      this.afterChange();
      // Without the model, analysis waits: setTagger pumps again when it arrives.
      if ((this.tagger && this.queue.length) || this.indexQueue.length) setTimeout(step, 0);
      else {
        this.pumping = false;
        if (this.analysisStart && this.analysisMs === null && this.files.size >= this.totalFiles) {
          this.analysisMs = Math.round(performance.now() - this.analysisStart);
        }
        this.afterChange();
      }
    };
    setTimeout(step, 0);
  }

  private flushWrites(): void {
    const done: [string, StoryEntities[]][] = [];
    for (const [fileId, [hash, ...ids]] of this.pendingWrites) {
      const analyses = ids.map((id) => this.analyses.get(id));
      if (analyses.every((a): a is StoryEntities => a !== undefined)) {
        done.push([hash!, analyses]);
        this.pendingWrites.delete(fileId);
      }
    }
    void writeCachedAnalyses(done);
  }

  /**
   * Builds what needs the whole folder once it is there (entity table, then the related index
   * with entities: one build, not a terms-only one first), then tells the main thread.
   */
  private afterChange(): void {
    const loaded = this.files.size >= this.totalFiles && this.totalFiles > 0;
    const idle = this.queue.length === 0 && this.indexQueue.length === 0 && !this.pumping;
    if (loaded && idle && this.table === null) {
      const analyses = this.order
        .map((id) => this.analyses.get(id))
        .filter((a): a is StoryEntities => !!a);
      this.table = buildEntityTable(analyses);
      this.mentionIndex = null;
      this.epoch++;
      this.entityById = new Map(this.table.entities.map((e) => [e.id, e]));
      attachEntities(this.search, this.table.entities);
      if (!this.searchFromCache) void writeSearchIndex(this.fingerprint, this.search);
    }
    if (this.table && this.related === null) {
      this.related = relatedIndexOf(this.stories, this.analyses, (id) => this.canonical(id));
      this.eventVectors = threadVectors(this.related);
      this.threads = buildThreads(
        this.related,
        allRelated(this.related, DEFAULT_THREADS.neighbours),
        {},
        this.eventVectors,
      );
    }
    const status = this.status();
    const milestones = `${status.searchReady}${status.entitiesReady}${status.relatedReady}${status.files}`;
    const now = performance.now();
    if (milestones !== this.lastMilestones || now - this.lastEmit >= STATUS_MS || idle) {
      this.lastMilestones = milestones;
      this.lastEmit = now;
      this.emit(status);
    }
  }
}

function isBinary(e: FileEntry): boolean {
  return e.file.warnings.some((w) => w.startsWith('This file looks binary'));
}
