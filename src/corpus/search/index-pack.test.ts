import { describe, expect, it } from 'vitest';
import { seeds } from '../../../scripts/lib/search-corpora';
import { setEntities } from './entities';
import {
  compactIndex,
  packEntities,
  packIndex,
  unpackEntities,
  unpackIndex,
  type PackedIndex,
} from './index-pack';
import { search } from './search';
import {
  addStories,
  bodyPostings,
  buildSearchIndex,
  docFrequency,
  indexToJSON,
  titleDocs,
  titleFrequency,
} from './search-index';

const stories = seeds().stories;
const QUERIES = [
  'putin',
  'pyongya',
  'balistic missles',
  '"north korean" -kirby',
  '"state media"',
  'person:putin',
  '卓榮泰',
  'k',
];
const full = (r: ReturnType<typeof search>) =>
  JSON.stringify([r.total, r.partial, r.expandedTerms, r.stories, r.entities]);

describe('packed search index (the IndexedDB form)', () => {
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

  // Results carry paragraph sub-results, so this also covers the token-sequence paths.
  it('answers every query exactly as the index it was packed from, after a structured clone', () => {
    const packed = structuredClone(packIndex(index));
    expect(packed.ints).toBeInstanceOf(Uint16Array); // the seeds have few terms
    const back = unpackIndex(packed)!;
    expect(back.docs[0]!.bodyTokens).toBeInstanceOf(Uint16Array);
    for (const q of QUERIES) expect(full(search(back, q))).toBe(full(search(index, q)));
  });

  it('grows again when a story it lacks arrives (views are copied before appending)', () => {
    const part = buildSearchIndex(stories.slice(0, 4));
    const back = unpackIndex(packIndex(part))!;
    addStories(back, stories);
    expect(indexToJSON(normalise(back))).toBe(indexToJSON(buildSearchIndex(stories)));
  });

  it('compacts a built index in place of it: same answers, postings in one typed array', () => {
    const compact = compactIndex(index);
    expect(compact).not.toBe(index);
    expect(compactIndex(compact)).toBe(compact); // already packed: not copied again
    expect(compact.terms).toBe(index.terms);
    expect(compact.postings).toHaveLength(0);
    expect(compact.packed!.bodyStart).toHaveLength(index.terms.length + 1);
    for (let t = 0; t < index.terms.length; t++) {
      expect(Array.from(bodyPostings(compact, t))).toEqual(index.postings[t]);
      expect(Array.from(titleDocs(compact, t))).toEqual(index.titlePostings[t]);
      expect(docFrequency(compact, t)).toBe(docFrequency(index, t));
      expect(titleFrequency(compact, t)).toBe(titleFrequency(index, t));
    }
    expect(bodyPostings(compact, -1)).toHaveLength(0);
    expect(titleFrequency(compact, index.terms.length)).toBe(0);
    for (const q of QUERIES) expect(full(search(compact, q))).toBe(full(search(index, q)));
    const grown = compactIndex(buildSearchIndex(stories.slice(0, 4)));
    addStories(grown, stories);
    expect(indexToJSON(normalise(grown))).toBe(indexToJSON(buildSearchIndex(stories)));
  });

  it('switches to 32 bits when a value does not fit 16', () => {
    const big = buildSearchIndex(stories);
    // A story of 70,000 tokens: its last paragraph starts past 65,535.
    const long = { ...stories[0]!, id: 'long', paragraphs: [...Array(70_001)].map(() => 'word') };
    addStories(big, [long]);
    const packed = packIndex(big);
    expect(packed.ints).toBeInstanceOf(Uint32Array);
    const back = unpackIndex(structuredClone(packed))!;
    for (const q of QUERIES) expect(full(search(back, q))).toBe(full(search(big, q)));
  });

  it('rejects data that is not a consistent packed index', () => {
    const packed = packIndex(index);
    expect(unpackIndex({ ...packed, termCount: packed.termCount + 1 })).toBeUndefined();
    expect(unpackIndex({ ...packed, ints: packed.ints.subarray(1) })).toBeUndefined();
    expect(unpackIndex({ ...packed, version: 2 } as unknown as PackedIndex)).toBeUndefined();
    expect(unpackIndex({ ...packed, ints: [] } as unknown as PackedIndex)).toBeUndefined();
  });
});

/** The unpacked docs keep typed-array token lists; compare them as plain arrays. */
function normalise(i: ReturnType<typeof buildSearchIndex>) {
  return {
    ...i,
    docs: i.docs.map((d) => ({
      ...d,
      titleTokens: Array.from(d.titleTokens),
      bodyTokens: Array.from(d.bodyTokens),
      paraStarts: Array.from(d.paraStarts),
    })),
  };
}

describe('an index cached without its text', () => {
  it('answers at once without snippets, then with them once the stories arrive', () => {
    const index = buildSearchIndex(stories);
    const packed = packIndex(index);
    packed.docs = packed.docs.map((d) => ({ ...d, paragraphs: [] }));
    const back = unpackIndex(structuredClone(packed))!;
    const early = search(back, 'putin');
    expect(early.stories.map((s) => s.storyId)).toEqual(
      search(index, 'putin').stories.map((s) => s.storyId),
    );
    expect(early.stories.every((s) => s.snippet === null && s.paragraphs.length === 0)).toBe(true);
    addStories(back, stories); // the parsed files arrive: known ids, text filled in
    for (const q of QUERIES) expect(full(search(back, q))).toBe(full(search(index, q)));
  });
});

describe('packed entities (the cache keeps them apart, as one string)', () => {
  const index = buildSearchIndex(stories);
  setEntities(index, [
    {
      id: 'person/putin',
      name: 'Vladimir Putin',
      type: 'person',
      aliases: ['Putin', 'Путин'],
      storyIds: [stories[0]!.id, stories[2]!.id],
    },
    // A story the index has no doc for keeps its id as written.
    { id: 'place/nowhere', name: 'Nowhere\n"x"', type: 'place', aliases: [], storyIds: ['gone/1'] },
  ]);

  it('come back as the same entities, through a structured clone', () => {
    const packed = structuredClone(packEntities(index));
    expect(unpackEntities(index.docs, packed)).toEqual(index.entities);
  });

  it('refuse what is not theirs', () => {
    for (const bad of [
      '',
      'null',
      '{}',
      '[[1]]',
      '[["a","b","alien",[],[]]]',
      '[["a","b","place",[],[99999]]]',
    ])
      expect(unpackEntities(index.docs, bad)).toBeUndefined();
  });
});
