import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compareTop,
  memoryChunkIndex,
  sameUpToNearTies,
} from '../../../../scripts/lib/chunk-compare';
import { bbc, hasBbc, seeds } from '../../../../scripts/lib/search-corpora';
import { parseText } from '../../parse-file';
import { boundedEditDistance, typoAllowance } from '../edit-distance';
import { search } from '../search';
import { buildSearchIndex } from '../search-index';
import { expandTerm } from '../term-expansion';
import type { SearchIndex } from '../types';
import { buildChunks, type BuiltChunks } from './build-chunks';
import { ChunkFormatError } from './bytes';
import { ChunkIndex } from './chunk-index';
import { chunkSearch } from './chunk-search';

// Words, typos, words being typed, phrases, exclusions, filters: each kind the engine answers.
const SEED_QUERIES = [
  'pyongyan',
  'balistic missles',
  'semiconducter tarif',
  'goverment budjet',
  'semicond',
  'k',
  'ta',
  'kim jong un promised full support',
  '"north korean troops"',
  '"ready to greet"',
  'putin -kirby',
  'missiles -"north korean"',
  'person:putin',
  '卓榮泰',
];
const BBC_QUERIES = [
  'goverment budjet',
  'pyongyan',
  'brodband speeds',
  'mourinio',
  'chelsea manag',
  'gov',
  'g',
  'tony blair election campaign',
  '"prime minister"',
  '"world cup" final',
  'election -blair',
  'section:sport rugby',
  'council tax in scotland is set to rise by',
];

interface Corpus {
  index: SearchIndex;
  built: BuiltChunks;
  split: BuiltChunks;
  /** Heads so short that most answers fetch the tails (chunk-tiers.test.ts tests them more). */
  tiered: BuiltChunks;
}
const UNCUT = { tierFrom: Number.MAX_SAFE_INTEGER };
const SPLIT = { postingsBytes: 512, positionsBytes: 512, vocabBytes: 256 };
const corpora = new Map<string, Corpus>();

beforeAll(() => {
  const folders = hasBbc() ? { seeds: seeds(), bbc: bbc() } : { seeds: seeds() };
  for (const [name, folder] of Object.entries(folders)) {
    const index = buildSearchIndex(folder.stories);
    corpora.set(name, {
      index,
      built: buildChunks(index),
      // Files so small that common words are split over many: the same answers are expected.
      split: buildChunks(index, { ...SPLIT, ...UNCUT }),
      tiered: buildChunks(index, { ...SPLIT, headPostings: 3, tierFrom: 4 }),
    });
  }
});

describe('chunked search against the in-memory engine', () => {
  const cases: [string, string[]][] = [
    ['seeds', SEED_QUERIES],
    ['bbc', BBC_QUERIES],
  ];
  for (const [name, queries] of cases) {
    it.skipIf(name === 'bbc' && !hasBbc())(`gives the same top 10 on ${name}`, async () => {
      const c = corpora.get(name)!;
      for (const files of [c.built.files, c.split.files, c.tiered.files]) {
        for (const q of queries) {
          const { memory, chunks } = await compareTop(c.index, memoryChunkIndex(files), q);
          expect(chunks, q).toEqual(memory);
        }
      }
    });
  }

  it('corrects typos and completes the word being typed', async () => {
    const c = corpora.get('seeds')!;
    const r = await chunkSearch(memoryChunkIndex(c.built.files), 'balistic missles');
    expect(r.expandedTerms).toEqual(expect.arrayContaining(['ballistic', 'missiles']));
    const typed = await chunkSearch(memoryChunkIndex(c.built.files), 'semicond');
    expect(typed.expandedTerms).toContain('semiconductor');
    expect(typed.hits[0]?.fragment.title).toBeTruthy();
  });

  it.skipIf(!hasBbc())('misses only typo neighbours of another first letter', async () => {
    // The known difference: typos are looked up among the terms of the word's first letter.
    const c = corpora.get('bbc')!;
    const { result } = await compareTop(
      c.index,
      memoryChunkIndex(c.built.files),
      'balistic missles',
    );
    const memory = search(c.index, 'balistic missles').expandedTerms;
    const missing = memory.filter((t) => !result.expandedTerms.includes(t));
    expect(result.expandedTerms.every((t) => memory.includes(t))).toBe(true);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((t) => t[0] !== 'b' && t[0] !== 'm')).toBe(true);
  });

  it.skipIf(!hasBbc())('lists copies once and names them', async () => {
    const c = corpora.get('bbc')!;
    const r = await chunkSearch(memoryChunkIndex(c.built.files), 'brown names 16 march for budget');
    const top = r.hits[0]!;
    expect(top.duplicates.length).toBeGreaterThan(0);
    expect(r.hits.map((h) => h.storyId)).not.toContain(top.duplicates[0]!.storyId);
  });
});

/** Whether `term` is a typo of `word` within its allowance, with another first letter. */
function firstLetterTypo(word: string, term: string): boolean {
  const allowance = typoAllowance(word.length);
  return word[0] !== term[0] && boundedEditDistance(word, term, allowance) <= allowance;
}

