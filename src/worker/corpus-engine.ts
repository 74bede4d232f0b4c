import { fileIdOf } from '../corpus/library';
import type { Tagger } from '../corpus/entities/model/tagger';
import type { StoryEntities } from '../corpus/entities/types';
import type { Story } from '../corpus/types';
import { AnalysisQueue } from './analysis-queue';
import { PrebuiltNames } from './prebuilt-names';
import { PrebuiltTables, type TablesRef } from './prebuilt-tables';
import type { FileEntry, NamesPackRef, WorkerStatus } from './protocol';
import type { FolderTable, RelatedSource } from './corpus-tables';
import { EngineState } from './engine-state';
import { summary } from './engine-queries';
import { engineStatus } from './engine-status';
import { SlicePump } from './slice-pump';
import { StatusEmitter } from './status-emitter';
import { wakeOrTimeout } from '../lib/wake-or-timeout';

/**
 * The worker's engine: it takes the folder's files and the build's packs and works through the
 * background work, the search index (grown as files arrive), entity analyses (cached by content
 * hash), the corpus entity table and the related lists and threads: built here, or taken from the
 * build (`PrebuiltTables`) when it made them for this folder. What it holds, and the reads
 * requests make of it, are `EngineState`'s.
 * IMPORTANT: runs inside the worker; it must not touch the DOM or anything of the main thread.
 */
export class CorpusEngine extends EngineState {
  private readonly statusOut: StatusEmitter;
  /** Stories waiting for entity analysis (after the search index: search first). */
  private readonly analysis: AnalysisQueue;
  private readonly pumpSlices = new SlicePump((until) => this.slice(until), {
    start: () => this.analysis.markStart(),
    stop: () => {
      this.analysis.markDone(this.loaded() && this.idle());
      this.afterChange(true);
      this.settled.splice(0).forEach((w) => w());
    },
  });
  /** Waiting for the pump to run out of work (`whenSettled`). */
  private readonly settled: (() => void)[] = [];

