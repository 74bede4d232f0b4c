import { fileRows, titleChanges, type RowCache } from '../corpus/folder-listing';
import type { ManifestFile, ParsedFile } from '../corpus/types';
import { folderFingerprint } from '../corpus/fingerprint';
import { flushFileCache, readCachedFiles, readCachedManifest } from '../data/file-cache';
import { cacheOrNetwork } from '../data/file-fetch';
import { streamPacks } from './pack-stream';
import type { FileEntry, FileFailure, FolderEvent, LoadFolder } from './protocol';
import { wakeOrTimeout } from '../lib/wake-or-timeout';

/** How many files are fetched at once: enough to fill HTTP/2. */
const FETCH_CONCURRENCY = 8;
/** Loaded files go to the page in batches at most this often (ms), not one message per file. */
const BATCH_MS = 120;
/** Files read from IndexedDB first, before anything else, on a warm start: the library's first screen. */
const FIRST_SCREEN_FILES = 40;
/**
 * Files per message at most when the worker already holds a folder (a file edited under `npm run
 * dev`): their rows go out in parts, each a short structured clone on the page's thread.
 */
const FILES_PER_EVENT = 500;
/** How long a warm load waits for the cached search index to be read before its own reads. */
const CACHE_WAIT_MS = 300;
/** How long the IndexedDB writes of a load wait for the engine to settle, at most (ms). */
const SETTLE_WAIT_MS = 5000;
/** How long a story page's folder waits for the story to paint, at most. */
const PAINT_WAIT_MS = 1500;

/** What the loader needs of the worker: the engine's folder, and the way to the page. */
export interface FolderHost {
  /** Hands files to the engine (`CorpusEngine.syncFiles`; `keep` when files went away). */
  sync(entries: FileEntry[], total: number, keep: string[] | null, fingerprint: string): void;
  held(fileId: string): FileEntry | undefined;
  heldIds(): string[];
  whenCacheChecked(maxMs: number): Promise<void>;
  /** The engine's background work has run out (at most `maxMs`). */
  whenSettled(maxMs: number): Promise<void>;
  emit(event: FolderEvent): void;
}

type Batch = { files: ParsedFile[]; failures: FileFailure[] };

/**
 * Loads the folder inside the worker (issue 15: "the worker owns the corpus in the browser"): the
 * files the engine does not hold yet come from IndexedDB, the build's packs, or one by one; each
 * batch goes to the engine as it is (no copy) and to the page as listing rows (`FolderEvent`), a
 * small fraction of the text. At the end, the titles made distinct across the folder.
 * A new load (a new manifest, or the page asking again) stops the one under way.
 */
export class FolderLoader {
  private running: AbortController | null = null;
  private paintedOnce = false;
  private paintWaiters: (() => void)[] = [];
  private readonly rowCache: RowCache = new WeakMap();
  /** The first screen's read started at boot (`preload`), which the page's load waits for. */
  private early: Promise<void> | null = null;

  constructor(private readonly host: FolderHost) {}

  /**
   * A warm visit's first screen, read from IndexedDB as soon as the worker starts (the page hints
   * the folder from its head, early-worker.js), not once the page has fetched the manifest and
   * asked: the page's own read used to start ~50 ms sooner than the worker's, which waited for
   * the page's request. The files go to the engine, so the page's load finds them held and posts
   * their rows at once. Read against the last visit's manifest, and only when it is this folder.
   */
  preload(fingerprint: string): void {
    if (this.running || this.early) return;
    this.early = this.readFirstScreen(fingerprint).catch(() => undefined);
  }

  private async readFirstScreen(fingerprint: string): Promise<void> {
    const manifest = await readCachedManifest();
    if (!manifest || this.running || folderFingerprint(manifest.files) !== fingerprint) return;
    for await (const slice of readCachedFiles(manifest.files.slice(0, FIRST_SCREEN_FILES))) {
      const entries: FileEntry[] = [];
      slice.parsed.forEach((file, i) => {
        if (file) entries.push({ file, hash: slice.files[i]!.hash });
      });
      // IMPORTANT: after the page's load has begun, a file told twice would restart the
      // engine's indexes (a held file told again is a changed one): that load waits for this.
      if (entries.length) this.host.sync(entries, manifest.files.length, null, fingerprint);
    }
  }

