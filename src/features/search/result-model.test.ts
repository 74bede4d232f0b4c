import { describe, expect, it } from 'vitest';
import type { SearchResults, StoryHit } from '../../corpus/search/types';
import { buildGroups, leadToHit } from './result-model';

const hit = (id: string, paragraphs: number[], best = paragraphs[0]): StoryHit => ({
  storyId: id,
  title: `Story ${id}`,
  section: null,
  kind: 'main',
  score: 1,
  matched: 1,
  missing: [],
  titleHighlights: [],
  snippet: best ? { paragraph: best, text: 'x', highlights: [] } : null,
  paragraphs: paragraphs.map((p) => ({ paragraph: p, text: `p${p}`, highlights: [] })),
  duplicates: [],
});

const results = (stories: StoryHit[], entities = 0): SearchResults => ({
  query: {
    raw: 'kim jong',
    terms: ['kim', 'jong'],
    prefix: true,
    phrases: [],
    excludes: [],
    filters: [],
    truncated: false,
  },
  stories,
  entities: Array.from({ length: entities }, (_, i) => ({
    id: `e${i}`,
    name: `Name ${i}`,
    type: 'person',
    storyCount: 1,
    score: 1,
    highlights: [],
  })),
  total: stories.length + 10,
  partial: false,
  expandedTerms: [],
  notes: [],
});

const opts = {
  topStories: 2,
  maxStories: 3,
  paragraphs: 2,
  restParagraphs: 0,
  maxNames: 3,
  seeAll: true,
};

describe('buildGroups', () => {
  it('puts names after the top stories, then the rest, then "see all"', () => {
    const groups = buildGroups(
      results([hit('a', [3, 5, 7, 9]), hit('b', []), hit('c', [1, 2]), hit('d', [1])], 2),
      () => null,
      opts,
    );
    expect(groups.map((g) => g.key)).toEqual(['top', 'entities', 'rest', 'all']);
    expect(groups[0]!.items.map((i) => i.key)).toEqual(['s:a', 'p:a#5', 'p:a#7', 's:b']);
    // Stories after the names get no sub-results here; "see all" counts every match.
    expect(groups[2]!.items.map((i) => i.key)).toEqual(['s:c']);
    expect(groups[3]!.items[0]).toMatchObject({ total: 14, href: '/search?q=kim%20jong' });
  });

  it('shows at most maxNames names, right after the best story in the palette', () => {
    const stories = [hit('a', [3, 5]), hit('b', []), hit('c', [])];
    const groups = buildGroups(results(stories, 5), () => null, { ...opts, topStories: 1 });
    expect(groups.map((g) => g.key)).toEqual(['top', 'entities', 'rest', 'all']);
    expect(groups[0]!.items.map((i) => i.key)).toEqual(['s:a', 'p:a#5']);
    expect(groups[1]!.items.map((i) => i.key)).toEqual(['e:e0', 'e:e1', 'e:e2']);
    expect(groups[1]!.items[0]!.href).toBe('/entity/e0');
  });

  it('keeps the stories in one group while there are no names (yet)', () => {
    const groups = buildGroups(results([hit('a', [3]), hit('b', [])]), () => null, {
      ...opts,
      topStories: 1,
    });
    expect(groups.map((g) => g.key)).toEqual(['top', 'all']);
    expect(groups[0]!.items.map((i) => i.key)).toEqual(['s:a', 's:b']);
  });

  it('says when the count of "See all" is a lower bound (a chunk answer while typing)', () => {
    const r = results([hit('a', [3])]);
    const all = (x: SearchResults) => buildGroups(x, () => null, opts).find((g) => g.key === 'all');
    expect(all(r)!.items[0]).toMatchObject({ kind: 'all', atLeast: false });
    expect(all({ ...r, total: 86_724, totalAtLeast: true })!.items[0]).toMatchObject({
      kind: 'all',
      total: 86_724,
      atLeast: true,
    });
  });

  it('links stories at their best paragraph and sub-results at theirs, with the query', () => {
    const [top] = buildGroups(results([hit('a/b c', [3, 5])]), () => 'KICKER', opts);
    expect(top!.items[0]).toMatchObject({
      href: '/story/a/b%20c?q=kim%20jong#p3',
      kicker: 'KICKER',
    });
    expect(top!.items[1]!.href).toBe('/story/a/b%20c?q=kim%20jong#p5');
    const [noSnippet] = buildGroups(results([hit('t', [], undefined)]), () => null, opts);
    expect(noSnippet!.items[0]!.href).toBe('/story/t?q=kim%20jong');
  });
});

describe('copies', () => {
  it('lists a story’s copies by file id (and title when it differs), linked with the query', () => {
    const a = {
      ...hit('a', [3]),
      duplicates: [
        { storyId: 'wire/a', title: 'Story a' },
        { storyId: 'wire/b', title: 'Another headline' },
      ],
    };
    const [top] = buildGroups(results([a]), () => null, opts);
    expect(top!.items[0]).toMatchObject({
      copies: [
        { storyId: 'wire/a', label: 'wire/a', href: '/story/wire/a?q=kim%20jong' },
        { label: 'Another headline (wire/b)', href: '/story/wire/b?q=kim%20jong' },
      ],
    });
  });
});

describe('leadToHit', () => {
  it('cuts at a word boundary before the first hit and shifts the ranges', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    const at = text.indexOf('eleven');
    const out = leadToHit({ paragraph: 1, text, highlights: [[at, at + 6]] }, 10);
    expect(out.text.startsWith('…')).toBe(true);
    const [[a, b]] = out.highlights as [[number, number]];
    expect(out.text.slice(a, b)).toBe('eleven');
    expect(a).toBeLessThanOrEqual(11);
  });

  it('leaves a snippet whose hit is near the start alone', () => {
    const s = { paragraph: 1, text: 'hit here', highlights: [[0, 3]] as [number, number][] };
    expect(leadToHit(s, 10)).toBe(s);
  });
});
