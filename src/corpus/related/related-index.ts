import type { Story } from '../types';
import { findDuplicateGroups, minhashSignature } from './duplicates';
import { storyBlocks, TermCounter } from './features';

/**
 * Scoring knobs. The defaults are the configuration the app uses; the others exist so
 * `scripts/eval-related.ts` can measure the alternatives in one run.
 */
export interface RelatedOptions {
  /** Term-frequency damping: 'log' = 1 + ln tf (sublinear), 'raw' = tf, 'bm25' = BM25 saturation. */
  tf: 'log' | 'raw' | 'bm25';
  /** BM25 saturation and length normalisation (tf: 'bm25'). */
  k1: number;
  b: number;
  /** Exponent on idf: 1 is classic TF-IDF; below 1 lets mid-frequency topic words count more. */
  idfPower: number;
  /** Adjacent content-word pairs as extra features. */
  bigrams: boolean;
  /** Light plural folding of terms. */
  stem: boolean;
  /** Title and kicker tokens count this many times. */
  titleBoost: number;
  /** Terms found in fewer stories are left out (a term no other story has links nothing, but
   * would still weigh in the cosine's length normalisation). */
  minDf: number;
  /** Features kept per story (highest weights): bounds postings and query time. */
  maxTerms: number;
  /** Entity features kept per story. */
  maxEntities: number;
  /** Share of the score given to shared entities (0..1) when entity ids are supplied. */
  entityWeight: number;
  /** Exponent on entity idf: rare shared names count, "place/us" hardly does. */
  entityIdfPower: number;
  /** Entity tf: 'log' = 1 + ln(mentions), 'binary' = mentioned or not (the same for a list of
   * distinct ids and a list of mentions). */
  entityTf: 'log' | 'binary';
  /** Re-normalise the pruned vector to unit length (cosine over the kept features). */
  renormalize: boolean;
  /** Features per story that enter the postings (candidate generation). */
  headTerms: number;
  /** Candidates per story scored exactly over full rows. */
  candidates: number;
  /** Neighbourhood vote (see `smoothedTop` in related-query.ts): first-pass list length … */
  smoothPool: number;
  /** … how many nearest neighbours vote … */
  smoothNeighbours: number;
  /** … and the weight of their vote (0 disables it). */
  smoothWeight: number;
}

/** Chosen by `npm run eval:related` (see docs/related-design.md). */
export const DEFAULT_RELATED_OPTIONS: RelatedOptions = {
  tf: 'log',
  k1: 1.2,
  b: 0.75,
  idfPower: 0.25,
  bigrams: false,
  stem: false,
  titleBoost: 2,
  minDf: 2,
  maxTerms: 300,
  maxEntities: 16,
  entityWeight: 0.05,
  entityIdfPower: 2,
  entityTf: 'binary',
  renormalize: true,
  headTerms: 60,
  candidates: 100,
  smoothPool: 40,
  smoothNeighbours: 5,
  smoothWeight: 1,
};

/** Prefix of entity features in `features` (never produced by `tokenize`, which drops `@`). */
export const ENTITY_PREFIX = '@';

/**
 * The related-stories index: plain data (arrays and typed arrays only), so it survives
 * structuredClone — it can be built in a Web Worker, posted to the page, or cached in IndexedDB.
 * Document d is `storyIds[d]`. Each story's kept features are one row (CSR: `docStart`,
 * `docFeature`, `docWeight`), in classic TF-IDF order, so the first `headTerms` are what the
 * story is distinctively about. Postings (`postStart`, `postDoc`, `postWeight`) hold only those
 * heads: they generate candidates cheaply; full rows then score the candidates exactly.
 */
