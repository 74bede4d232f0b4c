import { describe, expect, it } from 'vitest';
import type { Thread } from '../threads/build-threads';
import type { Story } from '../types';
import {
  THREAD_GROUP,
  THREAD_GROUP_BYTES,
  THREAD_LEDE,
  THREAD_NAMES,
  threadGroupOf,
  type ThreadGroup,
} from './archive-format';
import { threadCopies, threadGroups, type ThreadInput } from './thread-groups';

type Listed = Pick<Story, 'title' | 'section' | 'kind' | 'paragraphs'>;

const story = (title: string, section: string | null, lede: string, brief = false): Listed => ({
  title,
  section,
  kind: brief ? 'brief' : 'main',
  paragraphs: [lede, 'A second paragraph.'],
});

const listing: Record<string, Listed> = {
  'world/a': story('Putin hails Pyongyang', 'world', 'Vladimir Putin hailed North Korea.'),
  'world/b': story('Kim promises support', 'world', 'Kim Jong-un promised full support.'),
  'world/b~1': story('Kim, in brief', 'world', 'Kim promised support.', true),
  'wire/b': story('Kim promises support (wire)', 'wire', 'Kim Jong-un promised full support.'),
};

/** Threads of the given members ([id, central, entities]); thread ids are their first story. */
function input(threads: [string[], string, string[]][], over: Partial<ThreadInput> = {}) {
  const list: Thread[] = threads.map(([storyIds, central, entities]) => ({
    id: storyIds[0]!,
    storyIds,
    central,
    entities,
  }));
  const threadOf: Record<string, number> = {};
  list.forEach((t, i) => t.storyIds.forEach((id) => (threadOf[id] = i)));
  const names: Record<string, string> = {
    'person/vladimir-putin': 'Vladimir Putin',
    'place/north-korea': 'North Korea',
  };
  return {
    threads: { threads: list, threadOf },
    storyOf: (id: string) => listing[id],
    // world/b and wire/b are copies of one story (group 1).
    copyGroup: (id: string) => (id === 'world/b' || id === 'wire/b' ? 1 : -1),
    nameOf: (id: string) => names[id],
    remap: { 'person/putin': 'person/vladimir-putin' },
    ...over,
  } satisfies ThreadInput;
}

const find = (groups: ThreadGroup[], id: string) =>
  groups[threadGroupOf(id, groups.length)]!.threads[id];

describe('the archive’s thread groups', () => {
  it('hold each thread’s stories in order with section, kind, lede and copies, and its names', () => {
    const groups = threadGroups(
      input([
        [
          ['world/a', 'world/b', 'world/b~1', 'wire/b'],
          'world/b',
          ['person/putin', 'person/vladimir-putin', 'place/north-korea', 'org/unknown'],
        ],
      ]),
    );
    expect(find(groups, 'world/a')).toEqual({
      title: 'Kim promises support',
      // The copy counts once.
      size: 3,
      stories: [
        [
          'world/a',
          'Putin hails Pyongyang',
          'world',
          0,
          'Vladimir Putin hailed North Korea.',
          null,
        ],
        ['world/b', 'Kim promises support', 'world', 0, 'Kim Jong-un promised full support.', null],
        ['world/b~1', 'Kim, in brief', 'world', 1, 'Kim promised support.', null],
        [
          'wire/b',
          'Kim promises support (wire)',
          'wire',
          0,
          'Kim Jong-un promised full support.',
          'world/b',
        ],
      ],
      // The merged short form is its canonical entity, once; a name the table lacks is left out.
      entities: [
        ['person/vladimir-putin', 'Vladimir Putin'],
        ['place/north-korea', 'North Korea'],
      ],
    });
    // Only the thread's own id finds it: a member's id is not a thread.
    expect(find(groups, 'world/b')).toBeUndefined();
  });

  it('keep a story the listing lacks by its id, cut long ledes and lists, and keep the true size', () => {
    const long = `${'word '.repeat(200)}end.`;
    const ids = Array.from({ length: 7 }, (_, i) => `x/${i}`);
    const groups = threadGroups(
      input([[ids, 'x/3', []]], {
        storyOf: (id) => (id === 'x/0' ? undefined : story(`Story ${id}`, 'x', long)),
        copyGroup: () => -1,
        cap: 5,
      }),
    );
    const t = find(groups, 'x/0')!;
    expect(t.title).toBe('Story x/3');
    expect(t.size).toBe(7);
    expect(t.stories.map((s) => s[0])).toEqual(ids.slice(0, 5));
    expect(t.stories[0]).toEqual(['x/0', 'x/0', null, 0, '', null]);
    const lede = t.stories[1]![4];
    expect(lede.length).toBeLessThanOrEqual(THREAD_LEDE);
    expect(lede.endsWith('…')).toBe(true);
  });

  it('list at most THREAD_NAMES names', () => {
    const many = Array.from({ length: 9 }, (_, i) => `person/p${i}`);
    const groups = threadGroups(
      input([[['world/a', 'world/b'], 'world/a', many]], { nameOf: (id) => id.toUpperCase() }),
    );
    expect(find(groups, 'world/a')!.entities.map(([id]) => id)).toEqual(
      many.slice(0, THREAD_NAMES),
    );
  });

  it('are cut by count and by bytes, every thread in the group its id hashes to', () => {
    const small = Array.from({ length: 100 }, (_, i): [string[], string, string[]] => [
      [`s/${i}`, `s/${i}~1`],
      `s/${i}`,
      [],
    ]);
    const byCount = threadGroups(input(small, { storyOf: () => story('T', 's', 'Short.') }));
    expect(byCount).toHaveLength(Math.ceil(100 / THREAD_GROUP));
    for (const [ids] of small) expect(find(byCount, ids[0]!)?.stories).toHaveLength(2);
    // 100 threads of 40 stories with full ledes: ~1.7 MB, more than 32 a group can hold.
    const big = Array.from({ length: 100 }, (_, i): [string[], string, string[]] => [
      Array.from({ length: 40 }, (_, k) => `b/${i}-${k}`),
      `b/${i}-0`,
      [],
    ]);
    const long = `${'lede '.repeat(80)}`;
    const byBytes = threadGroups(input(big, { storyOf: () => story('A title', 'b', long) }));
    const json = byBytes.reduce((n, g) => n + JSON.stringify(g).length, 0);
    expect(byBytes.length).toBeGreaterThan(Math.ceil(100 / THREAD_GROUP));
    expect(json / byBytes.length).toBeLessThanOrEqual(THREAD_GROUP_BYTES * 1.05);
    for (const [ids] of big) expect(find(byBytes, ids[0]!)?.stories).toHaveLength(40);
  });

  it('are one empty group when the folder has no threads', () => {
    expect(threadGroups(input([]))).toEqual([{ format: 1, threads: {} }]);
  });

  it('mark a thread’s later copies of one story with its first, whatever the copy groups’ order', () => {
    const group: Record<string, number> = { a: 4, b: 2, c: 4, d: -1, e: 2, f: 4 };
    expect([...threadCopies(['a', 'b', 'c', 'd', 'e', 'f'], (id) => group[id])]).toEqual([
      ['c', 'a'],
      ['e', 'b'],
      ['f', 'a'],
    ]);
    expect(threadCopies(['a', 'b'], () => undefined).size).toBe(0);
  });
});
