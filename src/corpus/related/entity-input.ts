import type { StoryEntities } from '../entities/types';

/**
 * The optional entity input of `buildRelatedIndex` from the recognizer's per-story results:
 * one canonical id per mention, short forms mapped through the entity table's `remap`
 * ('person/putin' → 'person/vladimir-putin'). With the default binary entity tf, repeats do not
 * change the index: the worker's list of distinct canonical ids builds the same one.
 */
export function entityIdsByStory(
  analyses: StoryEntities[],
  remap: Record<string, string> = {},
): Map<string, string[]> {
  return new Map(
    analyses.map((a) => [a.storyId, a.mentions.map((m) => remap[m.entityId] ?? m.entityId)]),
  );
}
