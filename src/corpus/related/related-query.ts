import { ENTITY_PREFIX, type RelatedIndex } from './related-index';

/** One related story and why: the shared entities and terms that carried the score. */
export interface RelatedHit {
  storyId: string;
  /**
   * Cosine over terms (plus entities when given), times the neighbourhood vote; higher is
   * closer. Comparable within one index only.
   */
  score: number;
  /** Canonical entity ids both stories mention, strongest contribution first. */
  sharedEntities: string[];
  /** Shared terms as lower-case words ("putin", "tariffs"), strongest first, at most 5. */
  sharedTerms: string[];
  /** Distinctive two-word phrases both stories use ("council tax"), when explained. */
  sharedPhrases?: string[];
}

export interface RelatedResult {
  /** Up to k stories, best first; never the story itself or one of its duplicates. */
  related: RelatedHit[];
  /** Story ids of exact and near-duplicate copies ("Also published as …"), in index order. */
  duplicates: string[];
}

export const DEFAULT_K = 5;
const SHARED_TERMS = 5;

/** Reusable buffers, so scoring every story allocates (almost) nothing. */
interface Scratch {
  acc: Float64Array;
  touched: Int32Array;
  /** The query row scattered densely over features, for exact dot products. */
  dense: Float32Array;
  /** Min-heap of the best partial scores (candidate generation). */
  heapE: Int32Array;
  heapS: Float64Array;
  /** Neighbourhood vote: `mark[e] === stamp` when e is in the current story's pool. */
  mark: Int32Array;
  votes: Int32Array;
  stamp: number;
}

interface Candidate {
  e: number;
  score: number;
}

function scratch(index: RelatedIndex): Scratch {
  const n = index.storyIds.length;
  const c = Math.max(1, index.options.candidates);
  return {
    acc: new Float64Array(n),
    touched: new Int32Array(n),
    dense: new Float32Array(index.features.length),
    heapE: new Int32Array(c),
    heapS: new Float64Array(c),
    mark: new Int32Array(n).fill(-1),
    votes: new Int32Array(n),
    stamp: 0,
  };
}

/**
 * The k stories most related to `storyId` and its duplicates. Throws for an unknown id.
 * Costs the first pass of the story and of its few nearest neighbours (see `smoothedTop`).
 */
export function relatedFor(index: RelatedIndex, storyId: string, k = DEFAULT_K): RelatedResult {
  const d = index.storyIds.indexOf(storyId);
  if (d < 0) throw new Error(`Unknown story: ${storyId}`);
  const s = scratch(index);
  const cache = new Map<number, Candidate[]>();
  const pass = (x: number): Candidate[] => {
    let list = cache.get(x);
    if (!list) cache.set(x, (list = firstPass(index, x, s)));
    return list;
  };
  const group = index.dupGroup[d]!;
  const copies: number[] = [];
  if (group >= 0) {
    for (let e = 0; e < index.dupGroup.length; e++) if (index.dupGroup[e] === group) copies.push(e);
  }
  return result(index, d, smoothedTop(index, d, k, pass, s), copies, s);
}

/** Related lists of every story, keyed by story id (same results as `relatedFor`). */
export function allRelated(index: RelatedIndex, k = DEFAULT_K): Map<string, RelatedResult> {
  const s = scratch(index);
  const n = index.storyIds.length;
  const lists: Candidate[][] = [];
  for (let d = 0; d < n; d++) lists.push(firstPass(index, d, s));
  const groups = new Map<number, number[]>();
  index.dupGroup.forEach((g, e) => {
    if (g < 0) return;
    const members = groups.get(g);
    if (members) members.push(e);
    else groups.set(g, [e]);
  });
  const out = new Map<string, RelatedResult>();
  const pass = (x: number): Candidate[] => lists[x]!;
  for (let d = 0; d < n; d++) {
    const copies = groups.get(index.dupGroup[d]!) ?? [];
    out.set(index.storyIds[d]!, result(index, d, smoothedTop(index, d, k, pass, s), copies, s));
  }
  return out;
}

/**
 * First pass: the `smoothPool` best stories by exact similarity, best first, never the story
 * itself or one of its duplicates. Candidates come from the postings of the story's head
 * features (heads only, so common words do not make every story a candidate of every other);
 * the best `candidates` by that partial score (ties: lower index) are then scored over full rows.
 */
