/**
 * Types of the search engine. Everything here is plain data (arrays, typed arrays, strings,
 * numbers) so an index and its results survive structuredClone (worker messages, IndexedDB).
 */

/** A highlight: `[start, end)` offsets in UTF-16 code units of the text it belongs to. */
export type Range = [number, number];

export type EntityType = 'person' | 'place' | 'organization';

/** A `person:` / `place:` / `org:` / `section:` filter of the query. */
export interface QueryFilter {
  field: EntityType | 'section';
  /** The value as typed (quotes removed). */
  value: string;
  /** Folded tokens of the value; empty values are dropped by the parser. */
  terms: string[];
}

/** What `parseQuery` makes of the text typed into the search box. */
export interface ParsedQuery {
  raw: string;
  /** Folded plain words, in order, without duplicates; combined with AND (with fallback). */
  terms: string[];
  /** True when the last of `terms` is still being typed (no space after it): match as a prefix. */
  prefix: boolean;
  /** `"exact phrases"` and CJK runs, as folded token lists; each must appear as is. */
  phrases: string[][];
  /** `-word` / `-"some phrase"`: stories containing any of these are dropped. */
  excludes: string[][];
  filters: QueryFilter[];
  /** True when the input was cut (too many words or characters) to keep keystrokes fast. */
  truncated: boolean;
}

/**
 * A list of small integers: a plain array while an index is built, a view into one shared typed
 * array once it is read back from the cache (see index-pack.ts); readers only index, iterate and
 * search it, so all three work.
 */
export type IntList = number[] | Uint16Array | Uint32Array;

/**
 * Per term, its body postings then its title postings, back to back in `ints`: term t's body
 * list is `[bodyStart[t], titleStart[t])`, its title list `[titleStart[t], bodyStart[t + 1])`.
 */
export interface PackedPostings {
  ints: Uint16Array | Uint32Array;
  /** One per term, plus the end. */
  bodyStart: Uint32Array;
  /** One per term. */
  titleStart: Uint32Array;
}

/** Entity data attached after the text index is built (see `setEntities`). */
export interface SearchEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  storyIds: string[];
}

/** One stored story of the index: what ranking and snippets need, nothing else. */
export interface IndexedDoc {
  id: string;
  title: string;
  section: string | null;
  kind: 'main' | 'brief';
  titleDerived: boolean;
  /** Empty for a doc read back from the cache until its story arrives (`addStories`). */
  paragraphs: string[];
  /** Term ids of the title (title + kicker), in order. */
  titleTokens: IntList;
  /** Term ids of the body, all paragraphs in order. */
  bodyTokens: IntList;
  /** `paraStarts[i]`: index in `bodyTokens` of the first token of paragraph i + 1. */
  paraStarts: IntList;
}

/**
 * The inverted index: plain arrays only, so it can be cloned, cached and rebuilt from JSON.
 * Runtime caches (sorted vocabulary, n-grams, Fuse instances) live outside it.
 */
export interface SearchIndex {
  version: 1;
  docs: IndexedDoc[];
  /** Term id → folded term. */
  terms: string[];
  /**
   * Term id → body postings as flat pairs `[docIndex, termFrequency, …]`, docIndex ascending.
   * Empty while `packed` holds them: read through `bodyPostings` / `docFrequency`.
   */
  postings: IntList[];
  /**
   * Term id → doc indexes whose title contains the term (ascending, repeat-free). Empty while
   * `packed` holds them: read through `titleDocs`.
   */
  titlePostings: IntList[];
  /**
   * Every term's postings in one typed array (see index-pack.ts), in place of `postings` and
   * `titlePostings`: no object per list (a typed-array view costs ~60 bytes of heap, a plain
   * array 24 plus spare capacity; most terms occur in one or two stories).
   */
  packed?: PackedPostings;
  /** Sum of body lengths (tokens), for BM25's average document length. */
  totalBodyTokens: number;
  entities: SearchEntity[];
}

/** A snippet of one paragraph, with the query hits marked. */
export interface Snippet {
  /** 1-based paragraph number: the UI links to `/story/<id>?q=<query>#p<N>`. */
  paragraph: number;
  text: string;
  /** Offsets into `text` (not into the paragraph). */
  highlights: Range[];
}

export interface StoryHit {
  storyId: string;
  title: string;
  section: string | null;
  kind: 'main' | 'brief';
  score: number;
  /** How many of the query's plain words this story matches (phrases and filters are required). */
  matched: number;
  /** Query words this story lacks (only non-empty when the result is `partial`). */
  missing: string[];
  titleHighlights: Range[];
  /** Best paragraph around the best hit; null when only the title or a filter matched. */
  snippet: Snippet | null;
  /** Best-matching paragraphs (best first), at most `paragraphsPerStory`. */
  paragraphs: Snippet[];
  /**
   * Exact and near copies of this story elsewhere in the folder ("Also published as"), in folder
   * order: a group of copies is listed once, under its best-ranked member.
   */
  duplicates: { storyId: string; title: string }[];
}

export interface EntityHit {
  id: string;
  name: string;
  type: EntityType;
  storyCount: number;
  score: number;
  highlights: Range[];
}

export interface SearchResults {
  query: ParsedQuery;
  stories: StoryHit[];
  entities: EntityHit[];
  /** Number of matching stories before `limit`. */
  total: number;
  /**
   * True when `total` is a lower bound, shown as "at least": a chunk answer for a word being
   * typed proves its top stories from the heads of common words without fetching all their
   * postings (src/corpus/search/chunks/tiers.ts). Absent: exact.
   */
  totalAtLeast?: boolean;
  /** True when no story had every word: stories are ranked by how many words they match. */
  partial: boolean;
  /** Vocabulary terms the query matched (exact, prefix and typo expansions), for highlighting. */
  expandedTerms: string[];
  /** Human-readable remarks ("no entity data yet: person: matched as text"). */
  notes: string[];
  /**
   * Which index answered: the worker's own (absent) or the build's search chunks (`'chunks'`,
   * src/corpus/search/chunks): the whole folder, but titles and ledes only (no paragraph
   * sub-results, no names).
   */
  source?: 'chunks';
}

export interface SearchOptions {
  /** Maximum story hits returned (default 20). */
  limit?: number;
  /** Paragraph sub-results per story (default 3). */
  paragraphsPerStory?: number;
  /** Maximum entity hits (default 6). */
  entityLimit?: number;
  /**
   * Leave out the names (group and name-aware ranking) unless the index's names lookup is built
   * already: building it is the slow part of a first search on a freshly read index. Name
   * filters (`person:`) still build it.
   */
  namesIfReady?: boolean;
}
