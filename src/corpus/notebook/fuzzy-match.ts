import search from 'approx-string-match';

/**
 * The one module that imports the approximate matcher (approx-string-match: Myers' bit-parallel
 * algorithm, the one Hypothesis anchors with). Everything else asks these two functions.
 */

export interface FuzzyMatch {
  start: number;
  end: number;
  errors: number;
}

/** The lowest-error matches of `pattern` in `text` with at most `maxErrors` edits. */
export function approxMatches(text: string, pattern: string, maxErrors: number): FuzzyMatch[] {
  if (!pattern || !text) return [];
  return search(text, pattern, Math.max(0, Math.floor(maxErrors)));
}

/**
 * How alike `pattern` is to the best-matching part of `text`: 1 for an exact occurrence, 0 when
 * every character differs. Used to score a candidate's prefix and suffix against the stored
 * context.
 */
export function similarity(text: string, pattern: string): number {
  if (!pattern) return 1;
  if (!text) return 0;
  if (text.includes(pattern)) return 1;
  const best = search(text, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}
