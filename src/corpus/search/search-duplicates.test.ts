import { describe, expect, it } from 'vitest';
import { bbc, hasBbc, seeds } from '../../../scripts/lib/search-corpora';
import { buildRelatedIndex } from '../related/related-index';
import type { Story } from '../types';
import { search } from './search';
import {
  duplicateGroups,
  duplicateRoots,
  restoreDuplicates,
  warmDuplicates,
} from './search-duplicates';
import { addStories, buildSearchIndex, createSearchIndex } from './search-index';

const stories = seeds().stories;
const PUTIN_VISIT = stories.find((s) => s.id === '000_359807c817cdce2f')!;

/** A copy of a story under another id: republished as is, or lightly edited. */
const copyOf = (s: Story, id: string, edit = false): Story => ({
  ...s,
  id,
  paragraphs: edit
    ? s.paragraphs.map((p, i) => (i === 3 ? `${p} The ministry declined to comment.` : p))
    : s.paragraphs,
});

describe('duplicates in search', () => {
  it('lists a story and its copies once, under the best-ranked one, naming the copies', () => {
    const index = buildSearchIndex([
      ...stories,
      copyOf(PUTIN_VISIT, 'wire/putin-copy'),
      copyOf(PUTIN_VISIT, 'wire/putin-edited', true),
    ]);
    const r = search(index, 'kirby');
    expect(r.stories.map((s) => s.storyId)).toEqual([PUTIN_VISIT.id]);
    expect(r.total).toBe(1);
    expect(r.stories[0]!.duplicates).toEqual([
      { storyId: 'wire/putin-copy', title: PUTIN_VISIT.title },
      { storyId: 'wire/putin-edited', title: PUTIN_VISIT.title },
    ]);
    // Stories that are merely related are not copies.
    const others = search(index, 'pyongyang').stories;
    expect(others.length).toBe(3);
    expect(others.filter((s) => s.duplicates.length > 0).map((s) => s.storyId)).toEqual([
      PUTIN_VISIT.id,
    ]);
  });

  it('keeps up as the index grows, and needs no text (a cached index has none)', () => {
    const index = createSearchIndex();
    addStories(index, stories);
    expect(duplicateGroups(index).membersOf(0)).toEqual([0]);
    addStories(index, [copyOf(PUTIN_VISIT, 'wire/putin-copy')]);
    const cached = structuredClone(index);
    for (const d of cached.docs) d.paragraphs = [];
    for (const i of [index, cached]) {
      const at = i.docs.findIndex((d) => d.id === PUTIN_VISIT.id);
      expect(duplicateGroups(i).membersOf(at)).toEqual([at, i.docs.length - 1]);
    }
  });

  it('are built in steps, and stored and read back with a cached index', () => {
    const index = buildSearchIndex([...stories, copyOf(PUTIN_VISIT, 'wire/putin-copy')]);
    let steps = 1;
    while (!warmDuplicates(index, 4)) steps++;
    expect(steps).toBe(Math.ceil(index.docs.length / 4));
    const roots = duplicateRoots(index);
    const cached = structuredClone(index);
    restoreDuplicates(cached, roots);
    const r = search(cached, 'kirby');
    expect(r.stories[0]!.duplicates.map((d) => d.storyId)).toEqual(['wire/putin-copy']);
    expect(duplicateRoots(cached)).toEqual(roots);
  });

  it.runIf(hasBbc())('folds BBC copies as the related sidebar groups them', () => {
    const bbcStories = bbc().stories;
    const index = buildSearchIndex(bbcStories);
    const groups = duplicateGroups(index);
    const related = buildRelatedIndex(bbcStories).dupGroup;
    // The same partition: the same documents are grouped, with the same group roots.
    bbcStories.forEach((_, d) => {
      const mine = groups.membersOf(d).length > 1 ? groups.root(d) : -1;
      expect(mine).toBe(related[d]);
    });
    const r = search(index, 'brown names 16 march for budget', { limit: 50 });
    const titles = r.stories.map((s) => s.title);
    expect(titles.filter((t) => t === 'Brown names 16 March for Budget')).toHaveLength(1);
    const hit = r.stories.find((s) => s.title === 'Brown names 16 March for Budget')!;
    expect(hit.duplicates.map((d) => d.storyId)).toHaveLength(1);
    expect([hit.storyId, ...hit.duplicates.map((d) => d.storyId)].sort()).toEqual([
      'politics/077',
      'politics/354',
    ]);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
