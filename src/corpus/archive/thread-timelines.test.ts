import { describe, expect, it } from 'vitest';
import { bbc, hasBbc, seeds } from '../../../scripts/lib/search-corpora';
import type { Threads } from '../threads/build-threads';
import { storyDates, timeline } from '../threads/timeline';
import type { Story } from '../types';
import { threadGroupOf } from './archive-format';
import { threadGroups } from './thread-groups';
import { threadTimelines } from './thread-timelines';

const story = (id: string, paragraphs: string[]) => ({ id, title: id, paragraphs }) as Story;

const stories: Record<string, Story> = {
  'a/1': story('a/1', ['Talks began on 12 January 2005.', 'They ended in March 2005.']),
  'a/2': story('a/2', ['A deal was signed on 3 February 2005, two weeks late.']),
  'b/1': story('b/1', ['Nothing here is dated.']),
};
/** As the build keeps them: each story's dates through JSON, taken at the parse. */
const datesOf = (all: Record<string, Story>) => {
  const kept = new Map(Object.values(all).map((s) => [s.id, JSON.stringify(storyDates(s))]));
  return (id: string) => {
    const json = kept.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as ReturnType<typeof storyDates>);
  };
};
const threads: Threads = {
  threads: [
    { id: 'a/1', storyIds: ['a/1', 'a/2'], central: 'a/1', entities: [] },
    { id: 'b/1', storyIds: ['b/1', 'gone/1'], central: 'b/1', entities: [] },
  ],
  threadOf: { 'a/1': 0, 'a/2': 0, 'b/1': 1 },
};

describe('the archive’s thread timelines', () => {
  it('merge the dates of a thread’s stories in date order, each with its sentence and paragraph', () => {
    const t = threadTimelines(threads, datesOf(stories));
    expect(t['a/1']).toEqual([
      ['a/1', 0, '12 January 2005', 20050112, 'Talks began on 12 January 2005.'],
      [
        'a/2',
        0,
        '3 February 2005',
        20050203,
        'A deal was signed on 3 February 2005, two weeks late.',
      ],
      ['a/1', 1, 'March 2005', 20050300, 'They ended in March 2005.'],
    ]);
    // A thread whose stories give no date (or are not there) has an empty timeline.
    expect(t['b/1']).toEqual([]);
  });

  it('go with each thread in its group, and only when the build made them', () => {
    const base = {
      threads,
      storyOf: (id: string) => stories[id],
      copyGroup: () => -1,
      nameOf: () => undefined,
      remap: {},
    };
    const timelines = threadTimelines(threads, datesOf(stories));
    const withThem = threadGroups({ ...base, timelines });
    const of = (groups: typeof withThem, id: string) =>
      groups[threadGroupOf(id, groups.length)]!.threads[id]!;
    expect(of(withThem, 'a/1').timeline).toEqual(timelines['a/1']);
    expect(of(withThem, 'b/1').timeline).toEqual([]);
    const without = threadGroups(base);
    expect('timeline' in of(without, 'a/1')).toBe(false);
  });

  it('are, from each story’s dates, the timeline of the thread’s stories, cut at 40', () => {
    // Made-up threads of a few stories, and one of every story (past the cut with BBC's text).
    const all = (hasBbc() ? bbc() : seeds()).stories;
    const byId = Object.fromEntries(all.map((s) => [s.id, s]));
    const made: Threads = { threads: [], threadOf: {} };
    for (let i = 0; i < all.length; i += 3) {
      const storyIds = all.slice(i, i + 3).map((s) => s.id);
      made.threads.push({ id: storyIds[0]!, storyIds, central: storyIds[0]!, entities: [] });
    }
    made.threads.push({ id: 'every', storyIds: Object.keys(byId), central: 'x', entities: [] });
    const got = threadTimelines(made, datesOf(byId));
    expect(got['every']!.length).toBe(Math.min(40, all.flatMap(storyDates).length));
    for (const t of made.threads) {
      const want = timeline(t.storyIds.map((id) => byId[id]!));
      expect(got[t.id]).toEqual(
        want.map((e) => [e.storyId, e.paragraph, e.when, e.sortKey, e.text]),
      );
    }
  });
});
