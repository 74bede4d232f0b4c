import type { Manifest, ManifestFile } from '../src/corpus/types';
import { analysisCache, type CachedCode } from './analysis-cache.ts';
import { analyseOnThreads, type PendingFile } from './analysis-pool.ts';
import { NamesSegments } from './names-segments.ts';
import { readSeedFile, type SeedFile } from './read-seed-file.ts';
import { textBytes } from './scan-seeds.ts';

export interface AnalyseOptions {
  /** Where the per-content-hash disk cache lives (node_modules/.cache/dispatch/names). */
  cacheDir: string;
  /**
   * The folder's path: its texts' analyses are also kept in segments, read before the per-text
   * files (names-segments.ts). None: the per-text files only.
   */
  folder?: string;
  threads: number;
  info: (msg: string) => void;
  warn: (msg: string) => void;
  /** The analysis itself: worker threads, or a stand-in in tests. */
  analyse?: typeof analyseOnThreads;
  /** Told, once the cache is read, how many bytes of text are left to analyse. */
  onPending?: (bytes: number) => void;
}

/** Progress lines at most this often (ms). */
const PROGRESS_MS = 2000;
/** Disk cache reads in flight at once. */
const READS = 64;

/**
 * The entity analyses of every text of the folder, by content hash (identical texts at two
 * paths are analysed once): from the disk cache, else by the recognizer on worker threads, with
 * progress in the terminal. A text that could not be analysed maps to null: the browser does it.
 */
export async function analyseSeeds(
  manifest: Manifest,
  sources: Map<string, SeedFile>,
  options: AnalyseOptions,
): Promise<Map<string, CachedCode>> {
  const started = performance.now();
  const cache = analysisCache(options.cacheDir);
  const byHash = new Map<string, ManifestFile>();
  for (const f of manifest.files)
    if (sources.has(f.path) && !byHash.has(f.hash)) byHash.set(f.hash, f);
  const texts = [...byHash.values()];

  const codes = new Map<string, CachedCode>();
  const segments =
    options.folder === undefined
      ? null
      : await NamesSegments.open(
          options.cacheDir,
          options.folder,
          texts.map((f) => f.hash),
        );
  const fromSegments = (await segments?.read(codes)) ?? 0;
  const unread = texts.filter((f) => !codes.has(f.hash));
  for (let i = 0; i < unread.length; i += READS) {
    const slice = unread.slice(i, i + READS);
    const read = await Promise.all(slice.map((f) => cache.read(f.hash)));
    slice.forEach((f, k) => read[k] !== undefined && codes.set(f.hash, read[k]!));
  }
  if (segments)
    options.info(
      `[names] cache read in ${seconds(performance.now() - started)}: ` +
        `${count(fromSegments)} of ${count(texts.length)} texts from the folder's segments.`,
    );
  const todo: PendingFile[] = texts
    .filter((f) => !codes.has(f.hash))
    .map((f) => ({
      hash: f.hash,
      fileId: f.id,
      section: f.section,
      size: f.size,
      read: () => readSeedFile(sources.get(f.path)!),
    }));
  const total = textBytes(todo);
  options.onPending?.(total);
  const threads = Math.min(options.threads, todo.length);
  options.info(
    `[names] ${count(texts.length)} texts: ${count(codes.size)} from the cache` +
      (todo.length
        ? `, analysing ${count(todo.length)} (${mb(total)}) on ${threads} thread${threads === 1 ? '' : 's'}…`
        : '.'),
  );
  const failed = new Set<string>();
  if (!todo.length) {
    await segments?.write(codes, failed);
    return codes;
  }

  let done = 0;
  let doneBytes = 0;
  const errors: string[] = [];
  const writes: Promise<void>[] = [];
  // On a timer, not per file: one long file (the hostile folder's 20 MB line) is ~20 s alone.
  const progress = setInterval(() => {
    const s = (performance.now() - started) / 1000;
    options.info(
      `[names] ${count(done)}/${count(todo.length)} texts, ${mb(doneBytes)} of ${mb(total)}, ${s.toFixed(0)} s`,
    );
  }, PROGRESS_MS);
  try {
    await (options.analyse ?? analyseOnThreads)(todo, threads, (reply, file) => {
      codes.set(reply.hash, reply.code);
      // A failure is not cached: the next build tries again.
      if (reply.error) {
        errors.push(`${file.fileId}: ${reply.error}`);
        failed.add(reply.hash);
      } else writes.push(cache.write(reply.hash, reply.code));
      done++;
      doneBytes += file.size;
    });
  } finally {
    clearInterval(progress);
  }
  await Promise.all(writes);
  await segments?.write(codes, failed);
  for (const e of errors.slice(0, 5))
    options.warn(`[names] not analysed, left to the browser: ${e}`);
  if (errors.length > 5) options.warn(`[names] … and ${errors.length - 5} more.`);
  const s = (performance.now() - started) / 1000;
  const rate = total / 1048576 / s;
  options.info(
    `[names] ${count(done)} texts analysed in ${s.toFixed(1)} s (${rate.toFixed(1)} MB/s).`,
  );
  return codes;
}

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
