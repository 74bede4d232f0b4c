import type { Entity } from '../entities/types';
import {
  ARCHIVE_FORMAT,
  ENTITY_STORIES,
  entityGroupCount,
  entityGroupOf,
  type ArchiveEntity,
  type ArchiveSentence,
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
  /** Each entity's first sentences (`entitySentences`), when the build made them. */
  sentences?: Record<string, ArchiveSentence[]>;
}): Generator<{ n: number; group: EntityGroup }> {
  const { table, titleOf } = input;
  const cap = input.cap ?? ENTITY_STORIES;
  const companions = companionsOf(table.entities);
  const pages = table.entities.map((e, k): [string, ArchiveEntity] => {
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
        with: companions(k),
        ...(input.sentences && {
          sentences: Object.hasOwn(input.sentences, e.id) ? input.sentences[e.id]! : [],
        }),
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

/** Names listed as "Often mentioned with" (the whole folder's entity page: 12). */
export const COMPANIONS = 12;

/**
 * "Often mentioned with", as the whole folder's entity page counts it (worker/engine-queries.ts
 * `entityPage`): the other entities named in its stories, by how many of them, most first, ties
 * by id. Every story is counted, not only the `cap` an archive page lists. From the table alone:
 * an entity is named in a story exactly when the story is among its stories.
 */
function companionsOf(
  entities: readonly Entity[],
): (k: number) => [id: string, name: string, stories: number][] {
  const byStory = new Map<string, number[]>();
  entities.forEach((e, k) => {
    for (const { storyId } of e.stories) {
      const list = byStory.get(storyId);
      if (list) list.push(k);
      else byStory.set(storyId, [k]);
    }
  });
  const rank = collationRanks(entities.map((e) => e.id));
  // One count per entity, reset after each: no Map per entity (22M increments at 100k stories).
  const counts = new Int32Array(entities.length);
  // Ahead of `b`: more stories, else first by id (`localeCompare`, through its rank). Ids that
  // collate equal keep the order they were met in, as the stable sort this replaces kept them.
  const ahead = (a: number, b: number) =>
    counts[a]! > counts[b]! || (counts[a] === counts[b] && rank[a]! < rank[b]!);
  return (k) => {
    const touched: number[] = [];
    for (const { storyId } of entities[k]!.stories) {
      for (const other of byStory.get(storyId) ?? []) {
        if (other === k) continue;
        if (counts[other] === 0) touched.push(other);
        counts[other]!++;
      }
    }
    // The first COMPANIONS in that order, kept sorted as they come: the whole sort of every
    // entity met (thousands for a name in many stories, compared by localeCompare) was most of
    // the archive's entity groups (10k folder: 1.6 s of 2.4).
    const best: number[] = [];
    for (const o of touched) {
      if (best.length === COMPANIONS && !ahead(o, best[COMPANIONS - 1]!)) continue;
      let at = best.length;
      while (at > 0 && ahead(o, best[at - 1]!)) at--;
      best.splice(at, 0, o);
      if (best.length > COMPANIONS) best.pop();
    }
    const top = best.map((o): [string, string, number] => [
      entities[o]!.id,
      entities[o]!.name,
      counts[o]!,
    ]);
    for (const o of touched) counts[o] = 0;
    return top;
  };
}

/**
 * Each id's place in `localeCompare` order (ids that compare equal share one): comparing two
 * ranks orders them as comparing the ids would.
 */
export function collationRanks(ids: readonly string[]): Int32Array {
  const order = ids.map((_, i) => i).sort((a, b) => ids[a]!.localeCompare(ids[b]!));
  const rank = new Int32Array(ids.length);
  order.forEach((i, n) => {
    const prev = order[n - 1];
    rank[i] = prev !== undefined && ids[prev]!.localeCompare(ids[i]!) === 0 ? rank[prev]! : n;
  });
  return rank;
}
