import { TIME_AND_REPORTING_WORDS } from '../related/news-words';
import { blendedIdf } from '../related/reference-idf';
import { ENTITY_PREFIX, type RelatedIndex } from '../related/related-index';
import type { Story } from '../types';
import { ledeTerms } from './lede-terms';

/**
 * How alike two stories are for the purpose of threads: "the same event", a narrower question
 * than "related". The related index weighs terms by idf^0.25 so that topic words ("profit",
 * "election") join stories of a section; an event is told by what is rare: the names and the
 * unusual words it shares. So the index's rows are re-weighted here with classic idf (the
 * weights keep their term-frequency part) over the folder and a reference news corpus (see
 * reference-idf.ts); words of time and reporting ("yesterday", "said") weigh nothing.
 *
 * As in Miranda et al. (2018), who cluster news by TF-IDF similarities of body, title and
 * entities, a story has three fields, each a unit vector: its body terms, its entities, and its
 * headline and lede (the words that state the event). A similarity is a weighted sum of the
 * fields' cosines (`Shares`), so one set of vectors answers both "one event?" (threads) and
 * "related at all?" (the related list's gate), with different weights.
 */
export interface ThreadVectors {
  /** Row d: `feature[start[d] .. start[d + 1])`, each field's weights of unit length. */
  start: Uint32Array;
  feature: Uint32Array;
  weight: Float32Array;
  /** Feature ids are below this: the index's features, then the same terms as lede terms. */
  dims: number;
  /** Field of each feature id: 0 body term, 1 entity, 2 lede term. */
  field: Uint8Array;
}

/** Weights of the body, entity and lede fields in a similarity (they sum to 1). */
export type Shares = readonly [body: number, entities: number, lede: number];

export interface SimilarityOptions {
  /** Exponent on idf for terms (1: classic TF-IDF). */
  termIdfPower: number;
  /** Share of the event similarity given to shared entities. */
  entityShare: number;
  /** Share of the event similarity given to the headline and lede (0: the body alone). */
  ledeShare: number;
  /** Words of text read as the lede after the headline. */
  ledeWords: number;
}

/** Chosen by `npm run eval:threads` sweeps (docs/threads-design.md). */
export const DEFAULT_SIMILARITY: SimilarityOptions = {
  termIdfPower: 1,
  entityShare: 0.3,
  ledeShare: 0.5,
  ledeWords: 25,
};

/** The event similarity's field weights. */
export function eventShares(opts: SimilarityOptions = DEFAULT_SIMILARITY): Shares {
  return [Math.max(0, 1 - opts.entityShare - opts.ledeShare), opts.entityShare, opts.ledeShare];
}

/**
 * The related list's gate ("related at all?"): body and entities as the event similarity had
 * them before ledes were weighed. A lede states an event; relatedness is wider, and the gate
 * calibrated on these weights (RELATED_MIN) lost precision at equal coverage with the lede in.
 */
export const RELATED_SHARES: Shares = [0.7, 0.3, 0];

/**
 * The thread vectors of the index's stories. `stories` (in index order) gives the ledes; without
 * it rows have no lede field.
 */
