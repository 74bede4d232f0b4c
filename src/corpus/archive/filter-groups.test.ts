import { describe, expect, it } from 'vitest';
import type { Entity } from '../entities/types';
import { entityGroupOf, FILTER_GROUP_BYTES } from './archive-format';
import { filterGroupCount, filterGroups, kindFile } from './filter-groups';
import { decodeRows } from './row-lists';

const entity = (id: string, name: string, storyIds: string[]): Entity => ({
  id,
  name,
  type: id.startsWith('person/') ? 'person' : 'place',
  aliases: [],
  // Most mentions first, as the table keeps them: not the listing's order.
  stories: storyIds.map((storyId, i) => ({ storyId, count: storyIds.length - i })),
  mentionCount: 0,
});

// The listing: a, a~1, b, c, c~1 at rows 0–4; `z` is not in it.
const listing = ['a', 'a~1', 'b', 'c', 'c~1'];
const rowOf = (id: string) => (listing.includes(id) ? listing.indexOf(id) : undefined);

describe('the archive’s filter groups', () => {
  const table = {
    entities: [
      entity('person/vladimir-putin', 'Vladimir Putin', ['c~1', 'a', 'z', 'a~1']),
      entity('place/us', 'US', ['b', 'c']),
      entity('place/seoul', 'Seoul', ['z']),
    ],
    remap: { 'person/putin': 'person/vladimir-putin' },
  };
  const { groups, named } = filterGroups({ table, rowOf, named: 2 });
  const find = (id: string) => groups[entityGroupOf(id, groups.length)]!;

  it('give every entity all its stories’ rows in the listing’s order, by its id’s group', () => {
    const [name, code] = find('person/vladimir-putin').entities['person/vladimir-putin']!;
    expect(name).toBe('Vladimir Putin');
    // `z` is not in the listing: left out rather than given a row.
    expect(decodeRows(code)).toEqual([0, 1, 4]);
    expect(decodeRows(find('place/us').entities['place/us']![1])).toEqual([2, 3]);
    expect(decodeRows(find('place/seoul').entities['place/seoul']![1])).toEqual([]);
    expect(find('person/putin').remap).toEqual({ 'person/putin': 'person/vladimir-putin' });
  });

  it('name the most named entities with the counts the lists give', () => {
    expect(named).toEqual([
      ['person/vladimir-putin', 'Vladimir Putin', 3],
      ['place/us', 'US', 2],
    ]);
  });

  it('are as many as the entities and their bytes need', () => {
    expect(filterGroupCount(0, 0)).toBe(1);
    expect(filterGroupCount(33, 10)).toBe(2);
    expect(filterGroupCount(1, FILTER_GROUP_BYTES * 3 + 1)).toBe(4);
    // An entity named in every other story of 100,000: its list is bytes enough for groups.
    const rows = Array.from({ length: 50_000 }, (_, i) => `s${i * 2}`);
    const big = filterGroups({
      table: { entities: [entity('place/uk', 'UK', rows)], remap: {} },
      rowOf: (id) => Number(id.slice(1)),
    });
    expect(big.groups.length).toBeGreaterThan(1);
    expect(big.named).toEqual([['place/uk', 'UK', 50_000]]);
    // A gap of 2 is one character.
    const code = big.groups[entityGroupOf('place/uk', big.groups.length)]!.entities['place/uk']![1];
    expect(code).toHaveLength(50_000);
  });

  it('list the articles’ rows for the kind filter', () => {
    const kinds = kindFile(listing.map((id) => ({ kind: id.includes('~') ? 'brief' : 'main' })));
    expect(decodeRows(kinds.mains)).toEqual([0, 2, 3]);
  });
});
