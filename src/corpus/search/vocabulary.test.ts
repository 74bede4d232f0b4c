import { describe, expect, it } from 'vitest';
import { seeds } from '../../../scripts/lib/search-corpora';
import { buildSearchIndex } from './search-index';
import { textVocabulary } from './term-expansion';
import {
  createVocabulary,
  exactId,
  prefixMatches,
  typoMatches,
  vocabularyFromOrder,
  warmVocabularySteps,
} from './vocabulary';

const index = buildSearchIndex(seeds().stories);
const fresh = () => createVocabulary(index.terms, () => 1);
const TYPOS = ['missles', 'balistic', 'pyongyan', 'goverment', 'ukrane', 'satelite'];

describe('bigram lists built in steps', () => {
  it('match the lists built at once, typo for typo', () => {
    const atOnce = textVocabulary(index);
    const stepped = createVocabulary(index.terms, atOnce.freq);
    let steps = 0;
    for (const step = warmVocabularySteps(stepped, 100); !step.next().done;) steps++;
    expect(steps).toBeGreaterThan(3);
    expect(stepped.grams).not.toBeNull();
    for (const t of TYPOS) expect(typoMatches(stepped, t, 2)).toEqual(typoMatches(atOnce, t, 2));
  });

  it('a typo lookup half-way finishes the build, and the steps then stop', () => {
    const v = fresh();
    const steps = warmVocabularySteps(v, 100);
    steps.next();
    steps.next();
    expect(v.grams).toBeNull();
    const mid = typoMatches(v, 'missles', 2);
    expect(v.grams).not.toBeNull();
    expect(mid).toEqual(typoMatches(fresh(), 'missles', 2));
    expect(mid.length).toBeGreaterThan(0);
    expect(steps.next().done).toBe(true);
  });
});

describe('a vocabulary from a stored order', () => {
  it('is the sorted vocabulary, prefix for prefix, without sorting again', () => {
    const sortedOnce = fresh();
    const restored = vocabularyFromOrder(index.terms, () => 1, sortedOnce.sortedIds.slice());
    expect(restored?.sorted).toEqual(sortedOnce.sorted);
    for (const p of ['mis', 'kim', 'sat', 'u'])
      expect(prefixMatches(restored!, p, 50)).toEqual(prefixMatches(sortedOnce, p, 50));
  });

  it('is refused when the order does not fit the terms', () => {
    const order = fresh().sortedIds;
    const swapped = order.slice();
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    const repeated = order.slice();
    repeated[1] = repeated[0]!;
    const outside = order.slice();
    outside[0] = index.terms.length;
    expect(vocabularyFromOrder(index.terms, () => 1, swapped)).toBeUndefined();
    expect(vocabularyFromOrder(index.terms, () => 1, repeated)).toBeUndefined();
    expect(vocabularyFromOrder(index.terms, () => 1, outside)).toBeUndefined();
    expect(vocabularyFromOrder(index.terms, () => 1, order.subarray(1))).toBeUndefined();
    expect(vocabularyFromOrder([...index.terms, 'zzz'], () => 1, order)).toBeUndefined();
  });
});

describe('exact lookup', () => {
  it('finds every term’s own id, and nothing for a word the corpus lacks', () => {
    const v = textVocabulary(index);
    index.terms.forEach((t, id) => expect(exactId(v, t)).toBe(id));
    for (const w of ['', 'zzzzzz', 'missil', 'a'.repeat(40)])
      expect(exactId(v, w)).toBe(index.terms.indexOf(w) >= 0 ? index.terms.indexOf(w) : undefined);
  });
});
