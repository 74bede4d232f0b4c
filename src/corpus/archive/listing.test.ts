import { describe, expect, it } from 'vitest';
import { loadFolder, SEEDS_DIR } from '../../../scripts/lib/corpora';
import { orderStories, storyExcerpt } from '../library';
import type { ManifestFile } from '../types';
import {
  cut,
  cutPages,
  EXCERPT_MAX,
  pageOf,
  readPage,
  rowOf,
  rowsOfSection,
  sectionRanges,
  type ListingRow,
} from './listing';

const folder = loadFolder(SEEDS_DIR);
const manifest: ManifestFile[] = folder.files.map((f) => ({
  id: f.fileId,
  path: `${f.fileId}.txt`,
  section: f.section,
  size: 0,
  hash: '',
}));
const stories = orderStories(manifest, new Map(folder.files.map((f) => [f.fileId, f])));
const rows = stories.map(rowOf);

describe('the archive’s listing', () => {
  it('is the library’s order, each row what the library row shows', () => {
    expect(rows.map((r) => r.id)).toEqual(stories.map((s) => s.id));
    const brief = stories.findIndex((s) => s.kind === 'brief');
    expect(rows[brief]).toMatchObject({ kind: 'brief', title: stories[brief]!.title });
    for (const [i, s] of stories.entries()) {
      expect(rows[i]!.readingMinutes).toBe(s.readingMinutes);
      expect(rows[i]!.kicker).toBe(s.kicker);
      expect(storyExcerpt(s).startsWith(rows[i]!.excerpt.replace(/…$/u, ''))).toBe(true);
      expect(rows[i]!.excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX);
    }
  });

  it('cuts into pages that read back to the same rows, in order', () => {
    const pages = cutPages(rows, 4);
    expect(pages.map((p) => p.rows.length)).toEqual([4, 4, 4, rows.length - 12]);
    expect(pages.map((p) => p.first)).toEqual([0, 4, 8, 12]);
    const back = pages.flatMap((p) => readPage(JSON.parse(JSON.stringify(p)))!);
    expect(back).toEqual(rows);
    expect(pageOf(13, 4)).toEqual({ page: 3, offset: 1 });
    expect(() => cutPages(rows, 0)).toThrow();
  });

  it('refuses a page of another format rather than show it', () => {
    expect(readPage({ format: 99, first: 0, rows: [] })).toBeNull();
    expect(readPage(null)).toBeNull();
    expect(readPage({ format: 1 })).toBeNull();
  });

  it('gives sections as runs of rows, top-level stories in none', () => {
    const at = (section: string | null): Pick<ListingRow, 'section'> => ({ section });
    const list = [at(null), at('business'), at('business'), at('sport'), at(null), at('sport')];
    expect(sectionRanges(list)).toEqual([
      { name: 'business', first: 1, count: 2 },
      { name: 'sport', first: 3, count: 1 },
      { name: 'sport', first: 5, count: 1 },
    ]);
    // The section filter: every run of it.
    expect(rowsOfSection(sectionRanges(list), 'sport')).toEqual([3, 5]);
    expect(rowsOfSection(sectionRanges(list), 'weather')).toEqual([]);
  });

  it('cuts long excerpts at a word', () => {
    expect(cut('short', 10)).toBe('short');
    expect(cut('one two three four', 10)).toBe('one two…');
    expect(cut('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
