import type { Story } from '../types';
import { hashString, minhashSignature } from './duplicates';
import { Vocabulary } from './features';
import type { RelatedOptions } from './related-options';
import { TypedList } from './typed-list';

/**
 * The counting pass of the related index (`relatedIndexSteps`): each story's terms tokenized and
 * tallied (unigrams, bigrams when on), its exact-duplicate key, MinHash signature and length, in
 * folder order. Everything here follows from each story's text alone, except the ids: tokens and
 * features are numbered as they first appear in the folder. Entities are not counted here: they
 * come from the folder-wide entity table, and the index adds them story by story afterwards.
 *
 * The browser's worker counts every story (`count`); the build also takes a file's stories from
 * its per-file cache (story-counts.ts, `append`), which names the features, so that the ids come
 * out as if the file had been counted here.
 */
export class TermCounts {
  /** Tokens and the term features (no entities) of the folder so far. */
  readonly vocab: Vocabulary;
  /** Story d's features are [pairStart[d], pairStart[d + 1]) of `pairFeature`, `pairCount`,
   * in the order the story first tallied them. */
  readonly pairStart: TypedList<Uint32Array>;
  readonly pairFeature: TypedList<Int32Array>;
  readonly pairCount: TypedList<Float64Array>;
  /** Features in the vocabulary once story d was counted: its new features end there. */
  readonly featureEnd: TypedList<Uint32Array>;
  /** Each story's length: its counted unigrams, title words `titleBoost` times. */
  readonly lens: TypedList<Float64Array>;
  readonly exactKeys: string[] = [];
  readonly sigs: (Uint32Array | null)[] = [];
  /** The token ids of the story counted last (story-counts.ts reads them before the next). */
  readonly tokens: number[] = [];
  private readonly tally = new Tally();
  private readonly blockEnd: number[] = [];

  /** `capacity`: the stories expected (the flat lists start with room for ~128 features each). */
  constructor(
    readonly options: RelatedOptions,
    capacity = 1024,
  ) {
    this.vocab = new Vocabulary(options, hashString);
    this.pairStart = new TypedList((k) => new Uint32Array(k), capacity + 1);
    this.pairStart.push(0);
    this.pairFeature = new TypedList((k) => new Int32Array(k), 128 * capacity);
    this.pairCount = new TypedList((k) => new Float64Array(k), 128 * capacity);
    this.featureEnd = new TypedList((k) => new Uint32Array(k), capacity);
    this.lens = new TypedList((k) => new Float64Array(k), capacity);
  }

  /** Stories counted so far. */
  get size(): number {
    return this.featureEnd.length;
  }

  /** Counts the next story. */
  count(story: Story): void {
    const { vocab, tokens: toks, blockEnd, tally, options } = this;
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
    const { tokenFeature, tokenHash } = vocab;
    // Shingles over the body: a copy re-headlined is still a copy. Very short texts use all.
    const from = toks.length - titleEnd >= 8 ? titleEnd : 0;
    const hashes = new Uint32Array(toks.length - from);
    for (let i = from; i < toks.length; i++) hashes[i - from] = tokenHash[toks[i]!]!;
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
      const times = i < titleEnd ? options.titleBoost : 1;
      tally.add(f, times);
      len += times;
      // Bigrams only over adjacent content words ("north korea", "interest rates").
      if (vocab.bigrams && prev >= 0) tally.add(vocab.bigram(prev, f), times);
      prev = f;
    }
    tally.flush(this.pairFeature, this.pairCount);
    this.endStory(len, exactKey(toks, vocab.tokens), minhashSignature(hashes));
  }

  /**
   * One feature of the next story, counted elsewhere (a record, story-counts.ts): in this
   * vocabulary already, and given in the order the story first tallied them.
   */
  addPair(feature: number, count: number): void {
    this.pairFeature.push(feature);
    this.pairCount.push(count);
  }

  /** Ends the story whose pairs were added (`addPair`). */
  endStory(len: number, key: string, sig: Uint32Array | null): void {
    this.pairStart.push(this.pairFeature.length);
    this.featureEnd.push(this.vocab.features.length);
    this.lens.push(len);
    this.exactKeys.push(key);
    this.sigs.push(sig);
  }
}

/** One story's features and counts, summed as they are tallied, kept in the order first seen. */
export class Tally {
  private counts = new Float64Array(1024);
  private readonly seen: number[] = [];

  add(f: number, times: number): void {
    if (f >= this.counts.length) {
      const grown = new Float64Array(Math.max(f + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    if (this.counts[f] === 0) this.seen.push(f);
    this.counts[f] = this.counts[f]! + times;
  }

  /** Appends the features and their counts, first seen first, and starts again. */
  flush(features: TypedList<Int32Array>, counts: TypedList<Float64Array>): void {
    for (const f of this.seen) {
      features.push(f);
      counts.push(this.counts[f]!);
      this.counts[f] = 0;
    }
    this.seen.length = 0;
  }
}

/**
 * 64 bits of hash of a folded token sequence (and its length): the exact-duplicate key. Made from
 * the tokens' text, not their ids: ids follow first appearance in the folder, so a key made from
 * them would depend on the files before the story's, and a file's counts could not be cached on
 * their own (story-counts.ts). Duplicate groups only ask whether two keys are equal
 * (`findDuplicateGroups`), so a key over the text groups what the key over ids did.
 */
export function exactKey(toks: readonly number[], tokens: readonly string[]): string {
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
