import type { ArchiveInfo } from './archive/archive-format.ts';

/**
 * The domain model shared by the parser, the worker and the UI. Plain data only: everything
 * here must survive structuredClone (worker messages, IndexedDB).
 */

/** One file of the manifest, as the seeds plugin describes it. */
export interface ManifestFile {
  /** Path inside the seeds folder without `.txt`, `/`-separated: `business/001`. */
  id: string;
  /** Path inside the seeds folder, `/`-separated, with extension: `business/001.txt`. */
  path: string;
  /** First folder of the path (`business`), or null for files at the top level. */
  section: string | null;
  /** Size in bytes. */
  size: number;
  /** Content hash (hex, truncated SHA-256): cache key for everything derived from the file. */
  hash: string;
}

export interface Manifest {
  version: 1;
  generatedAt: string;
  files: ManifestFile[];
  /** Files that were skipped (not `.txt`, unreadable) and why. */
  warnings: ManifestWarning[];
  /**
   * Build only: the same files packed into a few gzip bundles, so a cold load of a large folder
   * is a handful of requests instead of one per file. Absent in dev (files change live there).
   */
  packs?: ManifestPack[];
  /**
   * Build only: the folder-wide tables (entity table, related lists, threads) made by the build
   * from its analyses (gzip JSON, a `TablesPack` of src/corpus/tables/tables-codec.ts). Absent
   * when the build could not make them: the browser's worker does.
   */
  tables?: { url: string; size: number };
  /**
   * Build only: the folder's search index cut into chunks (src/corpus/search/chunks), in a
   * directory under the app's base named by their content (`search-chunks/<hash>`), and their format
   * (`CHUNK_FORMAT`). Absent in dev and when the build made none: the worker searches its own
   * index only. `first`: the folder is large enough that the chunks answer every search until
   * the worker's own index is whole; on a smaller folder they answer only while the worker has
   * indexed nothing (its partial answers come sooner: see ARCHITECTURE.md, "Search chunks").
   */
  chunks?: { dir: string; version: number; first?: boolean };
  /**
   * Build only, large folders (vite/archive-build.ts): the archive form. `files` and `packs` are
   * then empty and absent (the browser must not download the whole folder); this says where the
   * listing pages and each story's side data are. Every other field is kept as built.
   */
  archive?: ArchiveInfo;
}

export interface ManifestPack {
  /** Path under the app's base, e.g. `seeds-packs/0-1a2b3c4d.gz`. */
  url: string;
  /** Compressed size in bytes. */
  size: number;
  /** The pack's files, in order: their bytes are the decompressed pack sliced at these offsets. */
  files: { id: string; offset: number; length: number }[];
  /**
   * The entity analyses of the pack's files, made by the build (gzip JSON, an `AnalysisPack` of
   * src/corpus/entities/analysis-codec.ts, its files in this pack's order). Absent when the build
   * analysed none of them (`SEEDS_NAMES=0`): the browser's worker does.
   */
  names?: { url: string; size: number };
}

export interface ManifestWarning {
  path: string;
  message: string;
}

export type StoryKind = 'main' | 'brief';

export interface Story {
  /** `<file id>` for the main story, `<file id>~<n>` for its n-th brief (1-based). */
  id: string;
  fileId: string;
  section: string | null;
  kind: StoryKind;
  title: string;
  /** True when the title was made from the lede (the file has no headline for this story). */
  titleDerived: boolean;
  /** The headline line exactly as in the file, when there is one. */
  headline: string | null;
  /** Display form of the kicker ("CLASH OF WORDS"), without quotes and colon. */
  kicker: string | null;
  /** The kicker exactly as in the file, punctuation included ("‘CHARM OFFENSIVE’:"). */
  kickerRaw: string | null;
  /** Paragraph texts; paragraph n (1-based) is anchored as `#p<n>`. */
  paragraphs: string[];
  /** Photo credit lines exactly as in the file ("Photo: AFP"). */
  credits: string[];
  /** True when the text stops mid-sentence (teaser lines are cut off). */
  truncated: boolean;
  wordCount: number;
  /** Whole minutes at ~230 words a minute, at least 1. */
  readingMinutes: number;
}

export interface ParsedFile {
  fileId: string;
  section: string | null;
  /** Main story first, then briefs in file order. Empty for an empty file. */
  stories: Story[];
  /** The encoding the bytes were read as. */
  encoding: 'utf-8' | 'windows-1252';
  /** Things the reader should know about this file (empty, re-decoded, …). */
  warnings: string[];
}
