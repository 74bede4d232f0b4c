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

/**
 * The listing of the loaded files in manifest order: each file's main story then its briefs.
 * Titles derived from ledes are made distinct across the whole folder only when `distinct`
 * (callers skip it while a big folder streams in: ~1 s of main thread per pass at 10,000 files).
 */
export function folderListing(
  files: readonly ManifestFile[],
  parsed: ReadonlyMap<string, Pick<ParsedFile, 'stories' | 'warnings'>>,
  distinct = true,
  cache: RowCache = new WeakMap(),
): FolderListing {
  const stories: Story[] = [];
  const order: string[] = [];
  const notes: FileNote[] = [];
  for (const f of files) {
    const p = parsed.get(f.id);
    if (!p) {
      order.push(f.id);
      continue;
    }
    for (const s of p.stories) {
      stories.push(s);
      order.push(s.id);
    }
    for (const message of p.warnings) notes.push({ fileId: f.id, message });
  }
  const rows = stories.map((s) => {
    let row = cache.get(s);
    if (!row) cache.set(s, (row = rowOf(s)));
    return row;
  });
  if (!distinct) return { rows, order, notes };
  const titles = distinctTitles(
    stories.map((s) => ({
      title: s.title,
      titleDerived: s.titleDerived,
      lede: s.paragraphs[0] ?? '',
    })),
  );
  return {
    rows: rows.map((r, i) => (titles[i] === r.title ? r : { ...r, title: titles[i]! })),
    order,
    notes,
  };
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
