import { stemTerm } from '../related/features';
import { TIME_AND_REPORTING_WORDS } from '../related/news-words';
import { blendedIdf } from '../related/reference-idf';
import type { RelatedIndex } from '../related/related-index';
import { ENTITY_PREFIX } from '../related/related-options';
import type { Story } from '../types';
import { entityField } from './entity-field';
import { ledeTerms } from './lede-terms';
import { runSteps } from '../run-steps';

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
 * "related at all?" (the related list's gate), with different weights. Given each story's
 * entity mentions, the event similarity takes its entities from every one the story names,
 * by mentions (`entity-field.ts`), not from the index's 16 rarest; the gate keeps the index's.
 */
export interface ThreadVectors {
  /** Row d: `feature[start[d] .. start[d + 1])`, each field's weights of unit length. */
  start: Uint32Array;
  feature: Uint32Array;
  weight: Float32Array;
  /** Feature ids are below this: the index's features, then the same terms as lede terms, then
   * the mentioned entities (when given). */
  dims: number;
  /** Field of each feature id: 0 body term, 1 entity of the index, 2 lede term, 3 entity
   * mentioned (every one, by its mentions: `entity-field.ts`). */
  field: Uint8Array;
  /** Whether rows have field 3: then the event similarity weighs entities there. */
  mentions: boolean;
  /** With field 3: the canonical entity id of feature `mentionBase + i` is `entityIds[i]`. */
  mentionBase: number;
  entityIds: readonly string[];
}

/** Weights of the body, entity, lede (and mentioned-entity) fields in a similarity (sum 1). */
export type Shares = readonly [body: number, entities: number, lede: number, mentions?: number];

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
export function eventShares(
  opts: SimilarityOptions = DEFAULT_SIMILARITY,
  vectors?: ThreadVectors,
): Shares {
  const body = Math.max(0, 1 - opts.entityShare - opts.ledeShare);
  return vectors?.mentions
    ? [body, 0, opts.ledeShare, opts.entityShare]
    : [body, opts.entityShare, opts.ledeShare];
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
  mentions?: ReadonlyMap<string, readonly string[]>,
): ThreadVectors {
  return runSteps(threadVectorsSteps(index, opts, stories, mentions));
}

/** Stories whose ledes are read between two yields of `threadVectorsSteps` (a few ms). */
const STEP_STORIES = 256;

/**
 * `threadVectors` in steps: reading the ledes (tokenizing every story's first words) is most of
 * its time, ~30-90 ms for BBC, so it yields every few hundred stories; the worker answers
 * requests in between.
 */
export function* threadVectorsSteps(
  index: RelatedIndex,
  opts: SimilarityOptions = DEFAULT_SIMILARITY,
  stories?: readonly Story[],
  /** Canonical entity ids per story id, one per mention: the event's entity field. */
  mentions?: ReadonlyMap<string, readonly string[]>,
): Generator<void, ThreadVectors, void> {
  const { docStart, docFeature, docWeight, featureIdf, features } = index;
  const n = index.storyIds.length;
  const nf = features.length;
  if (stories && stories.some((s, d) => s.id !== index.storyIds[d]))
    throw new Error('threadVectors: stories must be in the index order');
  const isEntity = new Uint8Array(nf);
  // Classic idf over the folder and the reference corpus, to the power asked; 0 for words of
  // time and reporting. The row's weights carry the folder's idf^idfPower (terms) or
  // idf^entityIdfPower (entities): `factor` swaps it for the event idf, or for classic idf.
  const eventIdf = new Float64Array(nf);
  const factor = new Float64Array(nf);
  for (let f = 0; f < nf; f++) {
    const name = features[f]!;
    const idf = Math.max(featureIdf[f]!, 1e-6);
    if (name.startsWith(ENTITY_PREFIX)) {
      isEntity[f] = 1;
      factor[f] = idf ** (1 - index.options.entityIdfPower);
    } else if (!TIME_AND_REPORTING_WORDS.has(name)) {
      const folderDf = (n + 1) / Math.exp(idf) - 0.5;
      eventIdf[f] = Math.max(blendedIdf(name, folderDf, n), 1e-6) ** opts.termIdfPower;
      factor[f] = eventIdf[f]! / idf ** index.options.idfPower;
    }
  }
  const lede = stories ? yield* ledeCounts(index, eventIdf, stories, opts.ledeWords) : null;
  const ents = mentions ? entityField(index.storyIds, mentions) : null;
  const size = docFeature.length + (lede ? lede.start[n]! : 0) + (ents ? ents.start[n]! : 0);
  const start = new Uint32Array(n + 1);
  const feature = new Uint32Array(size);
  const weight = new Float32Array(size);
  let at = 0;
  for (let d = 0; d < n; d++) {
    start[d] = at;
    // The body's terms, then its entities, its lede and its mentioned entities: each field of
    // unit length.
    for (let field = 0; field < 4; field++) {
      const from = at;
      let norm = 0;
      if (field < 2) {
        for (let i = docStart[d]!; i < docStart[d + 1]!; i++) {
          const f = docFeature[i]!;
          const w = docWeight[i]! * factor[f]!;
          if (isEntity[f] !== field || !(w > 0)) continue;
          feature[at] = f;
          weight[at++] = w;
          norm += w * w;
        }
      } else if (field === 2 && lede) {
        for (let i = lede.start[d]!; i < lede.start[d + 1]!; i++) {
          const f = lede.feature[i]!;
          const w = (1 + Math.log(lede.count[i]!)) * eventIdf[f]!;
          feature[at] = nf + f;
          weight[at++] = w;
          norm += w * w;
        }
      } else if (field === 3 && ents) {
        norm = ents.aloneNorm2[d]!;
        for (let i = ents.start[d]!; i < ents.start[d + 1]!; i++) {
          const w = ents.weight[i]!;
          feature[at] = 2 * nf + ents.feature[i]!;
          weight[at++] = w;
          norm += w * w;
        }
      }
      const k = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let i = from; i < at; i++) weight[i]! *= k;
    }
  }
  start[n] = at;
  const dims = ents ? 2 * nf + ents.count : lede ? 2 * nf : nf;
  const field = new Uint8Array(dims);
  for (let f = 0; f < dims; f++) field[f] = f >= 2 * nf ? 3 : f >= nf ? 2 : isEntity[f]!;
  return {
    start,
    feature: feature.subarray(0, at),
    weight: weight.subarray(0, at),
    dims,
    field,
    mentions: !!ents,
    mentionBase: 2 * nf,
    entityIds: ents?.ids ?? [],
  };
}

