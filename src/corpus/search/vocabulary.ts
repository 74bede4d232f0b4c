import { CJK } from '../normalize';
import { boundedEditDistance } from './edit-distance';
import { FUSE_MAX_PATTERN, fuzzyRank } from './fuse-engine';

/**
 * A vocabulary answers "which terms start with p" from a sorted array (binary search) and
 * "which terms are a typo away from w" by narrowing to terms sharing enough bigrams in a
 * length window, then letting Fuse rank that short list and checking the edit distance. Fuse
 * over a 96k-term vocabulary took 4–18 ms a word; the narrowed list keeps it well under 1 ms.
 */
export interface Vocabulary {
  terms: readonly string[];
  /** How common a term is (document frequency): prefix expansions prefer frequent terms. */
  freq: (id: number) => number;
  sorted: string[];
  sortedIds: Int32Array;
  /** Bigram (with `^`/`$` word boundaries) → ids of the terms containing it; built on demand. */
  grams: Map<string, number[]> | null;
  /** The bigram lists while `warmVocabularySteps` builds them: done up to term id `next`. */
  building?: { grams: Map<string, number[]>; next: number };
  /** Shared-bigram counters, one per term, reused between queries. */
  counts: Uint16Array | null;
}

/** A vocabulary over `terms` (id → term); `freq` ranks completions. Sorting is the cost: ~30 ms for 30k terms. */
export function createVocabulary(
  terms: readonly string[],
  freq: (id: number) => number,
): Vocabulary {
  const order = new Int32Array(terms.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // Code-unit order, the order in which startsWith-ranges are contiguous.
  order.sort((a, b) => {
    const x = terms[a]!;
    const y = terms[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const sorted = Array.from(order, (i) => terms[i]!);
  return { terms, freq, sorted, sortedIds: order, grams: null, counts: null };
}

/**
 * The vocabulary of `terms` from its sort order as stored with a cached index (`sortedIds` of an
 * earlier `createVocabulary` over the same terms), without sorting again: ~30 ms of comparisons
 * on BBC's ~30k terms at idle, 100–150 ms on a loaded machine, on a warm reload's way to its
 * first search. Checked in one pass (a permutation, in code-unit order); undefined when it is not
 * the order of these terms.
 */
export function vocabularyFromOrder(
  terms: readonly string[],
  freq: (id: number) => number,
  order: Int32Array,
): Vocabulary | undefined {
  if (order.length !== terms.length) return undefined;
  const seen = new Uint8Array(terms.length);
  const sorted = new Array<string>(terms.length);
  for (let i = 0; i < order.length; i++) {
    const id = order[i]!;
    if (!(id >= 0 && id < terms.length) || seen[id]) return undefined;
    seen[id] = 1;
    const term = terms[id]!;
    if (i > 0 && sorted[i - 1]! > term) return undefined;
    sorted[i] = term;
  }
  return { terms, freq, sorted, sortedIds: order, grams: null, counts: null };
}

/**
 * The id of `term` itself, by binary search of the sorted terms (undefined when absent): what
 * `termIdOf` answers, without its map of every term, which a warm reload's first search built
 * (~60 % of that search's time in a trace).
 */
export function exactId(v: Vocabulary, term: string): number | undefined {
  const i = lowerBound(v.sorted, term);
  return v.sorted[i] === term ? v.sortedIds[i] : undefined;
}

/** First index of `sorted` whose value is not below `key` (its length when none). */
export function lowerBound<T extends string | number>(sorted: ArrayLike<T>, key: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ids of the terms that start with `prefix` (the prefix itself excluded), at most `cap`, most
 * frequent first: a 1-letter word being typed must not expand into thousands of terms.
 */
export function prefixMatches(v: Vocabulary, prefix: string, cap: number): number[] {
  if (!prefix || cap <= 0) return [];
  const top: number[] = [];
  for (let i = lowerBound(v.sorted, prefix); i < v.sorted.length; i++) {
    const term = v.sorted[i]!;
    if (!term.startsWith(prefix)) break;
    if (term === prefix) continue;
    const id = v.sortedIds[i]!;
    const f = v.freq(id);
    if (top.length < cap) {
      top.push(id);
      if (top.length === cap) top.sort((a, b) => v.freq(b) - v.freq(a));
    } else if (f > v.freq(top[cap - 1]!)) {
      // Keep `top` sorted by frequency with one insertion step.
      let k = cap - 1;
      while (k > 0 && v.freq(top[k - 1]!) < f) {
        top[k] = top[k - 1]!;
        k--;
      }
      top[k] = id;
    }
  }
  return top.sort((a, b) => v.freq(b) - v.freq(a));
}

/** Whether typo matching makes sense for a term: words of letters, not numbers or CJK. */
export function isFuzzable(term: string): boolean {
  return term.length >= 4 && !/\d/u.test(term) && !CJK.test(term);
}

function bigrams(term: string): string[] {
  const padded = `^${term}$`;
  const out: string[] = [];
  for (let i = 0; i + 2 <= padded.length; i++) out.push(padded.slice(i, i + 2));
  return out;
}

function ensureGrams(v: Vocabulary): Map<string, number[]> {
  if (v.grams) return v.grams;
  growGrams(v, Infinity);
  return v.grams!;
}

/** Adds the bigrams of at most `terms` more terms; sets `v.grams` once every term is in. */
function growGrams(v: Vocabulary, terms: number): void {
  const b = (v.building ??= { grams: new Map(), next: 0 });
  const { grams } = b;
  const end = Math.min(v.terms.length, b.next + terms);
  for (let id = b.next; id < end; id++) {
    const term = v.terms[id]!;
    if (!isFuzzable(term)) continue;
    for (const g of new Set(bigrams(term))) {
      const list = grams.get(g);
      if (list) list.push(id);
      else grams.set(g, [id]);
    }
  }
  b.next = end;
  if (end < v.terms.length) return;
  // Exact-size copies: a list grown by push keeps up to half its length as spare capacity.
  for (const [g, list] of grams) grams.set(g, list.slice());
  v.grams = grams;
  v.counts = new Uint16Array(v.terms.length);
  delete v.building;
}

/**
 * Builds the bigram lists now rather than on the first typo, a few thousand terms per step, for callers that answer requests in between:
 * in one go it was a 60–210 ms task on BBC's ~30k terms (a warm reload's first search waited
 * for it). A typo lookup meanwhile finishes the build where the steps left it.
 */
export function* warmVocabularySteps(v: Vocabulary, termsPerStep = 3000): Generator<void, void> {
  while (!v.grams) {
    growGrams(v, termsPerStep);
    if (!v.grams) yield;
  }
}

export interface TypoMatch {
  id: number;
  distance: number;
}

/** Candidates handed to Fuse at most: enough for real typos, small enough to stay sub-ms. */
const MAX_CANDIDATES = 150;

/**
 * The terms closest to `term` within `maxEdits` edits (the term itself excluded). Candidates
 * must share enough bigrams and be in the length window.
 */
export function typoMatches(v: Vocabulary, term: string, maxEdits: number, cap = 8): TypoMatch[] {
  if (maxEdits <= 0 || !isFuzzable(term)) return [];
  const grams = ensureGrams(v);
  const counts = v.counts!;
  const own = [...new Set(bigrams(term))];
  // An edit destroys at most two bigrams, a transposition three.
  const need = Math.max(1, own.length - 3 * maxEdits);
  const touched: number[] = [];
  for (const g of own) {
    const list = grams.get(g);
    if (!list) continue;
    for (const id of list) {
      if (counts[id] === 0) touched.push(id);
      counts[id]! += 1;
    }
  }
  const candidates: number[] = [];
  for (const id of touched) {
    const t = v.terms[id]!;
    if (counts[id]! >= need && Math.abs(t.length - term.length) <= maxEdits && t !== term) {
      candidates.push(id);
    }
  }
  candidates.sort((a, b) => counts[b]! - counts[a]! || v.freq(b) - v.freq(a));
  for (const id of touched) counts[id] = 0;
  const shortlist = candidates.slice(0, MAX_CANDIDATES);
  const strings = shortlist.map((id) => v.terms[id]!);
  // Fuse's score is roughly errors / pattern length; leave headroom, the edit check decides.
  const threshold = Math.min(0.6, (maxEdits + 1) / Math.min(term.length, FUSE_MAX_PATTERN));
  const out: TypoMatch[] = [];
  for (const r of fuzzyRank(strings, term, threshold, cap * 4)) {
    const id = shortlist[r.index]!;
    const distance = boundedEditDistance(term, v.terms[id]!, maxEdits);
    if (distance <= maxEdits) out.push({ id, distance });
  }
  out.sort((a, b) => a.distance - b.distance || v.freq(b.id) - v.freq(a.id));
  // Only the closest spellings: "chelsae" is Chelsea (one swap), not also cheese (two edits).
  const closest = out[0]?.distance ?? 0;
  return out.filter((m) => m.distance === closest).slice(0, cap);
}
