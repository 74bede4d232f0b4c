import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BBC_DIR, loadFolder } from '../../../scripts/lib/corpora';
import { emptyPools, firstPasses, insert, joinPools } from './first-pass';
import { buildRelatedIndex, type RelatedIndex } from './related-index';
import { allRelated, neighbourLists, relatedFor, RelatedLists } from './related-query';

const row = (p: ReturnType<typeof emptyPools>, slot: number): number[] => [
  ...p.story.subarray(slot * p.size, slot * p.size + p.length[slot]!),
];

describe('a pool of candidates', () => {
  it('keeps the best first, at most its size, equal scores in story id order', () => {
    const index = { storyIds: ['d', 'a', 'c', 'b', 'e'] } as unknown as RelatedIndex;
    const pools = emptyPools(2, 3);
    for (const [e, score] of [
      [0, 0.2],
      [1, 0.5],
      [2, 0.2],
      [3, 0.9],
      [4, 0.1],
    ] as const)
      insert(pools, 1, e, score, index);
    // b (0.9), a (0.5), then c before d at 0.2; e (0.1) does not fit.
    expect(row(pools, 1)).toEqual([3, 1, 2]);
    expect([...pools.score.subarray(3, 6)]).toEqual([0.9, 0.5, 0.2]);
    expect(row(pools, 0)).toEqual([]);
  });
});

describe.runIf(existsSync(BBC_DIR))('first passes and neighbour lists on the BBC folder', () => {
  const stories = loadFolder(BBC_DIR).stories;
  const index = buildRelatedIndex(stories);
  const passes = firstPasses(index);

  it('are the same computed over two story ranges and joined (the build’s two threads)', () => {
    const half = 1000;
    const joined = joinPools([firstPasses(index, 0, half), firstPasses(index, half)]);
    expect(joined).toEqual(passes);
  });

  it('give each story’s five nearest as the first five of its twenty', () => {
    const twenty = neighbourLists(index, passes, 20);
    const five = neighbourLists(index, passes, 5);
    for (let d = 0; d < stories.length; d++)
      expect(row(five, d)).toEqual(row(twenty, d).slice(0, 5));
    // And as lists with their "why": what allRelated and relatedFor answer.
    const lists = new RelatedLists(index, twenty);
    const all = allRelated(index);
    for (let d = 0; d < stories.length; d += 37) {
      const id = index.storyIds[d]!;
      expect(lists.get(d)).toEqual(all.get(id));
      expect(lists.get(d)).toEqual(relatedFor(index, id));
    }
  });
});
