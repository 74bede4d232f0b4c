import type { CorpusEngine } from './corpus-engine';
import { summary } from './engine-queries';
import type { RelatedView } from './protocol';

/**
 * The related sidebar of one story (see corpus/tables/story-related.ts), from the related index
 * built here or the lists the build shipped, with the display names of the shared entities.
 */
export function relatedView(engine: CorpusEngine, storyId: string): RelatedView | null {
  const result = engine.related?.relatedOf(storyId);
  if (!result) return null;
  const entityNames: Record<string, string> = {};
  for (const hit of result.related) {
    for (const id of hit.sharedEntities) entityNames[id] ??= summary(engine, id).name;
  }
  return { ...result, entityNames };
}
