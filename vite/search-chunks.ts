import { createHash } from 'node:crypto';
import { readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Manifest } from '../src/corpus/types';
import type { SeedFile } from './read-seed-file.ts';
import { corpusCodeHash } from './code-hash.ts';
import { CACHE_GRACE_MS, folderCacheDir, keepNewest } from './file-cache.ts';
import { textBytes } from './scan-seeds.ts';

/** What the chunks thread is sent: the folder's files in manifest order, where to write. */
export interface ChunksJob {
  files: { id: string; section: string | null; hash: string; source: SeedFile }[];
  outDir: string;
  /** The per-file cache of this folder (file-cache.ts); null: none. */
  fileCacheDir: string | null;
}

export type ChunksReply =
  | {
      /** Hash of every file's name and bytes: the published directory's name. */
      hash: string;
      /** The chunk format (`CHUNK_FORMAT`), for the manifest. */
      version: number;
      stories: number;
      terms: number;
      /** Name, bytes, gzip bytes of every file, by name. */
      files: [string, number, number][];
      /** Each file's SHA-256 (hex, first 32 digits), as `files`. */
      digests: string[];
      /**
       * Wall time and CPU time of each part. The CPU is the process's (its other threads wait
       * meanwhile, or run the names beside it): on 2 shared cores the wall time moved 3× with
       * the load, the CPU time much less.
       */
      parts: { name: string; ms: number; cpuMs: number }[];
      /** Peak resident set size of the process, bytes (the build's other threads included). */
      maxRss: number;
    }
  | { error: string };

export type ChunksMessage =
  | { progress: string }
  /** The folder is indexed (`cached` of `files` from the per-file cache); the cut comes next. */
  | { indexed: { cached: number; files: number } }
  | { done: ChunksReply };

/** The search chunks of a build: where they are published and where their bytes are now. */
export interface BuiltSearchChunks {
  /** Directory under the app's base, named by content: `search-chunks/<hash>`. */
  dir: string;
  version: number;
  /** Where the files are (the build cache). */
  from: string;
  files: [string, number, number][];
  /**
   * Each file's SHA-256 (hex, first 32 digits), as `files`: the build folder keeps a file whose
   * bytes the last set had (seeds-output.ts). Absent from a set cached before they were kept.
   */
  digests?: string[];
}

/** The tree of the build folder that holds the chunks (kept between builds, see out-dir-plugin). */
export const CHUNKS_TREE = 'search-chunks';
/**
 * Folder text (bytes) from which the browser answers searches from the chunks until its own index
 * is whole (`Manifest.chunks.first`). Below it the in-memory engine's partial answers paint
 * sooner and its index is whole within a second or two; measured (ARCHITECTURE.md, "Search
 * chunks"): BBC (4.8 MiB) first option 1,253–1,551 ms from memory against 1,681–1,818 ms from
 * the chunks at load ~10; the 10k folder (26.8 MiB) 718 ms from memory but its index whole only
 * at 5.4 s, the chunks' whole-folder answer at 933 ms. `SEEDS_CHUNKS_FIRST=1` forces it (tests).
 */
export const CHUNKS_FIRST_BYTES = 8 * 1024 * 1024;

export function chunksFirst(manifest: Manifest): boolean {
  if (process.env.SEEDS_CHUNKS_FIRST === '1') return true;
  return textBytes(manifest.files) >= CHUNKS_FIRST_BYTES;
}

/** Folders of chunks kept in the build cache (a few folders built in turn stay cached). */
const CACHE_KEEP = 4;
const INDEX_FILE = 'index.json';

/**
 * The folder's search index cut into chunks (src/corpus/search/chunks, issue 15), so a browser
 * can search a folder it has not downloaded: built on a worker thread (chunks-thread.ts) with the
 * code the browser's worker runs, published under a directory named by the chunks' content (a
 * host and the service worker can keep them forever, and a rebuild never mixes two versions).
 * The whole set is cached on disk, keyed by the folder's files (path, section, content hash), the
 * format and options and the source of src/corpus: a rebuild of an unchanged folder does not
 * parse it again. Null, with a warning, when the thread fails: the browser then searches only
 * its own index, as before.
 */
