import type { Story } from '../types';
import { findDuplicateGroups } from './duplicates';
import { runSteps } from '../run-steps';
import { DEFAULT_RELATED_OPTIONS, ENTITY_PREFIX, type RelatedOptions } from './related-options';
import { Block, toIndex } from './related-rows';
import { Tally, TermCounts } from './term-counts';
import { TypedList } from './typed-list';

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
  /** 16-bit when the kept features number under 65,536 (half the bytes), else 32-bit. */
  docFeature: Uint16Array | Uint32Array;
  docWeight: Float32Array;
  postStart: Uint32Array;
  /** 16-bit when the folder has under 65,536 stories, else 32-bit. */
  postDoc: Uint16Array | Uint32Array;
  postWeight: Float32Array;
  /** Smallest document index of d's duplicate group, or -1 when d has no duplicate. */
  dupGroup: Int32Array;
}

/**
 * Builds the index. `entityIdsByStory` (optional) maps a story id to the canonical entity ids
 * it mentions (one entry per mention or per distinct entity: with the default binary entity tf
 * both give the same index); without it, terms alone score.
 */
export function buildRelatedIndex(
  stories: Story[],
  entityIdsByStory?: Map<string, string[]>,
  options: Partial<RelatedOptions> = {},
): RelatedIndex {
  return runSteps(relatedIndexSteps(stories, entityIdsByStory, options));
}

/** Stories handled between two yields of `relatedIndexSteps`: a few ms of work on BBC text. */
const STEP_STORIES = 32;

/**
 * `buildRelatedIndex` in steps: it yields every few dozen stories, so a caller with a time budget
 * (the worker's 12 ms slices) can answer requests in between; the last step returns the index.
 * A whole build is ~0.5–1.4 s for BBC, which a search typed meanwhile would otherwise wait for.
 * `counted`: the stories' terms counted already (the build takes most from its per-file cache,
 * vite/related-counts.ts), with these options and in this order; it is read, not changed.
 */
