import { DERIVED_TITLE_FACTOR, K1, TITLE_BOOST } from '../ranking';

/**
 * Impact-ordered tiers of a common term (Anh & Moffat's impact-ordered postings, read with
 * Fagin's threshold test): its postings chunk holds only the `head` stories where the term
 * weighs most, and a bound on what every other story can get from it; the rest (the tail) is
 * in tail files (`q-<i>`), fetched only when a query's top k cannot be proved from the heads
 * (chunk-search.ts). A story's share of one expansion's score is `w · s`, w the expansion's
 * weight times the idf and s its "static score": the quantized BM25 impact of its body posting
 * plus TITLE_BOOST (× DERIVED_TITLE_FACTOR for a derived title) when its title has the term.
 * A story's body and title postings always go to the same side.
 */
export interface TierPostings {
  docs: Uint32Array;
  /** Unquantized impacts of `docs`. */
  impacts: Float64Array;
  titleDocs: Uint32Array;
  titleDerived: Uint8Array;
}

export interface TierSplit {
  head: TierPostings;
  tail: TierPostings;
  /** Upper bound of the tail's static scores, as `tailBoundValue` reads it back. */
  tailMax: number;
  /** Groups of copies among the stories that have the term anywhere (an exact count). */
  groups: number;
}

/** The largest static score: a full body impact plus an undiscounted title hit. */
const MAX_STATIC = K1 + 1 + TITLE_BOOST;
const BOUND_STEPS = 0xffff;

/** The stored tail bound, rounded up (a bound must never be below what it bounds). */
export function encodeTailBound(s: number): number {
  // Clamped, the bound would be below the true value and the threshold test would prove a
  // wrong top k: BM25's impacts are at most K1 + 1 (MAX_STATIC allows for the title boost).
  if (s > MAX_STATIC) throw new RangeError(`tail bound ${s} above ${MAX_STATIC}`);
  return Math.min(BOUND_STEPS, Math.floor((s / MAX_STATIC) * BOUND_STEPS) + 1);
}

export function tailBoundValue(q: number): number {
  return (q * MAX_STATIC) / BOUND_STEPS;
}

/** Stories that have the term in their body or title: the union of two ascending lists. */
export function storiesOf(p: TierPostings): Uint32Array {
  const out = new Uint32Array(p.docs.length + p.titleDocs.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < p.docs.length || j < p.titleDocs.length) {
    const a = p.docs[i] ?? Infinity;
    const b = p.titleDocs[j] ?? Infinity;
    out[n++] = Math.min(a, b);
    if (a <= b) i++;
    if (b <= a) j++;
  }
  return out.subarray(0, n);
}

/**
 * Splits a term's postings into its `head` best stories by static score (ties: the earlier
 * story) and the rest. `impactValue` is the impact as a reader decodes it (quantized), so the
 * order and the bound are those the reader will see. `roots`: each story's group of copies.
 * Linear but for one numeric sort: the commonest terms have a posting in every story.
 */
export function splitTier(
  p: TierPostings,
  head: number,
  impactValue: (v: number) => number,
  roots: Int32Array,
): TierSplit {
  const docs = storiesOf(p);
  const s = new Float64Array(docs.length);
  // Both lists and `docs` ascend: walk them side by side.
  for (let i = 0, k = 0; i < p.docs.length; i++) {
    while (docs[k] !== p.docs[i]) k++;
    s[k] = impactValue(p.impacts[i]!);
  }
  for (let i = 0, k = 0; i < p.titleDocs.length; i++) {
    while (docs[k] !== p.titleDocs[i]) k++;
    s[k]! += TITLE_BOOST * (p.titleDerived[i] ? DERIVED_TITLE_FACTOR : 1);
  }
  // The head: every story above the head-th largest score, then ties in story order.
  const cut = Float64Array.from(s).sort()[Math.max(0, s.length - head)] ?? Infinity;
  const inHead = new Uint8Array(docs.length);
  let taken = 0;
  for (let k = 0; k < docs.length; k++) if (s[k]! > cut) inHead[k] = 1;
  for (const x of inHead) taken += x;
  for (let k = 0; k < docs.length && taken < head; k++) {
    if (s[k] !== cut) continue;
    inHead[k] = 1;
    taken++;
  }
  let tailMax = 0;
  for (let k = 0; k < docs.length; k++) if (!inHead[k]) tailMax = Math.max(tailMax, s[k]!);
  const headDocs = new Set<number>();
  for (let k = 0; k < docs.length; k++) if (inHead[k]) headDocs.add(docs[k]!);
  const pick = (keep: boolean): TierPostings => {
    const body: number[] = [];
    const title: number[] = [];
    p.docs.forEach((d, i) => headDocs.has(d) === keep && body.push(i));
    p.titleDocs.forEach((d, i) => headDocs.has(d) === keep && title.push(i));
    return {
      docs: Uint32Array.from(body, (i) => p.docs[i]!),
      impacts: Float64Array.from(body, (i) => p.impacts[i]!),
      titleDocs: Uint32Array.from(title, (i) => p.titleDocs[i]!),
      titleDerived: Uint8Array.from(title, (i) => p.titleDerived[i]!),
    };
  };
  const groups = new Set<number>();
  for (const d of docs) groups.add(roots[d]!);
  return { head: pick(true), tail: pick(false), tailMax, groups: groups.size };
}
