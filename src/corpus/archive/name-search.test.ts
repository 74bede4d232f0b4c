import { beforeAll, describe, expect, it } from 'vitest';
import { recognizeEntities, seeds } from '../../../scripts/lib/search-corpora';
import type { Entity } from '../entities/types';
import { setEntities } from '../search/entities';
import { parseQuery } from '../search/query-parser';
import { search } from '../search/search';
import { buildSearchIndex } from '../search/search-index';
import { CHUNK_ANSWER_NOTE, withNames, withParagraphs } from '../search/chunks/chunk-answer';
import type { SearchEntity, SearchIndex, SearchResults } from '../search/types';
import { NAME_MIN_STORIES, nameGroups, nameKeyOf, type NameGroup } from './name-groups';
import { archiveNameHits, nameKeysOf } from './name-search';

let index: SearchIndex;
let groups: NameGroup[];
let kept: SearchEntity[];

const asEntity = (e: SearchEntity): Entity => ({
  id: e.id,
  name: e.name,
  type: e.type,
  aliases: e.aliases,
  stories: e.storyIds.map((storyId) => ({ storyId, count: 1 })),
  mentionCount: e.storyIds.length,
});

beforeAll(async () => {
  const stories = seeds().stories;
  const entities = (await recognizeEntities(stories))!;
  // The archive's index keeps the names of two stories or more: the whole folder's engine is
  // given the same names, so the two must agree name for name.
  kept = entities.filter((e) => new Set(e.storyIds).size >= NAME_MIN_STORIES);
  index = buildSearchIndex(stories);
  setEntities(index, kept);
  groups = nameGroups(entities.map(asEntity));
});

/** The archive's answer: only the groups of the query's keys, as the browser fetches them. */
const archiveHits = (text: string) => {
  const q = parseQuery(text);
  const keys = new Set(nameKeysOf(q));
  return archiveNameHits(
    groups.filter((g) => keys.has(g.key)),
    q,
  );
};
const brief = (hits: { id: string; storyCount: number; highlights: unknown }[]) =>
  hits.map((h) => [h.id, h.storyCount, h.highlights]);

describe('the archive’s names index', () => {
  it('keeps names of two stories or more, under the key of each of their words', () => {
    expect(kept.length).toBeGreaterThan(10);
    const putin = kept.find((e) => e.name === 'Vladimir Putin')!;
    for (const key of ['vl', 'pu'])
      expect(groups.find((g) => g.key === key)?.rows.map((r) => r[0])).toContain(putin.id);
    const all = new Set(groups.flatMap((g) => g.rows.map((r) => r[0])));
    expect(all).toEqual(new Set(kept.map((e) => e.id)));
    expect(groups.map((g) => g.key)).toEqual(groups.map((g) => g.key).sort());
  });

  it('answers as the whole folder’s engine does: words, prefixes, typos, filters', () => {
    const words = [
      ...new Set(kept.flatMap((e) => [e.name, ...e.aliases]).flatMap((n) => n.split(/\s+/u))),
    ]
      .map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))
      .filter((w) => w.length >= 2);
    const queries = words.flatMap((w) => [
      w,
      `${w} `,
      w.slice(0, 3),
      // A typo past the first two letters (their key).
      w.length > 4 ? `${w.slice(0, -2)}${w.at(-1)}${w.at(-2)} ` : w,
      `person:${w}`,
      `${w} north korea`,
    ]);
    expect(queries.length).toBeGreaterThan(100);
    let named = 0;
    for (const text of queries) {
      const want = search(index, text).entities;
      if (want.length) named++;
      expect(brief(archiveHits(text)), text).toEqual(brief(want));
    }
    expect(named).toBeGreaterThan(queries.length / 2);
  });

  it('looks a word up under its first two characters; one letter finds no name', () => {
    expect(nameKeyOf('putin')).toBe('pu');
    expect(nameKeysOf(parseQuery('kim "jong un" -seoul person:putin x'))).toEqual([
      'jo',
      'ki',
      'pu',
      'un',
    ]);
    expect(archiveHits('p')).toEqual([]);
    expect(archiveHits('putin')[0]?.name).toBe('Vladimir Putin');
  });
});

describe('a chunk answer with the archive’s names', () => {
  const answer = (source?: 'chunks'): SearchResults => ({
    query: parseQuery('putin'),
    stories: [],
    entities: [],
    total: 0,
    partial: false,
    expandedTerms: [],
    notes: [CHUNK_ANSWER_NOTE, 'another note'],
    ...(source && { source }),
  });

  it('carries them and no longer says it has none', () => {
    const names = archiveHits('putin');
    const joined = withNames(answer('chunks'), names);
    expect(joined.entities).toEqual(names);
    expect(joined.notes[0]).not.toMatch(/names/u);
    expect(joined.notes[1]).toBe('another note');
    expect(withNames(withParagraphs(answer('chunks'), { x: [] }), names).notes[0]).not.toMatch(
      /names/u,
    );
  });

  it('is left alone without names (not in yet, no index) or from the in-memory engine', () => {
    const chunks = answer('chunks');
    expect(withNames(chunks, null)).toBe(chunks);
    const memory = answer();
    expect(withNames(memory, archiveHits('putin'))).toBe(memory);
  });
});
