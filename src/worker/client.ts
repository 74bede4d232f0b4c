import type { ManifestPack } from '../corpus/types';
import { markOnce } from '../lib/perf';
import type {
  FileEntry,
  NamesPackRef,
  Request,
  RequestMessage,
  ResponseMap,
  WorkerEvent,
  WorkerStatus,
} from './protocol';

const INITIAL: WorkerStatus = {
  type: 'status',
  files: 0,
  totalFiles: 0,
  stories: 0,
  analysed: 0,
  epoch: 0,
  searchReady: false,
  searchFromCache: false,
  cacheChecked: false,
  searchWarm: false,
  entitiesReady: false,
  relatedReady: false,
  analysisMs: null,
  cachedFiles: 0,
  builtFiles: 0,
};

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/**
 * The main thread's handle on the corpus worker: promise-based requests, a status store for
 * `useSyncExternalStore`, and crash recovery (a crashed worker is restarted, re-fed the files it
 * had, and the user is told).
 */
export class CorpusWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private status: WorkerStatus = INITIAL;
  private listeners = new Set<() => void>();
  private sent = new Map<string, FileEntry>();
  private total = 0;
  private fingerprint = '';
  private names: NamesPackRef[] | null = null;
  private namesAfterSearch = false;
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
    const w = this.create();
    w.onmessage = (e: MessageEvent<WorkerEvent>) => this.onMessage(e.data);
    w.onerror = (e) => this.onCrash(e.message || 'the analysis worker stopped');
    this.worker = w;
    return w;
  }

  private onMessage(m: WorkerEvent): void {
    if ('type' in m) {
      this.status = m;
      if (m.searchReady) markOnce('search-ready');
      if (m.entitiesReady) markOnce('entities-ready');
      if (m.relatedReady) markOnce('related-ready');
      this.listeners.forEach((l) => l());
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.error));
  }

  private onCrash(reason: string): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values())
      p.reject(new Error(`The analysis worker crashed (${reason}).`));
    this.pending.clear();
    this.crashNotice = `Background analysis crashed (${reason}) and was restarted.`;
    this.status = { ...INITIAL, totalFiles: this.total };
    this.listeners.forEach((l) => l());
    // Re-feed everything the old worker had, so search and entities come back by themselves.
    if (this.names)
      void this.request({ type: 'names', packs: this.names, afterSearch: this.namesAfterSearch });
    if (this.sent.size)
      void this.request({
        type: 'sync-files',
        files: [...this.sent.values()],
        total: this.total,
        keep: null,
        fingerprint: this.fingerprint,
      });
  }

  request<T extends Request['type']>(req: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
    const id = this.nextId++;
    const worker = this.ensure();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...req, id } as RequestMessage);
    });
  }

  /**
   * Tells the worker where the build's entity analyses are (the manifest's names packs), once per
   * manifest and before its files: it downloads them at once and takes each file's analyses from
   * them instead of analysing it.
   */
  offerNames(packs: readonly ManifestPack[], afterSearch: boolean): void {
    const refs = packs.flatMap((p) =>
      p.names
        ? [
            {
              url: new URL(`${import.meta.env.BASE_URL}${p.names.url}`, location.href).href,
              files: p.files.map((f) => f.id),
            },
          ]
        : [],
    );
    if (!refs.length || refs[0]!.url === this.names?.[0]?.url) return;
    this.names = refs;
    this.namesAfterSearch = afterSearch;
    void this.request({ type: 'names', packs: refs, afterSearch }).catch(() => undefined);
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
}

/** The app's one worker, created on first use (not at import, so tests and SSR stay inert). */
export const corpusWorker = new CorpusWorkerClient(
  () =>
    new Worker(new URL('./corpus.worker.ts', import.meta.url), {
      type: 'module',
      name: 'dispatch-corpus',
    }),
);
