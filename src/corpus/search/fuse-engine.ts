import Fuse from 'fuse.js';

/**
 * The only module that imports Fuse.js, so the fuzzy matcher can be swapped. Fuse is used where
 * it is strong: short strings (vocabulary terms, entity names), over candidate sets that the
 * caller has already narrowed, never over article bodies (100–1,300 ms a query at 1,000 stories).
 */

/** Fuse's bitap works on bit masks of the pattern: patterns longer than this cannot be matched. */
export const FUSE_MAX_PATTERN = 32;

export interface FuzzyCandidate {
  /** Index of the candidate in the list given. */
  index: number;
  /** 0 = perfect, 1 = no match (Fuse's scale). */
  score: number;
}

/**
 * Ranks `candidates` (short strings, already folded) by fuzzy similarity to `pattern`, keeping
 * those under `threshold`. Patterns over 32 characters are cut to their first 32 (bitap's limit);
 * the caller checks edit distance anyway.
 */
export function fuzzyRank(
  candidates: readonly string[],
  pattern: string,
  threshold: number,
  limit: number,
): FuzzyCandidate[] {
  if (candidates.length === 0 || !pattern) return [];
  const fuse = new Fuse(candidates, {
    includeScore: true,
    ignoreLocation: true,
    isCaseSensitive: true,
    threshold,
    shouldSort: true,
  });
  return fuse
    .search(pattern.slice(0, FUSE_MAX_PATTERN), { limit })
    .map((r) => ({ index: r.refIndex, score: r.score ?? 1 }));
}