function firstPass(index: RelatedIndex, d: number, s: Scratch): Candidate[] {
  const { docStart, docFeature, docWeight, postStart, postDoc, postWeight, dupGroup } = index;
  const { headTerms, smoothPool } = index.options;
  const { acc, touched, dense, heapE, heapS } = s;
  const start = docStart[d]!;
  const end = docStart[d + 1]!;
  let nTouched = 0;
  const headEnd = Math.min(end, start + headTerms);
  for (let i = start; i < headEnd; i++) {
    const f = docFeature[i]!;
    const w = docWeight[i]!;
    const pEnd = postStart[f + 1]!;
    for (let p = postStart[f]!; p < pEnd; p++) {
      const e = postDoc[p]!;
      const a = acc[e]!;
      if (a === 0) touched[nTouched++] = e;
      acc[e] = a + w * postWeight[p]!;
    }
  }
  // Best `candidates` partial scores: a min-heap whose root is the weakest kept candidate.
  const cap = heapE.length;
  const group = dupGroup[d]!;
  let size = 0;
  for (let t = 0; t < nTouched; t++) {
    const e = touched[t]!;
    const score = acc[e]!;
    acc[e] = 0;
    if (e === d || (group >= 0 && dupGroup[e] === group)) continue;
    if (size < cap) {
      let i = size++;
      while (i > 0) {
        const up = (i - 1) >> 1;
        if (!weaker(score, e, heapS[up]!, heapE[up]!)) break;
        heapS[i] = heapS[up]!;
        heapE[i] = heapE[up]!;
        i = up;
      }
      heapS[i] = score;
      heapE[i] = e;
    } else if (weaker(heapS[0]!, heapE[0]!, score, e)) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && weaker(heapS[c + 1]!, heapE[c + 1]!, heapS[c]!, heapE[c]!)) c++;
        if (!weaker(heapS[c]!, heapE[c]!, score, e)) break;
        heapS[i] = heapS[c]!;
        heapE[i] = heapE[c]!;
        i = c;
      }
      heapS[i] = score;
      heapE[i] = e;
    }
  }
  for (let i = start; i < end; i++) dense[docFeature[i]!] = docWeight[i]!;
  const best: Candidate[] = [];
  const pool = Math.max(1, smoothPool);
  for (let h = 0; h < size; h++) {
    const e = heapE[h]!;
    let score = 0;
    const eEnd = docStart[e + 1]!;
    for (let i = docStart[e]!; i < eEnd; i++) score += dense[docFeature[i]!]! * docWeight[i]!;
    insert(best, e, score, pool, index);
  }
  for (let i = start; i < end; i++) dense[docFeature[i]!] = 0;
  return best;
}

/** Heap order of partial scores: lower score, then higher index, is weaker. */
function weaker(sa: number, ea: number, sb: number, eb: number): boolean {
  return sa < sb || (sa === sb && ea > eb);
}

/**
 * Neighbourhood vote: candidate e of d scores s(d,e) · (1 + β · v/m), where v counts how many of
 * d's m nearest neighbours also have e in their first-pass pool. Stories whose neighbourhoods
 * agree rank up, a match on one odd word ranks down; being a multiplier on d's own score, the
 * vote cannot pull in a "hub" story that d barely shares anything with. Only d's own candidates
 * are ranked, so every hit shares features with d (its "why" is never empty).
 */
function smoothedTop(
  index: RelatedIndex,
  d: number,
  k: number,
  pass: (x: number) => Candidate[],
  s: Scratch,
): Candidate[] {
  const { smoothNeighbours, smoothWeight } = index.options;
  const own = pass(d);
  const { mark, votes } = s;
  const stamp = ++s.stamp;
  for (const c of own) {
    mark[c.e] = stamp;
    votes[c.e] = 0;
  }
  const voters = smoothWeight > 0 ? own.slice(0, smoothNeighbours) : [];
  for (const nb of voters) {
    for (const c of pass(nb.e)) if (mark[c.e] === stamp) votes[c.e]!++;
  }
  const best: Candidate[] = [];
  if (k <= 0) return best;
  for (const c of own) {
    const boost = voters.length ? (smoothWeight * votes[c.e]!) / voters.length : 0;
    insert(best, c.e, c.score * (1 + boost), k, index);
  }
  return best;
}

/** Keeps `best` sorted and at most `max` long: insertion beats sorting for small lists. */
function insert(
  best: Candidate[],
  e: number,
  score: number,
  max: number,
  index: RelatedIndex,
): void {
  if (best.length === max && !before(score, e, best[max - 1]!, index)) return;
  let at = best.length;
  while (at > 0 && before(score, e, best[at - 1]!, index)) at--;
  best.splice(at, 0, { e, score });
  if (best.length > max) best.pop();
}

