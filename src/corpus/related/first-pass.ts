import type { RelatedIndex } from './related-index';
import { runSteps } from '../run-steps';

/**
 * Stories' candidate pools, flat in typed arrays: slot x's pool is `story` and `score` at
 * [x · size, x · size + length[x]), best first. Every story's pool at once (`firstPasses`) is
 * what the neighbourhood vote reads; as an array of small objects per story it was ~40 objects a
 * story (4 M at 100,000 stories), as typed arrays it is 12 bytes a candidate and can be posted to
 * another thread.
 */
export interface Pools {
  size: number;
  length: Uint16Array;
  story: Int32Array;
  score: Float64Array;
}

export function emptyPools(slots: number, size: number): Pools {
  return {
    size,
    length: new Uint16Array(slots),
    story: new Int32Array(slots * size),
    score: new Float64Array(slots * size),
  };
}

/** Reusable buffers, so scoring every story allocates (almost) nothing. */
export interface Scratch {
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

export function scratch(index: RelatedIndex): Scratch {
  const n = index.storyIds.length;
  const c = Math.max(1, index.options.candidates);
  return {
    acc: new Float64Array(n),
    touched: new Int32Array(n),
    // One per feature, counted by featureIdf: the build's second thread is sent no names.
    dense: new Float32Array(index.featureIdf.length),
    heapE: new Int32Array(c),
    heapS: new Float64Array(c),
    mark: new Int32Array(n).fill(-1),
    votes: new Int32Array(n),
    stamp: 0,
  };
}

/** Pool length of the first pass (`smoothPool`, at least 1). */
export const poolSize = (index: RelatedIndex): number => Math.max(1, index.options.smoothPool);

/**
 * The first passes of stories [from, to), story d in slot d - from. Independent story by story,
 * so a range can be computed on another thread and the parts joined (`joinPools`).
 */
export function firstPasses(index: RelatedIndex, from = 0, to = index.storyIds.length): Pools {
  return runSteps(firstPassesSteps(index, from, to));
}

/** Stories between two yields of `firstPassesSteps`: a few ms on the 10k folder. */
const STEP_STORIES = 64;

/** `firstPasses` in steps (the worker's slices): ~2 s for the 10k folder in one go. */
export function* firstPassesSteps(
  index: RelatedIndex,
  from = 0,
  to = index.storyIds.length,
): Generator<void, Pools, void> {
  const s = scratch(index);
  const pools = emptyPools(to - from, poolSize(index));
  for (let d = from; d < to; d++) {
    if ((d - from) % STEP_STORIES === STEP_STORIES - 1) yield;
    firstPass(index, d, s, pools, d - from);
  }
  return pools;
}

/** Pools of consecutive story ranges as one (their slots one after the other). */
export function joinPools(parts: readonly Pools[]): Pools {
  const size = parts[0]?.size ?? 1;
  const slots = parts.reduce((n, p) => n + p.length.length, 0);
  const out = emptyPools(slots, size);
  let at = 0;
  for (const p of parts) {
    if (p.size !== size) throw new Error('joinPools: pools of different sizes');
    out.length.set(p.length, at);
    out.story.set(p.story, at * size);
    out.score.set(p.score, at * size);
    at += p.length.length;
  }
  return out;
}

/**
 * First pass: the `smoothPool` best stories by exact similarity, best first, never the story
 * itself or one of its duplicates, written to `slot` of `out`. Candidates come from the postings
 * of the story's head features (heads only, so common words do not make every story a candidate
 * of every other); the best `candidates` by that partial score (ties: lower index) are then
 * scored over full rows.
 */
export function firstPass(
  index: RelatedIndex,
  d: number,
  s: Scratch,
  out: Pools,
  slot: number,
): void {
  const { docStart, docFeature, docWeight, postStart, postDoc, postWeight, dupGroup } = index;
  const { headTerms } = index.options;
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
  out.length[slot] = 0;
  for (let h = 0; h < size; h++) {
    const e = heapE[h]!;
    let score = 0;
    const eEnd = docStart[e + 1]!;
    for (let i = docStart[e]!; i < eEnd; i++) score += dense[docFeature[i]!]! * docWeight[i]!;
    insert(out, slot, e, score, index);
  }
  for (let i = start; i < end; i++) dense[docFeature[i]!] = 0;
}

/** Heap order of partial scores: lower score, then higher index, is weaker. */
function weaker(sa: number, ea: number, sb: number, eb: number): boolean {
  return sa < sb || (sa === sb && ea > eb);
}

/**
 * Inserts story e into slot's list, kept sorted (`before`) and at most `size` long: insertion
 * beats sorting for short lists.
 */
export function insert(
  pools: Pools,
  slot: number,
  e: number,
  score: number,
  index: RelatedIndex,
): void {
  const { size, story, score: scores, length } = pools;
  const at = slot * size;
  const len = length[slot]!;
  if (len === size && !before(score, e, scores[at + size - 1]!, story[at + size - 1]!, index))
    return;
  // The slot that frees up: the end, or the last one, which a full list drops.
  let j = len === size ? size - 1 : len;
  while (j > 0 && before(score, e, scores[at + j - 1]!, story[at + j - 1]!, index)) {
    story[at + j] = story[at + j - 1]!;
    scores[at + j] = scores[at + j - 1]!;
    j--;
  }
  story[at + j] = e;
  scores[at + j] = score;
  if (len < size) length[slot] = len + 1;
}

/** Higher score first; equal scores by story id so the order never depends on timing. */
export function before(
  score: number,
  e: number,
  otherScore: number,
  other: number,
  index: RelatedIndex,
): boolean {
  if (score !== otherScore) return score > otherScore;
  return index.storyIds[e]! < index.storyIds[other]!;
}
