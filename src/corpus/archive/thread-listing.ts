import { ARCHIVE_FORMAT, type ArchiveThread } from './archive-format.ts';

/**
 * The library by thread in an archive (`?view=threads`): every thread, largest first (then
 * folder order, as the whole folder's `threadList`), as rows of fixed-size pages, so row i is on
 * page ⌊i / size⌋ without a lookup and a screen fetches only its pages. A row is what the
 * whole-folder row shows before it is expanded; its stories come from the thread's group.
 */

/**
 * One thread as the library by thread lists it: its id (its first story's, the thread group's
 * key), its central story's title, its size (copies once), its first story's title (the thread's
 * oldest in folder order) and the first THREAD_ROW_NAMES names its stories share.
 */
export type ThreadRow = [id: string, title: string, size: number, first: string, names: string[]];

export interface ThreadListPage {
  format: typeof ARCHIVE_FORMAT;
  /** The index of the page's first row in the whole list. */
  first: number;
  rows: ThreadRow[];
}

/**
 * Rows per thread page. A row is bounded (two titles and three names: ~150 bytes of JSON), so a
 * page is ~15 KB at most, ~5 KB gzip, as a listing page of 100 stories is bounded by its rows.
 */
export const THREAD_PAGE_ROWS = 100;

/** Names a row shows (the whole folder's thread row: 3). */
export const THREAD_ROW_NAMES = 3;

/**
 * The thread list cut into pages: `threads` in folder order (the build's `Threads` order), each
 * with its thread page's data; sorted by size, largest first, ties in folder order.
 */
export function threadListPages(
  threads: readonly (readonly [id: string, thread: ArchiveThread])[],
  size = THREAD_PAGE_ROWS,
): ThreadListPage[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size ${size}`);
  const rows = threads
    .map(([id, t], order) => ({ order, row: threadRow(id, t) }))
    .sort((a, b) => b.row[2] - a.row[2] || a.order - b.order)
    .map((x) => x.row);
  const pages: ThreadListPage[] = [];
  for (let first = 0; first < rows.length; first += size)
    pages.push({ format: ARCHIVE_FORMAT, first, rows: rows.slice(first, first + size) });
  return pages;
}

function threadRow(id: string, t: ArchiveThread): ThreadRow {
  const first = t.stories[0]?.[1] ?? id;
  const names = t.entities.slice(0, THREAD_ROW_NAMES).map(([, name]) => name);
  return [id, t.title, t.size, first, names];
}

/** A page's rows, or null when it is not a thread page of this format (a stale or foreign file). */
export function readThreadListPage(data: unknown): ThreadRow[] | null {
  const page = data as Partial<ThreadListPage> | null;
  if (!page || page.format !== ARCHIVE_FORMAT || !Array.isArray(page.rows)) return null;
  const ok = page.rows.every(
    (r) =>
      Array.isArray(r) &&
      typeof r[0] === 'string' &&
      typeof r[1] === 'string' &&
      typeof r[2] === 'number' &&
      typeof r[3] === 'string' &&
      Array.isArray(r[4]),
  );
  return ok ? page.rows : null;
}
