import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type {
  ArchiveSentence,
  ArchiveTimelineEntry,
} from '../src/corpus/archive/archive-format.ts';
import type { Manifest } from '../src/corpus/types';
import type { CachedCode } from './analysis-cache.ts';
import type { SeedFile } from './read-seed-file.ts';
import { corpusCodeHash } from './code-hash.ts';
import { folderCacheDir } from './file-cache.ts';
import { textBytes } from './scan-seeds.ts';

/** What the tables thread is sent: the folder's files in manifest order and the build's names. */
export interface TablesJob {
  files: { id: string; section: string | null; hash: string; source: SeedFile }[];
  /** Every file of the manifest: the fingerprint the browser computes is over these. */
  manifestFiles: { id: string; hash: string }[];
  codes: [string, CachedCode][];
  /**
   * The per-file caches of this folder (file-cache.ts): each story's phrase pairs (`phrases/`)
   * and the related index's counts (`counts/`, related-counts.ts); null: none.
   */
  fileCacheDir: string | null;
  /**
   * Also what an archive's pages need of the text (the browser of a whole folder makes its own):
   * each thread's timeline and each entity's first sentences.
   */
  archive?: boolean;
}

/** One part of the tables thread's work: its time, and the process's memory when it ended. */
export interface TablePart {
  name: string;
  ms: number;
  /** Resident set size at the end of the part, bytes. */
  rss: number;
  /** Peak resident set size of the process so far, bytes. */
  maxRss: number;
  /** Live heap after a full GC, bytes: only when the process runs with --expose-gc. */
  heap?: number;
}

export type TablesReply =
  | {
      data: Uint8Array;
      stories: number;
      entities: number;
      threads: number;
      /** `threadTimelines` and `entitySentences` as JSON, for an archive. */
      timelines?: string;
      sentences?: string;
      parts: TablePart[];
    }
  | { error: string };

/**
 * Posted by the tables thread before its reply, once its heavy part is over: the text let go
 * (after the related index and its event vectors) and the first passes (two threads) in. A
 * large build starts the search chunks then.
 */
export interface TablesProgress {
  heavyDone: true;
}

export interface BuiltTables {
  url: string;
  data: Buffer;
  /** The thread's parts, in order (`npm run bench:tables` prints them). */
  parts: TablePart[];
  /** Each thread's timeline, by thread id (`threadTimelines`), for an archive. */
  timelines?: Record<string, ArchiveTimelineEntry[]>;
  /** Each entity's first sentences, by entity id (`entitySentences`), for an archive. */
  sentences?: Record<string, ArchiveSentence[]>;
}

/**
 * The folder-wide tables (entity table, every story's related list with its reasons, threads),
 * built on a worker thread (tables-thread.ts) from the build's analyses with the code the
 * browser's worker runs, as `seeds-packs/tables-<hash>.gz`. Null, with a warning, when they
 * cannot be made (a text the build did not analyse, a thread that fails): the browser builds
 * them then, as without a build.
 */
/**
 * The tables thread's old-generation cap, MB. Its live heap is ~3.6 times the folder's text at
 * most (25,000 generated articles, after a forced GC: 245 MiB for 67.6 MiB right after the parse,
 * 163 MiB at most past it), but left to its defaults V8 let garbage pile up to several times
 * that: at 100,000 articles the step's RSS went from 2.2 to 3.6 GiB while the related lists were
 * packed, for ~0.1 GiB more live data. A cap makes it collect sooner. IMPORTANT: the cap must stay well above the live heap: a thread that
 * runs out of it ships no tables (the browser then builds them, slowly); hence 5 times the text
 * and 4 KB a file (per-story lists and tables), never under 2 GB.
 */
export function tablesHeapMb(manifest: Manifest): number {
  const text = textBytes(manifest.files);
  return Math.max(2048, Math.ceil((5 * text + 4096 * manifest.files.length) / 2 ** 20));
}

export async function buildTables(
  manifest: Manifest,
  sources: Map<string, SeedFile>,
  codes: ReadonlyMap<string, CachedCode>,
  log: { info: (m: string) => void; warn: (m: string) => void },
  dir = 'seeds-packs',
  cache: {
    /** Where the per-file caches go (one folder each, see file-cache.ts). */
    dir: string;
    /** The folder's path, which keys its cache. */
    folder: string;
  } | null = null,
  archive = false,
  /** Told when the thread's heavy part is over (`TablesProgress`); at most once. */
  onHeavyDone: () => void = () => {},
): Promise<BuiltTables | null> {
  const started = performance.now();
  const code = cache
    ? await corpusCodeHash([
        new URL('./tables-thread.ts', import.meta.url),
        new URL('./file-cache.ts', import.meta.url),
        new URL('./related-counts.ts', import.meta.url),
      ])
    : '';
  const job: TablesJob = {
    files: manifest.files.flatMap((f) => {
      const source = sources.get(f.path);
      return source ? [{ id: f.id, section: f.section, hash: f.hash, source }] : [];
    }),
    manifestFiles: manifest.files.map((f) => ({ id: f.id, hash: f.hash })),
    codes: [...codes],
    fileCacheDir: cache ? await folderCacheDir(cache.dir, cache.folder, code) : null,
    archive,
  };
  const heapMb = tablesHeapMb(manifest);
  const reply = await new Promise<TablesReply>((resolve) => {
    const worker = new Worker(new URL('./tables-thread-entry.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    let answered = false;
    worker.on('message', (m: TablesReply | TablesProgress) => {
      if ('heavyDone' in m) return onHeavyDone();
      answered = true;
      // Answered once the thread is gone: its heap (up to its cap) is let go before this thread
      // reads the reply's timelines and sentences and makes an archive's groups, which at
      // 100,000 files ran beside the search chunks' cut at the build's peak.
      void worker.terminate().then(() => resolve(m));
    });
    worker.once('error', (err) => {
      answered = true;
      resolve({ error: err.message });
    });
    worker.once('exit', () => {
      if (!answered) resolve({ error: 'the tables thread stopped' });
    });
    worker.postMessage(job);
  });
  if ('error' in reply) {
    log.warn(`[tables] not built, left to the browser: ${reply.error}`);
    return null;
  }
  const data = Buffer.from(reply.data);
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 10);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const peak = Math.max(0, ...reply.parts.map((p) => p.maxRss));
  log.info(
    `[tables] ${reply.entities.toLocaleString('en-US')} entities, ` +
      `${reply.stories.toLocaleString('en-US')} related lists, ${reply.threads} threads: ` +
      `${(data.length / 1024).toFixed(0)} KB gzip in ${s(performance.now() - started)} s ` +
      `(${reply.parts.map((p) => `${p.name} ${s(p.ms)}`).join(', ')}; ` +
      `peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB, heap cap ${heapMb} MB).`,
  );
  return {
    url: `${dir}/tables-${hash}.gz`,
    data,
    parts: reply.parts,
    ...(reply.timelines !== undefined && {
      timelines: JSON.parse(reply.timelines) as Record<string, ArchiveTimelineEntry[]>,
    }),
    ...(reply.sentences !== undefined && {
      sentences: JSON.parse(reply.sentences) as Record<string, ArchiveSentence[]>,
    }),
  };
}
