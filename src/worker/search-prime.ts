import { setEntities } from '../corpus/search/entities';
import { compactIndex } from '../corpus/search/index-pack';
import { search } from '../corpus/search/search';
import { buildSearchIndex } from '../corpus/search/search-index';
import type { Story } from '../corpus/types';

/**
 * Runs the search code once over a throwaway index of two stories, so that V8 has compiled it
 * (and the tokenizer's Unicode regular expression) before a real query needs it. A warm reload's
 * first search over BBC spent most of its 50–200 ms in that first run (traced at load 6–12: the
 * tokenizer of title highlights, which compiles `[\p{L}\p{N}]+…`, then functions compiled on
 * first call), not in the search itself (~5 ms once compiled). Done while the worker waits for
 * IndexedDB to hand over the cached index, when it has nothing else to do.
 * IMPORTANT: runs inside the worker. Every search cache is a WeakMap keyed by its index, so
 * nothing of this index outlives the call.
 */
export function primeSearch(): void {
  const story = (id: string): Story => ({
    id,
    fileId: id,
    section: 'politics',
    kind: 'main',
    title: 'Government’s budget: the Chancellor’s plans',
    titleDerived: false,
    headline: null,
    kicker: null,
    kickerRaw: null,
    paragraphs: ['The government announced its budget.', 'Gordon Brown spoke for an hour.'],
    credits: [],
    truncated: false,
    wordCount: 11,
    readingMinutes: 1,
  });
  // Packed, as a cached index is; two copies, so that duplicates are folded too.
  const index = compactIndex(buildSearchIndex([story('prime/1'), story('prime/2')]));
  setEntities(index, [
    {
      id: 'person/gordon-brown',
      name: 'Gordon Brown',
      type: 'person',
      aliases: [],
      storyIds: ['prime/1'],
    },
  ]);
  search(index, 'governmen', { limit: 20, namesIfReady: false });
}
