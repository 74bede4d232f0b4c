import type { Entity, EntityType } from '../entities/types';
import { fastTokenize } from '../search/fast-tokenize.ts';
import { ARCHIVE_FORMAT } from './archive-format.ts';

/** One name of an archive's names index: id, name, type, stories naming it, other surfaces. */
export type NameRow = [
  id: string,
  name: string,
  type: EntityType,
  stories: number,
  aliases: string[],
];

/** A names group: the names with a word that starts with the group's key, most named first. */
export interface NameGroup {
  format: typeof ARCHIVE_FORMAT;
  key: string;
  rows: NameRow[];
}

/**
 * Names a group keeps at most: the most named. One group is what a query word costs. BBC (13,046
 * names, 4,393 in two stories or more): 407 groups, the largest 247 names and 4.0 KB gzip, the
 * median 172 B; a 100k folder's largest would pass the cap, ~25 KB gzip at it.
 */
export const NAMES_PER_GROUP = 1500;

/** Names in fewer stories are left out of the index (their stories are still found as text). */
export const NAME_MIN_STORIES = 2;

/**
 * The group a word is looked up in: its first two characters, folded as the search folds them
 * (`fastTokenize`). A typo in them misses the name, as the search chunks' typo rules miss a typo
 * in a word's first letter.
 */
export function nameKeyOf(term: string): string {
  return [...term].slice(0, 2).join('');
}

/**
 * The archive's names index for the palette's and the results page's names group (the whole
 * folder's engine matches names over its entity table; an archive's browser has no table): every
 * canonical entity named in at least NAME_MIN_STORIES stories, under the key of each word of its
 * name and aliases, groups sorted by key.
 */
export function nameGroups(entities: readonly Entity[]): NameGroup[] {
  const byKey = new Map<string, { e: Entity; stories: number }[]>();
  for (const e of entities) {
    const stories = new Set(e.stories.map((s) => s.storyId)).size;
    if (stories < NAME_MIN_STORIES) continue;
    const keys = new Set(
      [e.name, ...e.aliases].flatMap((n) => fastTokenize(n).map((t) => nameKeyOf(t.term))),
    );
    for (const key of keys) {
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push({ e, stories });
    }
  }
  return [...byKey.keys()].sort().map((key) => ({
    format: 1 as const,
    key,
    rows: byKey
      .get(key)!
      .sort((a, b) => b.stories - a.stories || (a.e.id < b.e.id ? -1 : 1))
      .slice(0, NAMES_PER_GROUP)
      .map(({ e, stories }): NameRow => [e.id, e.name, e.type, stories, e.aliases]),
  }));
}
