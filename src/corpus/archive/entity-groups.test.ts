import { describe, expect, it } from 'vitest';
import { buildEntityTable } from '../entities/entity-table';
import type { EntityType, Mention, StoryEntities } from '../entities/types';
import {
  ENTITY_GROUP,
  ENTITY_GROUP_BYTES,
  entityGroupOf,
  type EntityGroup,
} from './archive-format';
import { collationRanks, entityGroups } from './entity-groups';

/** A story's analysis naming `names` ([id, surface, times]). */
function analysis(storyId: string, names: [string, string, number][]): StoryEntities {
  const mentions: Mention[] = [];
  let start = 0;
  for (const [entityId, text, times] of names)
    for (let i = 0; i < times; i++) {
      const type = entityId.slice(0, entityId.indexOf('/')) as EntityType;
      mentions.push({ paragraph: 0, start, end: start + text.length, type, entityId, text });
      start += text.length + 1;
    }
  return { storyId, mentions };
}

const titles: Record<string, string> = { a: 'Putin hails Pyongyang', b: 'Kremlin replies' };
const build = (analyses: StoryEntities[], cap?: number) => {
  const table = buildEntityTable(analyses);
  const groups = [...entityGroups({ table, titleOf: (id) => titles[id], cap })].map((g) => g.group);
  const find = (id: string) => groups[entityGroupOf(id, groups.length)]!;
  return { table, groups, find };
};

