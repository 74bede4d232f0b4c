import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seeds } from '../../scripts/lib/search-corpora';
import { setEntities } from '../corpus/search/entities';
import { search } from '../corpus/search/search';
import { buildSearchIndex } from '../corpus/search/search-index';
import type { SearchEntity } from '../corpus/search/types';
import { readLatestSearchIndex, writeSearchIndex } from './search-cache';

describe('the cached search index', () => {
  const index = buildSearchIndex(seeds().stories);
  const first = index.docs[0]!.id;
  const kim: SearchEntity = {
    id: 'person/kim-jong-un',
    name: 'Kim Jong-un',
    type: 'person',
    aliases: ['Kim'],
    storyIds: [first, 'a story the index does not hold'],
  };
  setEntities(index, [kim]);

  it('reads back without its entities, which takeNames puts in (once)', async () => {
    await writeSearchIndex('f1', index);
    const cached = await readLatestSearchIndex();
    expect(cached?.fingerprint).toBe('f1');
    expect(cached!.index.docs.map((d) => d.id)).toEqual(index.docs.map((d) => d.id));
    expect(cached!.index.entities).toEqual([]);
    // Stories answer before the names are in.
    expect(search(cached!.index, 'missile').stories.length).toBeGreaterThan(0);
    cached!.takeNames();
    expect(cached!.index.entities).toEqual([kim]);
    const taken = cached!.index.entities;
    cached!.takeNames();
    expect(cached!.index.entities).toBe(taken);
    expect(search(cached!.index, 'person:kim').stories.map((s) => s.storyId)).toEqual([first]);
  });

  it('does not replace entities attached meanwhile', async () => {
    await writeSearchIndex('f2', index);
    const cached = await readLatestSearchIndex();
    const table: SearchEntity = { ...kim, id: 'person/other', name: 'Other Name' };
    setEntities(cached!.index, [table]);
    cached!.takeNames();
    expect(cached!.index.entities.map((e) => e.id)).toEqual(['person/other']);
  });
});
