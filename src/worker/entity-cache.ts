import { getMany, setMany } from 'idb-keyval';
import { lazyStore } from '../lib/idb-store';
import { ANALYSIS_VERSION } from '../corpus/entities/analysis-version';
import type { StoryEntities } from '../corpus/entities/types';

/**
 * Entity analyses cached in IndexedDB per file content hash, so a reload (or the same file in
 * another folder) is not analysed twice. The key holds ANALYSIS_VERSION, the build's key too: the
 * rules, the model (a hash of its file, so a retrained model redoes every analysis) and the
 * parser, whose paragraphs the mentions' offsets point into (a parser change with the same text
 * hash would otherwise serve offsets into paragraphs that no longer exist).
 */
const db = lazyStore('dispatch-cache', 'entities');

export const cacheKey = (hash: string): string => `${ANALYSIS_VERSION}:${hash}`;

export async function readCachedAnalyses(
  hashes: string[],
): Promise<(StoryEntities[] | undefined)[]> {
  const s = db();
  if (!s || hashes.length === 0) return hashes.map(() => undefined);
  try {
    return await getMany<StoryEntities[]>(hashes.map(cacheKey), s);
  } catch {
    // IndexedDB can be unavailable (private mode, quota): analyse instead.
    return hashes.map(() => undefined);
  }
}

export async function writeCachedAnalyses(
  entries: [hash: string, analyses: StoryEntities[]][],
): Promise<void> {
  const s = db();
  if (!s || entries.length === 0) return;
  try {
    await setMany(
      entries.map(([h, a]) => [cacheKey(h), a]),
      s,
    );
  } catch {
    /* a full or blocked store only costs a re-analysis next time */
  }
}
