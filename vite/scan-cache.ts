import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CACHE_GRACE_MS, keepNewest } from './file-cache.ts';

/**
 * What the scan saw of a file when it last hashed it: which file it was (device, inode), its
 * size, its modification and change times, and the content hash it computed. When all five are
 * the same at the next scan, the file is not read again: at 100,000 files reading and hashing
 * every one was ~15 s of every build, and the build reads later only the files it has no cached
 * work for.
 *
 * The change time (ctime) is the guard: the OS sets it whenever the file's bytes, size, mode or
 * links change, and a program cannot set it back (utimes moves mtime, and ctime to now). A file
 * written elsewhere and renamed over the old one is a new inode with its own ctime.
 */
export interface KnownFile {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  hash: string;
}

/** Bump when what is stored, or how the scan hashes a file, changes. */
const SCAN_CACHE_VERSION = 1;

/**
 * A file changed less than this long before the scan began may change again within the same
 * tick of the file system's clock (a few ms; seconds on some file systems) without its times
 * moving: it is hashed again next time rather than trusted (git's "racily clean" entries).
 */
export const RACY_MS = 2000;

/** Folders whose scan caches are kept (the most recently scanned), beyond CACHE_GRACE_MS. */
const FOLDERS_KEPT = 8;

/** [real path, dev, ino, size, mtimeMs, ctimeMs, hash]: a compact line of the cache file. */
type Row = [string, number, number, number, number, number, string];

export class ScanCache {
  /** Files whose hash was taken from the cache, and files read and hashed. */
  known = 0;
  hashed = 0;
  private readonly next = new Map<string, KnownFile>();

  private constructor(
    private readonly file: string | null,
    private readonly before: ReadonlyMap<string, KnownFile>,
    /** When the scan began (ms since the epoch, the clock file times are kept in). */
    private readonly startedMs: number,
  ) {}

  /**
   * The cache of the folder whose real path is `realRoot`, kept in `dir`; none (every file
   * hashed, nothing kept) without a `dir`.
   */
  static async open(dir: string | undefined, realRoot: string): Promise<ScanCache> {
    const startedMs = Date.now();
    if (!dir) return new ScanCache(null, new Map(), startedMs);
    const name = createHash('sha256').update(realRoot).digest('hex').slice(0, 16);
    const file = path.join(dir, `v${SCAN_CACHE_VERSION}-${name}.json`);
    const before = new Map<string, KnownFile>();
    try {
      const rows = JSON.parse(await readFile(file, 'utf8')) as Row[];
      for (const [p, dev, ino, size, mtimeMs, ctimeMs, hash] of rows)
        before.set(p, { dev, ino, size, mtimeMs, ctimeMs, hash });
    } catch {
      // None yet, or unreadable: every file is hashed, as without a cache.
    }
    return new ScanCache(file, before, startedMs);
  }

  /** The content hash of the file at `realPath` if it is, by its stat, the file last hashed. */
  lookUp(realPath: string, seen: Omit<KnownFile, 'hash'>): string | undefined {
    const k = this.before.get(realPath);
    if (
      !k ||
      k.dev !== seen.dev ||
      k.ino !== seen.ino ||
      k.size !== seen.size ||
      k.mtimeMs !== seen.mtimeMs ||
      k.ctimeMs !== seen.ctimeMs
    )
      return undefined;
    this.known++;
    this.next.set(realPath, k);
    return k.hash;
  }

  /**
   * Records a file this scan read: `seen` is its stat from before the read, so a change during
   * the read leaves a stat that will not match next time. Recently changed files are not kept
   * (RACY_MS).
   */
  record(realPath: string, seen: Omit<KnownFile, 'hash'>, hash: string): void {
    this.hashed++;
    const settled = this.startedMs - RACY_MS;
    if (seen.ctimeMs < settled && seen.mtimeMs < settled)
      this.next.set(realPath, { ...seen, hash });
  }

  /**
   * Writes this scan's files (and only these: a removed file is forgotten), unless nothing
   * changed. Written whole to a temporary file of its own and renamed: two builds of one folder
   * at once each leave a whole cache.
   */
  async save(): Promise<void> {
    if (!this.file) return;
    if (this.next.size === this.before.size && this.known === this.before.size) return;
    const rows: Row[] = [];
    for (const [p, k] of this.next)
      rows.push([p, k.dev, k.ino, k.size, k.mtimeMs, k.ctimeMs, k.hash]);
    try {
      const dir = path.dirname(this.file);
      await mkdir(dir, { recursive: true });
      const tmp = `${this.file}.${randomUUID()}.tmp`;
      await writeFile(tmp, JSON.stringify(rows));
      await rename(tmp, this.file);
      await keepNewest(dir, this.file, FOLDERS_KEPT, CACHE_GRACE_MS);
    } catch {
      // A read-only or full disk costs the next scan the hashing, nothing else.
    }
  }
}