export interface RelatedIndex {
  version: 1;
  options: RelatedOptions;
  storyIds: string[];
  /** Feature names: folded terms, "w1 w2" bigrams, `@<entity id>` entities. */
  features: string[];
  /** Plain idf of each feature, ln((N+1)/(df+0.5)): ranks distinguishing terms. */
  featureIdf: Float32Array;
  docStart: Uint32Array;
  docFeature: Uint32Array;
  docWeight: Float32Array;
  postStart: Uint32Array;
  postDoc: Uint32Array;
  postWeight: Float32Array;
  /** Smallest document index of d's duplicate group, or -1 when d has no duplicate. */
  dupGroup: Int32Array;
}

interface Weighted {
  feature: string;
  weight: number;
}

/**
 * Builds the index. `entityIdsByStory` (optional) maps a story id to the canonical entity ids
 * it mentions, one entry per mention (repeats raise the weight); without it, terms alone score.
 */
export function buildRelatedIndex(
  stories: Story[],
  entityIdsByStory?: Map<string, string[]>,
  options: Partial<RelatedOptions> = {},
): RelatedIndex {
  const opts: RelatedOptions = { ...DEFAULT_RELATED_OPTIONS, ...options };
  const n = stories.length;
  const exactKeys: string[] = [];
  const sigs: (Uint32Array | null)[] = [];
  const termTf: Map<string, number>[] = [];
  const entityTf: Map<string, number>[] = [];
  let totalLen = 0;
  const lens: number[] = [];
  const counter = new TermCounter(opts);
  for (const story of stories) {
    const blocks = storyBlocks(story);
    const body = blocks.body.flat();
    const all = [...blocks.title.flat(), ...body];
    exactKeys.push(all.join(' '));
    // Shingles over the body: a copy re-headlined is still a copy. Very short texts use all.
    sigs.push(minhashSignature(body.length >= 8 ? body : all));
    const counts = counter.count(blocks);
    termTf.push(counts);
    let len = 0;
    for (const c of counts.values()) len += c;
    lens.push(len);
    totalLen += len;
    const ents = new Map<string, number>();
    for (const id of entityIdsByStory?.get(story.id) ?? []) {
      ents.set(ENTITY_PREFIX + id, (ents.get(ENTITY_PREFIX + id) ?? 0) + 1);
    }
    entityTf.push(ents);
  }
  const dupGroup = findDuplicateGroups(exactKeys, sigs);
  const df = new Map<string, number>();
  for (let d = 0; d < n; d++) {
    for (const f of termTf[d]!.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    for (const f of entityTf[d]!.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  }
  const avgLen = totalLen / Math.max(1, n);
  const idf = (f: string): number =>
    Math.pow(Math.log((n + 1) / ((df.get(f) ?? 0) + 0.5)), opts.idfPower);
  const tfw = (tf: number, len: number): number => {
    if (opts.tf === 'raw') return tf;
    if (opts.tf === 'log') return 1 + Math.log(tf);
    const { k1, b } = opts;
    return (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * len) / avgLen));
  };
  const plainIdf = (f: string): number => Math.log((n + 1) / ((df.get(f) ?? 0) + 0.5));
  const hasEntities = entityIdsByStory !== undefined && opts.entityWeight > 0;
  const termScale = Math.sqrt(hasEntities ? 1 - opts.entityWeight : 1);
  const entityScale = Math.sqrt(hasEntities ? opts.entityWeight : 0);

  const rows: Weighted[][] = [];
  for (let d = 0; d < n; d++) {
    const terms = weigh(
      termTf[d]!,
      (f, tf) => (df.get(f)! < opts.minDf ? 0 : tfw(tf, lens[d]!) * idf(f)),
      opts.maxTerms,
    );
    const ents = hasEntities
      ? weigh(
          entityTf[d]!,
          (f, tf) =>
            (opts.entityTf === 'binary' ? 1 : 1 + Math.log(tf)) *
            Math.pow(plainIdf(f), opts.entityIdfPower),
          opts.maxEntities,
        )
      : [];
    rows.push([
      ...scale(terms, termScale, opts.renormalize),
      ...scale(ents, entityScale, opts.renormalize),
    ]);
  }
  return toIndex(stories, rows, opts, plainIdf, (f) => counter.label(f), dupGroup);
}