export function* relatedIndexSteps(
  stories: Story[],
  entityIdsByStory?: Map<string, string[]>,
  options: Partial<RelatedOptions> = {},
  counted?: TermCounts,
): Generator<void, RelatedIndex, void> {
  const opts: RelatedOptions = { ...DEFAULT_RELATED_OPTIONS, ...options };
  const n = stories.length;
  let terms = counted;
  if (!terms) {
    terms = new TermCounts(opts, n);
    for (let d = 0; d < n; d++) {
      if (d % STEP_STORIES === STEP_STORIES - 1) yield;
      terms.count(stories[d]!);
    }
  }
  const { titleBoost, bigrams, stem } = terms.options;
  if (
    terms.size !== n ||
    titleBoost !== opts.titleBoost ||
    bigrams !== opts.bigrams ||
    stem !== opts.stem
  )
    throw new Error('the counts are of other stories or options');
  yield;
  const { features, termFeature, entStart, entFeature, entCount } = yield* withEntities(
    terms,
    stories,
    entityIdsByStory,
  );
  const dupGroup = findDuplicateGroups(terms.exactKeys, terms.sigs);
  yield;
  const nf = features.length;
  const df = new Float64Array(nf);
  const pairStart = terms.pairStart.view();
  const pairFeature = terms.pairFeature.view();
  const pairCount = terms.pairCount.view();
  const lens = terms.lens.view();
  for (const f of pairFeature) df[termFeature[f]!]!++;
  for (const f of entFeature) df[f]!++;
  let totalLen = 0;
  for (const len of lens) totalLen += len;
  const avgLen = totalLen / Math.max(1, n);
  const plainIdf = Float64Array.from(df, (x) => Math.log((n + 1) / (x + 0.5)));
  const termW = plainIdf.map((x, f) => (df[f]! < opts.minDf ? 0 : Math.pow(x, opts.idfPower)));
  const entityW = plainIdf.map((x) => Math.pow(x, opts.entityIdfPower));
  // Row order: classic TF-IDF (the idf the scoring weight leaves out is put back).
  const classic = plainIdf.map((x) => Math.pow(x, 1 - opts.idfPower));
  const tfw = (tf: number, len: number): number => {
    if (opts.tf === 'raw') return tf;
    if (opts.tf === 'log') return 1 + Math.log(tf);
    const { k1, b } = opts;
    return (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * len) / avgLen));
  };
  const hasEntities = entityIdsByStory !== undefined && opts.entityWeight > 0;
  const termScale = Math.sqrt(hasEntities ? 1 - opts.entityWeight : 1);
  const entityScale = Math.sqrt(hasEntities ? opts.entityWeight : 0);

  const rowStart = new Uint32Array(n + 1);
  // A row keeps some of its story's counted features: never more than there are.
  const capacity = pairFeature.length + entFeature.length;
  const rowFeature = new TypedList((k) => new Int32Array(k), capacity);
  // The index stores weights as 32-bit floats: rounded here, once, as toIndex did.
  const rowWeight = new TypedList((k) => new Float32Array(k), capacity);
  const block = new Block(features);
  for (let d = 0; d < n; d++) {
    if (d % (4 * STEP_STORIES) === 0) yield;
    block.clear();
    for (let i = pairStart[d]!; i < pairStart[d + 1]!; i++) {
      const f = termFeature[pairFeature[i]!]!;
      block.add(f, tfw(pairCount[i]!, lens[d]!) * termW[f]!);
    }
    block.emit(opts.maxTerms, termScale, opts.renormalize, classic, rowFeature, rowWeight);
    if (hasEntities) {
      block.clear();
      for (let i = entStart[d]!; i < entStart[d + 1]!; i++) {
        const f = entFeature[i]!;
        const tf = opts.entityTf === 'binary' ? 1 : 1 + Math.log(entCount[i]!);
        block.add(f, tf * entityW[f]!);
      }
      block.emit(opts.maxEntities, entityScale, opts.renormalize, classic, rowFeature, rowWeight);
    }
    rowStart[d + 1] = rowFeature.length;
  }
  yield;
  return toIndex(
    stories,
    rowStart,
    rowFeature.view(),
    rowWeight.view(),
    features,
    terms.vocab.labels(),
    plainIdf,
    opts,
    dupGroup,
  );
}

/**
 * The index's features: each story's new term features, then its entities' (`@<id>`), story by
 * story, as one vocabulary counting both would number them (entities used to be tallied right
 * after each story's terms). `termFeature` maps a counted term feature to its index here.
 */
function* withEntities(
  terms: TermCounts,
  stories: Story[],
  entityIdsByStory: Map<string, string[]> | undefined,
): Generator<
  void,
  {
    features: string[];
    termFeature: Int32Array;
    entStart: Uint32Array;
    entFeature: Int32Array;
    entCount: Float64Array;
  }
> {
  const n = stories.length;
  const termNames = terms.vocab.features;
  const featureEnd = terms.featureEnd.view();
  const features: string[] = [];
  const termFeature = new Int32Array(termNames.length);
  const entityIds = new Map<string, number>();
  const entStart = new Uint32Array(n + 1);
  const entFeature = new TypedList((k) => new Int32Array(k), 16 * n);
  const entCount = new TypedList((k) => new Float64Array(k), 16 * n);
  const tally = new Tally();
  let t = 0;
  for (let d = 0; d < n; d++) {
    if (d % (4 * STEP_STORIES) === 0) yield;
    for (const end = featureEnd[d]!; t < end; t++) {
      termFeature[t] = features.length;
      features.push(termNames[t]!);
    }
    for (const id of entityIdsByStory?.get(stories[d]!.id) ?? []) {
      const name = ENTITY_PREFIX + id;
      let f = entityIds.get(name);
      if (f === undefined) {
        f = features.length;
        features.push(name);
        entityIds.set(name, f);
      }
      tally.add(f, 1);
    }
    tally.flush(entFeature, entCount);
    entStart[d + 1] = entFeature.length;
  }
  return {
    features,
    termFeature,
    entStart,
    entFeature: entFeature.view(),
    entCount: entCount.view(),
  };
}
