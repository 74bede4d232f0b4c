import type { RelatedIndex } from '../corpus/related/related-index';
import { distinguishingTerms, relatedFor } from '../corpus/related/related-query';
import { reasonsFor } from '../corpus/related/reasons';
import { shownRelated } from '../corpus/threads/shown-related';
import type { CorpusEngine } from './corpus-engine';
import { summary } from './engine-queries';
import type { RelatedView } from './protocol';

/**
 * The related sidebar of one story. A story is listed only when it is related at all (event
 * similarity ≥ RELATED_MIN): fewer than five, or none, when that is the truth. The story's thread
 * is left out (the sidebar lists it above, "In this thread"). Each hit says why in names, then
 * distinctive shared phrases, then words (see corpus/related/reasons.ts).
 */
export function relatedView(engine: CorpusEngine, storyId: string): RelatedView | null {
  const index = engine.related;
  const story = engine.stories.get(storyId);
  if (!index || !story) return null;
  const result = relatedFor(index, storyId);
  const v = engine.eventVectors;
  const related = v
    ? shownRelated(index, v, engine.threads, storyId, result.related)
    : result.related;
  const entityNames: Record<string, string> = {};
  for (const hit of related) {
    for (const id of hit.sharedEntities) entityNames[id] ??= summary(engine, id).name;
  }
  const df = folderDf(index);
  return {
    related: related.map((hit) => {
      const other = engine.stories.get(hit.storyId);
      const nameWords = new Set(
        hit.sharedEntities
          .map((id) => entityNames[id] ?? '')
          .join(' ')
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u),
      );
      const why = other
        ? reasonsFor(story, other, hit.sharedTerms, nameWords, df, index.storyIds.length)
        : { phrases: [], terms: [] };
      return { ...hit, sharedTerms: why.terms, sharedPhrases: why.phrases };
    }),
    duplicates: result.duplicates,
    entityNames,
    distinguishingTerms: distinguishingTerms(index, storyId),
  };
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
