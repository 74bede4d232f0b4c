import { complementRows } from './row-lists.ts';

/**
 * The archive's unread filter: read marks are kept by story id, and a mark made in an archive
 * carries the story's listing row (ReadingEntry.place), so "unread" is every other row, with no
 * fetch. A row is one build's: `listingKey` names the listing it is a row of.
 */

/** A name for a listing: FNV-1a of its pages' content hashes (a rebuilt listing is another). */
export function listingKey(pages: readonly string[]): string {
  let h = 0x811c9dc5;
  const s = pages.join(',');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${pages.length}-${h.toString(16).padStart(8, '0')}`;
}

interface Mark {
  read: boolean;
  place?: { listing: string; row: number };
}

export interface UnreadRows {
  /** The rows not marked read, ascending. */
  rows: number[];
  /** Read marks kept before (or in another listing): not placed, so their stories count unread. */
  unplaced: number;
}

/** The unread rows of a listing of `total` rows named `listing`, given the reader's marks. */
export function unreadRows(marks: Iterable<Mark>, listing: string, total: number): UnreadRows {
  const read = new Set<number>();
  let unplaced = 0;
  for (const m of marks) {
    if (!m.read) continue;
    const p = m.place;
    if (p && p.listing === listing && Number.isSafeInteger(p.row) && p.row >= 0 && p.row < total)
      read.add(p.row);
    else unplaced++;
  }
  return {
    rows: complementRows(
      [...read].sort((a, b) => a - b),
      total,
    ),
    unplaced,
  };
}
