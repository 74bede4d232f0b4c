import type { Entity } from '../entities/types';
import {
  ARCHIVE_FORMAT,
  ENTITY_STORIES,
  entityGroupCount,
  entityGroupOf,
  type EntityGroup,
} from './archive-format.ts';

/**
 * The archive's entity pages' data: every canonical entity of the build's table with its name,
 * aliases, counts and first `cap` stories (most mentions first, as the table keeps them) with
 * their titles, cut into `entityGroupCount` groups by `entityGroupOf` of its id; the table's
 * remap goes with the merged id's group. Generated one group at a time, as the side groups.
 */
export function* entityGroups(input: {
  table: { entities: readonly Entity[]; remap: Record<string, string> };
  /** A story's title in the listing (undefined: the story is not in it). */
  titleOf: (storyId: string) => string | undefined;
  cap?: number;
}): Generator<{ n: number; group: EntityGroup }> {
  const { table, titleOf } = input;
  const cap = input.cap ?? ENTITY_STORIES;
  const count = entityGroupCount(table.entities.length);
  const groups: EntityGroup[] = Array.from({ length: count }, () => ({
    format: ARCHIVE_FORMAT,
    entities: {},
    remap: {},
  }));
  for (const e of table.entities) {
    // The table lists them most mentions first; sorted again so the cut keeps the most named.
    const stories = [...e.stories].sort((a, b) => b.count - a.count).slice(0, cap);
    groups[entityGroupOf(e.id, count)]!.entities[e.id] = {
      name: e.name,
      aliases: e.aliases,
      storyCount: e.stories.length,
      mentionCount: e.mentionCount,
      stories: stories.map((s) => [s.storyId, titleOf(s.storyId) ?? s.storyId, s.count]),
    };
  }
  for (const [id, canonical] of Object.entries(table.remap))
    groups[entityGroupOf(id, count)]!.remap[id] = canonical;
  for (let n = 0; n < count; n++) yield { n, group: groups[n]! };
}
