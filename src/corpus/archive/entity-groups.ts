import type { Entity } from '../entities/types';
import {
  ARCHIVE_FORMAT,
  ENTITY_STORIES,
  entityGroupCount,
  entityGroupOf,
  type ArchiveEntity,
  type EntityGroup,
} from './archive-format.ts';

/**
 * The archive's entity pages' data: every canonical entity of the build's table with its name,
 * aliases, counts and first `cap` stories (most mentions first, as the table keeps them) with
 * their titles, cut into `entityGroupCount` groups (by count and bytes) by `entityGroupOf` of
 * its id; the table's remap goes with the merged id's group. Yielded a group at a time, as the
 * side groups, though all are held until then (their bytes set the count: ~the pages' JSON).
 */
export function* entityGroups(input: {
  table: { entities: readonly Entity[]; remap: Record<string, string> };
  /** A story's title in the listing (undefined: the story is not in it). */
  titleOf: (storyId: string) => string | undefined;
  cap?: number;
}): Generator<{ n: number; group: EntityGroup }> {
  const { table, titleOf } = input;
  const cap = input.cap ?? ENTITY_STORIES;
  const pages = table.entities.map((e): [string, ArchiveEntity] => {
    // The table lists them most mentions first; sorted again so the cut keeps the most named.
    const stories = [...e.stories].sort((a, b) => b.count - a.count).slice(0, cap);
    return [
      e.id,
      {
        name: e.name,
        aliases: e.aliases,
        storyCount: e.stories.length,
        mentionCount: e.mentionCount,
        stories: stories.map((s) => [s.storyId, titleOf(s.storyId) ?? s.storyId, s.count]),
      },
    ];
  });
  const bytes = pages.reduce((sum, [id, page]) => sum + id.length + JSON.stringify(page).length, 0);
  const count = entityGroupCount(pages.length, bytes);
  const groups: EntityGroup[] = Array.from({ length: count }, () => ({
    format: ARCHIVE_FORMAT,
    entities: {},
    remap: {},
  }));
  for (const [id, page] of pages) groups[entityGroupOf(id, count)]!.entities[id] = page;
  for (const [id, canonical] of Object.entries(table.remap))
    groups[entityGroupOf(id, count)]!.remap[id] = canonical;
  for (let n = 0; n < count; n++) yield { n, group: groups[n]! };
}