describe('the archive’s entity groups', () => {
  it('hold each entity with its counts and stories, most mentions first, with their titles', () => {
    const { find } = build([
      analysis('a', [['person/vladimir-putin', 'Vladimir Putin', 1]]),
      analysis('b', [['person/putin', 'Putin', 3]]),
      analysis('c', [['place/north-korea', 'North Korea', 1]]),
    ]);
    const putin = find('person/vladimir-putin').entities['person/vladimir-putin'];
    expect(putin).toEqual({
      name: 'Vladimir Putin',
      aliases: ['Putin'],
      storyCount: 2,
      mentionCount: 4,
      stories: [
        ['b', 'Kremlin replies', 3],
        ['a', 'Putin hails Pyongyang', 1],
      ],
      with: [],
    });
    // A story not in the listing keeps its id rather than a title.
    expect(find('place/north-korea').entities['place/north-korea']?.stories).toEqual([
      ['c', 'c', 1],
    ]);
    // The merged short form is found in its own id's group, pointing at the full name.
    expect(find('person/putin').remap).toEqual({ 'person/putin': 'person/vladimir-putin' });
    expect(find('person/putin').entities['person/putin']).toBeUndefined();
  });

  it('say who is named with each, in how many of its stories (all of them, not the listed ones)', () => {
    const { find } = build(
      [
        analysis('a', [
          ['person/vladimir-putin', 'Vladimir Putin', 3],
          ['place/north-korea', 'North Korea', 1],
          ['person/kim-jong-un', 'Kim Jong-un', 1],
        ]),
        analysis('b', [
          ['person/putin', 'Putin', 1],
          ['person/kim-jong-un', 'Kim Jong-un', 2],
          ['place/russia', 'Russia', 1],
        ]),
        analysis('c', [['place/north-korea', 'North Korea', 1]]),
      ],
      1,
    );
    const putin = find('person/vladimir-putin').entities['person/vladimir-putin']!;
    expect(putin.stories).toHaveLength(1);
    // Kim in both of Putin's stories; a tie is broken by id. The short form is Putin himself.
    expect(putin.with).toEqual([
      ['person/kim-jong-un', 'Kim Jong-un', 2],
      ['place/north-korea', 'North Korea', 1],
      ['place/russia', 'Russia', 1],
    ]);
    expect(find('place/north-korea').entities['place/north-korea']!.with).toEqual([
      ['person/kim-jong-un', 'Kim Jong-un', 1],
      ['person/vladimir-putin', 'Vladimir Putin', 1],
    ]);
  });

  it('keep the first 12 of many companions, by count then id, as a whole sort would', () => {
    // 40 names around one: counts 1–4 in many ties, ids in mixed case and with accents (the
    // order is localeCompare's, not the code units').
    const others = Array.from({ length: 40 }, (_, i) => {
      const id = `person/${['émile', 'Zed', 'adam', 'Ägir', 'bo'][i % 5]}-${String.fromCharCode(97 + (i % 26))}${i}`;
      return { id, name: `N${i}`, stories: 1 + (i % 4) };
    });
    const stories = Array.from({ length: 4 }, (_, s) =>
      analysis(`s${s}`, [
        ['person/hub', 'Hub', 1],
        ...others
          .filter((o) => o.stories > s)
          .map((o): [string, string, number] => [o.id, o.name, 1]),
      ]),
    );
    const { table, find } = build(stories);
    const hub = find('person/hub').entities['person/hub']!;
    const byId = new Map(table.entities.map((e) => [e.id, e]));
    const expected = others
      .map((o): [string, string, number] => [o.id, byId.get(o.id)!.name, o.stories])
      .sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]))
      .slice(0, 12);
    expect(hub.with).toEqual(expected);
  });

  it('rank ids as localeCompare orders them, equal ones alike', () => {
    const ids = ['b', 'a', 'B', 'á', 'a'];
    const rank = collationRanks(ids);
    for (let i = 0; i < ids.length; i++)
      for (let j = 0; j < ids.length; j++)
        expect(Math.sign(rank[i]! - rank[j]!)).toBe(Math.sign(ids[i]!.localeCompare(ids[j]!)));
  });

  it('list at most `cap` stories, the most named ones, and keep the true count', () => {
    const { find } = build(
      [1, 4, 2, 5, 3].map((times, i) => analysis(`s${i}`, [['organization/un', 'UN', times]])),
      2,
    );
    const un = find('organization/un').entities['organization/un']!;
    expect(un.storyCount).toBe(5);
    expect(un.mentionCount).toBe(15);
    expect(un.stories).toEqual([
      ['s3', 's3', 5],
      ['s1', 's1', 4],
    ]);
  });

  it('put every entity in exactly the group its id hashes to, ~ENTITY_GROUP a group', () => {
    const names = Array.from({ length: 70 }, (_, i): [string, string, number] => [
      `place/town-${i}`,
      `Town ${i}`,
      1,
    ]);
    const { table, groups } = build([analysis('a', names)]);
    expect(groups).toHaveLength(Math.ceil(70 / ENTITY_GROUP));
    const seen = groups.flatMap((g: EntityGroup, n) =>
      Object.keys(g.entities).map((id) => {
        expect(entityGroupOf(id, groups.length)).toBe(n);
        return id;
      }),
    );
    expect(seen.sort()).toEqual(table.entities.map((e) => e.id).sort());
  });

  it('are more, and smaller, when their entities list many stories', () => {
    // 12 entities, each in 60 stories whose titles are 400 characters: ~25 KB an entity.
    for (let i = 0; i < 60; i++) titles[`long${i}`] = `${i} ${'x'.repeat(400)}`;
    const { groups } = build(
      Array.from({ length: 60 }, (_, i) =>
        analysis(
          `long${i}`,
          Array.from({ length: 12 }, (_, k): [string, string, number] => [
            `person/p${k}`,
            `P${k}`,
            1,
          ]),
        ),
      ),
    );
    const sizes = groups.map((g) => JSON.stringify(g).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(12 * 60 * 400);
    // By count alone they would be one group of ~300 KB.
    expect(groups.length).toBe(Math.ceil(total / ENTITY_GROUP_BYTES));
    expect(groups.length).toBeGreaterThan(1);
  });

  it('are one empty group for a folder that names nobody', () => {
    const { groups } = build([]);
    expect(groups).toEqual([{ format: 1, entities: {}, remap: {} }]);
  });
});
