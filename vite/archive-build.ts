import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import {
  ARCHIVE_FORMAT,
  groupCount,
  type ArchiveInfo,
  type ArchiveSentence,
  type ArchiveTimelineEntry,
  type NamedEntity,
} from '../src/corpus/archive/archive-format.ts';
import { cutPages, rowOf, sectionRanges } from '../src/corpus/archive/listing.ts';
import { entityGroups } from '../src/corpus/archive/entity-groups.ts';
import { filterGroups, kindFile } from '../src/corpus/archive/filter-groups.ts';
import { sideGroups } from '../src/corpus/archive/side-groups.ts';
import { nameGroups } from '../src/corpus/archive/name-groups.ts';
import { threadGroups } from '../src/corpus/archive/thread-groups.ts';
import { THREAD_PAGE_ROWS, threadListPages } from '../src/corpus/archive/thread-listing.ts';
import { ANALYSIS_VERSION } from '../src/corpus/entities/analysis-version.ts';
import { folderFingerprint } from '../src/corpus/fingerprint.ts';
import { orderStories } from '../src/corpus/library.ts';
import { decodeTables, type TablesPack } from '../src/corpus/tables/tables-codec.ts';
import type { Manifest, Story } from '../src/corpus/types.ts';
import type { CachedCode } from './analysis-cache.ts';

/**
 * From this many files a build is an archive (see ARCHITECTURE.md, "The archive"): at 100,000
 * files the whole-folder design's first library row took 3.5 s and the main thread 1.5 GiB; at
 * 10,000 the first row comes in ~0.75 s and search, entity pages and threads work offline. The
 * archive mode does without those until the chunked search is wired, so the line is where the
 * whole folder stops meeting the 1 s first row, not lower. `SEEDS_ARCHIVE=1` forces it,
 * `SEEDS_ARCHIVE=0` forbids it.
 */
export const ARCHIVE_FILES = 20_000;

/** Rows per listing page: ~100 rows are ~35 KB of JSON, ~12 KB gzip; a screen shows ~8. */
export const PAGE_ROWS = 100;

/** Whether a build of `files` files is an archive, given `SEEDS_ARCHIVE` ('1', '0' or unset). */
export function archiveWanted(files: number, env: string | undefined): boolean {
  if (env === '1') return true;
  if (env === '0') return false;
  return files >= ARCHIVE_FILES;
}

/** The build folder's tree of archive files (kept between builds and written by tree-sync). */
export const ARCHIVE_TREE = 'archive';

export interface ArchiveAsset {
  fileName: string;
  source: string;
}

export interface BuiltArchive {
  info: ArchiveInfo;
  assets: ArchiveAsset[];
}

/**
 * The archive's listing pages, side groups and (with the tables) entity, filter and thread
 * groups, content-named under `dir`. `parsed` is every
 * file's stories with at least their first two paragraphs (the excerpt's), as story-summaries.ts
 * keeps them; `tables` the build's tables pack (gzip), null without one.
 */
