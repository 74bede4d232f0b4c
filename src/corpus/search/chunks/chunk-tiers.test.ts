import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryChunkIndex } from '../../../../scripts/lib/chunk-compare';
import { bbc, hasBbc, seeds } from '../../../../scripts/lib/search-corpora';
import { search } from '../search';
import { buildSearchIndex } from '../search-index';
import type { SearchIndex } from '../types';
import { buildChunks, type BuiltChunks } from './build-chunks';
import { chunkSearch, type ChunkResults } from './chunk-search';

// Common terms cut into a head and a tail (tiers.ts): every answer must be the one the whole
// postings give, top k, scores and count, whether proved from the heads or after the tails.

const SEED_QUERIES = [
  'pyongyan',
  'missiles',
  'korea',
  'ta',
  'k',
  'the',
  'the ',
  'kim -the',
  'north korean',
  '"north korean" troops',
];
const BBC_QUERIES = [
  'government',
  'council tax in scotland',
  'gov',
  'g',
  'the',
  'the ',
  'th',
  'sa',
  'said',
  'said the',
  'year -the',
  'section:sport the',
  '"prime minister" said',
];

interface Corpus {
  index: SearchIndex;
  /** Small files, no term cut: what every other build must answer. */
  uncut: BuiltChunks;
  /** The same with heads of 3 stories: most answers must fetch tails, some are proved. */
  tiered: BuiltChunks;
  /** Default sizes, cut from 256 stories (BBC has no term in 4,096), and uncut. */
  built: BuiltChunks;
  whole: BuiltChunks;
  /** Heads of 16 stories: more answers proved from the heads, also of several words. */
  mid: BuiltChunks;
}
const UNCUT = { tierFrom: Number.MAX_SAFE_INTEGER };
const SMALL = { postingsBytes: 512, positionsBytes: 512, vocabBytes: 256 };
const corpora = new Map<string, Corpus>();

beforeAll(() => {
  const folders = hasBbc() ? { seeds: seeds(), bbc: bbc() } : { seeds: seeds() };
  for (const [name, folder] of Object.entries(folders)) {
    const index = buildSearchIndex(folder.stories);
    corpora.set(name, {
      index,
      uncut: buildChunks(index, { ...SMALL, ...UNCUT }),
      tiered: buildChunks(index, { ...SMALL, headPostings: 3, tierFrom: 4 }),
      built: buildChunks(index, { tierFrom: 256 }),
      whole: buildChunks(index, UNCUT),
      mid: buildChunks(index, { headPostings: 16, tierFrom: 32 }),
    });
  }
});

/** Whether a fresh session answered `q` from the heads alone (no tail file fetched). */
const fromHeads = (r: ChunkResults): boolean => !r.loaded.some((l) => l.name.startsWith('q-'));

/** Expects the same answer as the uncut chunks: ids, scores, partial, and the count. */
function expectSame(got: ChunkResults, whole: ChunkResults, at: string): void {
  expect(
    got.hits.map((h) => h.storyId),
    at,
  ).toEqual(whole.hits.map((h) => h.storyId));
  expect(
    got.hits.map((h) => h.score),
    at,
  ).toEqual(whole.hits.map((h) => h.score));
  expect(got.partial, at).toBe(whole.partial);
  if (got.totalAtLeast) expect(got.total, at).toBeLessThanOrEqual(whole.total);
  else expect(got.total, at).toBe(whole.total);
}

describe('common terms cut into a head and a tail', () => {
  const cases: [string, string[]][] = [
    ['seeds', SEED_QUERIES],
    ['bbc', BBC_QUERIES],
  ];
  for (const [name, queries] of cases) {
    it.skipIf(name === 'bbc' && !hasBbc())(
      `rank every top k as the uncut chunks, and count alike, on ${name}`,
      async () => {
        const c = corpora.get(name)!;
        // One session across queries and sizes, as the palette and the results page share one.
        const session = memoryChunkIndex(c.tiered.files);
        const uncut = memoryChunkIndex(c.uncut.files);
        let proved = 0;
        for (const q of queries)
          for (const k of [1, 3, 7, 10, 20]) {
            const result = await chunkSearch(session, q, { limit: k });
            const whole = await chunkSearch(uncut, q, { limit: k });
            const at = `${q} @${k}`;
            expectSame(result, whole, at);
            const fresh = await chunkSearch(memoryChunkIndex(c.tiered.files), q, { limit: k });
            if (fromHeads(fresh)) proved++;
          }
        // Both paths ran: answers proved from the heads, and answers that needed the tails.
        expect(proved).toBeGreaterThan(0);
        expect(proved).toBeLessThan(queries.length * 5);
      },
    );
  }

  it.skipIf(!hasBbc())('answers the commonest word from its head of 64 stories', async () => {
    const c = corpora.get('bbc')!;
    for (const q of ['the', 'the ', 'g', 'th']) {
      const r = await chunkSearch(memoryChunkIndex(c.built.files), q, { limit: 20 });
      expect(
        r.loaded.filter((l) => l.name.startsWith('q-')),
        q,
      ).toEqual([]);
      const memory = search(c.index, q, { limit: 20 });
      // Against the same chunks uncut: the one-byte impacts of the commonest words can swap
      // near-ties with the in-memory engine (postings.ts), and the cut must not add to that.
      const whole = await chunkSearch(memoryChunkIndex(c.whole.files), q, { limit: 20 });
      expect(r.hits.map((h) => h.storyId)).toEqual(whole.hits.map((h) => h.storyId));
      // One word, one term: counted exactly from the head; a word being typed: at least.
      expect(r.totalAtLeast).toBe(q !== 'the ');
      expect(r.total).toBeLessThanOrEqual(memory.total);
      if (!r.totalAtLeast) expect(r.total).toBe(memory.total);
    }
    // An exclusion needs every story that has the word: the tail comes.
    const x = await chunkSearch(memoryChunkIndex(c.built.files), 'year -the');
    expect(x.loaded.some((l) => l.name.startsWith('q-'))).toBe(true);
  });
  it.skipIf(!hasBbc())(
    'agree on random queries of common and rare words, k from 1 to 20',
    async () => {
      const c = corpora.get('bbc')!;
      const mid = memoryChunkIndex(c.mid.files);
      const whole = memoryChunkIndex(c.whole.files);
      const words = (
        'the said year people government mr new blair election music film game chelsea tax in a ' +
        'g th sa gov mu'
      ).split(' ');
      const proved = [0, 0, 0, 0];
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
          fc.boolean(),
          fc.integer({ min: 1, max: 20 }),
          async (ws, space, k) => {
            const q = ws.join(' ') + (space ? ' ' : '');
            const got = await chunkSearch(mid, q, { limit: k });
            expectSame(got, await chunkSearch(whole, q, { limit: k }), `${q} @${k}`);
            if (fromHeads(await chunkSearch(memoryChunkIndex(c.mid.files), q, { limit: k })))
              proved[ws.length]!++;
          },
        ),
        // Seeded: the counts below say which paths ran, and must not depend on the draw.
        { numRuns: 300, seed: 20261201 },
      );
      // Proofs of one word and of several words both ran.
      expect(proved[1]).toBeGreaterThan(20);
      expect(proved[2]! + proved[3]!).toBeGreaterThan(0);
    },
  );
});
