import { bodyPostings, docFrequency, titleDocs, titleFrequency } from './search-index';
import type { Expansion } from './term-expansion';
import type { IntList, SearchIndex } from './types';

/** BM25 parameters (the usual ones). Exported for the chunked index (chunks/), which ranks alike. */
export const K1 = 1.2;
export const B = 0.75;
/** A title hit is worth this many idfs: more than a body hit can reach (≤ (K1 + 1) idf). */
export const TITLE_BOOST = 2.5;
/** Titles made from the lede repeat the body: their hits count less. */
export const DERIVED_TITLE_FACTOR = 0.4;
/** A phrase found is worth its words' idfs times this. */
export const PHRASE_BOOST = 3;

export interface Scored {
  doc: number;
  score: number;
  /** Number of query words (plain terms) the doc matches. */
  matched: number;
  /** Bit i set when the doc matches term i (the first 31 terms). */
  mask: number;
}

/** BM25 idf of a term, from the larger of its body and title document frequencies. */
export function idf(index: SearchIndex, termId: number): number {
  return bm25Idf(
    index.docs.length,
    Math.max(docFrequency(index, termId), titleFrequency(index, termId)),
  );
}

/** BM25 idf of a term found in `df` of `n` docs. */
export function bm25Idf(n: number, df: number): number {
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
  // Per-word scratch, zero between uses: reused across keystrokes to spare the GC.
  const { best, tmp } = scratchFor(n);
  const norm = lengthNorms(index);
  const titleBonus = tmp;
  expansions.forEach((exps, i) => {
    const touched: number[] = [];
    for (const e of exps) {
      const w = idf(index, e.termId) * e.weight;
      const titles = titleDocs(index, e.termId);
      for (const d of titles) {
        titleBonus[d] = w * TITLE_BOOST * (index.docs[d]!.titleDerived ? DERIVED_TITLE_FACTOR : 1);
      }
      // Body BM25 plus the title bonus; a word's score is the best of its expansions.
      const body = bodyPostings(index, e.termId);
      for (let p = 0; p < body.length; p += 2) {
        const d = body[p]!;
        const tf = body[p + 1]!;
        const c = (w * tf * (K1 + 1)) / (tf + norm[d]!) + titleBonus[d]!;
        if (best[d] === 0) touched.push(d);
        if (c > best[d]!) best[d] = c;
      }
      for (const d of titles) {
        if (best[d] === 0) touched.push(d);
        if (titleBonus[d]! > best[d]!) best[d] = titleBonus[d]!;
        titleBonus[d] = 0;
      }
    }
    addWordScores(i, touched, best, { score, matched, mask });
  });
  return { score, matched, mask };
}

/** Per-doc totals of a query: score, words matched, and which words (bit i: word i < 31). */
export interface WordTotals {
  score: Float64Array;
  matched: Uint8Array;
  mask: Int32Array;
}

/**
 * Adds word i's best per-doc scores (`best`, non-zero at `touched`) to the totals and clears
 * them for the next word. Shared with the chunked index's scoring (chunks/chunk-search.ts).
 */
export function addWordScores(
  i: number,
  touched: readonly number[],
  best: Float64Array,
  totals: WordTotals,
): void {
  for (const d of touched) {
    totals.score[d]! += best[d]!;
    totals.matched[d]! += 1;
    if (i < 31) totals.mask[d]! |= 1 << i;
    best[d] = 0;
  }
}

let scratch: { best: Float64Array; tmp: Float64Array } | null = null;
const norms = new WeakMap<SearchIndex, Float64Array>();

/** BM25's length normalization per doc, K1 · (1 − B + B · dl / avgdl), cached per index size. */
function lengthNorms(index: SearchIndex): Float64Array {
  const n = index.docs.length;
  let out = norms.get(index);
  if (out && out.length === n) return out;
  const avgdl = index.totalBodyTokens / Math.max(1, n) || 1;
  out = new Float64Array(n);
  for (let d = 0; d < n; d++) out[d] = lengthNorm(index.docs[d]!.bodyTokens.length, avgdl);
  norms.set(index, out);
  return out;
}