export async function buildSearchChunks(
  manifest: Manifest,
  sources: Map<string, SeedFile>,
  opts: {
    cacheDir: string;
    /**
     * The per-file cache (file-cache.ts), so a rebuild after an edit indexes only the files that
     * changed: where (apart from `cacheDir`, whose eviction is of whole sets) and the folder's
     * path, which keys it. Without it, every file is indexed.
     */
    perFile?: { dir: string; folder: string };
    info: (m: string) => void;
    warn: (m: string) => void;
    /**
     * Told once the folder is indexed, with how many files came from the per-file cache (all of
     * them when the whole set did); not told when the chunks fail.
     */
    onIndexed?: (cached: number, files: number) => void;
  },
): Promise<BuiltSearchChunks | null> {
  const started = performance.now();
  const files = manifest.files.flatMap((f) => {
    const source = sources.get(f.path);
    return source ? [{ id: f.id, section: f.section, hash: f.hash, source }] : [];
  });
  // The format and the options are in src/corpus's source: its hash covers them.
  // The thread's own code too (what it keeps of each story), and the per-file cache's layout.
  const code = await corpusCodeHash([
    new URL('./chunks-thread.ts', import.meta.url),
    new URL('./file-cache.ts', import.meta.url),
    new URL('./index-part.ts', import.meta.url),
    new URL('./index-assembler.ts', import.meta.url),
  ]);
  const key = createHash('sha256')
    .update(code)
    .update(JSON.stringify(files.map((f) => [f.id, f.section, f.hash])))
    .digest('hex')
    .slice(0, 24);
  const entry = path.join(opts.cacheDir, key);
  const cached = await readIndex(entry);
  if (cached) {
    // Touched, so the eviction below keeps what is in use.
    const now = new Date();
    await utimes(entry, now, now).catch(() => undefined);
    opts.info(`[chunks] ${summary(cached.files)}, from the cache.`);
    opts.onIndexed?.(files.length, files.length);
    return {
      dir: `${CHUNKS_TREE}/${cached.hash}`,
      version: cached.version,
      from: entry,
      files: cached.files,
      ...(cached.digests && { digests: cached.digests }),
    };
  }
  opts.info(`[chunks] indexing ${files.length.toLocaleString('en-US')} files on a thread…`);
  const tmp = `${entry}.${process.pid}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  const job: ChunksJob = {
    files,
    outDir: tmp,
    fileCacheDir: opts.perFile
      ? await folderCacheDir(opts.perFile.dir, opts.perFile.folder, code)
      : null,
  };
  const reply = await runThread(job, opts.info, chunksHeapMb(manifest), opts.onIndexed);
  if ('error' in reply) {
    await rm(tmp, { recursive: true, force: true });
    opts.warn(`[chunks] not built, the browser searches its own index: ${reply.error}`);
    return null;
  }
  await writeFile(
    path.join(tmp, INDEX_FILE),
    JSON.stringify({
      hash: reply.hash,
      version: reply.version,
      files: reply.files,
      digests: reply.digests,
    } satisfies CacheIndex),
  );
  await settle(tmp, entry);
  await evict(opts.cacheDir, entry);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  opts.info(
    `[chunks] ${reply.stories.toLocaleString('en-US')} stories, ${reply.terms.toLocaleString('en-US')} terms: ` +
      `${summary(reply.files)} in ${s(performance.now() - started)} s ` +
      `(${reply.parts.map((p) => `${p.name} ${s(p.ms)} [CPU ${s(p.cpuMs)}]`).join(', ')}; ` +
      `peak RSS ${(reply.maxRss / 2 ** 20).toFixed(0)} MiB).`,
  );
  return {
    dir: `${CHUNKS_TREE}/${reply.hash}`,
    version: reply.version,
    from: entry,
    files: reply.files,
    digests: reply.digests,
  };
}

/** "613 files, 9.1 MB (3.4 MB gzip)". */
function summary(files: [string, number, number][]): string {
  const mb = (n: number) =>
    n < 2 ** 20 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 2 ** 20).toFixed(1)} MB`;
  const raw = files.reduce((a, f) => a + f[1], 0);
  const gz = files.reduce((a, f) => a + f[2], 0);
  return `${files.length.toLocaleString('en-US')} files, ${mb(raw)} (${mb(gz)} gzip)`;
}

/**
 * The old-generation cap of the thread, MB, never under 2 GB. Measured at 100,000 generated
 * articles (270 MB of text): the process peaked at 2,236 MiB RSS under a cap of 8 times the
 * text; 10 times leaves room, since a thread that runs out ships no chunks (the browser then
 * searches as before). On such a folder this one never runs beside the tables thread's heavy
 * part (build-steps.ts).
 */
function chunksHeapMb(manifest: Manifest): number {
  const text = textBytes(manifest.files);
  return Math.max(2048, Math.ceil((10 * text) / 2 ** 20));
}

function runThread(
  job: ChunksJob,
  info: (m: string) => void,
  heapMb: number,
  onIndexed: (cached: number, files: number) => void = () => {},
): Promise<ChunksReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./chunks-thread-entry.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    let answered = false;
    worker.on('message', (m: ChunksMessage) => {
      if ('progress' in m) return info(`[chunks] ${m.progress}`);
      if ('indexed' in m) return onIndexed(m.indexed.cached, m.indexed.files);
      answered = true;
      resolve(m.done);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      answered = true;
      resolve({ error: err.message });
    });
    worker.once('exit', () => {
      if (!answered) resolve({ error: 'the chunks thread stopped' });
    });
    worker.postMessage(job);
  });
}

interface CacheIndex {
  hash: string;
  version: number;
  files: [string, number, number][];
  digests?: string[];
}

async function readIndex(entry: string): Promise<CacheIndex | null> {
  try {
    return JSON.parse(await readFile(path.join(entry, INDEX_FILE), 'utf8')) as CacheIndex;
  } catch {
    return null;
  }
}

/**
 * Moves a finished set into its cache entry. The key covers the code and every file, so a set
 * another build finished meanwhile under the same key holds the same files: it stays, and this
 * one is dropped. Replacing it deleted files that build was publishing (the test command builds
 * the seeds twice at once, for `/` and for `/reader/`: ENOENT on a chunk file). Only an entry
 * with no index, a build's broken leftover, is replaced. Exported for tests.
 */
export async function settle(tmp: string, entry: string): Promise<void> {
  try {
    await rename(tmp, entry);
    return;
  } catch {
    // The entry exists: another build's finished set, or a leftover.
  }
  if (await readIndex(entry)) {
    await rm(tmp, { recursive: true, force: true });
    return;
  }
  await rm(entry, { recursive: true, force: true });
  await rename(tmp, entry);
}

/**
 * Keeps the CACHE_KEEP most recently used sets (a 100,000-article folder's is ~0.5 GB), and every
 * set used in the last CACHE_GRACE_MS: another build may still be writing its output from it.
 */
function evict(cacheDir: string, keep: string): Promise<void> {
  return keepNewest(cacheDir, keep, CACHE_KEEP, CACHE_GRACE_MS);
}
