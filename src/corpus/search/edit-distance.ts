/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions) between a and b,
 * giving up as soon as it exceeds `max` (returns max + 1). Typos are checked with this after
 * Fuse has ranked candidates, so the allowance is exact and capped by word length.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, max + 1);
}

/** Typo allowance for a word: none under 4 letters, then 1, 2, 3 as words grow. */
export function typoAllowance(length: number): number {
  if (length < 4) return 0;
  if (length <= 6) return 1;
  if (length <= 11) return 2;
  return 3;
}