/** BM25's length part of one doc of `length` tokens. */
export function lengthNorm(length: number, avgdl: number): number {
  return K1 * (1 - B + (B * length) / avgdl);
}

/** Drops the scratch buffers (after an error left them dirty). */
export function resetScratch(): void {
  scratch = null;
}

function scratchFor(n: number): { best: Float64Array; tmp: Float64Array } {
  if (!scratch || scratch.best.length < n) {
    scratch = { best: new Float64Array(n), tmp: new Float64Array(n) };
  }
  return scratch;
}

/** Whether `seq` contains `ids` consecutively. */
function containsRun(seq: IntList, ids: readonly number[]): boolean {
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
  const candidates = new Set<number>(titleDocs(index, rarest));
  const body = bodyPostings(index, rarest);
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
  const body = bodyPostings(index, termId);
  for (let p = 0; p < body.length; p += 2) into.add(body[p]!);
  for (const d of titleDocs(index, termId)) into.add(d);
}

export interface Selection {
  /** The best `limit` docs, best first. */
  hits: Scored[];
  /** Docs that qualify. */
  total: number;
  /** True when no doc has every word: docs with at least one qualify, most words first. */
  partial: boolean;
}

/**
 * Picks the best docs without sorting them all: docs must pass the constraints and match every
 * query word, or, when none does, at least one (ranked by words matched, then score). With no
 * words (filters or phrases only), the allowed docs qualify. With `groupOf` (a doc's duplicate
 * group), only the best doc of each group qualifies and is counted: copies are listed once.
 */
export function selectTop(a: {
  n: number;
  terms: number;
  score: Float64Array;
  matched: Uint8Array;
  mask: Int32Array;
  allowed: Set<number> | null;
  excluded: Set<number>;
  limit: number;
  groupOf?: (doc: number) => number;
}): Selection {
  const { score, matched, allowed, excluded, terms } = a;
  const better = (x: number, y: number): boolean =>
    matched[x]! > matched[y]! ||
    (matched[x] === matched[y] && (score[x]! > score[y]! || (score[x] === score[y] && x < y)));
  let pass: number[] = [];
  const visit = (d: number): void => {
    if (excluded.has(d) || (allowed !== null && !allowed.has(d))) return;
    if (terms > 0 && matched[d] === 0) return;
    pass.push(d);
  };
  if (terms === 0 || (allowed && allowed.size < a.n / 4)) for (const d of allowed ?? []) visit(d);
  else for (let d = 0; d < a.n; d++) visit(d);
  if (a.groupOf) pass = bestOfGroups(pass, a.groupOf, better);
  let full = 0;
  for (const d of pass) if (matched[d] === terms) full++;
  const any = pass.length;
  const partial = terms > 0 && full === 0 && any > 0;
  const need = partial ? 1 : terms;
  // Insertion into a short sorted list: O(n · limit) worst case, ~O(n) in practice.
  const top: number[] = [];
  for (const d of pass) {
    if (matched[d]! < need) continue;
    if (top.length === a.limit && (a.limit === 0 || !better(d, top[top.length - 1]!))) continue;
    let i = top.length < a.limit ? top.length : top.length - 1;
    if (top.length < a.limit) top.push(d);
    while (i > 0 && better(d, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = d;
  }
  return {
    hits: top.map((d) => ({ doc: d, score: score[d]!, matched: matched[d]!, mask: a.mask[d]! })),
    total: partial ? any : terms === 0 ? any : full,
    partial,
  };
}

/** The docs of `pass` that are the best of their group (a doc alone is its own group). */
function bestOfGroups(
  pass: number[],
  groupOf: (doc: number) => number,
  better: (x: number, y: number) => boolean,
): number[] {
  const best = new Map<number, number>();
  for (const d of pass) {
    const g = groupOf(d);
    const b = best.get(g);
    if (b === undefined || better(d, b)) best.set(g, d);
  }
  if (best.size === pass.length) return pass;
  return pass.filter((d) => best.get(groupOf(d)) === d);
}
