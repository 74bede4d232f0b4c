import type { IntPairMap } from '../int-pair-map';

/**
 * Average-linkage merging over the candidate pairs (a missing pair counts 0): repeatedly joins
 * the two groups whose stories are most alike on average, while that average reaches `threshold`.
 * Returns the groups of two or more nodes, as story indices (each node's copies included); a
 * node that joins no one is left out.
 *
 * At 100,000 stories the merging took 10.4 s, most of it its heap's ~2.4 M (score, pair) tuples;
 * in typed arrays (`PairHeap`), with the group sizes in one, 4.1 s. The heap pops equal scores in
 * the order the tuple heap did, so the groups are the same (average-linkage.test.ts).
 */
export function averageLinkage(
  n: number,
  node: Int32Array,
  sims: IntPairMap,
  threshold: number,
): number[][] {
  const members = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    const r = node[d]!;
    const m = members.get(r);
    if (m) m.push(d);
    else members.set(r, [d]);
  }
  // Each group's node count, by the group's id (its first node); 0 once merged away.
  const size = new Float64Array(n);
  for (const r of members.keys()) size[r] = 1;
  // Sum of similarities between groups, keyed by the two groups' ids.
  const links = new Map<number, Map<number, number>>();
  const link = (a: number): Map<number, number> => {
    let m = links.get(a);
    if (!m) links.set(a, (m = new Map()));
    return m;
  };
  for (let i = 0; i < sims.size; i++) {
    const a = sims.first[i]!;
    const b = sims.second[i]!;
    link(a).set(b, sims.value[i]!);
    link(b).set(a, sims.value[i]!);
  }
  const heap = new PairHeap();
  for (const [a, m] of links)
    for (const [b, sum] of m) {
      const s = sum / (size[a]! * size[b]!);
      if (a < b && s >= threshold) heap.push(s, a, b);
    }
  const top = { s: 0, a: 0, b: 0 };
  while (heap.length) {
    heap.pop(top);
    const { s, a, b } = top;
    if (size[a] === 0 || size[b] === 0) continue;
    const now = links.get(a)!.get(b)! / (size[a]! * size[b]!);
    if (Math.abs(now - s) > 1e-9) continue; // stale: one side has grown since
    // Merge b into a.
    const la = links.get(a)!;
    const lb = links.get(b)!;
    la.delete(b);
    for (const [x, v] of lb) {
      if (x === a) continue;
      la.set(x, (la.get(x) ?? 0) + v);
      const lx = links.get(x)!;
      lx.set(a, (lx.get(a) ?? 0) + v);
      lx.delete(b);
    }
    links.delete(b);
    size[a] = size[a]! + size[b]!;
    size[b] = 0;
    members.get(a)!.push(...members.get(b)!);
    members.delete(b);
    // The pair's sum read from a's side: the two sides' sums are made by the same additions in
    // the same order, so they are the same number.
    const sa = size[a]!;
    for (const [x, sum] of la) {
      const s = sum / (sa * size[x]!);
      if (s >= threshold) heap.push(s, Math.min(a, x), Math.max(a, x));
    }
  }
  return [...members.values()].filter((m) => m.some((d) => node[d] !== node[m[0]!]));
}

/**
 * A binary max-heap of (score, a, b) in typed arrays. Its sifts compare and move entries exactly
 * as the array-of-tuples heap it replaced did, so equal scores pop in the same order; at 100,000
 * stories it takes ~2.4 M pushes, and the tuples were most of the merging's time and garbage.
 */
class PairHeap {
  length = 0;
  private score = new Float64Array(1024);
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);

  push(s: number, a: number, b: number): void {
    if (this.length === this.score.length) this.grow();
    const { score, a: as, b: bs } = this;
    let i = this.length++;
    // Sift up: the tuple heap swapped an entry with its parent while the parent was smaller.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (score[p]! >= s) break;
      score[i] = score[p]!;
      as[i] = as[p]!;
      bs[i] = bs[p]!;
      i = p;
    }
    score[i] = s;
    as[i] = a;
    bs[i] = b;
  }

  /** Removes the top entry; `top` holds it after. */
  pop(top: { s: number; a: number; b: number }): void {
    const { score, a: as, b: bs } = this;
    top.s = score[0]!;
    top.a = as[0]!;
    top.b = bs[0]!;
    const n = --this.length;
    if (n === 0) return;
    // The last entry goes to the root and sifts down, swapped with its larger child (the left
    // one on a tie) while that child is larger than it.
    const s = score[n]!;
    const ea = as[n]!;
    const eb = bs[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let ms = s;
      if (l < n && score[l]! > ms) {
        m = l;
        ms = score[l]!;
      }
      if (r < n && score[r]! > ms) m = r;
      if (m === i) break;
      score[i] = score[m]!;
      as[i] = as[m]!;
      bs[i] = bs[m]!;
      i = m;
    }
    score[i] = s;
    as[i] = ea;
    bs[i] = eb;
  }

  private grow(): void {
    const score = new Float64Array(this.score.length * 2);
    const a = new Int32Array(score.length);
    const b = new Int32Array(score.length);
    score.set(this.score);
    a.set(this.a);
    b.set(this.b);
    this.score = score;
    this.a = a;
    this.b = b;
  }
}
