import { describe, expect, it } from 'vitest';
import { seeds } from '../../../scripts/lib/search-corpora';
import { setEntities } from './entities';
import { search } from './search';
import {
  addStories,
  buildSearchIndex,
  createSearchIndex,
  indexFromJSON,
  indexToJSON,
} from './search-index';
import { expandTerm, prefixCap, textVocabulary } from './term-expansion';
import { prefixMatches } from './vocabulary';

const stories = seeds().stories;
const summary = (r: ReturnType<typeof search>) =>
  r.stories.map((s) => [s.storyId, s.score.toFixed(6)]);

describe('search index', () => {
  it('is plain data: JSON and structuredClone round trips search alike', () => {
    const index = buildSearchIndex(stories);
    setEntities(index, [
      {
        id: 'person/putin',
        name: 'Vladimir Putin',
        type: 'person',
        aliases: ['Putin'],
        storyIds: [stories[0]!.id],
      },
    ]);
    const fromJson = indexFromJSON(indexToJSON(index));
    const cloned = structuredClone(index);
    for (const q of [
      'putin',
      'balistic missles',
      '"north korean" -kirby',
      'person:putin',
      '卓榮泰',
    ]) {
      expect(summary(search(fromJson, q))).toEqual(summary(search(index, q)));
      expect(summary(search(cloned, q))).toEqual(summary(search(index, q)));
    }
    expect(() => indexFromJSON('{"version":2}')).toThrow();
  });

  it('grows incrementally to the same index as one build', () => {
    const index = createSearchIndex();
    addStories(index, stories.slice(0, 5));
    expect(search(index, 'takaichi').total).toBe(0);
    addStories(index, stories.slice(5));
    addStories(index, stories.slice(0, 3)); // already indexed: skipped
    expect(indexToJSON(index)).toBe(indexToJSON(buildSearchIndex(stories)));
    expect(search(index, 'takaichi').stories[0]?.storyId).toBe('003_94fd4063dbc03a91~4');
  });

  it('keeps its caches when only text comes back (a cached index meeting its files)', () => {
    const index = buildSearchIndex(stories);
    const cached = structuredClone(index);
    for (const d of cached.docs) d.paragraphs = [];
    const vocabulary = textVocabulary(cached);
    expect(search(cached, 'takaichi').stories[0]?.snippet).toBeNull();
    addStories(cached, stories);
    expect(textVocabulary(cached)).toBe(vocabulary);
    expect(search(cached, 'takaichi').stories[0]?.snippet?.text).toMatch(/Takaichi/u);
    addStories(cached, [{ ...stories[0]!, id: 'new-story' }]);
    expect(textVocabulary(cached)).not.toBe(vocabulary);
  });

  it('caps the expansions of a short word being typed, preferring frequent terms', () => {
    const index = buildSearchIndex(stories);
    const v = textVocabulary(index);
    const t = prefixMatches(v, 't', prefixCap(1));
    expect(t.length).toBe(prefixCap(1));
    expect(t.map((id) => index.terms[id])).toContain('to');
    const exps = expandTerm(index, 'th', true);
    expect(exps.length).toBeLessThanOrEqual(prefixCap(2) + 1);
    expect(exps.map((e) => e.term)).toContain('the');
  });
});
