import { highlightQuery } from '../highlight';
import type { EntityHit, SearchResults, Snippet, StoryHit } from '../types';
import type { ChunkHit, ChunkResults } from './chunk-search';

/**
 * What a chunk answer says it lacks, shown with it (the palette and the results page list an
 * answer's notes): the chunks hold each story's title and opening lines, not its text, and no
 * names.
 */
export const CHUNK_ANSWER_NOTE =
  'Searched the published index: titles and opening lines only, without matching paragraphs or names.';

/** The note once the first stories' paragraphs are in (`withParagraphs`). */
export const CHUNK_PARAGRAPHS_NOTE =
  'Searched the published index: titles and opening lines, with the matching paragraphs of the first stories; without names.';

/**
 * A chunk answer with the paragraph sub-results fetched for its first stories (the worker's
 * `search-paragraphs`, from their files): each such story's paragraphs, and its best paragraph
 * as its snippet, as the in-memory engine gives them. The same object when there is nothing to
 * add.
 */
export function withParagraphs(
  r: SearchResults,
  paragraphs: Readonly<Record<string, Snippet[]>> | undefined,
): SearchResults {
  if (r.source !== 'chunks' || !paragraphs || Object.keys(paragraphs).length === 0) return r;
  return {
    ...r,
    stories: r.stories.map((h) => {
      const found = Object.hasOwn(paragraphs, h.storyId) ? paragraphs[h.storyId]! : null;
      if (!found?.length) return h;
      return { ...h, paragraphs: found, snippet: found[0]! };
    }),
    notes: r.notes.map((n) => (n === CHUNK_ANSWER_NOTE ? CHUNK_PARAGRAPHS_NOTE : n)),
  };
}

/** What a chunk answer's notes say once the archive's names index has given it names. */
const WITH_NAMES: Readonly<Record<string, string>> = {
  [CHUNK_ANSWER_NOTE]:
    'Searched the published index: titles and opening lines only, without matching paragraphs.',
  [CHUNK_PARAGRAPHS_NOTE]:
    'Searched the published index: titles and opening lines, with the matching paragraphs of the first stories.',
};

/**
 * A chunk answer with its names group, from an archive's names index (`archiveNameHits`), and
 * notes that no longer say it has none. The same object when there is nothing to add.
 */
export function withNames(r: SearchResults, names: readonly EntityHit[] | null): SearchResults {
  if (r.source !== 'chunks' || names === null) return r;
  return {
    ...r,
    entities: [...names],
    notes: r.notes.map((n) => (Object.hasOwn(WITH_NAMES, n) ? WITH_NAMES[n]! : n)),
  };
}

/**
 * A chunk search's answer in the shape the palette and the results page read (`SearchResults`),
 * so they render it as they render the in-memory engine's: title with the matched words marked,
 * the lede as the snippet (paragraph 1, marked; null when the lede has no match, so the row
 * links to the story's first hit rather than to its top), copies folded under the first. What it
 * cannot have: paragraph sub-results (`paragraphs` empty) and the names group (`entities` empty).
 */
export function chunkAnswer(r: ChunkResults): SearchResults {
  return {
    query: r.query,
    stories: r.hits.map((h) => storyHit(r, h)),
    entities: [],
    total: r.total,
    ...(r.totalAtLeast ? { totalAtLeast: true } : {}),
    partial: r.partial,
    expandedTerms: r.expandedTerms,
    notes: [...r.notes, CHUNK_ANSWER_NOTE],
    source: 'chunks',
  };
}

function storyHit(r: ChunkResults, h: ChunkHit): StoryHit {
  const f = h.fragment;
  const lede = highlightQuery(f.lede, r.query, r.expandedTerms);
  return {
    storyId: h.storyId,
    title: f.title,
    section: f.section,
    kind: f.kind,
    score: h.score,
    matched: h.matched,
    missing: h.missing,
    titleHighlights: highlightQuery(f.title, r.query, r.expandedTerms),
    snippet: lede.length ? { paragraph: 1, text: f.lede, highlights: lede } : null,
    paragraphs: [],
    duplicates: h.duplicates,
  };
}
