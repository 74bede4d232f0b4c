import type { Entity, StoryEntities } from '../corpus/entities/types';
import { buildRelatedIndex, type RelatedIndex } from '../corpus/related/related-index';
import { setEntities } from '../corpus/search/entities';
import { warmSearch } from '../corpus/search/search';
import type { SearchIndex } from '../corpus/search/types';
import type { Story } from '../corpus/types';

/**
 * The folder-wide builds of the corpus engine and its mention counts, kept apart from the
 * engine's queueing and state so each stays small.
 */

/** Gives the search index the folder's entities and builds its lookup caches in background time. */
export function attachEntities(search: SearchIndex, entities: readonly Entity[]): void {
  setEntities(
    search,
    entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      storyIds: e.stories.map((s) => s.storyId),
    })),
  );
  // Now, not on the next keystroke.
  warmSearch(search);
}

/** The related index: story texts plus each story's canonical entity ids. */
export function relatedIndexOf(
  stories: ReadonlyMap<string, Story>,
  analyses: ReadonlyMap<string, StoryEntities>,
  canonical: (id: string) => string,
): RelatedIndex {
  const byStory = new Map<string, string[]>();
  for (const a of analyses.values()) {
    byStory.set(a.storyId, [...new Set(a.mentions.map((m) => canonical(m.entityId)))]);
  }
  return buildRelatedIndex([...stories.values()], byStory);
}

/** entity id → story id → mention count, grown by one story's analysis. */
export function countMentions(index: Map<string, Map<string, number>>, a: StoryEntities): void {
  for (const m of a.mentions) {
    let per = index.get(m.entityId);
    if (!per) index.set(m.entityId, (per = new Map()));
    per.set(a.storyId, (per.get(a.storyId) ?? 0) + 1);
  }
}

/** The same counts for one entity id, from the analyses (once the mention index is dropped). */
export function countStoriesMentioning(
  analyses: ReadonlyMap<string, StoryEntities>,
  id: string,
): Map<string, number> | undefined {
  const per = new Map<string, number>();
  for (const a of analyses.values())
    for (const m of a.mentions)
      if (m.entityId === id) per.set(a.storyId, (per.get(a.storyId) ?? 0) + 1);
  return per.size ? per : undefined;
}
