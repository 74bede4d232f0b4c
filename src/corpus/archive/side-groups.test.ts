import { describe, expect, it } from 'vitest';
import type { ShippedTables } from '../tables/tables-codec';
import type { ManifestFile } from '../types';
import { sideGroupOf, type SideGroup } from './archive-format';
import { sideGroups } from './side-groups';

const file = (id: string): ManifestFile => ({
  id,
  path: `${id}.txt`,
  section: null,
  size: 1,
  hash: `h-${id}`,
});

/** Four files of one story each; `threadIds` one thread; z a copy of x (copy group 0). */
function build(threadIds: string[]) {
  const files = ['x', 'y', 'z', 'w'].map(file);
  const tables: ShippedTables = {
    table: { entities: [], remap: {} } as unknown as ShippedTables['table'],
    threads: {
      threads: [{ id: threadIds[0]!, storyIds: threadIds, central: 'y', entities: [] }],
      threadOf: Object.fromEntries(threadIds.map((id) => [id, 0])),
    },
    relatedOf: () => null,
    copyGroup: (id) => (id === 'x' || id === 'z' ? 0 : -1),
  };
  const rows = new Map(files.map((f, row) => [f.id, { row, title: `Title ${f.id}` }]));
  const groups = [
    ...sideGroups({
      files,
      codeOf: () => null,
      analysis: 'test',
      tables,
      rows,
      storyIdsOf: (id) => [id],
    }),
  ].map((g) => g.group);
  const story = (id: string) =>
    (groups[sideGroupOf(id, groups.length)] as SideGroup).files[id]!.stories[id]!;
  return { story };
}

describe('the archive’s side groups', () => {
  it('give each story of a thread its members, titles and the thread’s later copies', () => {
    const { story } = build(['x', 'y', 'z']);
    for (const id of ['x', 'y', 'z']) {
      expect(story(id).thread).toEqual(['x', 'y', 'z']);
      expect(story(id).threadCopies).toEqual([['z', 'x']]);
    }
    // A story in no thread has none, and no copies key.
    expect(story('w').thread).toBeNull();
    expect(story('w')).not.toHaveProperty('threadCopies');
  });

  it('write no copies key for a thread without copies', () => {
    const { story } = build(['y', 'w']);
    expect(story('y').thread).toEqual(['y', 'w']);
    expect(story('y')).not.toHaveProperty('threadCopies');
  });
});