  constructor(
    private readonly emit: (status: WorkerStatus) => void,
    loadTagger: () => Promise<Tagger>,
    names = new PrebuiltNames(),
    private readonly tables = new PrebuiltTables(),
  ) {
    super(names);
    this.analysis = new AnalysisQueue(this.store, loadTagger, () => this.pump());
    this.statusOut = new StatusEmitter(
      emit,
      () => this.status(),
      () => this.loaded(),
    );
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

  /** The build's folder-wide tables' bytes, downloaded with the manifest, not decoded. */
  prefetchTables(tables: TablesRef): void {
    this.tables.prefetch(tables);
  }

  /**
   * The build's folder-wide tables: decoded and taken now (downloaded now unless prefetched). The
   * main thread sends them only once the first view is on screen (client.ts, `tablesTurn`); on a
   * deep link that is after the story's names, so they no longer wait here for every names pack
   * too (10k folder: the last settled ~150–450 ms after the tables were asked for, on a library
   * page that needs none of them).
   */
  offerTables(tables: TablesRef): void {
    this.tables.offer(tables);
    // On a deep link they are offered after its names, so after the fingerprint is known.
    if (this.fingerprint) void this.takeShipped(this.fingerprint);
  }

  /** Starts reading the last visit's search index (see SearchBuild.prefetch). */
  prefetchCache(): void {
    this.build.prefetch(() => this.emit(this.status()));
  }

  /**
   * The page's word on which folder this is (see SearchBuild.adoptHinted): the last visit's
   * index is taken as soon as it is read, not when the manifest has come.
   */
  folderHint(fingerprint: string): void {
    void this.build.adoptHinted(fingerprint).then((taken) => {
      if (taken) this.emit(this.status());
    });
  }

  /** Resolves once the last visit's search index has been read (found or not), or after `maxMs`. */
  whenCacheChecked(maxMs: number): Promise<void> {
    return this.build.whenCacheChecked(maxMs);
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
      this.results.dropShipped();
      void this.takeShipped(fingerprint);
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
    this.analysis.push(await this.store.takeStored(todo));
    this.pump();
  }

  /**
   * Takes the build's tables if it made them for this folder, unless the worker has built its
   * own already: from then on the engine answers entities, related lists and threads from them,
   * without waiting for the folder to be read and analysed.
   */
  private async takeShipped(fingerprint: string): Promise<void> {
    const pack = await this.tables.forFolder(fingerprint);
    if (!pack || fingerprint !== this.fingerprint) return;
    this.results.offer(pack, fingerprint);
    this.pump();
  }

  /** The model has arrived: background analysis can start. */
  setTagger(tagger: Tagger): void {
    this.analysis.setTagger(tagger);
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
    return this.analysis.analyzeNow(story);
  }

  status(): WorkerStatus {
    const { folder, store, build, results, analysis } = this;
    return engineStatus({ folder, store, build, results, analysis });
  }

  private invalidateDerived(): void {
    // The build's tables are of the whole folder: files arriving change nothing in them.
    if (this.results.invalidate()) this.store.ensureMentionIndex();
  }

  /**
   * Works through the background work in short slices (SlicePump), most urgent first: the search
   * index, its lookup caches, entity analysis, then the folder-wide builds (entity table, related
   * index), each of which yields between steps. A search or the opened story's entities are
   * answered between slices, so none waits for more than one slice of background work.
   */
  private pump(): void {
    this.pumpSlices.run();
  }

  /** One slice of background work, until `until`; true when more is left. */
  private slice(until: number): boolean {
    // The build's tables first: they answer for most of what is left to do.
    if (this.results.decode(until)) {
      this.store.dropMentionIndex();
      this.afterChange(true);
    }
    this.build.step(until, this.loaded());
    // The model is decoded (~0.2 s) once the folder is indexed: searches come first.
    const indexed = this.loaded() && !this.build.busy;
    this.analysis.step(until, indexed, (story) => this.stories.get(story.id) === story);
    if (this.loaded() && this.idle()) this.results.start(this);
    this.results.step(until);
    this.store.flushWrites();
    // Without the model, analysis waits: setTagger pumps again when it arrives.
    const more = this.build.busy || this.analysis.busy || this.results.busy;
    // The last slice's status goes out after the pump's stop (with the analysis time).
    if (more) this.afterChange();
    return more;
  }

  /**
   * Resolves when the background work has run out (or after `maxMs`): what can wait for the
   * folder's first analyses (the parsed files' IndexedDB writes) waits for this.
   */
  whenSettled(maxMs: number): Promise<void> {
    if (!this.pumpSlices.busy) return Promise.resolve();
    return wakeOrTimeout(maxMs, (wake) => this.settled.push(wake));
  }

  private loaded(): boolean {
    return this.folder.loaded();
  }

  /**
   * Resolves once every file of the folder has arrived: thread lists name their stories by
   * title, which the build's tables do not carry.
   */
  whenLoaded(): Promise<void> {
    return this.statusOut.whenLoaded();
  }

  /** No story waits to be indexed or analysed, nor a file for its stored analyses. */
  private idle(): boolean {
    return this.analysis.length === 0 && this.build.waiting === 0 && this.store.lookups === 0;
  }

  /** The folder-wide entity table is built (see `folderBuildSteps`): names can be searched. */
  tableReady(table: FolderTable): void {
    this.results.setTable(table);
    this.store.dropMentionIndex();
    this.afterChange(true);
  }

  /**
   * The related index is built, with its event vectors and the threads: the last of the
   * background work. All three arrive together, so a related list is never shown ungated.
   */
  relatedReady(source: RelatedSource): void {
    this.results.related = source;
    this.afterChange(true);
  }

  /**
   * With the build's tables, the end of a load: search has the names, and the epoch moves so
   * that what was answered from part of the folder (an entity page's sentences, a thread's
   * titles, the names group) is asked again.
   */
  searchNamed(): void {
    this.results.epoch++;
    this.afterChange(true);
  }

  nameOf(entityId: string): string {
    return summary(this, entityId).name;
  }

  private afterChange(force = false): void {
    this.statusOut.changed(force);
  }
}