describe('what a query loads', () => {
  it('records its files, and loads nothing the second time', async () => {
    const c = corpora.get('seeds')!;
    const index = memoryChunkIndex(c.built.files);
    const first = await chunkSearch(index, 'pyongyang');
    expect(first.loaded.map((l) => l.name)).toContain('meta');
    expect(first.loaded.every((l) => l.bytes === c.built.files.get(l.name)!.length)).toBe(true);
    expect((await chunkSearch(index, 'pyongyang')).loaded).toEqual([]);
  });

  it('never loads positions without a phrase', async () => {
    const c = corpora.get('seeds')!;
    const r = await chunkSearch(memoryChunkIndex(c.built.files), 'north korean troops');
    expect(r.loaded.some((l) => l.name.startsWith('x-'))).toBe(false);
  });

  it('rejects on a failed or broken file and tries again on the next query', async () => {
    const c = corpora.get('seeds')!;
    let fail = true;
    const index = new ChunkIndex(async (name) => {
      if (fail && name.startsWith('p-')) throw new Error('offline');
      return c.built.files.get(name)!;
    });
    await expect(chunkSearch(index, 'pyongyang ')).rejects.toThrow('offline');
    fail = false;
    expect((await chunkSearch(index, 'pyongyang ')).hits.length).toBeGreaterThan(0);
    const cut = new ChunkIndex(async (name) => c.built.files.get(name)!.subarray(0, 3));
    await expect(chunkSearch(cut, 'pyongyang')).rejects.toThrow(ChunkFormatError);
  });
});

describe('hostile input', () => {
  const odd = [
    '',
    '   ',
    '-',
    '""',
    '"',
    'section:',
    'person:""',
    '\ud800',
    '👩‍👩‍👧‍👦 🇺🇦',
    'مرحبا שלום',
    '\u202Eevil\u202C',
    'x'.repeat(100_000),
    Array.from({ length: 200 }, (_, i) => `w${i}`).join(' '),
    '-pyongyang',
  ];

  it('answers what the in-memory engine answers, without throwing', async () => {
    const c = corpora.get('seeds')!;
    for (const q of odd) {
      const { memory, chunks } = await compareTop(c.index, memoryChunkIndex(c.built.files), q);
      expect(chunks, JSON.stringify(q.slice(0, 40))).toEqual(memory);
    }
  });

  it('agrees with the in-memory engine on arbitrary query-like strings', async () => {
    const c = corpora.get('seeds')!;
    // One chunk index for every run, as a session would keep it: cached files must not change
    // later answers.
    const chunks = memoryChunkIndex(c.split.files);
    const tiered = memoryChunkIndex(c.tiered.files);
    const pieces = fc.constantFrom(
      ...['-', '"', ':', 'section:', 'person:', ' ', 'kim', 'jong-un', 'putin', 'pyongyan'],
      ...['missles', 'north', 'korean', 'troops', 'the', 'a', 'ta', '卓榮泰', '😀', '\ud800', 'é'],
    );
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 10 }), async (parts) => {
        const q = parts.join('');
        const compared = await compareTop(c.index, chunks, q);
        const { query } = compared.result;
        // The one allowed difference: typos of the first letter ("apyongyan"), which only the
        // in-memory engine's whole vocabulary can correct. Compared word by word.
        let differs = false;
        for (const [i, word] of query.terms.entries()) {
          const typed = query.prefix && i === query.terms.length - 1;
          const mine = (await chunks.expand(word, typed)).map((e) => e.term);
          const theirs = expandTerm(c.index, word, typed).map((e) => e.term);
          expect(mine.every((t) => theirs.includes(t))).toBe(true);
          const missing = theirs.filter((t) => !mine.includes(t));
          expect(missing.every((t) => firstLetterTypo(word, t))).toBe(true);
          differs ||= missing.length > 0;
        }
        // Words in nearly every story have one-byte impacts (postings.ts): each can move a
        // score by < 0.00043, and swap stories that were that close.
        if (!differs) expect(sameUpToNearTies(compared, 0.001 * query.terms.length)).toBe(true);
        // Heads and tails (tiers.ts) answer exactly what the whole postings answer.
        for (const k of [3, 10]) {
          const whole = await chunkSearch(chunks, q, { limit: k });
          const cut = await chunkSearch(tiered, q, { limit: k });
          expect(cut.hits.map((h) => h.storyId)).toEqual(whole.hits.map((h) => h.storyId));
          expect(cut.hits.map((h) => h.score)).toEqual(whole.hits.map((h) => h.score));
          if (!cut.totalAtLeast) expect(cut.total).toBe(whole.total);
          else expect(cut.total).toBeLessThanOrEqual(whole.total);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('indexes hostile text and finds it again', async () => {
    const text = [
      'The council met on <script>alert(1)</script> Tuesday.',
      'Families 👩‍👩‍👧‍👦, flags 🇺🇦🇯🇵 and 𝒜stral letters in the news.',
      'Before\u0000the\u0000nul bytes, \ud800 lone surrogates \udfff here.',
      `Before the word ${'x'.repeat(5000)} after the word.`,
    ].join('\n\n');
    const stories = parseText({ fileId: 'hostile', section: 'odd', text }).stories;
    const index = buildSearchIndex(stories);
    const files = buildChunks(index).files;
    for (const q of ['script', 'families', '𝒜stral', 'nul', 'x'.repeat(5000), 'surrogates']) {
      const { memory, chunks } = await compareTop(index, memoryChunkIndex(files), q);
      expect(chunks).toEqual(memory);
      expect(chunks.length, q.slice(0, 20)).toBeGreaterThan(0);
    }
  });
});
