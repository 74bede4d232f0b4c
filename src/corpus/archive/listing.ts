import { storyExcerpt } from '../library.ts';
import type { Story, StoryKind } from '../types';

/**
 * What one library row shows (story-row.tsx), and nothing more: the archive's listing pages are
 * made of these, and the whole-folder library turns its stories into them as it renders.
 */
export interface ListingRow {
  id: string;
  kind: StoryKind;
  section: string | null;
  kicker: string | null;
  title: string;
  readingMinutes: number;
  /** The row's one-line excerpt (`storyExcerpt`), cut to EXCERPT_MAX characters. */
  excerpt: string;
}

/** The row clamps the excerpt to one line: ~120 characters fit the widest column; 200 is ample. */
export const EXCERPT_MAX = 200;

/** A story as a library row. `title` is the folder-distinct one (`orderStories`). */
export function rowOf(story: Story): ListingRow {
  return {
    id: story.id,
    kind: story.kind,
    section: story.section,
    kicker: story.kicker,
    title: story.title,
    readingMinutes: story.readingMinutes,
    excerpt: cut(storyExcerpt(story), EXCERPT_MAX),
  };
}

/** `text` up to `max` characters, cut at a word boundary with "…" when longer. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const at = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, at > max / 2 ? at : max - 1)}…`;
}

/** A listing page on the wire: its rows as tuples, since 100 rows repeat the same six keys. */
export type PackedRow = [
  id: string,
  brief: 0 | 1,
  section: string | null,
  kicker: string | null,
  title: string,
  minutes: number,
  excerpt: string,
];

export interface ListingPage {
  format: typeof LISTING_FORMAT;
  /** The index of the page's first row in the whole listing. */
  first: number;
  rows: PackedRow[];
}

export const LISTING_FORMAT = 1;

export function packRow(r: ListingRow): PackedRow {
  return [
    r.id,
    r.kind === 'brief' ? 1 : 0,
    r.section,
    r.kicker,
    r.title,
    r.readingMinutes,
    r.excerpt,
  ];
}

export function unpackRow(p: PackedRow): ListingRow {
  const [id, brief, section, kicker, title, readingMinutes, excerpt] = p;
  return { id, kind: brief ? 'brief' : 'main', section, kicker, title, readingMinutes, excerpt };
}

/** The listing cut into pages of `size` rows, in order (the last one may be shorter). */
export function cutPages(rows: readonly ListingRow[], size: number): ListingPage[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size ${size}`);
  const pages: ListingPage[] = [];
  for (let first = 0; first < rows.length; first += size)
    pages.push({
      format: LISTING_FORMAT,
      first,
      rows: rows.slice(first, first + size).map(packRow),
    });
  return pages;
}

/** A page's rows, or null when it is not a listing page of this format (a stale or foreign file). */
export function readPage(data: unknown): ListingRow[] | null {
  const page = data as Partial<ListingPage> | null;
  if (!page || page.format !== LISTING_FORMAT || !Array.isArray(page.rows)) return null;
  return page.rows.map(unpackRow);
}

/**
 * Sections as ranges of the listing: the library's order is path order, so a section's stories
 * are one run of rows. Stories of the folder's top level (no section) are not a section.
 */
export interface SectionRange {
  name: string;
  first: number;
  count: number;
}

export function sectionRanges(rows: readonly Pick<ListingRow, 'section'>[]): SectionRange[] {
  const out: SectionRange[] = [];
  rows.forEach((r, i) => {
    const last = out[out.length - 1];
    if (r.section === null) return;
    if (last?.name === r.section && last.first + last.count === i) last.count++;
    else out.push({ name: r.section, first: i, count: 1 });
  });
  return out;
}

/** Which listing page holds row `index`, and where in it. */
export function pageOf(index: number, size: number): { page: number; offset: number } {
  return { page: Math.floor(index / size), offset: index % size };
}

/** The rows of section `name` (every run of it), ascending. */
export function rowsOfSection(ranges: readonly SectionRange[], name: string): number[] {
  const out: number[] = [];
  for (const r of ranges)
    if (r.name === name) for (let i = r.first; i < r.first + r.count; i++) out.push(i);
  return out.sort((a, b) => a - b);
}
