import { getMany, setMany } from 'idb-keyval';
import { lazyStore } from '../lib/idb-store';
import { RULES_VERSION } from '../corpus/entities/analysis-version';
import { MODEL_VERSION } from '../corpus/entities/model/model-version';
import type { StoryEntities } from '../corpus/entities/types';

/**
 * Entity analyses cached in IndexedDB per file content hash, so a reload (or the same file in
 * another folder) is not analysed twice. The key holds the model's version (a hash of the model
 * file, so a retrained model redoes every analysis) and RULES_VERSION (analysis-version.ts).
 */
const db = lazyStore('dispatch-cache', 'entities');

const key = (hash: string) => `v${RULES_VERSION}-${MODEL_VERSION}:${hash}`;

export async function readCachedAnalyses(
  hashes: string[],
): Promise<(StoryEntities[] | undefined)[]> {
  const s = db();
  if (!s || hashes.length === 0) return hashes.map(() => undefined);
  try {
    return await getMany<StoryEntities[]>(hashes.map(key), s);
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
      entries.map(([h, a]) => [key(h), a]),
      s,
    );
  } catch {
    /* a full or blocked store only costs a re-analysis next time */
  }
}
