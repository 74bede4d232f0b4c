import type { Manifest } from '../corpus/types';
import type { ChunksRef } from './chunk-source';
import type { TablesRef } from './prebuilt-tables';
import { markOnce } from '../lib/perf';
import { tablesTurn, takeEarlyWorker } from './client-boot';
import { phasesOf, samePhases, type EnginePhases } from './engine-phases';
import {
  INITIAL_STATUS,
  type FileEntry,
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
 * and crash recovery (a crashed worker is restarted, re-fed the files it had, and the user is
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
  private sent = new Map<string, FileEntry>();
  private total = 0;
  private fingerprint = '';
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
    this.status = { ...INITIAL_STATUS, totalFiles: this.total };
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
    if (this.sent.size)
      void this.request({
        type: 'sync-files',
        files: [...this.sent.values()],
        total: this.total,
        keep: null,
        fingerprint: this.fingerprint,
      });
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

  /** Sends files the worker has not seen (or whose content changed) and drops removed ones. */
  syncFiles(entries: FileEntry[], total: number, fingerprint: string): void {
    this.total = total;
    const newFolder = fingerprint !== this.fingerprint;
    this.fingerprint = fingerprint;
    const fresh = entries.filter((e) => this.sent.get(e.file.fileId)?.hash !== e.hash);
    const ids = new Set(entries.map((e) => e.file.fileId));
    const removed = [...this.sent.keys()].some((id) => !ids.has(id));
    if (!fresh.length && !removed && !newFolder && total === this.status.totalFiles) return;
    for (const e of fresh) this.sent.set(e.file.fileId, e);
    if (removed) for (const id of [...this.sent.keys()]) if (!ids.has(id)) this.sent.delete(id);
    void this.request({
      type: 'sync-files',
      files: fresh,
      total,
      keep: removed ? [...ids] : null,
      fingerprint,
    }).catch(() => undefined);
  }

  /**
   * Resolves once the worker has read its cached search index, or after `maxMs`, or at once when
   * no worker runs. The main thread reads its own large IndexedDB records after this: reads that
   * overlap slow each other down, and on a warm reload the worker's index is what search waits for
   * (10k folder: search usable ~600 ms instead of ~900 ms; the library was not slower).
   */
  whenCacheChecked(maxMs: number): Promise<void> {
    if (!this.worker || this.status.cacheChecked) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        off();
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      const off = this.subscribe(() => {
        if (this.status.cacheChecked) done();
      });
    });
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
