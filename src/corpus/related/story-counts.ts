import { ByteReader, ByteWriter } from '../search/chunks/bytes';
import type { Story } from '../types';
import { BINS } from './duplicates';
import type { RelatedOptions } from './related-options';
import type { TermCounts } from './term-counts';

/**
 * One file's share of the related index's counting pass (`TermCounts`) as bytes, for the build's
 * per-file cache (vite/related-counts.ts): what counting makes of a file's stories depends on
 * their text alone once features are named rather than numbered, since ids follow first
 * appearance in the whole folder. A record read back is replayed into the folder's counts with
 * the ids the file would have got had it been counted there, so the index is the same.
 *
 * Why the replay gives the same ids: counting a story creates its new unigram features as its
 * tokens first appear (in `Vocabulary.tokenize`), then its new bigrams as they are first tallied.
 * A record lists, story by story, the features that are new within the file, in that order; a
 * feature new to the folder is new to the file, so naming the story's list in order
 * (`Vocabulary.feature`) creates exactly the folder's new features, in the same order. The
 * story's counts then follow, in the order first tallied, as `count` appends them.
 *
 * Layout (unsigned varints unless said): the stories; per story, how many feature names it adds,
 * its pairs (local feature, count), its length, its exact-duplicate key (a string) and a byte
 * saying whether its MinHash signature (BINS varints) follows; last, the feature names in the
 * file's order of creation, one UTF-8 string joined by '\n' (no token holds one).
 */

/**
 * Whether a record can stand for the counting under these options: counts and lengths must be
 * whole (the title's weight is), and without stems (`labels` reads every token's count, which a
 * record does not keep).
 */
export function recordable(options: RelatedOptions): boolean {
  return !options.stem && Number.isInteger(options.titleBoost) && options.titleBoost >= 0;
}

/**
 * Files' counts made into records and replayed, into one folder's `TermCounts`, with scratch
 * space kept from file to file (a Map per file and an allocation per story cost a build of
 * 100,000 files seconds).
 */
export class StoryCounts {
  /** The file's local id of each folder feature marked with the file's `mark`. */
  private localOf = new Int32Array(1024);
  private markOf = new Uint32Array(1024);
  private mark = 0;
  private readonly names: string[] = [];
  private readonly writer = new ByteWriter();
  // A record read, story by story: names added, where its pairs end, its pairs, length, key, sig.
  private added: number[] = [];
  private pairEnd: number[] = [];
  private local = new Uint32Array(1024);
  private tf = new Float64Array(1024);
  private lens: number[] = [];
  private keys: string[] = [];
  private sigs: (Uint32Array | null)[] = [];
  private ids = new Int32Array(1024);

  constructor(readonly counts: TermCounts) {
    if (!recordable(counts.options)) throw new Error('these options cannot be recorded');
  }

  /** Counts a file's stories into the counts and returns their record. */
  count(stories: readonly Story[]): Uint8Array {
    const { counts, names } = this;
    const { vocab, tokens } = counts;
    const w = this.writer;
    w.reset();
    names.length = 0;
    this.mark++;
    w.uint(stories.length);
    for (const story of stories) {
      const d = counts.size;
      counts.count(story);
      const before = names.length;
      // The unigrams in the order their tokens first appear, then the bigrams, first tallied
      // first: the order in which a vocabulary new to this file would have created them.
      for (const t of tokens) {
        const f = vocab.tokenFeature[t]!;
        if (f >= 0) this.name(f);
      }
      const start = counts.pairStart.view()[d]!;
      const end = counts.pairFeature.length;
      const features = counts.pairFeature.view();
      const tf = counts.pairCount.view();
      for (let i = start; i < end; i++) this.name(features[i]!);
      w.uint(names.length - before);
      w.uint(end - start);
      for (let i = start; i < end; i++) {
        w.uint(this.localOf[features[i]!]!);
        w.uint(tf[i]!);
      }
      w.uint(counts.lens.view()[d]!);
      w.string(counts.exactKeys[d]!);
      const sig = counts.sigs[d];
      w.byte(sig ? 1 : 0);
      if (sig) for (const v of sig) w.uint(v);
    }
    if (names.some((name) => name.includes('\n'))) return new Uint8Array(0);
    w.string(names.join('\n'));
    return w.finish();
  }

  /**
   * Appends a file's `stories` stories to the counts from its record, as `count` would have
   * counted them. False, with the counts untouched, when the record is not one of that many
   * stories (cut short, another format): the caller counts the file then.
   */
  replay(record: Uint8Array, stories: number): boolean {
    let names: string[] | null;
    try {
      names = this.read(record, stories);
    } catch {
      return false;
    }
    if (!names) return false;
    const { counts, local, tf } = this;
    if (this.ids.length < names.length) this.ids = new Int32Array(2 * names.length);
    const ids = this.ids;
    let k = 0;
    let i = 0;
    for (let d = 0; d < stories; d++) {
      for (const end = k + this.added[d]!; k < end; k++) ids[k] = counts.vocab.feature(names[k]!);
      for (const end = this.pairEnd[d]!; i < end; i++) counts.addPair(ids[local[i]!]!, tf[i]!);
      counts.endStory(this.lens[d]!, this.keys[d]!, this.sigs[d] ?? null);
    }
    return true;
  }

  private name(f: number): void {
    if (f >= this.markOf.length) {
      const size = Math.max(f + 1, 2 * this.markOf.length);
      this.markOf = grow(this.markOf, new Uint32Array(size));
      this.localOf = grow(this.localOf, new Int32Array(size));
    }
    if (this.markOf[f] === this.mark) return;
    this.markOf[f] = this.mark;
    this.localOf[f] = this.names.length;
    this.names.push(this.counts.vocab.features[f]!);
  }

  /** Reads and checks a record whole, before anything is appended: its names, or null. */
  private read(record: Uint8Array, stories: number): string[] | null {
    const r = new ByteReader(record);
    if (r.uint() !== stories) return null;
    this.added.length = 0;
    this.pairEnd.length = 0;
    this.lens.length = 0;
    this.keys.length = 0;
    this.sigs.length = 0;
    let named = 0;
    let pairs = 0;
    for (let d = 0; d < stories; d++) {
      const added = r.uint();
      named += added;
      const n = r.count(2);
      if (this.local.length < pairs + n) {
        this.local = grow(this.local, new Uint32Array(2 * (pairs + n)));
        this.tf = grow(this.tf, new Float64Array(2 * (pairs + n)));
      }
      for (let i = pairs; i < pairs + n; i++) {
        const f = r.uint();
        if (f >= named) return null;
        this.local[i] = f;
        this.tf[i] = r.uint();
      }
      pairs += n;
      this.added.push(added);
      this.pairEnd.push(pairs);
      this.lens.push(r.uint());
      this.keys.push(r.string());
      const signed = r.byte();
      if (signed > 1) return null;
      let sig: Uint32Array | null = null;
      if (signed === 1) {
        sig = new Uint32Array(BINS);
        for (let b = 0; b < BINS; b++) sig[b] = r.uint();
      }
      this.sigs.push(sig);
    }
    const joined = r.string();
    const names = joined === '' ? [] : joined.split('\n');
    return named === names.length && r.done ? names : null;
  }
}

function grow<T extends Uint32Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
