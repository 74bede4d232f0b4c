import { ByteReader, ByteWriter, ChunkFormatError } from './bytes';

/**
 * The one file every query loads first (`meta`): how many stories there are, where the
 * vocabulary chunks and the directory pages start in term order, which stories are copies of
 * others, each story's section, and how large a fragment group is. Everything else is fetched
 * by name from what this says. Where the postings and positions chunks start is in directory
 * pages (`dp-<k>`, `dx-<k>`, `DIRECTORY_PAGE` chunks each), fetched for the terms a query has:
 * at 100,000 stories there are thousands of chunks, and their first terms in this file would be
 * most of what every cold query downloads.
 */
export interface ChunkMeta {
  stories: number;
  /** First term of each postings directory page `dp-<k>`. */
  postingsPages: string[];
  /** First term of each positions directory page `dx-<k>`. */
  positionsPages: string[];
  /** First term of each vocabulary chunk `v-<i>`, ascending. */
  vocabFirst: string[];
  /** First characters (code points) that have a top-completions file `t-<hex>`. */
  topChars: string[];
  /** Stories per fragment file `f-<i>`. */
  fragmentGroup: number;
  sections: string[];
  /** Section of every story: index into `sections`, or −1 for none. */
  sectionOf: Int32Array;
  /** Root of each story's group of copies (the story itself when it has none). */
  duplicateRoot: Int32Array;
}

/** Where files of term ranges start (see range-chunker.ts). */
export interface TermRanges {
  /** First term of each file, ascending. */
  first: string[];
  /** Whether file i begins with the rest of a term started in file i − 1 (a split term). */
  continues: boolean[];
}

/** Chunks described per directory page. */
export const DIRECTORY_PAGE = 256;

/** 16.7 million: far past any folder this reader is for, and 128 MB of tables at most. */
const MAX_STORIES = 1 << 24;

const MAGIC = 0x4d; // 'M'
const D_MAGIC = 0x44; // 'D'
/**
 * The chunk format's version, in `meta` and in the manifest's `chunks` reference: a browser whose
 * code reads another version searches its own index instead.
 */
export const CHUNK_FORMAT = 2;
const VERSION = CHUNK_FORMAT;

export function encodeMeta(m: ChunkMeta): Uint8Array {
  const w = new ByteWriter();
  w.byte(MAGIC);
  w.byte(VERSION);
  w.uint(m.stories);
  w.uint(m.fragmentGroup);
  writeStrings(w, m.postingsPages);
  writeStrings(w, m.positionsPages);
  writeStrings(w, m.vocabFirst);
  writeStrings(w, m.topChars);
  writeStrings(w, m.sections);
  // Sections run in folder order: (section + 1, run length) pairs.
  const runs: number[] = [];
  for (let d = 0; d < m.stories; d++) {
    const s = m.sectionOf[d]! + 1;
    if (runs.length && runs[runs.length - 2] === s) runs[runs.length - 1]!++;
    else runs.push(s, 1);
  }
  w.uint(runs.length / 2);
  for (const v of runs) w.uint(v);
  // Only the copies, as (gap to the previous copy, distance back to its root, zigzag-coded as
  // a root is usually, not always, the earlier story): most stories have none.
  const copies: number[] = [];
  for (let d = 0; d < m.stories; d++) if (m.duplicateRoot[d] !== d) copies.push(d);
  w.uint(copies.length);
  let prev = 0;
  for (const d of copies) {
    const back = d - m.duplicateRoot[d]!;
    w.uint(d - prev);
    w.uint(back >= 0 ? back * 2 : -back * 2 - 1);
    prev = d;
  }
  return w.finish();
}

export function decodeMeta(bytes: Uint8Array): ChunkMeta {
  const r = new ByteReader(bytes);
  if (r.byte() !== MAGIC || r.byte() !== VERSION) throw new ChunkFormatError('not a chunk meta');
  const stories = r.uint();
  // Typed arrays of this length follow: a forged count must not ask for gigabytes.
  if (stories > MAX_STORIES) throw new ChunkFormatError('too many stories');
  const fragmentGroup = r.uint();
  if (fragmentGroup < 1) throw new ChunkFormatError('empty fragment group');
  const postingsPages = readStrings(r);
  const positionsPages = readStrings(r);
  const vocabFirst = readStrings(r);
  const topChars = readStrings(r);
  const sections = readStrings(r);
  const sectionOf = new Int32Array(stories);
  let d = 0;
  for (let i = r.count(2); i > 0; i--) {
    const s = r.uint() - 1;
    const run = r.uint();
    if (s >= sections.length || d + run > stories) throw new ChunkFormatError('bad section run');
    sectionOf.fill(s, d, d + run);
    d += run;
  }
  const duplicateRoot = Int32Array.from({ length: stories }, (_, i) => i);
  let at = 0;
  for (let i = r.count(2); i > 0; i--) {
    at += r.uint();
    const z = r.uint();
    const root = at - (z % 2 ? -(z + 1) / 2 : z / 2);
    if (at >= stories || root < 0 || root >= stories) throw new ChunkFormatError('bad duplicate');
    duplicateRoot[at] = root;
  }
  return {
    stories,
    postingsPages,
    positionsPages,
    vocabFirst,
    topChars,
    fragmentGroup,
    sections,
    sectionOf,
    duplicateRoot,
  };
}

