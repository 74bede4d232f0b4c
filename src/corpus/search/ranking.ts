import { docFrequency } from './search-index';
import type { Expansion } from './term-expansion';
import type { SearchIndex } from './types';

/** BM25 parameters (the usual ones). */
const K1 = 1.2;
const B = 0.75;
/** A title hit is worth this many idfs: more than a body hit can reach (≤ (K1 + 1) idf). */
const TITLE_BOOST = 2.5;
/** Titles made from the lede repeat the body: their hits count less. */
const DERIVED_TITLE_FACTOR = 0.4;
/** A phrase found is worth its words' idfs times this. */
const PHRASE_BOOST = 3;

export interface Scored {
  doc: number;
  score: number;
  /** Number of query words (plain terms) the doc matches. */
  matched: number;
  /** Bit i set when the doc matches term i (the first 31 terms). */
  mask: number;
}

export function idf(index: SearchIndex, termId: number): number {
  const n = index.docs.length;
  const df = Math.max(docFrequency(index, termId), index.titlePostings[termId]?.length ?? 0);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Scores every doc for each query word: the best of its expansions (weight × (BM25 over the body
 * + title boost)), so a word matched exactly beats the same word matched as a typo, and a title
 * hit beats any body hit. Returns per-doc totals, matched-word counts and masks.
 */
export function scoreTerms(
  index: SearchIndex,
  expansions: readonly Expansion[][],
): { score: Float64Array; matched: Uint8Array; mask: Int32Array } {
  const n = index.docs.length;
  const score = new Float64Array(n);
  const matched = new Uint8Array(n);
  const mask = new Int32Array(n);
  const best = new Float64Array(n);
  const tmp = new Float64Array(n);
  const avgdl = index.totalBodyTokens / Math.max(1, n) || 1;
  expansions.forEach((exps, i) => {
    const touched: number[] = [];
    for (const e of exps) {
      const w = idf(index, e.termId) * e.weight;
      const local: number[] = [];
      const body = index.postings[e.termId] ?? [];
      for (let p = 0; p < body.length; p += 2) {
        const d = body[p]!;
        const tf = body[p + 1]!;
        const dl = index.docs[d]!.bodyTokens.length;
        if (tmp[d] === 0) local.push(d);
        tmp[d]! += (w * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * dl) / avgdl));
      }
      for (const d of index.titlePostings[e.termId] ?? []) {
        if (tmp[d] === 0) local.push(d);
        tmp[d]! += w * TITLE_BOOST * (index.docs[d]!.titleDerived ? DERIVED_TITLE_FACTOR : 1);
      }
      for (const d of local) {
        if (best[d] === 0) touched.push(d);
        if (tmp[d]! > best[d]!) best[d] = tmp[d]!;
        tmp[d] = 0;
      }
    }
    for (const d of touched) {
      score[d]! += best[d]!;
      matched[d]! += 1;
      if (i < 31) mask[d]! |= 1 << i;
      best[d] = 0;
    }
  });
  return { score, matched, mask };
}

/** Whether `seq` contains `ids` consecutively. */
function containsRun(seq: readonly number[], ids: readonly number[]): boolean {
  const first = ids[0]!;
  outer: for (
    let i = seq.indexOf(first);
    i >= 0 && i + ids.length <= seq.length;
    i = seq.indexOf(first, i + 1)
  ) {
    for (let k = 1; k < ids.length; k++) if (seq[i + k] !== ids[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Docs containing the phrase (token ids, in order) in their title or body, found by walking the
 * postings of the phrase's rarest word and checking each candidate's token sequence.
 */
export function phraseDocs(index: SearchIndex, ids: readonly (number | undefined)[]): Set<number> {
  const out = new Set<number>();
  if (ids.length === 0 || ids.some((id) => id === undefined)) return out;
  const known = ids as number[];
  let rarest = known[0]!;
  for (const id of known) if (docFrequency(index, id) < docFrequency(index, rarest)) rarest = id;
  const candidates = new Set<number>(index.titlePostings[rarest] ?? []);
  const body = index.postings[rarest] ?? [];
  for (let p = 0; p < body.length; p += 2) candidates.add(body[p]!);
  for (const d of candidates) {
    const doc = index.docs[d]!;
    if (containsRun(doc.bodyTokens, known) || containsRun(doc.titleTokens, known)) out.add(d);
  }
  return out;
}

/** Bonus a doc gets for containing a phrase: its words' idfs, boosted. */
export function phraseScore(index: SearchIndex, ids: readonly number[]): number {
  let s = 0;
  for (const id of ids) s += idf(index, id);
  return s * PHRASE_BOOST;
}

/** Docs whose body or title contains the term. */
export function termDocs(index: SearchIndex, termId: number, into: Set<number>): void {
  const body = index.postings[termId] ?? [];
  for (let p = 0; p < body.length; p += 2) into.add(body[p]!);
  for (const d of index.titlePostings[termId] ?? []) into.add(d);
}