/** The hits with their "why", and the story's copies (`copies`: its group, itself included). */
function result(
  index: RelatedIndex,
  d: number,
  best: Candidate[],
  copies: number[],
  s: Scratch,
): RelatedResult {
  const { docStart, docFeature, docWeight } = index;
  const { dense } = s;
  for (let i = docStart[d]!; i < docStart[d + 1]!; i++) dense[docFeature[i]!] = docWeight[i]!;
  const related = best.map(({ e, score }) => ({
    storyId: index.storyIds[e]!,
    score,
    ...why(index, dense, e),
  }));
  for (let i = docStart[d]!; i < docStart[d + 1]!; i++) dense[docFeature[i]!] = 0;
  return {
    related,
    duplicates: copies.filter((e) => e !== d).map((e) => index.storyIds[e]!),
  };
}

/** Higher score first; equal scores by story id so the order never depends on timing. */
function before(score: number, e: number, other: Candidate, index: RelatedIndex): boolean {
  if (score !== other.score) return score > other.score;
  return index.storyIds[e]! < index.storyIds[other.e]!;
}

/** Shared features of the story scattered in `dense` and story b, by contribution. */
function why(
  index: RelatedIndex,
  dense: Float32Array,
  b: number,
): Omit<RelatedHit, 'storyId' | 'score'> {
  const { docStart, docFeature, docWeight, features } = index;
  const entities: { name: string; c: number }[] = [];
  const termF: number[] = [];
  const termC: number[] = [];
  for (let j = docStart[b]!; j < docStart[b + 1]!; j++) {
    const f = docFeature[j]!;
    const wa = dense[f]!;
    if (wa === 0) continue;
    const name = features[f]!;
    if (name.startsWith(ENTITY_PREFIX)) entities.push({ name, c: wa * docWeight[j]! });
    else {
      termF.push(f);
      termC.push(wa * docWeight[j]!);
    }
  }
  entities.sort(byContribution);
  // The few strongest terms: repeated selection beats sorting every shared term.
  const sharedTerms: string[] = [];
  while (sharedTerms.length < SHARED_TERMS) {
    let at = -1;
    for (let i = 0; i < termF.length; i++) {
      if (termC[i]! < 0) continue;
      if (
        at < 0 ||
        termC[i]! > termC[at]! ||
        (termC[i] === termC[at] && features[termF[i]!]! < features[termF[at]!]!)
      ) {
        at = i;
      }
    }
    if (at < 0) break;
    termC[at] = -1;
    const name = features[termF[at]!]!;
    if (!coveredBy(name, sharedTerms)) sharedTerms.push(name);
  }
  return {
    sharedEntities: entities.map((x) => x.name.slice(ENTITY_PREFIX.length)),
    sharedTerms,
  };
}

function byContribution(x: { name: string; c: number }, y: { name: string; c: number }): number {
  return y.c - x.c || (x.name < y.name ? -1 : 1);
}

/** "korea" adds nothing after "north korea" has been listed. */
function coveredBy(term: string, listed: string[]): boolean {
  return listed.some((t) => t.includes(' ') && t.split(' ').includes(term));
}

/**
 * The story's distinguishing terms, heaviest first: single folded words (no bigrams, no
 * entity ids), ready to be typed into the search box for "More like this". Ranked by classic
 * TF-IDF (the row order, see `RelatedIndex`), so rare names come before the broad topic words
 * the similarity score prefers.
 */
export function distinguishingTerms(index: RelatedIndex, storyId: string, n = 8): string[] {
  const d = index.storyIds.indexOf(storyId);
  if (d < 0) throw new Error(`Unknown story: ${storyId}`);
  const { docStart, docFeature, features } = index;
  const row: { name: string }[] = [];
  for (let i = docStart[d]!; i < docStart[d + 1]!; i++)
    row.push({ name: features[docFeature[i]!]! });
  const out: string[] = [];
  for (const { name } of row) {
    // A bigram's words are taken one by one: search takes words, and the pair ranks them.
    const words = name.startsWith(ENTITY_PREFIX) ? [] : name.split(' ');
    for (const w of words) if (out.length < n && !out.includes(w)) out.push(w);
    if (out.length >= n) break;
  }
  return out;
}
