import { describe, expect, it } from 'vitest';
import type { ArchiveThread } from './archive-format';
import { readThreadListPage, threadListPages, THREAD_ROW_NAMES } from './thread-listing';

const thread = (size: number, title: string, names: string[] = []): ArchiveThread => ({
  title,
  size,
  stories: [[`first-of-${title}`, `First of ${title}`, 'world', 0, 'A lede.', null]],
  entities: names.map((n) => [`person/${n.toLowerCase()}`, n]),
});

describe('the library by thread’s pages', () => {
  it('list every thread largest first, ties in folder order, cut into pages of the given size', () => {
    const threads = [
      ['a', thread(2, 'A')],
      ['b', thread(5, 'B')],
      ['c', thread(3, 'C')],
      ['d', thread(5, 'D')],
      ['e', thread(2, 'E')],
    ] as const;
    const pages = threadListPages(threads, 2);
    expect(pages.map((p) => p.first)).toEqual([0, 2, 4]);
    const rows = pages.flatMap((p) => p.rows);
    expect(rows.map((r) => r[0])).toEqual(['b', 'd', 'c', 'a', 'e']);
    expect(rows.map((r) => r[2])).toEqual([5, 5, 3, 2, 2]);
    // Every page's rows read back as written.
    for (const p of pages)
      expect(readThreadListPage(JSON.parse(JSON.stringify(p)))).toEqual(p.rows);
  });

  it('give a row its title, size, first story’s title and the first names its stories share', () => {
    const [page] = threadListPages([['x', thread(4, 'X', ['Ann', 'Bob', 'Cy', 'Dee'])]]);
    expect(page!.rows[0]).toEqual([
      'x',
      'X',
      4,
      'First of X',
      ['Ann', 'Bob', 'Cy'].slice(0, THREAD_ROW_NAMES),
    ]);
  });

  it('make no pages of no threads, and refuse a page size below one', () => {
    expect(threadListPages([])).toEqual([]);
    expect(() => threadListPages([], 0)).toThrow();
  });

  it('read no rows from a file of another format or shape', () => {
    expect(readThreadListPage(null)).toBeNull();
    expect(readThreadListPage({ format: 99, first: 0, rows: [] })).toBeNull();
    expect(
      readThreadListPage({ format: 1, first: 0, rows: [['x', 'X', '4', 'F', []]] }),
    ).toBeNull();
  });
});
