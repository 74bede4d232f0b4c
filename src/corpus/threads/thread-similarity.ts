import { blendedIdf } from '../related/reference-idf';
import { ENTITY_PREFIX, type RelatedIndex } from '../related/related-index';

/**
 * How alike two stories are for the purpose of threads: "the same event", a narrower question
 * than "related". The related index weighs terms by idf^0.25 so that topic words ("profit",
 * "election") join stories of a section; an event is told by what is rare: the names and the
 * unusual words it shares. So the index's rows are re-weighted here with classic idf (the
 * weights keep their term-frequency part) over the folder and a reference news corpus (see
 * reference-idf.ts), and shared entities get a block of their own.
 */
export interface ThreadVectors {
  /** Row d: `feature[start[d] .. start[d + 1])`, unit length over terms and entities. */
  start: Uint32Array;
  feature: Uint32Array;
  weight: Float32Array;
}

export interface SimilarityOptions {
  /** Exponent on idf for terms (1: classic TF-IDF). */
  termIdfPower: number;
  /** Share of the score given to shared entities. */
  entityShare: number;
}

export const DEFAULT_SIMILARITY: SimilarityOptions = { termIdfPower: 1, entityShare: 0.3 };

export function threadVectors(
  index: RelatedIndex,
  opts: SimilarityOptions = DEFAULT_SIMILARITY,
): ThreadVectors {
  const { docStart, docFeature, docWeight, featureIdf, features } = index;
  const isEntity = features.map((f) => f.startsWith(ENTITY_PREFIX));
  const n = index.storyIds.length;
  const start = new Uint32Array(n + 1);
  const feature = new Uint32Array(docFeature.length);
  const weight = new Float32Array(docFeature.length);
  const entityPower = 1 - index.options.entityIdfPower;
  // The row's term weights carry the folder's idf^idfPower: swap it for the blended idf^power.
  const termFactor = features.map((name, f) => {
    if (isEntity[f]) return 0;
    const idf = Math.max(featureIdf[f]!, 1e-6);
    const folderDf = (n + 1) / Math.exp(idf) - 0.5;
    const blended = Math.max(blendedIdf(name, folderDf, n), 1e-6);
    return blended ** opts.termIdfPower / idf ** index.options.idfPower;
  });
  const termScale = Math.sqrt(1 - opts.entityShare);
  const entityScale = Math.sqrt(opts.entityShare);
  for (let d = 0; d < n; d++) {
    start[d] = docStart[d]!;
    let termNorm = 0;
    let entityNorm = 0;
    for (let i = docStart[d]!; i < docStart[d + 1]!; i++) {
      const f = docFeature[i]!;
      const w = isEntity[f]
        ? docWeight[i]! * Math.max(featureIdf[f]!, 1e-6) ** entityPower
        : docWeight[i]! * termFactor[f]!;
      feature[i] = f;
      weight[i] = w;
      if (isEntity[f]) entityNorm += w * w;
      else termNorm += w * w;
    }
    const t = termNorm > 0 ? termScale / Math.sqrt(termNorm) : 0;
    const e = entityNorm > 0 ? entityScale / Math.sqrt(entityNorm) : 0;
    for (let i = docStart[d]!; i < docStart[d + 1]!; i++)
      weight[i]! *= isEntity[docFeature[i]!] ? e : t;
  }
  start[n] = docStart[n]!;
  return { start, feature, weight };
}

/** Writes row d into `dense` (or clears it again). */
export function scatter(v: ThreadVectors, d: number, dense: Float32Array, on: boolean): void {
  for (let i = v.start[d]!; i < v.start[d + 1]!; i++) dense[v.feature[i]!] = on ? v.weight[i]! : 0;
}

/**
 * Similarity of row d with the row scattered in `dense`, less its largest single contribution:
 * two teasers that share one rare word ("airport") are not one event; stories that share a
 * handful of names and words are, and lose little.
 */
export function dot(v: ThreadVectors, d: number, dense: Float32Array): number {
  let s = 0;
  let top = 0;
  for (let i = v.start[d]!; i < v.start[d + 1]!; i++) {
    const x = dense[v.feature[i]!]! * v.weight[i]!;
    s += x;
    if (x > top) top = x;
  }
  return s - top;
}

/**
 * The event similarity a related story needs to be shown at all. Chosen on BBC (related lists
 * at or above it: 98 % in the story's own section, against 95 % for all five) and the seeds (the
 * Putin story's unrelated teasers score 0.04-0.095 against it, its thread 0.53-0.57).
 */
export const RELATED_MIN = 0.1;

/** Event similarity of stories a and b (index positions). */
export function eventSimilarity(
  v: ThreadVectors,
  a: number,
  b: number,
  dense: Float32Array,
): number {
  scatter(v, a, dense, true);
  const s = dot(v, b, dense);
  scatter(v, a, dense, false);
  return s;
}
