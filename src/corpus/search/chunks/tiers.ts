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
  return Math.min(BOUND_STEPS, Math.floor((s / MAX_STATIC) * BOUND_STEPS) + 1);
}

export function tailBoundValue(q: number): number {
  return (q * MAX_STATIC) / BOUND_STEPS;
}

/**
 * Splits a term's postings into its `head` best stories by static score (ties: the earlier
 * story) and the rest. `impactValue` is the impact as a reader decodes it (quantized), so the
 * order and the bound are those the reader will see. `roots`: each story's group of copies.
 */
export function splitTier(
  p: TierPostings,
  head: number,
  impactValue: (v: number) => number,
  roots: Int32Array,
): TierSplit {
  const s = new Map<number, number>();
  p.docs.forEach((d, i) => s.set(d, impactValue(p.impacts[i]!)));
  p.titleDocs.forEach((d, i) =>
    s.set(d, (s.get(d) ?? 0) + TITLE_BOOST * (p.titleDerived[i] ? DERIVED_TITLE_FACTOR : 1)),
  );
  const ranked = [...s.keys()].sort((a, b) => s.get(b)! - s.get(a)! || a - b);
  const inHead = new Set(ranked.slice(0, head));
  let tailMax = 0;
  for (const d of ranked.slice(head)) tailMax = Math.max(tailMax, s.get(d)!);
  const pick = (keep: boolean): TierPostings => {
    const body = [...p.docs.keys()].filter((i) => inHead.has(p.docs[i]!) === keep);
    const title = [...p.titleDocs.keys()].filter((i) => inHead.has(p.titleDocs[i]!) === keep);
    return {
      docs: Uint32Array.from(body, (i) => p.docs[i]!),
      impacts: Float64Array.from(body, (i) => p.impacts[i]!),
      titleDocs: Uint32Array.from(title, (i) => p.titleDocs[i]!),
      titleDerived: Uint8Array.from(title, (i) => p.titleDerived[i]!),
    };
  };
  const groups = new Set<number>();
  for (const d of s.keys()) groups.add(roots[d]!);
  return { head: pick(true), tail: pick(false), tailMax, groups: groups.size };
}
