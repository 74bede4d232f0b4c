import { createHash } from 'node:crypto';
import path from 'node:path';
import { ANALYSIS_VERSION } from '../src/corpus/entities/analysis-version.ts';
import type { CachedCode } from './analysis-cache.ts';
import { FileCache, folderCacheDir } from './file-cache.ts';

/**
 * What a segment holds for a text that has no analysis to keep (it failed, and is tried again).
 * The segment is not rewritten once that text succeeds (its keys did not change): its per-text
 * file answers from then on.
 */
const NONE = '';

/**
 * The names cache of one folder, in segments of consecutive texts (file-cache.ts): the per-text
 * files of analysis-cache.ts stay the store every folder shares, and this is what a build of the
 * folder reads first. At 100,000 texts opening as many small files was ~14 s of every rebuild
 * (20,000 of them: 5.5 s, against 0.7 s for the same entries in 157 segments, load ~12); an edit
 * rewrites one segment of ~128 texts. Kept in `<cacheDir>/segments/<folder>/<version>/`.
 */
export class NamesSegments {
  private constructor(
    private readonly cache: FileCache,
    /** The folder's distinct texts' content hashes, in folder order: the segments' keys. */
    private readonly hashes: readonly string[],
  ) {}

  static async open(
    cacheDir: string,
    folder: string,
    hashes: readonly string[],
  ): Promise<NamesSegments> {
    const version = createHash('sha256').update(ANALYSIS_VERSION).digest('hex');
    const dir = await folderCacheDir(path.join(cacheDir, 'segments'), folder, version);
    return new NamesSegments(await FileCache.open(dir, hashes), hashes);
  }

  /** Sets the codes of the texts the segments hold; returns how many. */
  async read(codes: Map<string, CachedCode>): Promise<number> {
    let found = 0;
    for (const [i, hash] of this.hashes.entries()) {
      if (!this.cache.has(i, hash)) continue;
      const bytes = await this.cache.take(i, hash);
      // The segments hold bytes (file-cache.ts): a code is its JSON text.
      const entry = bytes === undefined ? undefined : Buffer.from(bytes).toString();
      if (entry === undefined || entry === NONE) continue;
      codes.set(hash, JSON.parse(entry) as CachedCode);
      found++;
    }
    return found;
  }

  /**
   * Writes the segments this build does not find on disk, from `codes` (a text in `failed`, or
   * missing, is kept as NONE: the next build analyses it again), and deletes the others.
   */
  async write(codes: ReadonlyMap<string, CachedCode>, failed: ReadonlySet<string>): Promise<void> {
    for (const [i, hash] of this.hashes.entries()) {
      if (!this.cache.wanted(i)) continue;
      const code = codes.get(hash);
      const entry = code === undefined || failed.has(hash) ? NONE : JSON.stringify(code);
      await this.cache.put(i, Buffer.from(entry));
    }
    await this.cache.finish();
  }
}
