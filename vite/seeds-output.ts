import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'vite';
import type { CachedCode } from './analysis-cache.ts';
import { ARCHIVE_TREE, buildArchive, slimManifest } from './archive-build.ts';
import type { BuiltTables } from './build-tables.ts';
import { readSeedFile } from './read-seed-file.ts';
import type { SeedsScan } from './scan-seeds.ts';
import { CHUNKS_TREE, type BuiltSearchChunks } from './search-chunks.ts';
import { describeSync, renameTopFolder, syncTree, treeStateFile } from './tree-sync.ts';
import type { Story } from '../src/corpus/types.ts';

/**
 * What the seeds plugin writes into the build folder beside Vite's bundle, each tree
 * incrementally (tree-sync.ts). Each step awaits only what it reads, so the folder's files and
 * the chunk links are written while the tables thread still runs (100k rebuild: ~6 s that came
 * after it), and an archive's groups as soon as the tables are in.
 */

/** The folder's own files, one per article: written only when new or changed. */
export async function writeSeedsTree(
  dir: string,
  scan: SeedsScan,
  treeDir: string,
  stateDir: string,
  logger: Logger,
): Promise<void> {
  const { manifest, sources } = scan;
  const started = performance.now();
  const files = manifest.files.flatMap((f) => {
    const source = sources.get(f.path);
    return source ? [{ path: f.path, hash: f.hash, data: () => readSeedFile(source) }] : [];
  });
  const r = await syncTree(dir, treeDir, files, treeStateFile(stateDir, dir, treeDir));
  logger.info(`[seeds] ${files.length.toLocaleString('en-US')} files: ${describeSync(r, started)}`);
}

/**
 * The search chunks, in their content-named directory, hard-linked from the build cache (whose
 * files are written once: a new set goes to a new directory). None (a build without them)
 * removes the last build's.
 */
export async function writeChunksTree(
  dir: string,
  c: BuiltSearchChunks | null,
  stateDir: string,
  logger: Logger,
): Promise<void> {
  const started = performance.now();
  const hash = c?.dir.slice(CHUNKS_TREE.length + 1) ?? '';
  const state = treeStateFile(stateDir, dir, CHUNKS_TREE);
  // With each file's digest, the last set's folder takes the new name and keeps the files the
  // two share; without (a set cached before digests were kept), every file is linked anew.
  const digests = c?.digests?.length === c?.files.length ? c?.digests : undefined;
  if (digests) await renameTopFolder(dir, CHUNKS_TREE, hash, state);
  const files = (c?.files ?? []).map(([name], i) => ({
    path: `${hash}/${name}`,
    hash: digests?.[i] ?? hash,
    data: () => readFile(path.join(c!.from, name)),
    linkFrom: path.join(c!.from, name),
  }));
  const r = await syncTree(dir, CHUNKS_TREE, files, state);
  if (c) logger.info(`[chunks] ${c.dir}: ${describeSync(r, started)}`);
}

export interface ArchiveInputs {
  scan: SeedsScan;
  parsed: ReadonlyMap<string, { stories: Story[] }>;
  codes: ReadonlyMap<string, CachedCode> | null;
  tables: BuiltTables | null;
  /**
   * The search chunks, for the manifest alone: awaited once the groups are made, so that those
   * are not held up by a large folder's chunks (which start after the tables' heavy part and end
   * after them).
   */
  chunks: Promise<BuiltSearchChunks | null>;
  pageRows?: number;
  entityStories?: number;
  threadPageRows?: number;
}

/**
 * An archive's listing pages and groups (content-named, under `archive/`), its tables pack and
 * its slim manifest. Written here rather than emitted through Vite's bundle: at 100,000 files the
 * groups were ~600 MB that Vite wrote again and gzipped for its size report at every build; and
 * Vite runs each hook's plugins one after the other, so the tables that generateBundle waited
 * for held up every write after it. `inputs` null (a whole-folder build) removes the last
 * archive build's tree.
 */
export async function writeArchive(
  dir: string,
  manifestFile: string,
  inputs: ArchiveInputs | null,
  stateDir: string,
  logger: Logger,
): Promise<void> {
  if (!inputs) {
    await syncTree(dir, ARCHIVE_TREE, [], treeStateFile(stateDir, dir, ARCHIVE_TREE));
    return;
  }
  const { manifest } = inputs.scan;
  const t = inputs.tables;
  const started = performance.now();
  const archive = buildArchive({
    manifest,
    parsed: inputs.parsed,
    codes: inputs.codes,
    tables: t?.data ?? null,
    timelines: t?.timelines,
    sentences: t?.sentences,
    pageRows: inputs.pageRows,
    entityStories: inputs.entityStories,
    threadPageRows: inputs.threadPageRows,
  });
  const c = await inputs.chunks;
  const built = {
    ...manifest,
    ...(t ? { tables: { url: t.url, size: t.data.length } } : {}),
    // An archive's search: the chunks alone, whatever the folder's size.
    ...(c ? { chunks: { dir: c.dir, version: c.version, first: true } } : {}),
  };
  const { pages, groups } = archive.info;
  logger.info(
    `[archive] ${archive.info.stories.toLocaleString('en-US')} stories: ${pages.length} ` +
      `listing pages, ${groups.length} side groups, in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  if (t) await writeOut(dir, t.url, t.data);
  const t1 = performance.now();
  const tree = archive.info.dir;
  const prefix = `${tree}/`;
  const files = archive.assets.map((a) => {
    if (!a.fileName.startsWith(prefix)) throw new Error(`${a.fileName} is not in ${tree}/`);
    const rel = a.fileName.slice(prefix.length);
    return { path: rel, hash: rel, data: () => Promise.resolve(a.source) };
  });
  const r = await syncTree(dir, tree, files, treeStateFile(stateDir, dir, tree));
  logger.info(`[archive] ${tree}/: ${describeSync(r, t1)}`);
  // Last: a manifest on disk names groups and a pack that are all there.
  await writeOut(dir, manifestFile, JSON.stringify(slimManifest(built, archive.info)));
}

async function writeOut(dir: string, fileName: string, data: string | Uint8Array): Promise<void> {
  const file = path.join(dir, fileName);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
}
