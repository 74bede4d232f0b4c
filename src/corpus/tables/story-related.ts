import type { RelatedIndex } from '../related/related-index';
import { relatedFor, type RelatedHit, type RelatedResult } from '../related/related-query';
import { distinguishingTermsAt } from '../related/related-why';
import { phrasePairs, reasonsFor } from '../related/reasons';
import type { Threads } from '../threads/build-threads';
import { shownRelated } from '../threads/shown-related';
import type { ThreadVectors } from '../threads/thread-similarity';
import type { Story } from '../types';
import type { FolderTables } from './folder-tables';

/** One story's related list as the sidebar shows it, with each hit's reasons. */
export interface StoryRelated extends RelatedResult {
  distinguishingTerms: string[];
}

/** What a story's related list is read from: the folder's related index and what it gates on. */
export interface RelatedContext {
  index: RelatedIndex;
  vectors: ThreadVectors;
  threads: Threads;
  stories: ReadonlyMap<string, Story>;
  /** An entity's display name (the entity table's). */
  nameOf(entityId: string): string;
  /**
   * A story's candidate phrases (`phrasePairs`), when the caller keeps them: the build asks for
   * every story's list, where each story is some five others' hit, and reading them from the
   * text each time was most of its time.
   */
  pairsOf?: (s: Story) => ReadonlySet<string>;
}

/**
 * The related context of a folder's built tables. Names are the entity table's, unless the caller
 * has its own lookup (the worker's, which also knows names from outside the table); an id the
 * table lacks is shown by its last segment.
 */
export function relatedContext(
  tables: FolderTables,
  stories: ReadonlyMap<string, Story>,
  nameOf?: (entityId: string) => string,
): RelatedContext {
  let names: Map<string, string> | null = null;
  const fromTable = (id: string): string => {
    names ??= new Map(tables.table.entities.map((e) => [e.id, e.name]));
    return names.get(id) ?? id.split('/').pop()!;
  };
  return {
    index: tables.related,
    vectors: tables.vectors,
    threads: tables.threads,
    stories,
    nameOf: nameOf ?? fromTable,
  };
}

/**
 * A story's sidebar list. A story is listed only when it is related at all (event similarity ≥
 * RELATED_MIN): fewer than five, or none, when that is the truth. The story's thread is left out
 * (the sidebar lists it above, "In this thread"). Each hit says why in names, then distinctive
 * shared phrases, then words (see corpus/related/reasons.ts). `result` is `relatedFor`'s answer
 * when the caller has it (the build takes every story's from `allRelated`, in one pass).
 */
export function storyRelated(
  ctx: RelatedContext,
  storyId: string,
  result: RelatedResult = relatedFor(ctx.index, storyId),
): StoryRelated | null {
  const story = ctx.stories.get(storyId);
  if (!story) return null;
  const { position, dense } = lookups(ctx);
  const pos = (id: string): number => position.get(id) ?? -1;
  const related = shownRelated(
    ctx.index,
    ctx.vectors,
    ctx.threads,
    storyId,
    result.related,
    dense,
    pos,
  );
  const df = folderDf(ctx.index);
  // The story's own phrases are compared with each hit's: read once.
  let mine: ReadonlySet<string> | null = null;
  const read = ctx.pairsOf ?? phrasePairs;
  const pairsOf = (s: Story): ReadonlySet<string> => (s === story ? (mine ??= read(s)) : read(s));
  return {
    related: related.map((hit): RelatedHit => {
      const other = ctx.stories.get(hit.storyId);
      const nameWords = new Set(
        hit.sharedEntities
          .map((id) => ctx.nameOf(id))
          .join(' ')
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u),
      );
      const why = other
        ? reasonsFor(
            story,
            other,
            hit.sharedTerms,
            nameWords,
            df,
            ctx.index.storyIds.length,
            pairsOf,
          )
        : { phrases: [], terms: [] };
      return { ...hit, sharedTerms: why.terms, sharedPhrases: why.phrases };
    }),
    duplicates: result.duplicates,
    distinguishingTerms: distinguishingTermsAt(ctx.index, pos(storyId)),
  };
}

const lookupCache = new WeakMap<
  RelatedContext['vectors'],
  { position: Map<string, number>; dense: Float32Array }
>();

/**
 * Story positions and a zeroed scratch row for the event similarity, made once per folder: the
 * build asks for every story's list, and a search of the ids (O(n)) and a row of the vectors'
 * width (hundreds of thousands of floats) per story made that quadratic in the folder.
 */
function lookups(ctx: RelatedContext): { position: Map<string, number>; dense: Float32Array } {
  let l = lookupCache.get(ctx.vectors);
  if (!l) {
    l = {
      position: new Map(ctx.index.storyIds.map((id, d) => [id, d])),
      // IMPORTANT: shownRelated leaves it zeroed (eventSimilarity clears what it scatters).
      dense: new Float32Array(ctx.vectors.dims),
    };
    lookupCache.set(ctx.vectors, l);
  }
  return l;
}

const dfCache = new WeakMap<RelatedIndex, (term: string) => number>();

/** Documents of the folder using a term, from the index's idf (0 for a term it dropped). */
function folderDf(index: RelatedIndex): (term: string) => number {
  let f = dfCache.get(index);
  if (!f) {
    const byName = new Map(index.features.map((name, i) => [name, i]));
    const n = index.storyIds.length;
    f = (term) => {
      const i = byName.get(term);
      return i === undefined ? 0 : (n + 1) / Math.exp(index.featureIdf[i]!) - 0.5;
    };
    dfCache.set(index, f);
  }
  return f;
}
