import { describe, expect, it } from 'vitest';
import { memoryChunkIndex } from '../../../../scripts/lib/chunk-compare';
import { bbc, hasBbc, seeds } from '../../../../scripts/lib/search-corpora';
import { parseQuery } from '../query-parser';
import { search } from '../search';
import { buildSearchIndex } from '../search-index';
import type { Snippet } from '../types';
import { buildChunks } from './build-chunks';
import {
  chunkAnswer,
  CHUNK_ANSWER_NOTE,
  CHUNK_PARAGRAPHS_NOTE,
  withParagraphs,
} from './chunk-answer';
import { chunkStoryParagraphs } from './chunk-paragraphs';
import { chunkSearch } from './chunk-search';

// Queries whose words the chunks expand as the in-memory engine does (no typo of another first
// letter, the one known difference: chunk-search.test.ts).
const QUERIES = {
  seeds: ['kim jong un promised full support', 'semicond', '"north korean troops"', 'putin -kirby'],
  bbc: ['tony blair election campaign', 'chelsea manag', '"prime minister"', 'brodband speeds'],
};

describe('paragraph sub-results of a chunk answer', () => {
  for (const [name, queries] of Object.entries(QUERIES)) {
    it.skipIf(name === 'bbc' && !hasBbc())(
      `are the in-memory engine's, from the story's text and the chunks' expansions (${name})`,
      async () => {
        const folder = name === 'bbc' ? bbc() : seeds();
        const byId = new Map(folder.stories.map((s) => [s.id, s]));
        const index = buildSearchIndex(folder.stories);
        const chunks = memoryChunkIndex(buildChunks(index).files);
        for (const query of queries) {
          const q = parseQuery(query);
          const last = q.terms.length - 1;
          const words = await Promise.all(
            q.terms.map((t, i) => chunks.expand(t, q.prefix && i === last)),
          );
          const memory = search(index, query, { limit: 5 });
          expect(memory.stories.length, query).toBeGreaterThan(0);
          for (const hit of memory.stories) {
            const got = chunkStoryParagraphs(byId.get(hit.storyId)!, q, words, 3);
            expect(got, `${query}: ${hit.storyId}`).toEqual(hit.paragraphs);
          }
        }
      },
    );
  }
});

describe('a chunk answer with paragraphs joined (withParagraphs)', () => {
  it('gives the stories that have them their paragraphs, the best as snippet, and says so', async () => {
    const folder = seeds();
    const index = buildSearchIndex(folder.stories);
    const chunks = memoryChunkIndex(buildChunks(index).files);
    const answer = chunkAnswer(await chunkSearch(chunks, 'pyongyan', { limit: 3 }));
    const [first, second] = answer.stories;
    const para: Snippet = { paragraph: 4, text: 'x', highlights: [] };
    const joined = withParagraphs(answer, { [first!.storyId]: [para] });
    expect(joined.stories[0]!.paragraphs).toEqual([para]);
    expect(joined.stories[0]!.snippet).toEqual(para);
    expect(joined.stories[1]).toBe(second);
    expect(joined.notes).toContain(CHUNK_PARAGRAPHS_NOTE);
    expect(joined.notes).not.toContain(CHUNK_ANSWER_NOTE);
    // Nothing to add: the answer itself.
    expect(withParagraphs(answer, {})).toBe(answer);
    expect(withParagraphs(answer, undefined)).toBe(answer);
  });
});
