import {
  addWordScores,
  bm25Idf,
  DERIVED_TITLE_FACTOR,
  selectTop,
  TITLE_BOOST,
  type Selection,
  type WordTotals,
} from '../ranking';
import type { Expansion } from '../term-expansion';
import type { ParsedQuery } from '../types';
import type { TermData } from './chunk-index';
import type { ChunkConstraints } from './chunk-constraints';
import type { ChunkMeta } from './meta';

export interface Ranked {
  sel: Selection;
  /** True when `sel.total` is a lower bound (the word being typed, its tails not fetched). */
  totalAtLeast: boolean;
}

/** Scores as `WordTotals`, with what the unfetched tails could still add (see `rankChunks`). */
interface BoundedTotals extends WordTotals {
  /** Per story: Σ over words with a tail of min(its known share, the word's bound). */
  cut: Float64Array;
  /** Per story: words with a tail whose known share already reaches their bound. */
  covered: Uint8Array;
  /** Per story: words without a tail it matches. */
  completeHit: Uint8Array;
  /** Per word: the most a story outside its heads can get from it (0: the word is complete). */
  bounds: number[];
}

/** Floating-point slack on the bound test: the proof must never pass on a rounding. */
const EPS = 1e-9;

/**
 * Ranks a query on the postings at hand as `selectTop` does, and says whether that is the
 * answer the full postings would give. When some terms are only their heads (tiers.ts), the
 * test is Fagin's threshold: a story's score is known exactly when each word's known share
 * reaches what the word's tails could give it; every other story that could match all the
 * words is bounded by its known shares plus each word's tail bound. The top `limit` stands
 * when each of its stories is exact and every bound is below the last of them. Returns null
 * when it cannot be proved, or when the count shown must be exact and cannot be (a submitted
 * query of several words or expansions): the caller then fetches the tails.
 */
export function rankChunks(a: {
  meta: ChunkMeta;
  q: ParsedQuery;
  expansions: readonly Expansion[][];
  terms: ReadonlyMap<string, TermData | null>;
  c: ChunkConstraints;
  limit: number;
}): Ranked | null {
  const { meta, q, c, limit } = a;
  const n = meta.stories;
  const t = scoreWords(n, a.expansions, a.terms);
  for (const [d, bonus] of c.phraseBonus) t.score[d]! += bonus;
  const sel = selectTop({
    groupOf: (d) => meta.duplicateRoot[d]!,
    n,
    terms: q.terms.length,
    score: t.score,
    matched: t.matched,
    mask: t.mask,
    allowed: c.allowed,
    excluded: c.excluded,
    limit,
  });
  const tiered = t.bounds.filter((b) => b > 0).length;
  if (tiered === 0) return { sel, totalAtLeast: false };
  if (limit === 0 || sel.partial || sel.hits.length < limit) return null;
  if (sel.hits.some((h) => t.covered[h.doc] !== tiered)) return null;
  const kth = sel.hits[limit - 1]!.score;
  const complete = t.bounds.length - tiered;
  const sumBounds = t.bounds.reduce((x, b) => x + b, 0);
  const hit = new Set(sel.hits.map((h) => h.doc));
  for (let d = 0; d < n; d++) {
    // Exact stories were ranked on their true scores; one that lacks a complete word cannot
    // match them all (and full matches exist: the hits).
    if (hit.has(d) || t.covered[d] === tiered || t.completeHit[d]! < complete) continue;
    if (c.excluded.has(d) || (c.allowed !== null && !c.allowed.has(d))) continue;
    const upper = t.score[d]! + sumBounds - t.cut[d]!;
    if (upper * (1 + EPS) + EPS >= kth) return null;
  }
  const unconstrained = c.allowed === null && c.excluded.size === 0 && q.terms.length === 1;
  const exps = a.expansions[0] ?? [];
  const groups = exps.map((e) => a.terms.get(e.term)?.tail?.groups ?? 0);
  if (unconstrained && exps.length === 1)
    return { sel: { ...sel, total: groups[0]! }, totalAtLeast: false };
  if (!q.prefix) return null;
  const atLeast = Math.max(sel.total, unconstrained ? Math.max(...groups) : 0);
  return { sel: { ...sel, total: atLeast }, totalAtLeast: true };
}

/**
 * Per story: the sum over query words of the best expansion's weight × (idf × impact + title
 * bonus), as `scoreTerms` in ranking.ts computes it from tf and story lengths; and for words
 * with a term whose tail is not here, what the tail could add (`BoundedTotals`).
 */
function scoreWords(
  n: number,
  expansions: readonly Expansion[][],
  terms: ReadonlyMap<string, TermData | null>,
): BoundedTotals {
  const totals: BoundedTotals = {
    score: new Float64Array(n),
    matched: new Uint8Array(n),
    mask: new Int32Array(n),
    cut: new Float64Array(n),
    covered: new Uint8Array(n),
    completeHit: new Uint8Array(n),
    bounds: [],
  };
  const best = new Float64Array(n);
  const titleBonus = new Float64Array(n);
  expansions.forEach((exps, i) => {
    const touched: number[] = [];
    const raise = (d: number, c: number): void => {
      if (best[d] === 0) touched.push(d);
      if (c > best[d]!) best[d] = c;
    };
    let bound = 0;
    for (const e of exps) {
      const t = terms.get(e.term);
      if (!t) continue;
      const w = bm25Idf(n, Math.max(t.df, t.titleDf)) * e.weight;
      if (t.tail) bound = Math.max(bound, w * t.tail.bound);
      for (const p of t.parts)
        p.titleDocs.forEach((d, k) => {
          titleBonus[d] = w * TITLE_BOOST * (p.titleDerived[k] ? DERIVED_TITLE_FACTOR : 1);
        });
      for (const p of t.parts)
        for (let k = 0; k < p.docs.length; k++) {
          const d = p.docs[k]!;
          raise(d, w * p.impacts[k]! + titleBonus[d]!);
        }
      for (const p of t.parts)
        for (const d of p.titleDocs) {
          raise(d, titleBonus[d]!);
          titleBonus[d] = 0;
        }
    }
    totals.bounds.push(bound);
    for (const d of touched) {
      if (bound === 0) totals.completeHit[d]!++;
      else {
        totals.cut[d]! += Math.min(best[d]!, bound);
        if (best[d]! >= bound) totals.covered[d]!++;
      }
    }
    addWordScores(i, touched, best, totals);
  });
  return totals;
}
