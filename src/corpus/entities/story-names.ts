import type { EntityType, Mention } from './types';

/** One name of a story with how often the story mentions it. */
export interface StoryName {
  entityId: string;
  type: EntityType;
  count: number;
  /** Index of its first mention in the story (mentions are in reading order). */
  first: number;
}

/**
 * The story's people, places and organizations, most mentioned first, as displaCy's entity view
 * and a reader's "who is in this" glance want them. Ties go to the name met first, so a lede's
 * names lead and the order is stable from one render to the next.
 */
export function storyNames(mentions: readonly Mention[]): StoryName[] {
  const byId = new Map<string, StoryName>();
  mentions.forEach((m, i) => {
    const known = byId.get(m.entityId);
    if (known) known.count++;
    else byId.set(m.entityId, { entityId: m.entityId, type: m.type, count: 1, first: i });
  });
  return [...byId.values()].sort((a, b) => b.count - a.count || a.first - b.first);
}
