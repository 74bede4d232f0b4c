/**
 * Word clusters by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998):
 * assign each word to one of K classes so that the class bigram model explains the text best,
 * moving one word at a time to the class that raises the likelihood most. It is the flat cousin
 * of Brown clustering, which NER taggers use for names the labelled data never had (Ratinov &
 * Roth 2009), and it runs in seconds on a million words. Deterministic: words are visited in
 * frequency order and ties keep the lower class.
 */

export interface BigramData {
  /** Number of movable items (ids 0..n-1), most frequent first. */
  n: number;
  /** Item ids ≥ n are fixed (sentence boundary, rare words): each keeps a class of its own. */
  fixed: number;
  /** Bigram counts as parallel arrays. */
  left: Int32Array;
  right: Int32Array;
  count: Float64Array;
}

/** Classes 0..k-1 for the movable items (fixed items are not returned). */
export function exchangeClusters(data: BigramData, k: number, iterations: number): Int32Array {
  const { n, fixed } = data;
  const items = n + fixed;
  const kt = k + fixed;
  const cls = new Int32Array(items);
  for (let i = 0; i < n; i++) cls[i] = i < k ? i : k - 1 - (i % k);
  for (let f = 0; f < fixed; f++) cls[n + f] = k + f;
  // Adjacency lists: for each item, its right neighbours and left neighbours with counts.
  const outs = adjacency(items, data.left, data.right, data.count);
  const ins = adjacency(items, data.right, data.left, data.count);
  const M = new Float64Array(kt * kt);
  const Nl = new Float64Array(kt);
  const Nr = new Float64Array(kt);
  for (let e = 0; e < data.count.length; e++) {
    const a = cls[data.left[e]!]!;
    const b = cls[data.right[e]!]!;
    M[a * kt + b]! += data.count[e]!;
    Nl[a]! += data.count[e]!;
    Nr[b]! += data.count[e]!;
  }
  const g = (x: number): number => (x > 0 ? x * Math.log(x) : 0);
  const R = new Float64Array(kt);
  const Lc = new Float64Array(kt);
  const rTouched: number[] = [];
  const lTouched: number[] = [];
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let w = 0; w < n; w++) {
      const a = cls[w]!;
      let self = 0;
      let nwl = 0;
      let nwr = 0;
      rTouched.length = 0;
      lTouched.length = 0;
      const o = outs[w]!;
      for (let e = 0; e < o.ids.length; e++) {
        const v = o.ids[e]!;
        const x = o.counts[e]!;
        nwl += x;
        if (v === w) {
          self += x;
          continue;
        }
        const c = cls[v]!;
        if (R[c] === 0) rTouched.push(c);
        R[c]! += x;
      }
      const inn = ins[w]!;
      for (let e = 0; e < inn.ids.length; e++) {
        const u = inn.ids[e]!;
        const x = inn.counts[e]!;
        nwr += x;
        if (u === w) continue;
        const c = cls[u]!;
        if (Lc[c] === 0) lTouched.push(c);
        Lc[c]! += x;
      }
      // Take w out of its class.
      for (const c of rTouched) M[a * kt + c]! -= R[c]!;
      for (const c of lTouched) M[c * kt + a]! -= Lc[c]!;
      M[a * kt + a]! -= self;
      Nl[a]! -= nwl;
      Nr[a]! -= nwr;
      let best = a;
      let bestDelta = -Infinity;
      for (let b = 0; b < k; b++) {
        let d = 0;
        const row = b * kt;
        for (const c of rTouched) {
          if (c === b) continue;
          const m = M[row + c]!;
          d += g(m + R[c]!) - g(m);
        }
        for (const c of lTouched) {
          if (c === b) continue;
          const m = M[c * kt + b]!;
          d += g(m + Lc[c]!) - g(m);
        }
        const mbb = M[row + b]!;
        d += g(mbb + R[b]! + Lc[b]! + self) - g(mbb);
        d -= g(Nl[b]! + nwl) - g(Nl[b]!) + g(Nr[b]! + nwr) - g(Nr[b]!);
        if (d > bestDelta + 1e-9) {
          bestDelta = d;
          best = b;
        }
      }
      for (const c of rTouched) M[best * kt + c]! += R[c]!;
      for (const c of lTouched) M[c * kt + best]! += Lc[c]!;
      M[best * kt + best]! += self;
      Nl[best]! += nwl;
      Nr[best]! += nwr;
      if (best !== a) moved++;
      cls[w] = best;
      for (const c of rTouched) R[c] = 0;
      for (const c of lTouched) Lc[c] = 0;
    }
    if (moved === 0) break;
  }
  return cls.slice(0, n);
}

function adjacency(
  items: number,
  from: Int32Array,
  to: Int32Array,
  count: Float64Array,
): { ids: Int32Array; counts: Float64Array }[] {
  const deg = new Int32Array(items);
  for (const f of from) deg[f]!++;
  const lists = Array.from({ length: items }, (_, i) => ({
    ids: new Int32Array(deg[i]!),
    counts: new Float64Array(deg[i]!),
  }));
  const fill = new Int32Array(items);
  for (let e = 0; e < from.length; e++) {
    const f = from[e]!;
    lists[f]!.ids[fill[f]!] = to[e]!;
    lists[f]!.counts[fill[f]!] = count[e]!;
    fill[f]!++;
  }
  return lists;
}
