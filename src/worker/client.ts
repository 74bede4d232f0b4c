import type { Manifest, ManifestFile, ParsedFile } from '../corpus/types';
import type { ChunksRef } from './chunk-source';
import type { TablesRef } from './prebuilt-tables';
import { markOnce, whenMilestone } from '../lib/perf';
import { tablesTurn, takeEarlyWorker } from './client-boot';
import { phasesOf, samePhases, type EnginePhases } from './engine-phases';
import { FolderFeed, type FolderLoadOptions } from './folder-feed';
import {
  INITIAL_STATUS,
  type FolderEvent,
  type NamesPackRef,
  type Request,
  type RequestMessage,
  type ResponseMap,
  type WorkerEvent,
  type WorkerStatus,
} from './protocol';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** Told when the engine's phases move: the phases before, and now. */
export type PhaseListener = (next: EnginePhases, prev: EnginePhases) => void;

/**
 * The main thread's handle on the corpus worker: promise-based requests, a status store for
 * `useSyncExternalStore`, the engine's phases (protocol.ts, `EnginePhases`) with a listener told
 * at once when they move (the data layer refreshes its queries on it: src/data/analysis-sync.ts),
 * the folder's load (the worker fetches and parses it and posts listing rows: folder-feed.ts),
 * and crash recovery (a crashed worker is restarted, loads the folder again, and the user is
 * told).
 */
