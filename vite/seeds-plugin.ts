import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Logger, Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import type { CachedCode } from './analysis-cache.ts';
import { archiveWanted } from './archive-build.ts';
import type { BuiltTables } from './build-tables.ts';
import { startBuildSteps } from './build-steps.ts';
import { LINK_OUTSIDE } from './folder-entry.ts';
import { packNames } from './pack-names.ts';
import { packSeeds } from './pack-seeds.ts';
import { publicFiles } from './public-files.ts';
import { serveSeeds } from './seeds-dev-server.ts';
import { scanSeeds, type SeedsScan } from './scan-seeds.ts';
import { chunksFirst, type BuiltSearchChunks } from './search-chunks.ts';
import { storySummaries } from './story-summaries.ts';
import { writeArchive, writeChunksTree, writeSeedsTree } from './seeds-output.ts';
import { treeStateFile } from './tree-sync.ts';
import { folderFingerprint } from '../src/corpus/fingerprint.ts';
import type { Story } from '../src/corpus/types.ts';

/** URL paths (under the app's base) where the manifest and the article files are served. */
export const MANIFEST_FILE = 'seeds-manifest.json';
export const SEEDS_URL_DIR = 'seeds';
/** The meta tag that tells the app, before its manifest arrives, that the build is an archive. */
export const ARCHIVE_META = 'dispatch-archive';
/**
 * The meta tag that names the folder's fingerprint (src/corpus/fingerprint.ts) before the
 * manifest arrives: public/early-worker.js hands it to the worker, which takes the last visit's
 * search index on it.
 */
export const FOLDER_META = 'dispatch-folder';
/** The custom HMR event the app listens to so that edits in the folder show up live. */
export const SEEDS_CHANGED_EVENT = 'dispatch:seeds-changed';
/** Notes printed per scan at most; the rest are in the library's "notes about files". */
const PRINT_MAX = 20;

/** The one scan of the folder that the build's plugins share (scanned once, printed once). */
export interface SeedsSource {
  scan(): Promise<SeedsScan>;
  /**
   * Every file's stories, first two paragraphs only (story-summaries.ts), parsed once for the
   * previews and the archive's listing; `outDir` keys the cache of the last build's.
   */
  summaries(
    outDir: string,
  ): Promise<{ parsed: Map<string, { stories: Story[] }>; reparsed: number }>;
  /** Whether this build is an archive (archive-build.ts: by the folder's size or SEEDS_ARCHIVE). */
  isArchive(): Promise<boolean>;
}

/**
 * Serves a folder of articles to the app: a generated manifest (ids, paths, sizes, hashes) and
 * the files themselves, in dev from the folder (watched, so adding or editing a file shows up in
 * the open page) and in the build as emitted assets. The folder is `SEEDS_DIR` or `public/seeds`.
 * Only what scanSeeds accepts is served or emitted: no link out of the folder (unless
 * `followLinks`), no special file.
 */
