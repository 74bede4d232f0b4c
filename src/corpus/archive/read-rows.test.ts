import { describe, expect, it } from 'vitest';
import { listingKey, unreadRows } from './read-rows';

const at = (listing: string, row: number) => ({ listing, row });

describe('the archive’s unread rows', () => {
  it('are every row but those marked read in this listing', () => {
    const key = listingKey(['aa', 'bb']);
    const marks = [
      { read: true, place: at(key, 3) },
      { read: true, place: at(key, 0) },
      // Begun, not read: still unread.
      { read: false, place: at(key, 1) },
    ];
    expect(unreadRows(marks, key, 5)).toEqual({ rows: [1, 2, 4], unplaced: 0 });
  });

  it('count, and never place, read marks without a row of this listing', () => {
    const key = listingKey(['aa', 'bb']);
    const marks = [
      { read: true },
      { read: true, place: at(listingKey(['aa', 'cc']), 2) },
      { read: true, place: at(key, 9) },
      { read: true, place: at(key, 2) },
    ];
    expect(unreadRows(marks, key, 5)).toEqual({ rows: [0, 1, 3, 4], unplaced: 3 });
  });

  it('name listings by their pages', () => {
    expect(listingKey(['aa', 'bb'])).toBe(listingKey(['aa', 'bb']));
    expect(listingKey(['aa', 'bb'])).not.toBe(listingKey(['aa', 'bc']));
    expect(listingKey(['aa', 'bb'])).not.toBe(listingKey(['aa,bb']));
  });
});
