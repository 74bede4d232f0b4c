import { describe, expect, it } from 'vitest';
import { seeds } from '../../../scripts/lib/search-corpora';
import { buildSearchIndex } from './search-index';
import { textVocabulary } from './term-expansion';
import { createVocabulary, typoMatches, warmVocabularySteps } from './vocabulary';

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