/** Cuts chunk ranges into directory pages; returns the pages' files and first terms. */
export function encodeDirectory(ranges: TermRanges): { pages: Uint8Array[]; first: string[] } {
  const pages: Uint8Array[] = [];
  const first: string[] = [];
  for (let at = 0; at < ranges.first.length; at += DIRECTORY_PAGE) {
    const w = new ByteWriter();
    w.byte(D_MAGIC);
    writeRanges(w, {
      first: ranges.first.slice(at, at + DIRECTORY_PAGE),
      continues: ranges.continues.slice(at, at + DIRECTORY_PAGE),
    });
    pages.push(w.finish());
    first.push(ranges.first[at]!);
  }
  return { pages, first };
}

export function decodeDirectoryPage(bytes: Uint8Array): TermRanges {
  const r = new ByteReader(bytes);
  if (r.byte() !== D_MAGIC) throw new ChunkFormatError('not a directory page');
  return readRanges(r);
}

/**
 * Directory pages (indexes into `pageFirst`) that may describe `term`'s chunks: the page its
 * range falls in, and before it the pages a split term began on. `page(k)` reads page k.
 */
export async function pagesFor(
  pageFirst: readonly string[],
  term: string,
  page: (k: number) => Promise<TermRanges>,
): Promise<{ from: number; ranges: TermRanges }> {
  let k = lastAtOrBefore(pageFirst, term);
  if (k < 0) return { from: 0, ranges: { first: [], continues: [] } };
  const pages = [await page(k)];
  while (k > 0 && pages[0]!.first[0] === term && pages[0]!.continues[0])
    pages.unshift(await page(--k));
  return {
    from: k * DIRECTORY_PAGE,
    ranges: {
      first: pages.flatMap((p) => p.first),
      continues: pages.flatMap((p) => p.continues),
    },
  };
}

function writeRanges(w: ByteWriter, ranges: TermRanges): void {
  w.uint(ranges.first.length);
  ranges.first.forEach((t, i) => {
    w.string(t);
    w.byte(ranges.continues[i] ? 1 : 0);
  });
}

function readRanges(r: ByteReader): TermRanges {
  const out: TermRanges = { first: [], continues: [] };
  for (let i = r.count(2); i > 0; i--) {
    out.first.push(r.string());
    out.continues.push(r.byte() === 1);
  }
  return out;
}

function writeStrings(w: ByteWriter, list: readonly string[]): void {
  w.uint(list.length);
  for (const s of list) w.string(s);
}

function readStrings(r: ByteReader): string[] {
  const out: string[] = [];
  for (let i = r.count(); i > 0; i--) out.push(r.string());
  return out;
}

/** Index of the last entry of `sorted` that is ≤ key (−1 when none). */
function lastAtOrBefore(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The files of `ranges` that may hold `term`: the file its range falls in, and for a split term
 * every file that continues it. A term absent from the folder still maps to the one file whose
 * range covers it; loading it is how its absence is learnt.
 */
export function chunksFor(ranges: TermRanges, term: string): number[] {
  const hi = lastAtOrBefore(ranges.first, term);
  if (hi < 0) return [];
  let lo = hi;
  while (lo > 0 && ranges.first[lo] === term && ranges.continues[lo]) lo--;
  const out: number[] = [];
  for (let i = lo; i <= hi; i++) out.push(i);
  return out;
}

/** Vocabulary chunks whose term ranges meet the terms starting with `prefix`. */
export function vocabChunksFor(m: ChunkMeta, prefix: string): number[] {
  const first = Math.max(0, lastAtOrBefore(m.vocabFirst, prefix));
  const out: number[] = [];
  for (let i = first; i < m.vocabFirst.length; i++) {
    const start = m.vocabFirst[i]!;
    if (i > first && !start.startsWith(prefix) && start > prefix) break;
    out.push(i);
  }
  return out;
}

export const fileNames = {
  meta: 'meta',
  postings: (i: number): string => `p-${i}`,
  positions: (i: number): string => `x-${i}`,
  tail: (i: number): string => `q-${i}`,
  vocab: (i: number): string => `v-${i}`,
  top: (char: string): string => `t-${char.codePointAt(0)!.toString(16)}`,
  postingsPage: (k: number): string => `dp-${k}`,
  positionsPage: (k: number): string => `dx-${k}`,
  fragments: (i: number): string => `f-${i}`,
};
