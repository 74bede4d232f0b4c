import { docFrequency, onIndexChange, titleFrequency } from './search-index';
import { typoAllowance } from './edit-distance';
import {
  createVocabulary,
  exactId,
  prefixMatches,
  typoMatches,
  vocabularyFromOrder,
  type Vocabulary,
} from './vocabulary';
import type { SearchIndex } from './types';

/** One vocabulary term a query word stands for, and how much a match on it is worth. */
export interface Expansion {
  termId: number;
  term: string;
  /** 1 for the word itself; less for completions of a prefix; less again for typos. */
  weight: number;
  kind: 'exact' | 'prefix' | 'fuzzy';
}

const vocabularies = new WeakMap<SearchIndex, Vocabulary>();
/** Expansions per index and word: while typing, the words before the last repeat every keystroke. */
const memo = new WeakMap<Vocabulary, Map<string, Expansion[]>>();
const MEMO_SIZE = 512;
onIndexChange((index) => vocabularies.delete(index));

/** The index's vocabulary (sorted terms, bigrams), built on first use and after growth. */
export function textVocabulary(index: SearchIndex): Vocabulary {
  let v = vocabularies.get(index);
  if (!v || v.sorted.length !== index.terms.length) {
    v = createVocabulary(index.terms, textFrequency(index));
    vocabularies.set(index, v);
  }
  return v;
}

const textFrequency = (index: SearchIndex) => (id: number) =>
  docFrequency(index, id) + titleFrequency(index, id);

/** The vocabulary's sort order, to be cached with the index (see `restoreVocabulary`). */
export function vocabularyOrder(index: SearchIndex): Int32Array {
  return textVocabulary(index).sortedIds;
}

/**
 * Gives an index read back from a cache the vocabulary order stored with it, so its first search
 * does not sort the terms again. False (nothing changed) when the order does not fit its terms.
 */
export function restoreVocabulary(index: SearchIndex, order: Int32Array): boolean {
  const v = vocabularyFromOrder(index.terms, textFrequency(index), order);
  if (v) vocabularies.set(index, v);
  return v !== undefined;
}

/** How many completions a word being typed may expand into, by its length. */
export function prefixCap(length: number): number {
  if (length <= 1) return 4;
  if (length === 2) return 10;
  if (length === 3) return 15;
  return 50;
}

/** Below this many stories, a word (or its completions) is rare enough to also try typos. */
export const RARE = 2;

/**
 * The vocabulary terms one query word matches: itself, its completions when it is the word being
 * typed, and its typo neighbours when the word (with its completions) is absent or rare in the
 * corpus. Typos are skipped for common words so "form" does not also match "from".
 */
export function expandTerm(
  index: SearchIndex,
  term: string,
  isPrefix: boolean,
  v: Vocabulary = textVocabulary(index),
): Expansion[] {
  let cache = memo.get(v);
  if (!cache) memo.set(v, (cache = new Map()));
  const key = (isPrefix ? '>' : '=') + term;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = expandInVocabulary(v, term, isPrefix);
  if (cache.size >= MEMO_SIZE) cache.clear();
  cache.set(key, out);
  return out;
}

/**
 * `expandTerm` without the memo, over any vocabulary: the chunked index (chunks/) calls it with a
 * vocabulary of only the terms a word can reach (its prefix range, its first letter), so a word
 * expands there by the same rules as here.
 */
export function expandInVocabulary(v: Vocabulary, term: string, isPrefix: boolean): Expansion[] {
  const out: Expansion[] = [];
  const exact = exactId(v, term);
  let seen = 0;
  if (exact !== undefined) {
    out.push({ termId: exact, term, weight: 1, kind: 'exact' });
    seen += v.freq(exact);
  }
  if (isPrefix) {
    for (const id of prefixMatches(v, term, prefixCap(term.length))) {
      const full = v.terms[id]!;
      // A near-complete word is nearly as good as the word itself.
      const weight = 0.55 + 0.35 * (term.length / full.length);
      out.push({ termId: id, term: full, weight, kind: 'prefix' });
      seen += v.freq(id);
    }
  }
  if (seen < RARE) {
    // When the word is in the corpus, its typo neighbours rank well below it; when it is not,
    // the closest spelling is what the reader meant and should weigh nearly as much.
    const scale = seen > 0 ? 0.65 : 0.95;
    for (const m of typoMatches(v, term, typoAllowance(term.length))) {
      out.push({
        termId: m.id,
        term: v.terms[m.id]!,
        weight: scale * (1 - 0.12 * (m.distance - 1)),
        kind: 'fuzzy',
      });
    }
  }
  return out;
}