/**
 * Each story's lede as (feature, count) pairs, flat: story d's are [start[d], start[d + 1]).
 * Stop words and words no two stories share have no feature; time words weigh nothing.
 */
function* ledeCounts(
  index: RelatedIndex,
  eventIdf: Float64Array,
  stories: readonly Story[],
  words: number,
): Generator<void, { start: Uint32Array; feature: number[]; count: number[] }, void> {
  const featureOf = new Map(index.features.map((name, f) => [name, f]));
  const start = new Uint32Array(stories.length + 1);
  const feature: number[] = [];
  const count: number[] = [];
  const seen = new Map<number, number>();
  for (let d = 0; d < stories.length; d++) {
    if (d % STEP_STORIES === STEP_STORIES - 1) yield;
    seen.clear();
    for (const term of ledeTerms(stories[d]!, words)) {
      const f = featureOf.get(index.options.stem ? stemTerm(term) : term);
      if (f === undefined || !(eventIdf[f]! > 0)) continue;
      const i = seen.get(f);
      if (i === undefined) {
        seen.set(f, feature.length);
        feature.push(f);
        count.push(1);
      } else count[i]!++;
    }
    start[d + 1] = feature.length;
  }
  return { start, feature, count };
}

/**
 * Writes row d into `dense`, each field's weights times its share (`null`: clears it again), so
 * that `dot` with another row is the shares' weighted sum of the fields' cosines.
 */
export function scatter(
  v: ThreadVectors,
  d: number,
  dense: Float32Array,
  shares: Shares | null,
): void {
  for (let i = v.start[d]!; i < v.start[d + 1]!; i++) {
    const f = v.feature[i]!;
    dense[f] = shares ? v.weight[i]! * (shares[v.field[f]! as 0 | 1 | 2 | 3] ?? 0) : 0;
  }
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
  scatter(v, a, dense, shares);
  const s = dot(v, b, dense);
  scatter(v, a, dense, null);
  return s;
}