export function buildArchive(opts: {
  manifest: Manifest;
  parsed: ReadonlyMap<string, { stories: Story[] }>;
  codes: ReadonlyMap<string, CachedCode> | null;
  tables: Buffer | null;
  /** Each thread's timeline, made by the tables thread (absent: the pages say they lack it). */
  timelines?: Record<string, ArchiveTimelineEntry[]>;
  /** Each entity's first sentences, made by the tables thread (absent: as the timelines). */
  sentences?: Record<string, ArchiveSentence[]>;
  pageRows?: number;
  /** Stories listed per entity (ENTITY_STORIES unless given). */
  entityStories?: number;
  /** Threads per page of the library by thread (THREAD_PAGE_ROWS unless given). */
  threadPageRows?: number;
  dir?: string;
}): BuiltArchive {
  const { manifest, parsed } = opts;
  const dir = opts.dir ?? ARCHIVE_TREE;
  const pageRows = opts.pageRows ?? PAGE_ROWS;
  const assets: ArchiveAsset[] = [];
  const emit = (kind: string, n: number, data: unknown): string => {
    const source = JSON.stringify(data);
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);
    assets.push({ fileName: `${dir}/${kind}-${n}-${hash}.json`, source });
    return hash;
  };
  const stories = orderStories(manifest.files, parsed);
  const rows = stories.map(rowOf);
  const pages = cutPages(rows, pageRows).map((p, n) => emit('list', n, p));
  const byStory = new Map(stories.map((s, row) => [s.id, { row, title: s.title }]));
  const groups: string[] = new Array<string>(groupCount(manifest.files.length));
  const tables = opts.tables ? readTables(opts.tables, manifest) : null;
  for (const { n, group } of sideGroups({
    files: manifest.files,
    codeOf: (hash) => opts.codes?.get(hash),
    analysis: ANALYSIS_VERSION,
    tables,
    rows: byStory,
    storyIdsOf: (id) => parsed.get(id)?.stories.map((s) => s.id) ?? [],
  }))
    groups[n] = emit('side', n, group);
  // Entity pages and the entity filter need the folder's entity table: without tables, none.
  let entities: string[] | undefined;
  let filters: { hashes: string[]; named: NamedEntity[] } | undefined;
  let threads: string[] | undefined;
  let threadList: ArchiveInfo['threadList'];
  let nameIndex: ArchiveInfo['names'];
  if (tables) {
    const named = nameGroups(tables.table.entities);
    nameIndex = {
      keys: named.map((g) => g.key),
      hashes: named.map((g, n) => emit('names', n, g)),
    };
    entities = [];
    const titleOf = (id: string) => byStory.get(id)?.title;
    for (const { n, group } of entityGroups({
      table: tables.table,
      titleOf,
      cap: opts.entityStories,
      sentences: opts.sentences,
    }))
      entities[n] = emit('entity', n, group);
    const built = filterGroups({ table: tables.table, rowOf: (id) => byStory.get(id)?.row });
    filters = { hashes: built.groups.map((g, n) => emit('filter', n, g)), named: built.named };
    const names = new Map(tables.table.entities.map((e) => [e.id, e.name]));
    const threadData = threadGroups({
      threads: tables.threads,
      storyOf: (id) => {
        const at = byStory.get(id);
        return at && stories[at.row];
      },
      copyGroup: (id) => tables.copyGroup(id),
      nameOf: (id) => names.get(id),
      remap: tables.table.remap,
      timelines: opts.timelines,
    });
    threads = threadData.map((g, n) => emit('thread', n, g));
    // Folder order (the build's), each thread from the group it was put in.
    const all = threadData.flatMap((g) => Object.entries(g.threads));
    const byId = new Map(all);
    const listed = tables.threads.threads.map((t) => [t.id, byId.get(t.id)!] as const);
    const listPages = threadListPages(listed, opts.threadPageRows);
    threadList = {
      count: listed.length,
      pageSize: opts.threadPageRows ?? THREAD_PAGE_ROWS,
      pages: listPages.map((p, n) => emit('threads', n, p)),
    };
  }
  const kinds = emit('kinds', 0, kindFile(rows));
  const mains = stories.filter((s) => s.kind === 'main').length;
  return {
    info: {
      format: ARCHIVE_FORMAT,
      files: manifest.files.length,
      stories: stories.length,
      mains,
      pageSize: pageRows,
      pages,
      groups,
      ...(entities && { entities }),
      ...(filters && { filters: filters.hashes, named: filters.named }),
      ...(threads && { threads }),
      ...(threads && opts.timelines && { timelines: true }),
      ...(threadList && { threadList }),
      ...(nameIndex && { names: nameIndex }),
      kinds,
      dir,
      sections: sectionRanges(rows),
    },
    assets,
  };
}

/** The tables pack decoded for this folder, or null when it is not this folder's. */
function readTables(gz: Buffer, manifest: Manifest) {
  const pack = JSON.parse(gunzipSync(gz).toString('utf8')) as TablesPack;
  return decodeTables(pack, folderFingerprint(manifest.files)) ?? null;
}

/**
 * The archive manifest: the built manifest less its file list and text packs (which a browser
 * would download whole), with `archive`. Every other field (tables, the search chunks') is kept.
 */
export function slimManifest<M extends Manifest>(built: M, info: ArchiveInfo): Manifest {
  const slim: Manifest = { ...built, files: [], archive: info };
  delete slim.packs;
  return slim;
}
