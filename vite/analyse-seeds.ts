import type { Manifest, ManifestFile } from '../src/corpus/types';
import { analysisCache, type CachedCode } from './analysis-cache.ts';
import { analyseOnThreads, type PendingFile } from './analysis-pool.ts';
import { readSeedFile, type SeedFile } from './read-seed-file.ts';
import { textBytes } from './scan-seeds.ts';

export interface AnalyseOptions {
  /** Where the per-content-hash disk cache lives (node_modules/.cache/dispatch/names). */
  cacheDir: string;
  threads: number;
  info: (msg: string) => void;
  warn: (msg: string) => void;
  /** The analysis itself: worker threads, or a stand-in in tests. */
  analyse?: typeof analyseOnThreads;
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
  for (let i = 0; i < texts.length; i += READS) {
    const slice = texts.slice(i, i + READS);
    const read = await Promise.all(slice.map((f) => cache.read(f.hash)));
    slice.forEach((f, k) => read[k] !== undefined && codes.set(f.hash, read[k]!));
  }
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
  const threads = Math.min(options.threads, todo.length);
  options.info(
    `[names] ${count(texts.length)} texts: ${count(codes.size)} from the cache` +
      (todo.length
        ? `, analysing ${count(todo.length)} (${mb(total)}) on ${threads} thread${threads === 1 ? '' : 's'}…`
        : '.'),
  );
  if (!todo.length) return codes;

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
      if (reply.error) errors.push(`${file.fileId}: ${reply.error}`);
      else writes.push(cache.write(reply.hash, reply.code));
      done++;
      doneBytes += file.size;
    });
  } finally {
    clearInterval(progress);
  }
  await Promise.all(writes);
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
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
