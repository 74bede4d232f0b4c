import type { Entity } from '../entities/types';
import type { ListingRow } from './listing.ts';
import {
  ARCHIVE_FORMAT,
  ENTITY_GROUP,
  FILTER_GROUP_BYTES,
  NAMED_ENTITIES,
  entityGroupOf,
  type FilterGroup,
  type KindFile,
  type NamedEntity,
} from './archive-format.ts';
import { encodeRows } from './row-lists.ts';

/** The number of filter groups of `entities` entities whose JSON is `bytes` long in all. */
export function filterGroupCount(entities: number, bytes: number): number {
  return Math.max(1, Math.ceil(entities / ENTITY_GROUP), Math.ceil(bytes / FILTER_GROUP_BYTES));
}

/**
 * The archive library's entity filter: for every canonical entity of the build's table, the
 * listing rows of all the stories naming it (ascending, row-list coded), cut into groups by
 * `entityGroupOf` of its id as the entity groups are (their own count: these are smaller), and
 * "Most named", the entities named in most stories, with those counts. A story the listing does
 * not hold (`rowOf` undefined) is left out of the lists and the counts alike.
 */
export function filterGroups(input: {
  table: { entities: readonly Entity[]; remap: Record<string, string> };
  rowOf: (storyId: string) => number | undefined;
  named?: number;
}): { groups: FilterGroup[]; named: NamedEntity[] } {
  const { table, rowOf } = input;
  const lists = table.entities.map((e) => {
    const rows = [
      ...new Set(e.stories.map((s) => rowOf(s.storyId)).filter((r) => r !== undefined)),
    ].sort((a, b) => a - b);
    return { e, rows, code: encodeRows(rows) };
  });
  // ~the JSON of an entry: its id, name and code, quotes and punctuation.
  const bytes = lists.reduce((n, l) => n + l.e.id.length + l.e.name.length + l.code.length + 12, 0);
  const count = filterGroupCount(lists.length, bytes);
  const groups: FilterGroup[] = Array.from({ length: count }, () => ({
    format: ARCHIVE_FORMAT,
    entities: {},
    remap: {},
  }));
  for (const { e, code } of lists)
    groups[entityGroupOf(e.id, count)]!.entities[e.id] = [e.name, code];
  for (const [id, canonical] of Object.entries(table.remap))
    groups[entityGroupOf(id, count)]!.remap[id] = canonical;
  const named = lists
    .filter((l) => l.rows.length > 0)
    .sort((a, b) => b.rows.length - a.rows.length || a.e.id.localeCompare(b.e.id))
    .slice(0, input.named ?? NAMED_ENTITIES)
    .map(({ e, rows }): NamedEntity => [e.id, e.name, rows.length]);
  return { groups, named };
}

/** The listing's article rows, for the kind filter (briefs are the rest). */
export function kindFile(rows: readonly Pick<ListingRow, 'kind'>[]): KindFile {
  const mains: number[] = [];
  rows.forEach((r, i) => {
    if (r.kind === 'main') mains.push(i);
  });
  return { format: ARCHIVE_FORMAT, mains: encodeRows(mains) };
}
