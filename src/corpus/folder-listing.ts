import { rowOf, type ListingRow } from './archive/listing.ts';
import { fileIdOf } from './library.ts';
import { distinctTitles } from './title.ts';
import type { ManifestFile, ParsedFile, Story } from './types.ts';

/**
 * The whole folder as the views read it: the archive's `ListingRow`s (what a library row shows,
 * a story's title, kicker and kind), never the parsed files. The rows are a small fraction of
 * the text (one excerpt line per story, not every paragraph), so the data layer can hand them
 * out while the parsed files stay where the worker needs them.
 */
export interface FolderListing {
  /** The library's rows in reading order (`orderStories`); folder-distinct titles when `distinct`. */
  rows: ListingRow[];
  /** Story ids in reading order, a file not loaded yet standing for its main story (`storyOrder`). */
  order: string[];
  /** What parsing says about files (re-decoded, empty…), for the library's notes. */
  notes: FileNote[];
}

export interface FileNote {
  fileId: string;
  message: string;
}

/**
 * A row per story, remembered per story object: a folder streams in by batches and each batch
 * lists every file again, so without it each batch re-made every row's excerpt (a regex over the
 * lede) for stories it had already made them for.
 */
export type RowCache = WeakMap<Story, ListingRow>;

/** One loaded file as the listing needs it: its stories' rows and what parsing said about it. */
export interface FileRows {
  fileId: string;
  /** The manifest's content hash of the file these rows were made from. */
  hash: string;
  rows: ListingRow[];
  notes: string[];
}

/** A parsed file's rows (titles as parsed; `titleChanges` makes them folder-distinct). */
export function fileRows(
  file: Pick<ParsedFile, 'fileId' | 'stories' | 'warnings'>,
  hash: string,
  cache?: RowCache,
): FileRows {
  const rows = file.stories.map((s) => {
    let row = cache?.get(s);
    if (!row) {
      row = rowOf(s);
      cache?.set(s, row);
    }
    return row;
  });
  return { fileId: file.fileId, hash, rows, notes: [...file.warnings] };
}

/**
 * The titles that `distinctTitles` changes across the loaded files, by story id: derived titles
 * made distinct over the whole folder, in manifest order (the listing's order).
 */
export function titleChanges(
  files: readonly ManifestFile[],
  parsed: ReadonlyMap<string, Pick<ParsedFile, 'stories'>>,
): Map<string, string> {
  const stories: Story[] = [];
  for (const f of files) stories.push(...(parsed.get(f.id)?.stories ?? []));
  const titles = distinctTitles(
    stories.map((s) => ({
      title: s.title,
      titleDerived: s.titleDerived,
      lede: s.paragraphs[0] ?? '',
    })),
  );
  const out = new Map<string, string>();
  stories.forEach((s, i) => {
    if (titles[i] !== s.title) out.set(s.id, titles[i]!);
  });
  return out;
}

/**
 * The listing from each loaded file's rows, in manifest order: each file's main story then its
 * briefs, with `titles` (from `titleChanges`) applied when given. The main thread makes it from
 * what the worker posts: the rows, not the parsed files.
 */
export function assembleListing(
  files: readonly ManifestFile[],
  loaded: ReadonlyMap<string, Pick<FileRows, 'rows' | 'notes'>>,
  titles: ReadonlyMap<string, string> | null = null,
): FolderListing {
  const rows: ListingRow[] = [];
  const order: string[] = [];
  const notes: FileNote[] = [];
  for (const f of files) {
    const p = loaded.get(f.id);
    if (!p) {
      order.push(f.id);
      continue;
    }
    for (const r of p.rows) {
      const title = titles?.get(r.id);
      rows.push(title === undefined || title === r.title ? r : { ...r, title });
      order.push(r.id);
    }
    for (const message of p.notes) notes.push({ fileId: f.id, message });
  }
  return { rows, order, notes };
}

/**
 * The listing of the loaded files in manifest order: each file's main story then its briefs.
 * Titles derived from ledes are made distinct across the whole folder only when `distinct`
 * (callers skip it while a big folder streams in: ~1 s per pass at 10,000 files).
 */
export function folderListing(
  files: readonly ManifestFile[],
  parsed: ReadonlyMap<string, Pick<ParsedFile, 'stories' | 'warnings'>>,
  distinct = true,
  cache: RowCache = new WeakMap(),
): FolderListing {
  const loaded = new Map<string, FileRows>();
  for (const f of files) {
    const p = parsed.get(f.id);
    if (p) loaded.set(f.id, fileRows({ fileId: f.id, ...p }, f.hash, cache));
  }
  return assembleListing(files, loaded, distinct ? titleChanges(files, parsed) : null);
}

/**
 * `order` with the stories of one file in place of what it has for that file: a story opened
 * before the folder stream reached its file counts its briefs, so j/k can step through them.
 * The same array when it already has them.
 */
export function withFileStories(
  order: readonly string[],
  fileId: string,
  storyIds: readonly string[],
): readonly string[] {
  const at = order.findIndex((id) => fileIdOf(id) === fileId);
  if (at < 0) return order;
  let end = at;
  while (end < order.length && fileIdOf(order[end]!) === fileId) end++;
  const same = end - at === storyIds.length && storyIds.every((id, i) => order[at + i] === id);
  return same ? order : [...order.slice(0, at), ...storyIds, ...order.slice(end)];
}

const indexes = new WeakMap<readonly ListingRow[], ReadonlyMap<string, ListingRow>>();

/**
 * The rows by story id, made on the first look-up of a listing and kept while it lives: views
 * that look up a few ids (a result list's kickers) pay for no map on a batch they do not read.
 */
export function rowById(rows: readonly ListingRow[], id: string): ListingRow | undefined {
  let index = indexes.get(rows);
  if (!index) indexes.set(rows, (index = new Map(rows.map((r) => [r.id, r]))));
  return index.get(id);
}
