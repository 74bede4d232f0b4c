import { typoAllowance } from '../edit-distance';
import { expandInVocabulary, prefixCap, RARE, type Expansion } from '../term-expansion';
import { createVocabulary, isFuzzable, prefixMatches, type Vocabulary } from '../vocabulary';
import { ChunkStore, type ChunkLoader } from './chunk-store';
import { decodeFragments, type Fragment } from './fragments';
import {
  chunksFor,
  decodeDirectoryPage,
  decodeMeta,
  fileNames,
  pagesFor,
  vocabChunksFor,
  type ChunkMeta,
} from './meta';
import { decodePositions, type TermPositions } from './positions';
import { decodePostings, decodeTails, type TailRef, type TermPostings } from './postings';
import { decodeTop, decodeVocab, firstChar, type VocabEntries } from './vocab';

/**
 * A term's postings gathered from its chunks (one part, or several for a split term). For a
 * common term read by `term`, only its head (tiers.ts): `tail` says where the rest is and what
 * it can weigh; `fullTerm` has every posting and `tail` null.
 */
export interface TermData {
  term: string;
  df: number;
  titleDf: number;
  parts: TermPostings[];
  tail: TailRef | null;
}

/** Postings directory pages prefetched at most (`prefetch`): 256 chunks each, ~1 KB gzip. */
const PREFETCH_PAGES = 8;

/** Bigger than a typical query's words: expansions are memoized across keystrokes. */
const MEMO_SIZE = 512;

/**
 * The chunked index as a query sees it: terms, their postings and positions, word expansions
 * and story fragments, each fetched on first need through a `ChunkStore`. Word expansion follows
 * the in-memory engine (`expandInVocabulary`: same completions, typo allowances, weights), over a
 * vocabulary of only the terms the word can reach: its prefix range while typed, its first
 * letter's terms for typos. A typo in the first letter is therefore not corrected here.
 */
export class ChunkIndex {
  readonly store: ChunkStore;
  private readonly memo = new Map<string, Promise<Expansion[]>>();
  private readonly vocabularies = new Map<string, Vocabulary>();

  constructor(load: ChunkLoader) {
    this.store = new ChunkStore(load);
  }

  meta(): Promise<ChunkMeta> {
    return this.store.get(fileNames.meta, decodeMeta);
  }

  private postingsChunk(i: number): Promise<TermPostings[]> {
    return this.store.get(fileNames.postings(i), decodePostings);
  }

  /** Indexes of the postings (or positions) chunks that may hold `term`, from the directory. */
  private async chunksOf(kind: 'postings' | 'positions', term: string): Promise<number[]> {
    const meta = await this.meta();
    const pages = kind === 'postings' ? meta.postingsPages : meta.positionsPages;
    const name = kind === 'postings' ? fileNames.postingsPage : fileNames.positionsPage;
    const { from, ranges } = await pagesFor(pages, term, (k) =>
      this.store.get(name(k), decodeDirectoryPage),
    );
    return chunksFor(ranges, term).map((i) => i + from);
  }

  /** The term's postings (a common term's head only), or null when the folder never uses it. */
  async term(term: string): Promise<TermData | null> {
    const chunks = await this.chunksOf('postings', term);
    const records = await Promise.all(chunks.map((i) => this.postingsChunk(i)));
    const parts = records.flat().filter((r) => r.term === term);
    if (parts.length === 0) return null;
    const first = parts[0]!;
    return { term, df: first.df, titleDf: first.titleDf, parts, tail: first.tail };
  }

  /** Every posting of the term: its head and, for a common term, its tail files. */
  async fullTerm(term: string): Promise<TermData | null> {
    const head = await this.term(term);
    if (!head?.tail) return head;
    const names: string[] = [];
    for (let i = head.tail.from; i < head.tail.to; i++) names.push(fileNames.tail(i));
    const lists = await Promise.all(names.map((n) => this.store.get(n, decodeTails)));
    const rest = lists.flat().filter((r) => r.term === term);
    return { ...head, parts: [...head.parts, ...rest], tail: null };
  }

  /** The term's token positions (for phrases), part by part; empty when absent. */
  async positions(term: string): Promise<TermPositions[]> {
    const chunks = await this.chunksOf('positions', term);
    const lists = await Promise.all(
      chunks.map((i) => this.store.get(fileNames.positions(i), decodePositions)),
    );
    return lists.flat().filter((r) => r.term === term);
  }

