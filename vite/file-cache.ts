import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A build thread's per-file cache: what it makes of each file (bytes), by file id,
 * section and content hash, so a rebuild redoes only the files that changed. The chunks thread
 * keeps each file's search index built alone (`buildSearchIndex` over its stories, index-part.ts)
 * and appends the others' (index-assembler.ts): at 100,000 files parsing and indexing was 194 s
 * of the chunks step's 248 s. The tables thread keeps each story's phrase pairs (`KeptPhrases`,
 * JSON) and, in a second cache, each file's related-index counts (related-counts.ts).
 *
 * Stored in segments of consecutive files (in the folder's order) rather than a file per
 * article: 100,000 small files cost more to open than to parse. Segment boundaries depend on the
 * files' keys only (a segment ends after a key whose hash is 0 modulo SEGMENT_MEAN), so an edit,
 * an added or a removed file changes one or two segments, not every one after it. A segment is
 * named by the hash of its keys; `index.json` says which keys each segment holds. Segments no
 * longer in the index are deleted at `finish`.
 */
const SEGMENT_MEAN = 128;
/** A run of keys without a boundary is cut here anyway (a segment is read whole). */
const SEGMENT_MAX = 1024;
/** Old segments held in memory at once while a changed segment is put together again. */
const OLD_SEGMENTS_HELD = 4;
const INDEX_FILE = 'index.json';
/** A temporary file this old was left by a build that stopped. */
const STALE_TMP_MS = 60 * 60 * 1000;

/**
 * Writes `file` whole or not at all, through a temporary file of this writer's own: two builds
 * of one folder at once write the same segments, and with one shared `<file>.tmp` the first
 * rename took the second's file away (ENOENT), which failed its chunks step: a build shipped
 * without search chunks.
 */
async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${randomUUID()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

async function olderThan(file: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(file)).mtimeMs > ms;
  } catch {
    return false; // gone already
  }
}

interface Segment {
  name: string;
  keys: string[];
}

/** A cache entry used this recently is never deleted: a build may be reading or writing it. */
export const CACHE_GRACE_MS = 2 * 60 * 60 * 1000;

/** Folders whose per-file caches are kept (the most recently built). */
const FOLDERS_KEPT = 4;

/**
 * The per-file cache of one folder for this code: `<root>/<folder hash>/<code hash>`. The same
 * folder's caches for other code are deleted (they would never be read again), and of the
 * folders, the FOLDERS_KEPT most recently built are kept.
 */
export async function folderCacheDir(root: string, folder: string, code: string): Promise<string> {
  const mine = path.join(root, createHash('sha256').update(folder).digest('hex').slice(0, 16));
  const dir = path.join(mine, code.slice(0, 16));
  await mkdir(dir, { recursive: true });
  const now = new Date();
  await utimes(dir, now, now);
  await utimes(mine, now, now);
  // The folder's caches for other code: another worktree (node_modules, so this cache, is
  // shared) may be building with that code right now.
  await keepNewest(mine, dir, 1, CACHE_GRACE_MS);
  await keepNewest(root, mine, FOLDERS_KEPT, CACHE_GRACE_MS);
  return dir;
}

/** Deletes all but the `count` most recently touched entries of `dir` (never `keep`). */
/**
 * Keeps the `count` most recently used entries of `dir` (and `keep`), and any used less than
 * `graceMs` ago, whatever their number: a build that made or took one of them may still be
 * publishing from it (a 100,000-article build writes its chunks from the cache 13 minutes after
 * making them, and failed with ENOENT when four test builds meanwhile had pushed its set out).
 */
export async function keepNewest(
  dir: string,
  keep: string,
  count: number,
  graceMs = 0,
): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const dated = await Promise.all(
    names
      .filter((n) => !n.endsWith('.tmp'))
      .map(async (n) => {
        const p = path.join(dir, n);
        return { p, at: (await stat(p).catch(() => null))?.mtimeMs ?? 0 };
      }),
  );
  dated.sort((a, b) => b.at - a.at);
  const recent = Date.now() - graceMs;
  for (const d of dated.slice(count))
    if (d.p !== keep && d.at < recent) await rm(d.p, { recursive: true, force: true });
}

/** The key of a file: what its stories' index depends on besides the code. */
export function fileKey(f: { id: string; section: string | null; hash: string }): string {
  return `${f.id}\n${f.section ?? ''}\n${f.hash}`;
}

/** Cuts the keys, in folder order, into content-defined segments. Exported for tests. */
export function segmentsOf(keys: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let run: string[] = [];
  const close = () => {
    const name = createHash('sha256').update(run.join('\0')).digest('hex').slice(0, 24);
    out.push({ name, keys: run });
    run = [];
  };
  for (const key of keys) {
    run.push(key);
    const h = createHash('sha1').update(key).digest().readUInt32BE(0);
    if (h % SEGMENT_MEAN === 0 || run.length >= SEGMENT_MAX) close();
  }
  if (run.length) close();
  return out;
}

export class FileCache {
  /** Where each key was in the last build's segments. */
  private readonly oldSegmentOf = new Map<string, string>();
  /** Old segments read, most recently read last: key → entry. */
  private readonly held = new Map<string, Map<string, Uint8Array>>();
  private readonly segments: Segment[];
  /** For each file position: its segment's index in `segments`. */
  private readonly segmentAt: number[] = [];
  /** The segments that exist on disk already (nothing to write). */
  private readonly present = new Set<string>();
  /** Entries of the segment being put together (one not on disk), in key order. */
  private pending: Uint8Array[] = [];
  hits = 0;
  written = 0;

