import { DEFAULT_RELATED_OPTIONS } from '../src/corpus/related/related-options';
import { recordable, StoryCounts } from '../src/corpus/related/story-counts';
import { TermCounts } from '../src/corpus/related/term-counts';
import type { Story } from '../src/corpus/types';
import { FileCache } from './file-cache';

/**
 * The related index's counting pass (`TermCounts`: each story's terms tokenized and tallied, its
 * duplicate key, signature and length) over the folder, file by file in the folder's order, for
 * the tables thread. Each file's share is cached by content (file-cache.ts, beside the phrase
 * pairs) as a record (story-counts.ts) and replayed on a rebuild, so only the edited files are
 * tokenized: at 100,000 stories the counting was ~14 s of the related index's ~24 s. Entities
 * are not cached: they come from the folder-wide entity table, which any edit can change.
 */
export async function countFolder(
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
