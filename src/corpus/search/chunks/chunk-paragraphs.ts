import { buildSearchIndex, termIdOf } from '../search-index';
import { storyParagraphs } from '../story-hits';
import type { Expansion } from '../term-expansion';
import type { ParsedQuery, Snippet } from '../types';
import type { Story } from '../../types';

/**
 * A story's best-matching paragraphs for a query the build's chunks answered: the in-memory
 * engine's own ranking (`storyParagraphs`: most distinct words and phrases, then most hits, then
 * earliest), over an index of this one story, with the words expanded as the chunks expanded
 * them (`words[i]`: word i's vocabulary terms). The chunks hold no text, so the story's file is
 * fetched for it (worker/chunk-source.ts); the result is what the worker's own index would give.
 */
export function chunkStoryParagraphs(
  story: Story,
  q: ParsedQuery,
  words: readonly (readonly Expansion[])[],
  perStory: number,
): Snippet[] {
  const index = buildSearchIndex([story]);
  const expansions = words.map((list) =>
    list.flatMap((e) => {
      const termId = termIdOf(index, e.term);
      return termId === undefined ? [] : [{ ...e, termId }];
    }),
  );
  const expanded = [...new Set(words.flatMap((list) => list.map((e) => e.term)))];
  return storyParagraphs(index, 0, q, expansions, expanded, perStory);
}
