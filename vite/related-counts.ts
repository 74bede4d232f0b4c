import type { RelatedIndex } from '../src/corpus/related/related-index';
import { DEFAULT_RELATED_OPTIONS } from '../src/corpus/related/related-options';
import { recordable, StoryCounts } from '../src/corpus/related/story-counts';
import { TermCounts } from '../src/corpus/related/term-counts';
import { runSteps } from '../src/corpus/run-steps';
import { folderRelatedSteps, type FolderEntities } from '../src/corpus/tables/folder-tables';
import type { Story } from '../src/corpus/types';
import { FileCache } from './file-cache';

/**
 * The tables thread's related index (`folderRelatedSteps`), with its counting pass (`TermCounts`:
 * each story's terms tokenized and tallied, its duplicate key, signature and length) made file by
 * file in the folder's order when there is a per-file cache (`cacheDir`). Each file's share is
 * cached by content (file-cache.ts, beside the phrase pairs) as a record (story-counts.ts) and
 * replayed on a rebuild, so only the edited files are tokenized: at 100,000 stories the counting
 * was ~14 s of the related index's ~24 s. Entities are not cached: they come from the
 * folder-wide entity table, which any edit can change.
 *
 * IMPORTANT: in a function of its own, so that the counts (~0.35 GB at 100,000 stories: every
 * story's term pairs) go once the index is made, as they did inside `relatedIndexSteps`. Held by
 * a frame that lived on, they stayed through the event vectors, where the text part of the
 * tables step peaks (+230 MiB of RSS there at 100,000 stories), or the first passes and threads.
 */
export async function relatedIndex(
  folder: FolderFiles,
  entities: FolderEntities,
  cacheDir: string | null,
  done: (part: string) => void,
): Promise<RelatedIndex> {
  const { order, stories } = folder;
  return runSteps(
    folderRelatedSteps(order, stories, entities, done, await counted(folder, cacheDir, done)),
  );
}

/** The folder's stories in order, and its files' cache keys and where their stories end. */
export interface FolderFiles {
  order: readonly string[];
  stories: ReadonlyMap<string, Story>;
  keys: readonly string[];
  fileEnd: readonly number[];
}

async function counted(
  { order, stories, keys, fileEnd }: FolderFiles,
  cacheDir: string | null,
  done: (part: string) => void,
): Promise<TermCounts | undefined> {
  if (cacheDir === null) return undefined;
  const made = await countFolder(
    cacheDir,
    keys,
    (i) => order.slice(fileEnd[i - 1] ?? 0, fileEnd[i]).map((id) => stories.get(id)!),
    order.length,
  );
  if (made) done(`related counts (${made.cached.toLocaleString('en-US')} files cached)`);
  return made?.counts;
}

/** The counting pass over the folder, each file's from its cache entry when that is there. */
async function countFolder(
  dir: string,
  keys: readonly string[],
  storiesOf: (file: number) => Story[],
  stories: number,
): Promise<{ counts: TermCounts; cached: number } | null> {
  // The tables use the index's default options: null when a record cannot stand for their
  // counting (the index counts every story then).
  if (!recordable(DEFAULT_RELATED_OPTIONS)) return null;
  const counts = new TermCounts(DEFAULT_RELATED_OPTIONS, stories);
  const files = new StoryCounts(counts);
  const cache = await FileCache.open(dir, keys);
  let cached = 0;
  for (let i = 0; i < keys.length; i++) {
    const own = storiesOf(i);
    const entry = await cache.take(i, keys[i]!);
    // A record that does not fit (cut short, another file's) leaves the counts as they were.
    const replayed = entry !== undefined && files.replay(entry, own.length);
    if (replayed) cached++;
    const record = replayed ? entry : files.count(own);
    if (cache.wanted(i)) await cache.put(i, record);
  }
  await cache.finish();
  return { counts, cached };
}
