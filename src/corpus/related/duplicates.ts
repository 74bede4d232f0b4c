/**
 * Exact and near-duplicate detection.
 *
 * Exact: stories whose folded token streams (title + paragraphs) are equal.
 * Near: word 4-shingle resemblance (Jaccard) estimated with one-permutation MinHash (one hash per
 * shingle, 64 bins, densified), candidate pairs found by LSH banding (16 bands × 4 rows), then kept
 * when the estimated resemblance is ≥ NEAR_DUPLICATE_JACCARD. Groups are the transitive closure
 * (union-find), so "Also published as" is symmetric.
 */

export const SHINGLE = 4;
export const BINS = 64;
const BANDS = 16;
const ROWS = BINS / BANDS;
/** Small edits to a 300-word text keep J ≈ 0.85–0.95; different write-ups of one event stay < 0.3. */
export const NEAR_DUPLICATE_JACCARD = 0.7;
const EMPTY = 0xffffffff;

/** FNV-1a, then a murmur3 finalizer so nearby strings spread over the 32 bits. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

function fmix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * One-permutation MinHash signature of the word shingles of a token sequence, given as the
 * `hashString` of each token (all tokens, stop words included: word order is what tells a copy
 * from a rewrite). Null when the text is too short.
 */
export function minhashSignature(th: ArrayLike<number>): Uint32Array | null {
  if (th.length < SHINGLE) return null;
  const sig = new Uint32Array(BINS).fill(EMPTY);
  for (let i = 0; i + SHINGLE <= th.length; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < SHINGLE; j++) h = fmix((h ^ th[i + j]!) + j);
    const bin = h >>> 26; // top 6 bits pick the bin (BINS = 64)
    const v = h & 0x3ffffff;
    if (v < sig[bin]!) sig[bin] = v;
  }
  // Rotation densification: an empty bin borrows the next filled bin's value, salted by the
  // distance, so two short texts still compare bin for bin.
  for (let b = 0; b < BINS; b++) {
    if (sig[b] !== EMPTY) continue;
    for (let t = 1; t < BINS; t++) {
      const v = sig[(b + t) % BINS]!;
      if (v !== EMPTY && v < 0x4000000) {
        sig[b] = (fmix(v + t * 0x4000000) | 0x4000000) >>> 0;
        break;
      }
    }
  }
  return sig;
}

/** Estimated Jaccard resemblance: the share of bins where both signatures agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < BINS; i++) if (a[i] === b[i]) same++;
  return same / BINS;
}

/**
 * Duplicate groups over documents 0..n-1: `group[d]` is the smallest document index of d's
 * group, or -1 when d has no duplicate. `exactKeys[d]` is the folded text; `sigs[d]` its MinHash.
 */
export function findDuplicateGroups(exactKeys: string[], sigs: (Uint32Array | null)[]): Int32Array {
  const n = exactKeys.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byText = new Map<string, number>();
  exactKeys.forEach((key, d) => {
    if (!key) return;
    const first = byText.get(key);
    if (first === undefined) byText.set(key, d);
    else union(first, d);
  });
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    sigs.forEach((sig, d) => {
      if (!sig) return;
      const key = Array.from(sig.subarray(band * ROWS, (band + 1) * ROWS)).join(',');
      const list = buckets.get(key);
      if (list) list.push(d);
      else buckets.set(key, [d]);
    });
    for (const list of buckets.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          if (find(a) === find(b)) continue;
          if (estimateJaccard(sigs[a]!, sigs[b]!) >= NEAR_DUPLICATE_JACCARD) union(a, b);
        }
      }
    }
  }
  const size = new Int32Array(n);
  for (let d = 0; d < n; d++) {
    const r = find(d);
    size[r] = (size[r] ?? 0) + 1;
  }
  const group = new Int32Array(n);
  for (let d = 0; d < n; d++) group[d] = size[find(d)]! > 1 ? find(d) : -1;
  return group;
}