export function seedsPlugin(options: {
  seedsDir: string;
  followLinks?: boolean;
  /**
   * The build analyses every story's names (people, places, organizations) and ships them beside
   * the packs, so the browser does not (default true; `SEEDS_NAMES=0` turns it off). Analyses
   * are cached per content hash in `cacheDir` (default node_modules/.cache/dispatch/names). From
   * them it also builds the folder-wide tables (entity table, related lists, threads).
   */
  names?: boolean;
  /** The folder-wide tables from those analyses (default true; needs `names`). */
  tables?: boolean;
  /**
   * Where the tables step keeps what it makes of each file (its stories' phrase pairs), so a
   * rebuild redoes only the files that changed (default node_modules/.cache/dispatch/tables).
   */
  tablesCacheDir?: string;
  cacheDir?: string;
  /**
   * The build cuts the folder's search index into chunks (search-chunks.ts), so a browser
   * answers searches before (or without) downloading the folder (default true; `SEEDS_CHUNKS=0`
   * turns it off). Cached whole in `chunksCacheDir` (default node_modules/.cache/dispatch/chunks).
   */
  chunks?: boolean;
  chunksCacheDir?: string;
  /**
   * Where the scan keeps each file's stat and content hash, so a rebuild reads only the files
   * that changed (scan-cache.ts; default node_modules/.cache/dispatch/scan).
   */
  scanCacheDir?: string;
  /** Where the build keeps its record of the files it wrote (tree-sync.ts). */
  stateDir: string;
  /**
   * `SEEDS_ARCHIVE`: '1' builds the archive form whatever the folder's size, '0' never; unset,
   * folders of ARCHIVE_FILES files or more (archive-build.ts).
   */
  archive?: string;
  /** Rows per listing page of the archive (tests use small pages to page through the seeds). */
  archivePageRows?: number;
  /** Stories listed per entity page of the archive (ENTITY_STORIES; tests cut the seeds' short). */
  archiveEntityStories?: number;
  /** Threads per page of the archive's library by thread (tests page through the seeds'). */
  archiveThreadRows?: number;
}): Plugin & { api: SeedsSource } {
  const seedsDir = path.resolve(options.seedsDir);
  const followLinks = options.followLinks ?? false;
  /** The build's entity analyses by content hash, started at buildStart (beside the bundling). */
  let names: Promise<Map<string, CachedCode>> | null = null;
  /** The folder-wide tables made from those analyses, started as soon as they are in. */
  let tables: Promise<BuiltTables | null> | null = null;
  /** The search chunks, started at buildStart (they need no names; build-steps.ts says when). */
  let chunks: Promise<BuiltSearchChunks | null> | null = null;
  /** When an archive's groups may be made beside the chunks (build-steps.ts). */
  let chunksLight: Promise<void> = Promise.resolve();
  let config: ResolvedConfig;
  let cached: Promise<SeedsScan> | null = null;
  /** The app's `public/`, which the build copies here rather than by Vite (see `config`). */
  let publicDir: string | null = null;
  const printed = new Set<string>();
  const scan = () => {
    if (cached) return cached;
    const started = performance.now();
    const cacheDir =
      options.scanCacheDir ?? path.join(config.root, 'node_modules/.cache/dispatch/scan');
    return (cached = scanSeeds(seedsDir, { followLinks, cacheDir }).then((s) => {
      printNotes(config.logger, s, printed, followLinks);
      if (config.command === 'build' && s.cached)
        config.logger.info(
          `[seeds] ${s.manifest.files.length.toLocaleString('en-US')} files scanned in ` +
            `${((performance.now() - started) / 1000).toFixed(1)} s: ` +
            `${s.cached.hashed.toLocaleString('en-US')} read and hashed, ` +
            `${s.cached.known.toLocaleString('en-US')} unchanged by their stat.`,
        );
      return s;
    }));
  };
  let summarized: ReturnType<SeedsSource['summaries']> | null = null;
  const summaries = (outDir: string) =>
    (summarized ??= scan().then((s) =>
      storySummaries(
        s.manifest.files,
        s.sources,
        treeStateFile(options.stateDir, outDir, 'summaries'),
      ),
    ));
  const isArchive = async () =>
    archiveWanted((await scan()).manifest.files.length, options.archive);

  const emitPublic = async (ctx: {
    emitFile: (f: { type: 'asset'; fileName: string; source: Uint8Array }) => unknown;
  }) => {
    if (!publicDir || !existsSync(publicDir)) return;
    const skip = [seedsDir, path.join(publicDir, SEEDS_URL_DIR)];
    for (const [rel, abs] of await publicFiles(publicDir, skip))
      ctx.emitFile({ type: 'asset', fileName: rel, source: await readFile(abs) });
  };

  return {
    name: 'dispatch-seeds',
    api: { scan, summaries, isArchive },
    config(user, env) {
      if (env.command !== 'build' || user.publicDir === false) return;
      if (user.build?.copyPublicDir === false) return;
      publicDir = path.resolve(user.root ?? process.cwd(), user.publicDir ?? 'public');
      // IMPORTANT: Vite copies all of public/, public/seeds included even when SEEDS_DIR names
      // another folder, following every link and opening every entry: a link out of the folder
      // would be published and a FIFO would hang the build. See publicFiles.
      return { build: { copyPublicDir: false } };
    },
    configResolved(c) {
      config = c;
    },
    buildStart() {
      if (config.command !== 'build') return;
      const log = {
        info: (m: string) => config.logger.info(m),
        warn: (m: string) => config.logger.warn(m),
      };
      ({ chunks, chunksLight, names, tables } = startBuildSteps({
        scan,
        isArchive,
        seedsDir,
        root: config.root,
        chunks: options.chunks !== false,
        names: options.names !== false,
        tables: options.tables !== false,
        chunksCacheDir: options.chunksCacheDir,
        namesCacheDir: options.cacheDir,
        tablesCacheDir: options.tablesCacheDir,
        log,
      }));
    },
    async transformIndexHtml() {
      if (config.command !== 'build') return;
      if (await isArchive())
        return [{ tag: 'meta', attrs: { name: ARCHIVE_META, content: '1' }, injectTo: 'head' }];
      const { manifest } = await scan();
      const content = folderFingerprint(manifest.files);
      return [{ tag: 'meta', attrs: { name: FOLDER_META, content }, injectTo: 'head' }];
    },
    async configureServer(server: ViteDevServer) {
      serveSeeds(server, {
        seedsDir,
        realSeedsDir: await realpath(seedsDir).catch(() => seedsDir),
        base: config.base,
        manifestUrl: `${config.base}${MANIFEST_FILE}`,
        filesPrefix: `${config.base}${SEEDS_URL_DIR}/`,
        changedEvent: SEEDS_CHANGED_EVENT,
        scan,
        invalidate: () => (cached = null),
      });
    },
    async generateBundle() {
      const { manifest, sources } = await scan();
      if (await isArchive()) {
        // No text or names packs: an archive's browser fetches a story's own file and side group.
        // Its groups, tables pack and manifest wait for the tables: writeBundle writes them, last
        // of the build's writes, so that the bundle, the folder's files, the chunk links and the
        // link previews (whose writeBundle runs first) are written while the tables thread runs.
        await emitPublic(this);
        return;
      }
      const packs = await packSeeds(manifest, sources);
      for (const p of packs) this.emitFile({ type: 'asset', fileName: p.info.url, source: p.data });
      if (names) {
        for (const n of packNames(packs, manifest, await names))
          this.emitFile({ type: 'asset', fileName: n.url, source: n.data });
      }
      const t = await tables;
      const c = await chunks;
      if (t) this.emitFile({ type: 'asset', fileName: t.url, source: t.data });
      const built = {
        ...manifest,
        packs: packs.map((p) => p.info),
        ...(t ? { tables: { url: t.url, size: t.data.length } } : {}),
        ...(c ? { chunks: { dir: c.dir, version: c.version, first: chunksFirst(manifest) } } : {}),
      };
      this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: JSON.stringify(built) });
      await emitPublic(this);
    },
    async writeBundle(out) {
      const dir = out.dir ?? config.build.outDir;
      const scanned = await scan();
      const { stateDir } = options;
      const logger = config.logger;
      // Each tree as soon as what it reads is in: the folder's files now, the chunk links when the
      // chunks are (before the tables on a large folder), an archive's groups after the tables.
      const archive = (async () => {
        if (!(await isArchive())) return null;
        const [t, codes, parsed] = await Promise.all([
          tables,
          names,
          summaries(dir).then((s) => s.parsed),
          chunksLight,
        ]);
        return {
          scan: scanned,
          parsed,
          codes,
          tables: t,
          chunks: chunks ?? Promise.resolve(null),
          pageRows: options.archivePageRows,
          entityStories: options.archiveEntityStories,
          threadPageRows: options.archiveThreadRows,
        };
      })();
      await Promise.all([
        writeSeedsTree(dir, scanned, SEEDS_URL_DIR, stateDir, logger),
        (chunks ?? Promise.resolve(null)).then((c) => writeChunksTree(dir, c, stateDir, logger)),
        archive.then((inputs) => writeArchive(dir, MANIFEST_FILE, inputs, stateDir, logger)),
      ]);
    },
  };
}

/** Prints the folder's notes to the terminal, each once per process (dev rescans on every edit). */
function printNotes(logger: Logger, s: SeedsScan, printed: Set<string>, followLinks: boolean) {
  const fresh = s.manifest.warnings.filter((w) => !printed.has(`${w.path}\n${w.message}`));
  for (const w of fresh) printed.add(`${w.path}\n${w.message}`);
  for (const w of fresh.slice(0, PRINT_MAX)) logger.warn(`[seeds] ${w.path}: ${w.message}`);
  if (fresh.length > PRINT_MAX)
    logger.warn(`[seeds] … and ${fresh.length - PRINT_MAX} more (see "notes about files").`);
  if (!followLinks && fresh.some((w) => w.message === LINK_OUTSIDE))
    logger.warn('[seeds] SEEDS_FOLLOW_LINKS=1 reads links out of the folder, if you mean to.');
}