  private constructor(
    private readonly dir: string,
    keys: readonly string[],
  ) {
    this.segments = segmentsOf(keys);
    this.segments.forEach((s, i) => {
      for (let k = 0; k < s.keys.length; k++) this.segmentAt.push(i);
    });
  }

  /** Opens the cache in `dir` for a folder whose files have these keys, in folder order. */
  static async open(dir: string, keys: readonly string[]): Promise<FileCache> {
    const cache = new FileCache(dir, keys);
    await mkdir(dir, { recursive: true });
    const index = await readJson<Segment[]>(path.join(dir, INDEX_FILE));
    const names = new Set(await readdir(dir));
    for (const s of index ?? []) {
      if (!names.has(segmentFile(s.name))) continue;
      for (const k of s.keys) cache.oldSegmentOf.set(k, s.name);
    }
    for (const s of cache.segments) if (names.has(segmentFile(s.name))) cache.present.add(s.name);
    return cache;
  }

  /** Whether `take` can find an entry for the file at `position` with `key` (no read). */
  has(position: number, key: string): boolean {
    const segment = this.segments[this.segmentAt[position]!]!;
    return this.present.has(segment.name) || this.oldSegmentOf.has(key);
  }

  /**
   * The cached entry of the file at `position` with `key`, if any: a view into its segment,
   * which stays in memory while the view does.
   */
  async take(position: number, key: string): Promise<Uint8Array | undefined> {
    const segment = this.segments[this.segmentAt[position]!]!;
    // A segment on disk holds exactly these keys; any other is looked up where the key was.
    const from = this.present.has(segment.name) ? segment.name : this.oldSegmentOf.get(key);
    if (!from) return undefined;
    const entries = await this.read(from);
    const entry = entries?.get(key);
    if (entry !== undefined) this.hits++;
    return entry;
  }

  /**
   * Records the file at `position`'s entry, in folder order, every file once: a segment not on
   * disk is written when its last file is put.
   */
  async put(position: number, entry: Uint8Array): Promise<void> {
    const s = this.segmentAt[position]!;
    const segment = this.segments[s]!;
    if (this.present.has(segment.name)) return;
    this.pending.push(entry);
    if (this.pending.length < segment.keys.length) return;
    const file = path.join(this.dir, segmentFile(segment.name));
    await writeAtomically(file, encodeSegment(segment.keys, this.pending));
    this.present.add(segment.name);
    this.pending = [];
    this.written++;
  }

  /** Whether the file at `position` must be `put` (its segment is not on disk). */
  wanted(position: number): boolean {
    return !this.present.has(this.segments[this.segmentAt[position]!]!.name);
  }

  /** Writes the index of this build's segments and deletes every other segment. */
  async finish(): Promise<void> {
    const keep = new Set(this.segments.map((s) => segmentFile(s.name)));
    await writeAtomically(path.join(this.dir, INDEX_FILE), JSON.stringify(this.segments));
    for (const name of await readdir(this.dir)) {
      if (name === INDEX_FILE || keep.has(name)) continue;
      const file = path.join(this.dir, name);
      // Another build of the folder may be writing it now (npm test builds the seeds for `/`
      // and for `/reader/` at once): only a temporary file left by a build that died goes.
      if (name.endsWith('.tmp') && !(await olderThan(file, STALE_TMP_MS))) continue;
      await rm(file, { force: true });
    }
  }

  private async read(name: string): Promise<Map<string, Uint8Array> | null> {
    let entries = this.held.get(name);
    if (entries) return entries;
    try {
      entries = decodeSegment(await readFile(path.join(this.dir, segmentFile(name))));
    } catch {
      return null; // gone, or cut short: its files are made again
    }
    this.held.set(name, entries);
    if (this.held.size > OLD_SEGMENTS_HELD) this.held.delete(this.held.keys().next().value!);
    return entries;
  }
}

function segmentFile(name: string): string {
  return `seg-${name}.bin`;
}

/**
 * A segment's bytes: per entry its key's length and UTF-8 bytes, its entry's length, and the
 * entry, each entry 4-byte aligned (index-part.ts reads 32-bit arrays in place). One read and
 * no parse: the segments were NDJSON, and at 100,000 files reading them back was slower than
 * indexing the files again.
 */
function encodeSegment(keys: readonly string[], entries: readonly Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const push = (b: Uint8Array) => {
    parts.push(b);
    size += b.length;
  };
  const word = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    push(b);
  };
  keys.forEach((k, i) => {
    const key = Buffer.from(k);
    word(key.length);
    push(key);
    word(entries[i]!.length);
    push(Buffer.alloc(pad4(size) - size));
    push(entries[i]!);
    push(Buffer.alloc(pad4(size) - size));
  });
  return Buffer.concat(parts, size);
}

function decodeSegment(bytes: Buffer): Map<string, Uint8Array> {
  // Entries are aligned from the segment's start: a buffer that does not start on a word is
  // copied to one that does.
  if (bytes.byteOffset % 4 !== 0) bytes = Buffer.from(bytes);
  const entries = new Map<string, Uint8Array>();
  let at = 0;
  while (at < bytes.length) {
    const keyLength = bytes.readUInt32LE(at);
    const key = bytes.toString('utf8', at + 4, at + 4 + keyLength);
    at += 4 + keyLength;
    const length = bytes.readUInt32LE(at);
    at = pad4(at + 4);
    if (at + length > bytes.length) throw new Error('segment cut short');
    entries.set(key, bytes.subarray(at, at + length));
    at = pad4(at + length);
  }
  return entries;
}

const pad4 = (n: number): number => (n + 3) & ~3;

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}
