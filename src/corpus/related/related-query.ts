import {
  emptyPools,
  firstPass,
  firstPasses,
  insert,
  poolSize,
  scratch,
  type Pools,
  type Scratch,
} from './first-pass';
import type { RelatedIndex } from './related-index';
import { why, type HitReasons } from './related-why';

/** One related story and why: the shared entities and terms that carried the score. */
export interface RelatedHit extends HitReasons {
  storyId: string;
  /**
   * Cosine over terms (plus entities when given), times the neighbourhood vote; higher is
   * closer. Comparable within one index only.
   */
  score: number;
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

/**
 * The k stories most related to `storyId` and its duplicates. Throws for an unknown id.
 * Costs the first pass of the story and of its few nearest neighbours (see `smoothedTop`).
 */
export function relatedFor(index: RelatedIndex, storyId: string, k = DEFAULT_K): RelatedResult {
  const d = index.storyIds.indexOf(storyId);
  if (d < 0) throw new Error(`Unknown story: ${storyId}`);
  const s = scratch(index);
  // The story's pool and its voters', in slots taken as they are first asked for.
  const pools = emptyPools(1 + Math.max(0, index.options.smoothNeighbours), poolSize(index));
  const slots = new Map<number, number>();
  const slotOf = (x: number): number => {
    let slot = slots.get(x);
    if (slot === undefined) {
      slots.set(x, (slot = slots.size));
      firstPass(index, x, s, pools, slot);
    }
    return slot;
  };
  const group = index.dupGroup[d]!;
  const copies: number[] = [];
  if (group >= 0) {
    for (let e = 0; e < index.dupGroup.length; e++) if (index.dupGroup[e] === group) copies.push(e);
  }
  const best = emptyPools(1, Math.max(0, k));
  smoothedTop(index, d, pools, slotOf, s, best, 0);
  return result(index, d, best, 0, k, copies, s);
}

/** Related lists of every story, keyed by story id (same results as `relatedFor`). */
export function allRelated(index: RelatedIndex, k = DEFAULT_K): Map<string, RelatedResult> {
  const lists = new RelatedLists(index, neighbourLists(index, firstPasses(index), k));
  const out = new Map<string, RelatedResult>();
  index.storyIds.forEach((id, d) => out.set(id, lists.get(d, k)));
  return out;
}

/**
 * Every story's k nearest stories after the neighbourhood vote (`smoothedTop`), best first, as
 * pools of size k (slot d: story d), from every story's first pass (`firstPasses`). The first
 * k' < k of a list are the list for k' (one ranking, cut), so one call serves the threads' 20
 * neighbours and the sidebar's 5.
 */
export function neighbourLists(index: RelatedIndex, passes: Pools, k: number): Pools {
  const n = index.storyIds.length;
  if (passes.length.length !== n) throw new Error('neighbourLists: a first pass per story');
  const s = scratch(index);
  const out = emptyPools(n, Math.max(0, k));
  for (let d = 0; d < n; d++) smoothedTop(index, d, passes, (x) => x, s, out, d);
  return out;
}

/** `neighbourLists` from every story's first pass, at once (scripts, tests). */
export function storyNeighbours(index: RelatedIndex, k: number): Pools {
  return neighbourLists(index, firstPasses(index), k);
}

/** Stories' related lists (`RelatedResult`s) read from their neighbour lists, one at a time. */
export class RelatedLists {
  private readonly s: Scratch;
  /** Members of each duplicate group, by the group's smallest index. */
  private readonly groups = new Map<number, number[]>();

  constructor(
    readonly index: RelatedIndex,
    readonly neighbours: Pools,
  ) {
    this.s = scratch(index);
    index.dupGroup.forEach((g, e) => {
      if (g < 0) return;
      const members = this.groups.get(g);
      if (members) members.push(e);
      else this.groups.set(g, [e]);
    });
  }

  /** Story d's list: its first k neighbours with their "why", and its copies. */
  get(d: number, k = DEFAULT_K): RelatedResult {
    const copies = this.groups.get(this.index.dupGroup[d]!) ?? [];
    return result(this.index, d, this.neighbours, d, k, copies, this.s);
  }
}

/**
 * Neighbourhood vote: candidate e of d scores s(d,e) · (1 + β · v/m), where v counts how many of
 * d's m nearest neighbours also have e in their first-pass pool. Stories whose neighbourhoods
 * agree rank up, a match on one odd word ranks down; being a multiplier on d's own score, the
 * vote cannot pull in a "hub" story that d barely shares anything with. Only d's own candidates
 * are ranked, so every hit shares features with d (its "why" is never empty). Writes the best
 * `out.size` to `outSlot` of `out`; `slotOf(x)` is the slot of x's first pass in `pools`.
 */
function smoothedTop(
  index: RelatedIndex,
  d: number,
  pools: Pools,
  slotOf: (x: number) => number,
  s: Scratch,
  out: Pools,
  outSlot: number,
): void {
  const { smoothNeighbours, smoothWeight } = index.options;
  const { size, story, score, length } = pools;
  const ownSlot = slotOf(d);
  const own = ownSlot * size;
  const ownEnd = own + length[ownSlot]!;
  const { mark, votes } = s;
  const stamp = ++s.stamp;
  for (let i = own; i < ownEnd; i++) {
    mark[story[i]!] = stamp;
    votes[story[i]!] = 0;
  }
  const voters = smoothWeight > 0 ? Math.min(smoothNeighbours, ownEnd - own) : 0;
  for (let v = 0; v < voters; v++) {
    const slot = slotOf(story[own + v]!);
    const at = slot * size;
    const end = at + length[slot]!;
    for (let i = at; i < end; i++) if (mark[story[i]!] === stamp) votes[story[i]!]!++;
  }
  out.length[outSlot] = 0;
  if (out.size <= 0) return;
  for (let i = own; i < ownEnd; i++) {
    const e = story[i]!;
    const boost = voters ? (smoothWeight * votes[e]!) / voters : 0;
    insert(out, outSlot, e, score[i]! * (1 + boost), index);
  }
}

/**
 * The first k hits of `slot` of `lists` with their "why", and the story's copies (`copies`: its
 * group, itself included).
 */
function result(
  index: RelatedIndex,
  d: number,
  lists: Pools,
  slot: number,
  k: number,
  copies: number[],
  s: Scratch,
): RelatedResult {
  const { docStart, docFeature, docWeight } = index;
  const { dense } = s;
  for (let i = docStart[d]!; i < docStart[d + 1]!; i++) dense[docFeature[i]!] = docWeight[i]!;
  const related: RelatedHit[] = [];
  const at = slot * lists.size;
  const end = at + Math.min(k, lists.length[slot]!);
  for (let i = at; i < end; i++) {
    const e = lists.story[i]!;
    related.push({ storyId: index.storyIds[e]!, score: lists.score[i]!, ...why(index, dense, e) });
  }
  for (let i = docStart[d]!; i < docStart[d + 1]!; i++) dense[docFeature[i]!] = 0;
  return {
    related,
    duplicates: copies.filter((e) => e !== d).map((e) => index.storyIds[e]!),
  };
}
