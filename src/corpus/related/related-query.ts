import { ENTITY_PREFIX, type RelatedIndex } from './related-index';

/** One related story and why: the shared entities and terms that carried the score. */
export interface RelatedHit {
  storyId: string;
  /** Combined similarity (cosine over terms, plus entities when given), higher is closer. */
  score: number;
  /** Canonical entity ids both stories mention, strongest contribution first. */
  sharedEntities: string[];
  /** Shared folded terms ("north korea", "putin"), strongest contribution first, at most 5. */
  sharedTerms: string[];
}

export interface RelatedResult {
  /** Up to k stories, best first; never the story itself or one of its duplicates. */
  related: RelatedHit[];
  /** Story ids of exact and near-duplicate copies ("Also published as …"), in index order. */
  duplicates: string[];
}

export const DEFAULT_K = 5;
const SHARED_TERMS = 5;

/** Reusable score accumulator, so scoring every story allocates once. */
interface Scratch {
  acc: Float64Array;
  touched: Int32Array;
}

function scratch(index: RelatedIndex): Scratch {
  const n = index.storyIds.length;
  return { acc: new Float64Array(n), touched: new Int32Array(n) };
}

/**
 * The k stories most related to `storyId` and its duplicates. Throws for an unknown id.
 * Dot products are accumulated over the postings of the story's kept features only, so the
 * cost is the length of those postings, not the size of the folder.
 */
export function relatedFor(index: RelatedIndex, storyId: string, k = DEFAULT_K): RelatedResult {
  const d = index.storyIds.indexOf(storyId);
  if (d < 0) throw new Error(`Unknown story: ${storyId}`);
  return relatedOfDoc(index, d, k, scratch(index));
}

/** Related lists of every story, keyed by story id (same results as `relatedFor`). */
export function allRelated(index: RelatedIndex, k = DEFAULT_K): Map<string, RelatedResult> {
  const out = new Map<string, RelatedResult>();
  const s = scratch(index);
  for (let d = 0; d < index.storyIds.length; d++) {
    out.set(index.storyIds[d]!, relatedOfDoc(index, d, k, s));
  }
  return out;
}

function relatedOfDoc(index: RelatedIndex, d: number, k: number, s: Scratch): RelatedResult {
  const { docStart, docFeature, docWeight, postStart, postDoc, postWeight, dupGroup } = index;
  const { acc, touched } = s;
  let nTouched = 0;
  for (let i = docStart[d]!; i < docStart[d + 1]!; i++) {
    const f = docFeature[i]!;
    const w = docWeight[i]!;
    for (let p = postStart[f]!; p < postStart[f + 1]!; p++) {
      const e = postDoc[p]!;
      if (acc[e] === 0) touched[nTouched++] = e;
      acc[e] = acc[e]! + w * postWeight[p]!;
    }
  }
  const group = dupGroup[d]!;
  // Keep the k best in a small sorted array: k is tiny, so insertion beats a full sort.
  const best: { e: number; score: number }[] = [];
  for (let t = 0; t < nTouched; t++) {
    const e = touched[t]!;
    const score = acc[e]!;
    acc[e] = 0;
    if (e === d || (group >= 0 && dupGroup[e] === group) || k <= 0) continue;
    if (best.length === k && !before(score, e, best[k - 1]!, index)) continue;
    let at = best.length;
    while (at > 0 && before(score, e, best[at - 1]!, index)) at--;
    best.splice(at, 0, { e, score });
    if (best.length > k) best.pop();
  }
  const duplicates: string[] = [];
  if (group >= 0) {
    for (let e = 0; e < dupGroup.length; e++) {
      if (e !== d && dupGroup[e] === group) duplicates.push(index.storyIds[e]!);
    }
  }
  return {
    related: best.map(({ e, score }) => ({
      storyId: index.storyIds[e]!,
      score,
      ...why(index, d, e),
    })),
    duplicates,
  };
}

/** Higher score first; equal scores by story id so the order never depends on timing. */
function before(
  score: number,
  e: number,
  other: { e: number; score: number },
  index: RelatedIndex,
): boolean {
  if (score !== other.score) return score > other.score;
  return index.storyIds[e]! < index.storyIds[other.e]!;
}

/** Shared features of two stories, by contribution to the dot product. */
function why(index: RelatedIndex, a: number, b: number): Omit<RelatedHit, 'storyId' | 'score'> {
  const { docStart, docFeature, docWeight, features } = index;
  const shared: { name: string; c: number }[] = [];
  let i = docStart[a]!;
  let j = docStart[b]!;
  while (i < docStart[a + 1]! && j < docStart[b + 1]!) {
    const fa = docFeature[i]!;
    const fb = docFeature[j]!;
    if (fa < fb) i++;
    else if (fb < fa) j++;
    else {
      shared.push({ name: features[fa]!, c: docWeight[i]! * docWeight[j]! });
      i++;
      j++;
    }
  }
  shared.sort((x, y) => y.c - x.c || (x.name < y.name ? -1 : 1));
  const sharedEntities: string[] = [];
  const sharedTerms: string[] = [];
  for (const { name } of shared) {
    if (name.startsWith(ENTITY_PREFIX)) sharedEntities.push(name.slice(ENTITY_PREFIX.length));
    else if (sharedTerms.length < SHARED_TERMS && !coveredBy(name, sharedTerms))
      sharedTerms.push(name);
  }
  return { sharedEntities, sharedTerms };
}

/** "korea" adds nothing after "north korea" has been listed. */
function coveredBy(term: string, listed: string[]): boolean {
  return listed.some((t) => t.includes(' ') && t.split(' ').includes(term));
}

/**
 * The story's distinguishing terms, heaviest first: single folded words (no bigrams, no
 * entity ids), ready to be typed into the search box for "More like this". Ranked by classic
 * TF-IDF (the stored weight carries idf^idfPower; the rest of the idf is put back), so rare
 * names come before the broad topic words the similarity score prefers.
 */
export function distinguishingTerms(index: RelatedIndex, storyId: string, n = 8): string[] {
  const d = index.storyIds.indexOf(storyId);
  if (d < 0) throw new Error(`Unknown story: ${storyId}`);
  const { docStart, docFeature, docWeight, features, featureIdf } = index;
  const rest = 1 - index.options.idfPower;
  const row: { name: string; w: number }[] = [];
  for (let i = docStart[d]!; i < docStart[d + 1]!; i++) {
    const f = docFeature[i]!;
    row.push({ name: features[f]!, w: docWeight[i]! * Math.pow(featureIdf[f]!, rest) });
  }
  row.sort((x, y) => y.w - x.w || (x.name < y.name ? -1 : 1));
  const out: string[] = [];
  for (const { name } of row) {
    // A bigram's words are taken one by one: search takes words, and the pair ranks them.
    const words = name.startsWith(ENTITY_PREFIX) ? [] : name.split(' ');
    for (const w of words) if (out.length < n && !out.includes(w)) out.push(w);
    if (out.length >= n) break;
  }
  return out;
}