/** Weights of one block, heaviest first (ties by name, for determinism), pruned to `max`. */
function weigh(
  tf: Map<string, number>,
  w: (feature: string, tf: number) => number,
  max: number,
): Weighted[] & { norm?: number } {
  const all: Weighted[] = [];
  let norm = 0;
  for (const [feature, count] of tf) {
    const weight = w(feature, count);
    if (weight <= 0) continue;
    norm += weight * weight;
    all.push({ feature, weight });
  }
  all.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
  const kept: Weighted[] & { norm?: number } = all.slice(0, max);
  kept.norm = Math.sqrt(norm);
  return kept;
}

function scale(
  block: Weighted[] & { norm?: number },
  by: number,
  renormalize: boolean,
): Weighted[] {
  let norm = block.norm ?? 0;
  if (renormalize) norm = Math.sqrt(block.reduce((s, x) => s + x.weight * x.weight, 0));
  if (norm === 0 || by === 0) return [];
  return block.map((x) => ({ feature: x.feature, weight: (x.weight / norm) * by }));
}

function toIndex(
  stories: Story[],
  rows: Weighted[][],
  options: RelatedOptions,
  idf: (feature: string) => number,
  label: (feature: string) => string,
  dupGroup: Int32Array,
): RelatedIndex {
  // Only features some story kept enter the vocabulary; ids follow first appearance.
  const ids = new Map<string, number>();
  const features: string[] = [];
  let nnz = 0;
  for (const row of rows) {
    for (const { feature } of row) {
      if (!ids.has(feature)) {
        ids.set(feature, features.length);
        features.push(feature);
      }
    }
    nnz += row.length;
  }
  const featureIdf = Float32Array.from(features, idf);
  const rest = 1 - options.idfPower;
  const docStart = new Uint32Array(rows.length + 1);
  const docFeature = new Uint32Array(nnz);
  const docWeight = new Float32Array(nnz);
  const postCount = new Uint32Array(features.length + 1);
  let p = 0;
  rows.forEach((row, d) => {
    docStart[d] = p;
    // Row order = classic TF-IDF order (the idf the scoring weight leaves out is put back):
    // its head is what the story is distinctively about.
    const sorted = row
      .map((x) => {
        const id = ids.get(x.feature)!;
        return { id, w: x.weight, key: x.weight * Math.pow(featureIdf[id]!, rest) };
      })
      .sort((a, b) => b.key - a.key || a.id - b.id);
    sorted.forEach(({ id, w }, i) => {
      docFeature[p] = id;
      docWeight[p] = w;
      if (i < options.headTerms) postCount[id + 1] = (postCount[id + 1] ?? 0) + 1;
      p++;
    });
  });
  docStart[rows.length] = p;
  const postStart = new Uint32Array(features.length + 1);
  for (let f = 0; f < features.length; f++) postStart[f + 1] = postStart[f]! + postCount[f + 1]!;
  const fill = postStart.slice(0, features.length);
  const postDoc = new Uint32Array(postStart[features.length]!);
  const postWeight = new Float32Array(postDoc.length);
  for (let d = 0; d < rows.length; d++) {
    const end = Math.min(docStart[d + 1]!, docStart[d]! + options.headTerms);
    for (let i = docStart[d]!; i < end; i++) {
      const f = docFeature[i]!;
      const at = fill[f]!;
      fill[f] = at + 1;
      postDoc[at] = d;
      postWeight[at] = docWeight[i]!;
    }
  }
  return {
    version: 1,
    options,
    storyIds: stories.map((s) => s.id),
    features: features.map((f) => (f.startsWith(ENTITY_PREFIX) ? f : label(f))),
    featureIdf,
    docStart,
    docFeature,
    docWeight,
    postStart,
    postDoc,
    postWeight,
    dupGroup,
  };
}