export class CorpusWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private status: WorkerStatus = INITIAL_STATUS;
  /** The same object until a phase moves, so that its readers re-render only then. */
  private phases: EnginePhases = phasesOf(INITIAL_STATUS);
  private listeners = new Set<() => void>();
  private phaseListeners = new Set<PhaseListener>();
  /** The folder's load: the worker fetches, parses and holds the files; the page gets rows. */
  private cachedListeners = new Set<(fingerprint: string) => void>();
  private readonly feed = new FolderFeed(
    (req) => void this.request(req).catch(() => undefined),
    (fingerprint) => this.cachedListeners.forEach((l) => l(fingerprint)),
  );
  private names: { packs: NamesPackRef[]; tables: TablesRef | null } | null = null;
  private namesAfterSearch = false;
  /** Whether the tables have been sent (see offerNames). */
  private tablesSent = false;
  /** The build's search chunks, as last sent. */
  private chunks: ChunksRef | null = null;
  /** Set when the worker crashed and was restarted; the UI shows it once. */
  crashNotice: string | null = null;

  constructor(private readonly create: () => Worker) {}

  /**
   * Starts the worker now, before it has anything to do: its script loads and it starts reading
   * the cached search index while the main thread fetches the manifest (warm reloads).
   */
  start(): void {
    this.ensure();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const early = takeEarlyWorker();
    const w = early?.worker ?? this.create();
    w.onmessage = (e: MessageEvent<WorkerEvent>) => this.onMessage(e.data);
    w.onerror = (e) => this.onCrash(e.message || 'the analysis worker stopped');
    this.worker = w;
    // Started by the page (public/early-worker.js): what it said before it was adopted.
    if (early) {
      for (const m of early.messages) this.onMessage(m);
      if (early.error) {
        this.onCrash(early.error);
        return this.ensure();
      }
    }
    // Chunks offered before the worker existed (an archive starts it on its first search):
    // told first, so that search finds them.
    if (this.chunks) void this.post({ type: 'chunks', chunks: this.chunks }).catch(() => undefined);
    return w;
  }

  private onMessage(m: WorkerEvent): void {
    if ('type' in m && m.type === 'folder') return this.feed.take(m);
    if ('type' in m) {
      this.setStatus(m);
      if (m.searchReady) markOnce('search-ready');
      if (m.entitiesReady) markOnce('entities-ready');
      if (m.relatedReady) markOnce('related-ready');
      this.notifySoon();
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.error));
  }

  /**
   * Takes a status message. A phase that moved is told at once (not at the next frame, as the
   * status is): the data layer's refreshes then go out with the answers this message came with.
   */
  private setStatus(status: WorkerStatus): void {
    this.status = status;
    const next = phasesOf(status);
    if (samePhases(next, this.phases)) return;
    const prev = this.phases;
    this.phases = next;
    this.phaseListeners.forEach((l) => l(next, prev));
  }

  private notifying = false;

  /**
   * Tells the status's subscribers at the next frame (or 50 ms, in a hidden tab), once for every
   * status message until then. Each notification is a synchronous React render of every status
   * subscriber (useSyncExternalStore): told at once, a status message posted just before a
   * search's answer held that answer back by its render (a warm BBC reload: the first palette
   * option ~100 ms later, traced at load ~7).
   */
  private notifySoon(): void {
    if (this.notifying) return;
    this.notifying = true;
    let frame: number | undefined;
    const run = () => {
      if (!this.notifying) return;
      this.notifying = false;
      clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      this.listeners.forEach((l) => l());
    };
    const timer = setTimeout(run, 50);
    if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(run);
  }

  private onCrash(reason: string): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values())
      p.reject(new Error(`The analysis worker crashed (${reason}).`));
    this.pending.clear();
    this.crashNotice = `Background analysis crashed (${reason}) and was restarted.`;
    this.status = { ...INITIAL_STATUS, totalFiles: this.feed.total };
    this.listeners.forEach((l) => l());
    // Re-feed everything the old worker had, so search and entities come back by themselves.
    if (this.names?.packs.length)
      void this.request({
        type: 'names',
        packs: this.names.packs,
        afterSearch: this.namesAfterSearch,
      });
    if (this.names?.tables && this.tablesSent)
      void this.request({ type: 'tables', tables: this.names.tables });
    // The chunks are told by whichever request restarts it (ensure), or the next one.
    this.feed.restarted();
    // The phases went back to the start: told only now, so that the queries this asks again
    // reach the new worker after what it is re-fed, not before it has any file.
    this.setStatus(this.status);
  }

  request<T extends Request['type']>(req: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
    this.ensure();
    return this.post(req);
  }

  private post<T extends Request['type']>(
    req: Extract<Request, { type: T }>,
  ): Promise<ResponseMap[T]> {
    const id = this.nextId++;
    const worker = this.worker!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...req, id } as RequestMessage);
    });
  }

  /**
   * Tells the worker where the build's entity analyses (the manifest's names packs) and
   * folder-wide tables are, once per manifest and before its files: it downloads them at once and
   * takes each file's analyses, the entity table and the related lists from them instead of
   * making them.
   */
  offerNames(manifest: Pick<Manifest, 'packs' | 'tables'>, afterSearch: boolean): void {
    const url = (path: string) => new URL(`${import.meta.env.BASE_URL}${path}`, location.href).href;
    const refs = (manifest.packs ?? []).flatMap((p) =>
      p.names ? [{ url: url(p.names.url), files: p.files.map((f) => f.id) }] : [],
    );
    const tables = manifest.tables ? { url: url(manifest.tables.url) } : null;
    if (!refs.length && !tables) return;
    if (refs[0]?.url === this.names?.packs[0]?.url && tables?.url === this.names?.tables?.url)
      return;
    this.names = { packs: refs, tables };
    this.namesAfterSearch = afterSearch;
    this.tablesSent = false;
    if (refs.length)
      void this.request({ type: 'names', packs: refs, afterSearch }).catch(() => undefined);
    // The tables' download starts now; the worker decodes them at their turn.
    if (tables)
      void this.request({ type: 'tables', tables, prefetch: true }).catch(() => undefined);
    if (tables)
      void tablesTurn().then(() => {
        if (this.names?.tables !== tables) return;
        this.tablesSent = true;
        void this.request({ type: 'tables', tables }).catch(() => undefined);
      });
  }

  /**
   * Tells the worker where the build's search chunks are (the manifest's `chunks`), before the
   * folder's files: until its own index covers the folder it answers searches from them. Does not
   * start it: an archive's worker starts on its first search, and is told them then.
   */
  offerChunks(manifest: Pick<Manifest, 'chunks'>): void {
    const c = manifest.chunks;
    const ref = c
      ? {
          url: new URL(`${import.meta.env.BASE_URL}${c.dir}/`, location.href).href,
          version: c.version,
          first: c.first === true,
        }
      : null;
    // The same directory, or none before and none now (`npm run dev`).
    if (ref?.url === this.chunks?.url && ref?.first === this.chunks?.first) return;
    this.chunks = ref;
    if (this.worker) void this.post({ type: 'chunks', chunks: ref }).catch(() => undefined);
  }

  /**
   * Starts loading the folder in the worker (at boot, before the page's query reads it), unless
   * this folder's load is under way or done. On a story's page the worker waits for the story's
   * paint before the folder (told here when it has painted, or after 1.5 s).
   */
  loadFolder(manifest: Pick<Manifest, 'files' | 'packs'>, options: FolderLoadOptions): void {
    this.feed.start(manifest, options);
    if (options.waitForPaint) void this.tellPainted();
  }

  private paintTold = false;

  private async tellPainted(): Promise<void> {
    if (this.paintTold) return;
    this.paintTold = true;
    await whenMilestone('story-painted', 1500);
    void this.request({ type: 'painted' }).catch(() => undefined);
  }

  /** The folder's load as the worker reports it, from its start to its end (`FolderFeed.events`). */
  folderEvents(
    manifest: Pick<Manifest, 'files' | 'packs'>,
    options: FolderLoadOptions,
    signal: AbortSignal,
  ): AsyncGenerator<FolderEvent> {
    if (options.waitForPaint) void this.tellPainted();
    return this.feed.events(manifest, options, signal);
  }

  /** Calls `l` with the folder's fingerprint once every file of it has reached IndexedDB. */
  onFolderCached(l: (fingerprint: string) => void): () => void {
    this.cachedListeners.add(l);
    return () => this.cachedListeners.delete(l);
  }

  /** Whether the worker holds this version of the file (its rows have come). */
  holdsFile(file: Pick<ManifestFile, 'id' | 'hash'>): boolean {
    return this.worker !== null && this.feed.holds(file);
  }

  /** The file from the worker, if it holds that version of it (else null, at once). */
  heldFile(file: ManifestFile): Promise<ParsedFile | null> {
    if (!this.holdsFile(file)) return Promise.resolve(null);
    return this.request({ type: 'file', fileId: file.id, hash: file.hash });
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getStatus = (): WorkerStatus => this.status;

  /** The engine's phases: the same object until one of them moves. */
  getPhases = (): EnginePhases => this.phases;

  /** Calls `l` whenever the engine's phases move (a crash's restart included); returns an unsubscribe. */
  onPhases(l: PhaseListener): () => void {
    this.phaseListeners.add(l);
    return () => this.phaseListeners.delete(l);
  }
}

/** The app's one worker, created on first use (not at import, so tests and SSR stay inert). */
export const corpusWorker = new CorpusWorkerClient(
  () =>
    new Worker(new URL('./corpus.worker.ts', import.meta.url), {
      type: 'module',
      name: 'dispatch-corpus',
    }),
);