  async fragment(doc: number): Promise<Fragment | undefined> {
    const g = (await this.meta()).fragmentGroup;
    const list = await this.store.get(fileNames.fragments(Math.floor(doc / g)), decodeFragments);
    return list[doc % g];
  }

  /** The vocabulary terms a query word stands for (memoized per word and prefix state). */
  expand(word: string, isPrefix: boolean): Promise<Expansion[]> {
    const key = (isPrefix ? '>' : '=') + word;
    let p = this.memo.get(key);
    if (!p) {
      if (this.memo.size >= MEMO_SIZE) this.memo.clear();
      p = this.computeExpansions(word, isPrefix);
      this.memo.set(key, p);
      p.catch(() => this.memo.delete(key));
    }
    return p;
  }

  /**
   * Fetches `meta` and, when they are few (a folder of up to ~20,000 stories), the postings
   * directory pages: every query needs meta and a page for each of its words, so a first query
   * fetched after this waits for two round trips fewer. Failures are forgotten (ChunkStore).
   */
  async prefetch(maxPages = PREFETCH_PAGES): Promise<void> {
    const meta = await this.meta();
    if (meta.postingsPages.length > maxPages) return;
    await Promise.all(
      meta.postingsPages.map((_, k) =>
        this.store.get(fileNames.postingsPage(k), decodeDirectoryPage),
      ),
    );
  }

  private async computeExpansions(word: string, isPrefix: boolean): Promise<Expansion[]> {
    // The word being typed always reads its prefix's vocabulary: fetched beside its own postings
    // rather than after them (one round trip fewer for every keystroke's query).
    const rangeChunks =
      isPrefix && word.length > 2 ? vocabChunksFor(await this.meta(), word) : null;
    const range = rangeChunks ? this.vocabulary(rangeChunks) : null;
    range?.catch(() => undefined); // awaited below; a failure rejects there
    const own = await this.term(word);
    const ownFreq = own ? own.df + own.titleDf : 0;
    const typos = isFuzzable(word) && typoAllowance(word.length) > 0;
    // A plain word that is common enough, or cannot have typos, is itself and nothing else:
    // no vocabulary to fetch (the in-memory rules give the same answer).
    if (!isPrefix && (ownFreq >= RARE || !typos))
      return own ? [{ termId: 0, term: word, weight: 1, kind: 'exact' }] : [];
    const meta = await this.meta();
    let entries: VocabEntries;
    if (isPrefix && word.length <= 2) {
      // Under four letters there are no typos: the precomputed completions are all it needs.
      const c = firstChar(word);
      const top = meta.topChars.includes(c)
        ? (await this.store.get(fileNames.top(c), decodeTop)).get(word)
        : undefined;
      entries = { terms: [...(top?.terms ?? [])], freqs: [...(top?.freqs ?? [])] };
      if (own) {
        entries.terms.push(word);
        entries.freqs.push(ownFreq);
      }
    } else {
      let chunks = rangeChunks ?? [];
      if (isPrefix && typos) {
        const v = await range!;
        let seen = ownFreq;
        for (const id of prefixMatches(v, word, prefixCap(word.length))) seen += v.freq(id);
        if (seen < RARE) chunks = vocabChunksFor(meta, firstChar(word));
      } else if (!isPrefix) chunks = vocabChunksFor(meta, firstChar(word));
      return expandInVocabulary(await this.vocabulary(chunks), word, isPrefix);
    }
    return expandInVocabulary(vocabularyOf(entries), word, isPrefix);
  }

  /** The vocabulary of these chunks, built once (its typo bigrams too) and kept. */
  private async vocabulary(chunks: readonly number[]): Promise<Vocabulary> {
    const key = chunks.join(',');
    let v = this.vocabularies.get(key);
    if (!v) {
      const lists = await Promise.all(
        chunks.map((i) => this.store.get(fileNames.vocab(i), decodeVocab)),
      );
      v = vocabularyOf({
        terms: lists.flatMap((l) => l.terms),
        freqs: lists.flatMap((l) => l.freqs),
      });
      this.vocabularies.set(key, v);
    }
    return v;
  }
}

function vocabularyOf(e: VocabEntries): Vocabulary {
  return createVocabulary(e.terms, (id) => e.freqs[id] ?? 0);
}