  /** The page's story has painted: a load that waits for it goes on. */
  painted(): void {
    this.paintedOnce = true;
    this.paintWaiters.splice(0).forEach((w) => w());
  }

  async load(req: LoadFolder): Promise<void> {
    this.running?.abort();
    const run = new AbortController();
    this.running = run;
    const { signal } = run;
    // The first screen read at boot (a few ms of IndexedDB): its files are held once it is in.
    const early = this.early;
    this.early = null;
    if (early) await early;
    if (signal.aborted) return;
    const byId = new Map(req.files.map((f) => [f.id, f]));
    const total = req.files.length;
    const removed = this.host.heldIds().some((id) => !byId.has(id));
    // At once, before any file: the engine takes the last visit's index and the build's tables on
    // the folder's fingerprint.
    this.host.sync([], total, removed ? [...byId.keys()] : null, req.fingerprint);
    const held: FileEntry[] = [];
    const todo: ManifestFile[] = [];
    for (const f of req.files) {
      const h = this.host.held(f.id);
      if (h && h.hash === f.hash) held.push(h);
      else todo.push(f);
    }
    this.emit(req.loadId, held, []);
    let failed = false;
    for await (const batch of this.stream(req, todo, signal)) {
      if (signal.aborted) return;
      const entries = batch.files.map((file) => ({ file, hash: byId.get(file.fileId)!.hash }));
      // The page's rows first (what the reader is waiting for), then the engine's indexing.
      this.emit(req.loadId, entries, batch.failures);
      if (entries.length) this.host.sync(entries, total, null, req.fingerprint);
      failed ||= batch.failures.length > 0;
    }
    if (signal.aborted) return;
    const parsed = new Map<string, ParsedFile>();
    for (const f of req.files) {
      const h = this.host.held(f.id);
      if (h) parsed.set(f.id, h.file);
    }
    // One pass, not sliced: ~60 ms for 10,000 files (synthetic folder, Node), once per load.
    const titles = [...titleChanges(req.files, parsed)];
    this.host.emit({
      type: 'folder',
      loadId: req.loadId,
      files: [],
      failures: [],
      end: { titles },
    });
    // The cache's writes are not waited for by the end (the library's distinct titles): told
    // when they have landed, so that the next visit reads the folder from IndexedDB first.
    // The packs' files were queued for IndexedDB without a write (`cacheFile`'s `later`): each
    // write clones its files on this thread, which the folder's first analyses need more.
    await this.host.whenSettled(SETTLE_WAIT_MS);
    if (!failed && (await flushFileCache()) && !signal.aborted)
      this.host.emit({ type: 'folder', loadId: req.loadId, files: [], failures: [], cached: true });
  }

  /**
   * `load`, with an unexpected error told to the page as the load's end (its query then shows
   * it), instead of a load that never ends.
   */
  async loadOrReport(req: LoadFolder): Promise<void> {
    try {
      await this.load(req);
    } catch (err) {
      if (this.running?.signal.aborted) return;
      this.host.emit({
        type: 'folder',
        loadId: req.loadId,
        files: [],
        failures: [],
        end: { titles: [], error: `The folder could not be loaded: ${(err as Error).message}` },
      });
    }
  }

  private emit(loadId: number, entries: FileEntry[], failures: FileFailure[]): void {
    if (!entries.length && !failures.length) return;
    for (let i = 0; i === 0 || i < entries.length; i += FILES_PER_EVENT) {
      const part = entries.slice(i, i + FILES_PER_EVENT);
      this.host.emit({
        type: 'folder',
        loadId,
        files: part.map((e) => fileRows(e.file, e.hash, this.rowCache)),
        failures: i === 0 ? failures : [],
      });
    }
  }

  private whenPainted(maxMs: number): Promise<void> {
    if (this.paintedOnce) return Promise.resolve();
    return wakeOrTimeout(maxMs, (wake) => this.paintWaiters.push(wake));
  }