export function threadVectors(
  index: RelatedIndex,
  opts: SimilarityOptions = DEFAULT_SIMILARITY,
  stories?: readonly Story[],
): ThreadVectors {
  const { docStart, docFeature, docWeight, featureIdf, features } = index;
  const isEntity = features.map((f) => f.startsWith(ENTITY_PREFIX));
  const n = index.storyIds.length;
  const nf = features.length;
  const entityPower = 1 - index.options.entityIdfPower;
  if (stories && stories.some((s, d) => s.id !== index.storyIds[d]))
    throw new Error('threadVectors: stories must be in the index order');
  // Classic idf over the folder and the reference corpus, to the power asked; 0 for words of
  // time and reporting.
  const eventIdf = features.map((name, f) => {
    if (isEntity[f] || TIME_AND_REPORTING_WORDS.has(name)) return 0;
    const folderDf = (n + 1) / Math.exp(Math.max(featureIdf[f]!, 1e-6)) - 0.5;
    return Math.max(blendedIdf(name, folderDf, n), 1e-6) ** opts.termIdfPower;
  });
  // The row's term weights carry the folder's idf^idfPower: swap it for the event idf.
  const termFactor = eventIdf.map(
    (x, f) => x / Math.max(featureIdf[f]!, 1e-6) ** index.options.idfPower,
  );
  const featureOf = stories ? new Map(features.map((name, f) => [name, f])) : null;
  const start = new Uint32Array(n + 1);
  const feature: number[] = [];
  const weight: number[] = [];
  // Scales [from, feature.length) to unit length.
  const unit = (from: number, norm: number): void => {
    const k = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = from; i < feature.length; i++) weight[i]! *= k;
  };
  for (let d = 0; d < n; d++) {
    start[d] = feature.length;
    const from = feature.length;
    let termNorm = 0;
    for (let i = docStart[d]!; i < docStart[d + 1]!; i++) {
      const f = docFeature[i]!;
      const w = isEntity[f] ? 0 : docWeight[i]! * termFactor[f]!;
      if (w <= 0) continue;
      feature.push(f);
      weight.push(w);
      termNorm += w * w;
    }
    unit(from, termNorm);
    const entitiesFrom = feature.length;
    let entityNorm = 0;
    for (let i = docStart[d]!; i < docStart[d + 1]!; i++) {
      const f = docFeature[i]!;
      if (!isEntity[f]) continue;
      const w = docWeight[i]! * Math.max(featureIdf[f]!, 1e-6) ** entityPower;
      feature.push(f);
      weight.push(w);
      entityNorm += w * w;
    }
    unit(entitiesFrom, entityNorm);
    if (featureOf) {
      const ledeFrom = feature.length;
      let norm = 0;
      for (const [term, tf] of ledeTerms(stories![d]!, opts.ledeWords)) {
        const f = featureOf.get(term);
        if (f === undefined || !(eventIdf[f]! > 0)) continue;
        const w = (1 + Math.log(tf)) * eventIdf[f]!;
        feature.push(nf + f);
        weight.push(w);
        norm += w * w;
      }
      unit(ledeFrom, norm);
    }
  }
  start[n] = feature.length;
  const dims = featureOf ? 2 * nf : nf;
  const field = new Uint8Array(dims);
  for (let f = 0; f < dims; f++) field[f] = f >= nf ? 2 : isEntity[f] ? 1 : 0;
  return {
    start,
    feature: Uint32Array.from(feature),
    weight: Float32Array.from(weight),
    dims,
    field,
  };
}

/** Writes row d into `dense` (or clears it again). */
export function scatter(v: ThreadVectors, d: number, dense: Float32Array, on: boolean): void {
  for (let i = v.start[d]!; i < v.start[d + 1]!; i++) dense[v.feature[i]!] = on ? v.weight[i]! : 0;
}

/**
 * Similarity of row d with the row scattered in `dense` (the fields' cosines weighted by
 * `shares`), less its largest single contribution: two teasers that share one rare word
 * ("airport") are not one event; stories that share a handful of names and words are, and lose
 * little.
 */
export function dot(v: ThreadVectors, d: number, dense: Float32Array, shares: Shares): number {
  let s = 0;
  let top = 0;
  for (let i = v.start[d]!; i < v.start[d + 1]!; i++) {
    const f = v.feature[i]!;
    const x = dense[f]! * v.weight[i]! * shares[v.field[f]! as 0 | 1 | 2];
    s += x;
    if (x > top) top = x;
  }
  return s - top;
}

/**
 * The similarity (with `RELATED_SHARES`) a related story needs to be shown at all. First chosen
 * on BBC at 0.1 (related lists at or above it: 97 % in the story's own section, against 95 % for
 * all five) and the seeds (the Putin story's unrelated teasers score 0.04-0.095 against it, its
 * thread 0.53-0.57). Raised to 0.11 when threads grew (ledes weighed): a thread takes a story's
 * closest companions out of "Related", and at 0.11 the sidebar, thread and related together,
 * shows something for as many BBC stories as before (1,786 against 1,795) with as many in the
 * story's section (98.3 %); `npm run eval:related` prints both.
 */
export const RELATED_MIN = 0.11;

/** Similarity of stories a and b (index positions). */
export function eventSimilarity(
  v: ThreadVectors,
  a: number,
  b: number,
  dense: Float32Array,
  shares: Shares,
): number {
  scatter(v, a, dense, true);
  const s = dot(v, b, dense, shares);
  scatter(v, a, dense, false);
  return s;
}
