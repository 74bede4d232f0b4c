import { folderFingerprint } from '../corpus/fingerprint';
import type { Manifest, ManifestFile } from '../corpus/types';
import type { FolderEvent, LoadFolder } from './protocol';

/** How the page wants its folder loaded (decided on the page: it reads localStorage and the URL). */
export interface FolderLoadOptions {
  /** Parsed files are likely in IndexedDB (`filesLikelyCached`). */
  cached: boolean;
  /** A story's page: the folder waits for the story's paint. */
  waitForPaint: boolean;
  /** The build's text packs are used (not with `?packs=0`). */
  packs: boolean;
}

/**
 * The page's side of the folder's load (main thread; the worker's side is folder-loader.ts): the
 * load under way, its events buffered until the data layer reads them, and which files the
 * worker holds, so that a story view asks it for its file rather than the network. One load at a
 * time: a new manifest starts a new one, and the worker stops the old.
 */
export class FolderFeed {
  private load: LoadFolder | null = null;
  private nextId = 1;
  /** Events that came before anyone read them (the load starts at boot, before React renders). */
  private buffer: FolderEvent[] = [];
  private consumer: ((e: FolderEvent) => void) | null = null;
  /** Ends the reader of a load that a new one replaced (its query's key is gone). */
  private stopReader: (() => void) | null = null;
  /**
   * A reader has taken this load's events: a later reader (the query asked again, a new key for
   * the same folder, a reader cancelled and started again) gets a load of its own, since the
   * events the first one took are not kept. Later events with no reader (a crash's reload after
   * the end) are not kept either.
   */
  private claimed = false;
  /** File id → the content hash of the version the worker holds. */
  private held = new Map<string, string>();

  constructor(
    private readonly send: (req: LoadFolder) => void,
    /** Every file of the folder reached IndexedDB (the page records it: localStorage). */
    private readonly onCached: (fingerprint: string) => void = () => undefined,
  ) {}

  /** How many files the folder being loaded has. */
  get total(): number {
    return this.load?.files.length ?? 0;
  }

  /** Starts loading this folder, unless its load is already under way or done. */
  start(manifest: Pick<Manifest, 'files' | 'packs'>, options: FolderLoadOptions): void {
    const fingerprint = folderFingerprint(manifest.files);
    if (this.load?.fingerprint === fingerprint) return;
    this.begin(manifest, options, fingerprint);
  }

  /**
   * The folder's events from its start, until the last. A reader that comes after another (the
   * query asked again) gets a new load: the worker posts the rows of the files it holds at once
   * and loads the rest.
   */
  async *events(
    manifest: Pick<Manifest, 'files' | 'packs'>,
    options: FolderLoadOptions,
    signal: AbortSignal,
  ): AsyncGenerator<FolderEvent> {
    if (signal.aborted) return;
    const fingerprint = folderFingerprint(manifest.files);
    if (this.load?.fingerprint !== fingerprint || this.claimed)
      this.begin(manifest, options, fingerprint);
    this.claimed = true;
    const queue = this.buffer.splice(0);
    let wake: (() => void) | null = null;
    let stopped = false;
    const mine = (e: FolderEvent) => {
      queue.push(e);
      wake?.();
    };
    this.consumer = mine;
    const onAbort = () => wake?.();
    this.stopReader = () => {
      stopped = true;
      wake?.();
    };
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted && !stopped) {
        const e = queue.shift();
        if (!e) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        // A load that broke in the worker ends the query in error, not loading for ever.
        if (e.end?.error) throw new Error(e.end.error);
        yield e;
        if (e.end) return;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      if (this.consumer === mine) this.consumer = null;
    }
  }

  /** An event from the worker: kept for the reader, and the files it brought noted as held. */
  take(e: FolderEvent): void {
    if (e.loadId !== this.load?.loadId) return;
    if (e.cached) return this.onCached(this.load.fingerprint);
    for (const f of e.files) this.held.set(f.fileId, f.hash);
    if (this.consumer) this.consumer(e);
    else if (!this.claimed) this.buffer.push(e);
  }

  /** Whether the worker holds this version of the file. */
  holds(file: Pick<ManifestFile, 'id' | 'hash'>): boolean {
    return this.held.get(file.id) === file.hash;
  }

  /**
   * The worker was restarted: it holds nothing, and loads the folder again (from IndexedDB,
   * mostly) so that search and names come back by themselves. The page's rows stay; a reader
   * still under way gets the files' rows again (the data layer keys them by file).
   */
  restarted(): void {
    this.held.clear();
    // Its files are in IndexedDB by now, mostly (the old worker wrote them as they came).
    if (this.load) this.send({ ...this.load, waitForPaint: false, cached: true });
  }

  private begin(
    manifest: Pick<Manifest, 'files' | 'packs'>,
    options: FolderLoadOptions,
    fingerprint: string,
  ): void {
    this.load = {
      type: 'load-folder',
      loadId: this.nextId++,
      files: manifest.files,
      packs: options.packs && manifest.packs?.length ? manifest.packs : null,
      fingerprint,
      cached: options.cached,
      waitForPaint: options.waitForPaint,
    };
    this.buffer = [];
    this.claimed = false;
    this.stopReader?.();
    this.stopReader = null;
    this.consumer = null;
    this.send(this.load);
  }
}
