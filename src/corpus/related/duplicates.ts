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
  const groups = new DuplicateGroups();
  exactKeys.forEach((key, d) => groups.add(key, sigs[d] ?? null));
  const n = exactKeys.length;
  const group = new Int32Array(n);
  for (let d = 0; d < n; d++) group[d] = groups.membersOf(d).length > 1 ? groups.root(d) : -1;
  return group;
}

/**
 * The same groups, grown one document at a time (the search index grows as files arrive). Each
 * new document is compared with the earlier ones that share its exact key or one of its LSH
 * bands, so after n additions the groups are exactly `findDuplicateGroups`' over those n: the
 * same pairs are compared, and a pair is skipped only when it is already grouped.
 */
export class DuplicateGroups {
  private readonly parent: number[] = [];
  private readonly sigs: (Uint32Array | null)[] = [];
  private readonly byText = new Map<string, number>();
  private readonly buckets = Array.from({ length: BANDS }, () => new Map<number, number[]>());
  /** Members of each group of two or more, by root, in document order. */
  private readonly members = new Map<number, number[]>();

  /**
   * Groups read back from `roots()` (a cache). They answer `root` and `membersOf` as before, but
   * keep no signatures: documents added to them are compared with each other only.
   */
  static fromRoots(roots: ArrayLike<number>): DuplicateGroups {
    const g = new DuplicateGroups();
    for (let d = 0; d < roots.length; d++) {
      const r = roots[d]!;
      g.parent.push(r);
      g.sigs.push(null);
      if (r === d) continue;
      const list = g.members.get(r) ?? [r];
      list.push(d);
      g.members.set(r, list);
    }
    return g;
  }

  /** Each document's root (its own index when it has no duplicate), to store the groups. */
  roots(): Int32Array {
    return Int32Array.from(this.parent, (_, d) => this.root(d));
  }

  /** Documents added so far. */
  get size(): number {
    return this.parent.length;
  }

  /** Adds the next document (index `size`): its folded-text key ('' for none) and MinHash. */
  add(exactKey: string, sig: Uint32Array | null): void {
    const d = this.parent.length;
    this.parent.push(d);
    this.sigs.push(sig);
    if (exactKey) {
      const first = this.byText.get(exactKey);
      if (first === undefined) this.byText.set(exactKey, d);
      else this.union(first, d);
    }
    if (!sig) return;
    for (let band = 0; band < BANDS; band++) {
      // A hash of the band's rows: a collision only adds a candidate, which the Jaccard test
      // below still has to pass (a string key per band cost ~60 ms on BBC).
      let key = 0x9747b28c;
      for (let r = band * ROWS; r < (band + 1) * ROWS; r++) key = fmix(key ^ sig[r]!) + r;
      const bucket = this.buckets[band]!;
      const list = bucket.get(key);
      if (!list) {
        bucket.set(key, [d]);
        continue;
      }
      for (const e of list) {
        if (this.root(e) === this.root(d)) continue;
        if (estimateJaccard(this.sigs[e]!, sig) >= NEAR_DUPLICATE_JACCARD) this.union(e, d);
      }
      list.push(d);
    }
  }

  /** The smallest document index of d's group (d itself when it has no duplicate). */
  root(d: number): number {
    const parent = this.parent;
    while (parent[d] !== d) {
      parent[d] = parent[parent[d]!]!;
      d = parent[d]!;
    }
    return d;
  }

  /** Every document of d's group, d included, in document order ([d] when it has none). */
  membersOf(d: number): readonly number[] {
    return this.members.get(this.root(d)) ?? [d];
  }

  private union(a: number, b: number): void {
    const ra = this.root(a);
    const rb = this.root(b);
    if (ra === rb) return;
    const [keep, gone] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[gone] = keep;
    const merged = [...(this.members.get(keep) ?? [keep]), ...(this.members.get(gone) ?? [gone])];
    this.members.delete(gone);
    this.members.set(
      keep,
      merged.sort((x, y) => x - y),
    );
  }
}