  /** The files of `todo`, batch by batch: IndexedDB first on a warm start, then the network. */
  private async *stream(
    req: LoadFolder,
    todo: ManifestFile[],
    signal: AbortSignal,
  ): AsyncGenerator<Batch> {
    if (!todo.length) return;
    const cold: ManifestFile[] = [];
    // Warm start: files parsed on an earlier visit come from IndexedDB in slices, each going out
    // as a batch (the library shows the first ones at once); only the rest (new or changed
    // files) touch the network.
    async function* fromCache(list: ManifestFile[]): AsyncGenerator<Batch> {
      for await (const slice of readCachedFiles(list)) {
        if (signal.aborted) return;
        const warm: ParsedFile[] = [];
        slice.files.forEach((f, i) => {
          const hit = slice.parsed[i];
          if (hit) warm.push(hit);
          else cold.push(f);
        });
        if (warm.length) yield { files: warm, failures: [] };
      }
    }
    // The library's first screen is a small read (~40 files): at once, as a first visit's first
    // pack is fetched at once.
    const firstScreen = req.cached && !req.waitForPaint ? todo.slice(0, FIRST_SCREEN_FILES) : [];
    yield* fromCache(firstScreen);
    if (signal.aborted) return;
    // The engine reads its cached search index before the rest: it is what a warm reload's search
    // waits for, and two large reads at once slow each other down. A first visit has nothing to
    // read: it goes to the network at once.
    if (req.cached) await this.host.whenCacheChecked(CACHE_WAIT_MS);
    // On a story's page the story paints first: parsing the folder beside it (2 cores) delayed
    // the paint by ~150 ms when the page parsed it; the worker's parsing competes for the same.
    if (req.waitForPaint) await this.whenPainted(PAINT_WAIT_MS);
    if (req.cached) yield* fromCache(todo.slice(firstScreen.length));
    if (signal.aborted) return;
    let missing = req.cached ? cold : todo;
    // Missing files come from the build's packs when there are any (a few requests, not
    // thousands); files of a pack that fails, and every file in dev, are fetched one by one.
    if (req.packs?.length && missing.length) {
      const leftovers: ManifestFile[] = [];
      for await (const chunk of streamPacks(req.packs, missing, signal)) {
        leftovers.push(...chunk.leftovers);
        if (chunk.files.length) yield { files: chunk.files, failures: [] };
      }
      const packed = new Set(req.packs.flatMap((p) => p.files.map((f) => f.id)));
      missing = [...leftovers, ...missing.filter((f) => !packed.has(f.id))];
    }
    yield* fetchEach(missing, signal);
  }
}

/** Before a failed file is asked for again (ms), as the page's file query did (its `retry: 1`). */
const RETRY_MS = 1000;

/** A file, asked for a second time after a failure: a brief network hiccup is not a failed file. */
async function fetchOnce(file: ManifestFile, signal: AbortSignal): Promise<ParsedFile> {
  try {
    return await cacheOrNetwork(file, signal);
  } catch {
    await new Promise((r) => setTimeout(r, RETRY_MS));
    return cacheOrNetwork(file, signal);
  }
}

/** Files fetched one by one, FETCH_CONCURRENCY at a time, in batches at most every BATCH_MS. */
async function* fetchEach(todo: ManifestFile[], signal: AbortSignal): AsyncGenerator<Batch> {
  let pending: Batch = { files: [], failures: [] };
  let wake: (() => void) | null = null;
  let next = 0;
  let running = 0;
  const startMore = () => {
    while (running < FETCH_CONCURRENCY && next < todo.length && !signal.aborted) {
      const file = todo[next++]!;
      running++;
      fetchOnce(file, signal)
        .then((parsed) => pending.files.push(parsed))
        .catch((err: unknown) => pending.failures.push({ file, message: (err as Error).message }))
        .finally(() => {
          running--;
          startMore();
          wake?.();
        });
    }
  };
  const hasPending = () => pending.files.length > 0 || pending.failures.length > 0;
  const finished = () => running === 0 && next >= todo.length;
  startMore();
  let lastYield = -Infinity; // the first batch goes out at once: first paint matters most
  while (!signal.aborted && !finished()) {
    // IMPORTANT: state is re-checked before sleeping, so completions that landed while the
    // consumer held the last batch are never missed. Sleep until a completion or the batch timer.
    await new Promise<void>((resolve) => {
      wake = resolve;
      if (hasPending())
        setTimeout(resolve, Math.max(0, BATCH_MS - (performance.now() - lastYield)));
    });
    wake = null;
    if (hasPending() && !finished() && performance.now() - lastYield >= BATCH_MS) {
      lastYield = performance.now();
      const out = pending;
      pending = { files: [], failures: [] };
      yield out;
    }
  }
  if (hasPending() && !signal.aborted) yield pending;
}
