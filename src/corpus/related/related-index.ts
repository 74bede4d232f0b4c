import type { Story } from '../types';
import { findDuplicateGroups, hashString, minhashSignature } from './duplicates';
import { Vocabulary } from './features';
import { runSteps } from '../run-steps';
import { DEFAULT_RELATED_OPTIONS, ENTITY_PREFIX, type RelatedOptions } from './related-options';
import { Block, toIndex } from './related-rows';
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
 */
export function* relatedIndexSteps(
  stories: Story[],
  entityIdsByStory?: Map<string, string[]>,
  options: Partial<RelatedOptions> = {},
): Generator<void, RelatedIndex, void> {
  const opts: RelatedOptions = { ...DEFAULT_RELATED_OPTIONS, ...options };
  const n = stories.length;
  const vocab = new Vocabulary(opts, hashString);
  const exactKeys: string[] = [];
  const sigs: (Uint32Array | null)[] = [];
  // Per-story feature counts, flat: story d's are [tfStart[d], tfStart[d + 1]); its entity
  // counts follow its terms from entStart[d].
  const tfStart = new Uint32Array(n + 1);
  const entStart = new Uint32Array(n);
  const tfFeature = new TypedList((k) => new Int32Array(k), 128 * n);
  const tfCount = new TypedList((k) => new Float64Array(k), 128 * n);
  const lens = new Float64Array(n);
  let counts = new Float64Array(1024);
  const seen: number[] = [];
  const tally = (f: number, times: number): void => {
    if (f >= counts.length) {
      const grown = new Float64Array(Math.max(f + 1, counts.length * 2));
      grown.set(counts);
      counts = grown;
    }
    if (counts[f] === 0) seen.push(f);
    counts[f] = counts[f]! + times;
  };
  const flush = (): void => {
    for (const f of seen) {
      tfFeature.push(f);
      tfCount.push(counts[f]!);
      counts[f] = 0;
    }
    seen.length = 0;
  };
  const toks: number[] = [];
  const blockEnd: number[] = [];
  const { tokenFeature, tokenHash } = vocab;
  for (let d = 0; d < n; d++) {
    if (d % STEP_STORIES === STEP_STORIES - 1) yield;
    const story = stories[d]!;
    toks.length = 0;
    blockEnd.length = 0;
    // A derived title repeats the lede: boosting it would count the lede twice.
    if (!story.titleDerived) {
      vocab.tokenize(story.title, toks);
      blockEnd.push(toks.length);
    }
    if (story.kicker) {
      vocab.tokenize(story.kicker, toks);
      blockEnd.push(toks.length);
    }
    const titleEnd = toks.length;
    for (const p of story.paragraphs) {
      vocab.tokenize(p, toks);
      blockEnd.push(toks.length);
    }
    exactKeys.push(exactKey(toks, vocab.tokens));
    // Shingles over the body: a copy re-headlined is still a copy. Very short texts use all.
    const from = toks.length - titleEnd >= 8 ? titleEnd : 0;
    const hashes = new Uint32Array(toks.length - from);
    for (let i = from; i < toks.length; i++) hashes[i - from] = tokenHash[toks[i]!]!;
    sigs.push(minhashSignature(hashes));
    let len = 0;
    let b = 0;
    let prev = -1;
    for (let i = 0; i < toks.length; i++) {
      if (i === blockEnd[b]) {
        b++;
        prev = -1; // bigrams never span two blocks
      }
      const f = tokenFeature[toks[i]!]!;
      if (f < 0) {
        prev = -1;
        continue;
      }
      const times = i < titleEnd ? opts.titleBoost : 1;
      tally(f, times);
      len += times;
      // Bigrams only over adjacent content words ("north korea", "interest rates").
      if (vocab.bigrams && prev >= 0) tally(vocab.bigram(prev, f), times);
      prev = f;
    }
    lens[d] = len;
    flush();
    entStart[d] = tfFeature.length;
    for (const id of entityIdsByStory?.get(story.id) ?? []) {
      tally(vocab.feature(ENTITY_PREFIX + id), 1);
    }
    flush();
    tfStart[d + 1] = tfFeature.length;
  }
  yield;
  const dupGroup = findDuplicateGroups(exactKeys, sigs);
  yield;
  const nf = vocab.features.length;
  const df = new Float64Array(nf);
  const tfF = tfFeature.view();
  const tfC = tfCount.view();
  for (const f of tfF) df[f]!++;
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
  const rowFeature = new TypedList((k) => new Int32Array(k), tfF.length);
  // The index stores weights as 32-bit floats: rounded here, once, as toIndex did.
  const rowWeight = new TypedList((k) => new Float32Array(k), tfF.length);
  const block = new Block(vocab.features);
  for (let d = 0; d < n; d++) {
    if (d % (4 * STEP_STORIES) === 0) yield;
    block.clear();
    for (let i = tfStart[d]!; i < entStart[d]!; i++) {
      const f = tfF[i]!;
      block.add(f, tfw(tfC[i]!, lens[d]!) * termW[f]!);
    }
    block.emit(opts.maxTerms, termScale, opts.renormalize, classic, rowFeature, rowWeight);
    if (hasEntities) {
      block.clear();
      for (let i = entStart[d]!; i < tfStart[d + 1]!; i++) {
        const f = tfF[i]!;
        const tf = opts.entityTf === 'binary' ? 1 : 1 + Math.log(tfC[i]!);
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
    vocab,
    plainIdf,
    opts,
    dupGroup,
  );
}

/**
 * 64 bits of hash of a folded token sequence (and its length): the exact-duplicate key. Made from
 * the tokens' text, not their ids: ids follow first appearance in the folder, so a key made from
 * them would depend on the files before the story's, and a file's counts could not be cached on
 * their own. Duplicate groups only ask whether two keys are equal (`findDuplicateGroups`), so a
 * key over the text groups what the key over ids did.
 */
function exactKey(toks: readonly number[], tokens: readonly string[]): string {
  if (toks.length === 0) return '';
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (const t of toks) {
    const s = tokens[t]!;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    // Past every UTF-16 code unit: "ab c" and "a bc" differ.
    h1 = Math.imul(h1 ^ 0x10000, 0x01000193);
    h2 = Math.imul(h2 ^ 0x10000, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return `${h1 >>> 0}.${h2 >>> 0}.${toks.length}`;
}
