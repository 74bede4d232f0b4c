import os from 'node:os';
import path from 'node:path';
import type { CachedCode } from './analysis-cache.ts';
import { analyseSeeds } from './analyse-seeds.ts';
import { buildTables, type BuiltTables } from './build-tables.ts';
import { collectGarbage } from './collect-garbage.ts';
import { textBytes, type SeedsScan } from './scan-seeds.ts';
import { buildSearchChunks, type BuiltSearchChunks } from './search-chunks.ts';

/**
 * Folder text (bytes) up to which the tables and the search chunks are built at the same time
 * (beyond it, see `startBuildSteps`). 10,000
 * generated articles are 27 MB.
 */
const SIDE_BY_SIDE_BYTES = 64 * 2 ** 20;
/**
 * On a larger folder, the share of its text whose names are to be analysed from which the search
 * chunks run beside the names rather than after the tables' heavy part. A 100k build from empty
 * caches: 9 min 2 s so (names 325 s beside the chunks' 135 s), 9 min 33 s with the chunks after
 * the tables' first passes (names 295 s, then the chunks 85 s beside the tables' end).
 */
const EARLY_CHUNKS_SHARE = 0.25;

/**
 * Share of the folder's files the search chunks must take from their per-file cache for an
 * archive's groups to be made beside their cut (`BuildSteps.chunksLight`).
 */
const LIGHT_CHUNKS_SHARE = 0.9;

/** The build's three long steps, each a promise (null: turned off). */
export interface BuildSteps {
  chunks: Promise<BuiltSearchChunks | null> | null;
  /**
   * Resolves once the chunks are done, or once they were indexed almost wholly from their
   * per-file cache (a rebuild's: their cut alone is left). An archive's groups (~20 s and
   * ~1 GB of the main thread at 100,000 stories) wait for this rather than for the chunks: on a
   * 100k rebuild they then run beside the cut, 14 s sooner, at a peak of 3,380–3,528 MiB; beside
   * chunks indexed afresh (a build after a src/corpus change) the peak was 4,140 MiB, past the
   * 4 GB budget, so those still go first.
   */
  chunksLight: Promise<void>;
  names: Promise<Map<string, CachedCode>> | null;
  tables: Promise<BuiltTables | null> | null;
}

/**
 * Starts the search chunks, the names and the tables (the seeds plugin's buildStart), in the
 * order that keeps a large folder's build under its memory budget and both cores busy.
 */
export function startBuildSteps(opts: {
  scan: () => Promise<SeedsScan>;
  isArchive: () => Promise<boolean>;
  seedsDir: string;
  root: string;
  chunks: boolean;
  names: boolean;
  tables: boolean;
  chunksCacheDir?: string;
  namesCacheDir?: string;
  tablesCacheDir?: string;
  log: { info: (m: string) => void; warn: (m: string) => void };
}): BuildSteps {
  let chunks: BuildSteps['chunks'] = null;
  // The search chunks never run beside the tables' heavy part on a large folder: the two
  // steps' peaks together passed the build's 4 GB (ARCHITECTURE.md, "Session 17"). When the
  // names have much to analyse (a first build, a new recognizer), the chunks run beside them
  // and the tables wait for the chunks; otherwise (a rebuild after edits) the chunks wait
  // for the tables' heavy part (the text let go, the first passes in) and run beside the
  // rest. On a small folder both start at once, on the two cores.
  const text = opts.scan().then((s) => textBytes(s.manifest.files));
  const large = text.then((t) => t > SIDE_BY_SIDE_BYTES);
  let namesPending = (_bytes: number) => {};
  const pending = new Promise<number>((resolve) => (namesPending = resolve));
  /** Whether the chunks start at once (a small folder, or names with much to analyse). */
  const early = text.then(
    async (t) => t <= SIDE_BY_SIDE_BYTES || (await pending) >= EARLY_CHUNKS_SHARE * t,
  );
  let heavyOver = () => {};
  const tablesHeavyDone = new Promise<void>((resolve) => (heavyOver = resolve));
  let light = () => {};
  const chunksLight = new Promise<void>((resolve) => (light = resolve));
  if (opts.chunks) {
    const chunksCacheDir =
      opts.chunksCacheDir ?? path.join(opts.root, 'node_modules/.cache/dispatch/chunks');
    chunks = early
      .then((e) => (e ? undefined : tablesHeavyDone))
      .then(opts.scan)
      .then((s) =>
        buildSearchChunks(s.manifest, s.sources, {
          cacheDir: chunksCacheDir,
          // Each file's index, so a rebuild tokenizes only the edited files (index-part.ts:
          // in bytes, read back faster than indexing afresh at 100,000 files too).
          perFile: { dir: `${chunksCacheDir}-files`, folder: opts.seedsDir },
          onIndexed: (cached, files) => {
            if (cached >= LIGHT_CHUNKS_SHARE * files) light();
          },
          ...opts.log,
        }),
      )
      .catch((err: unknown) => {
        opts.log.warn(`[chunks] not built: ${(err as Error).message}`);
        return null;
      })
      .finally(light);
  } else {
    light();
  }
  if (!opts.names) {
    namesPending(0);
    heavyOver();
    return { chunks, chunksLight, names: null, tables: null };
  }
  const cacheDir = opts.namesCacheDir ?? path.join(opts.root, 'node_modules/.cache/dispatch/names');
  const names = opts
    .scan()
    .then((s) =>
      analyseSeeds(s.manifest, s.sources, {
        cacheDir,
        folder: opts.seedsDir,
        // Both cores of a small machine; more threads than that mostly add memory.
        threads: Math.min(4, os.availableParallelism()),
        onPending: namesPending,
        ...opts.log,
      }),
    )
    .finally(() => namesPending(0))
    .catch((err: unknown) => {
      // The reader works without them: the browser analyses every story, as in dev.
      opts.log.warn(`[names] not analysed at build time: ${(err as Error).message}`);
      return new Map<string, CachedCode>();
    });
  // Without the names there are no tables: the browser builds both.
  if (!opts.tables) {
    heavyOver();
    return { chunks, chunksLight, names, tables: null };
  }
  // Started beside the names on a large folder, the chunks go first (see above).
  const chunked = Promise.all([large, early]).then(([l, e]) => (l && e ? chunks : null));
  const tables = Promise.all([names, chunked])
    .then(async ([codes]) => {
      const { manifest, sources } = await opts.scan();
      if (!codes.size) return null;
      const cache = {
        dir: opts.tablesCacheDir ?? path.join(opts.root, 'node_modules/.cache/dispatch/tables'),
        folder: opts.seedsDir,
      };
      const archive = await opts.isArchive();
      const isLarge = await large;
      // By the tables' heavy part's end this thread has been idle since the previews and the
      // names, and an idle isolate collects nothing: what they left (~270 MiB of heap at
      // 100,000 files) would sit beside the chunks' peak. Collected once, before the chunks.
      const heavyDone = () => {
        if (isLarge) collectGarbage();
        heavyOver();
      };
      return buildTables(manifest, sources, codes, opts.log, undefined, cache, archive, heavyDone);
    })
    // Tables that end without saying so (none built, a failed thread) hold nothing.
    .finally(heavyOver);
  return { chunks, chunksLight, names, tables };
}
