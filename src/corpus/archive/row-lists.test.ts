import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  complementRows,
  decodeRows,
  encodeRows,
  hasRow,
  intersectAll,
  intersectRows,
  stepRows,
} from './row-lists';

/** Ascending distinct rows below `max`. */
const rowSets = (max: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max }), { maxLength: 300 })
    .map((a) => a.sort((x, y) => x - y));

describe('row lists', () => {
  it('read back as the rows written, whatever the gaps', () => {
    fc.assert(
      fc.property(rowSets(2_000_000), (rows) => {
        expect(decodeRows(encodeRows(rows))).toEqual(rows);
      }),
    );
  });

  it('cost a character a gap under 32, two under 1,024, three under 32,768', () => {
    expect(encodeRows([])).toBe('');
    // First row 0, then gaps of 1: one character each.
    expect(encodeRows([0, 1, 2, 3])).toHaveLength(4);
    expect(encodeRows([31, 63])).toHaveLength(2);
    expect(encodeRows([32])).toHaveLength(2);
    expect(encodeRows([1023])).toHaveLength(2);
    expect(encodeRows([1024])).toHaveLength(3);
    expect(encodeRows([32_767])).toHaveLength(3);
    expect(encodeRows([32_768])).toHaveLength(4);
    // Only URL-safe characters: JSON writes them as they are.
    expect(encodeRows([0, 5, 100_000, 100_001, 3_000_000])).toMatch(/^[\w-]+$/u);
  });

  it('refuse rows out of order, and codes that are not row lists', () => {
    expect(() => encodeRows([3, 2])).toThrow();
    expect(() => encodeRows([1, 1])).toThrow();
    expect(() => encodeRows([-1])).toThrow();
    expect(() => encodeRows([1.5])).toThrow();
    expect(decodeRows('A B')).toBeNull();
    // A number cut after a digit that says more follows.
    expect(decodeRows(encodeRows([5000]).slice(0, -1))).toBeNull();
    expect(decodeRows('_'.repeat(20))).toBeNull();
  });

  it('intersect and complement as sets do, in order', () => {
    fc.assert(
      fc.property(rowSets(400), rowSets(400), (a, b) => {
        const inB = new Set(b);
        expect(intersectRows(a, b)).toEqual(a.filter((x) => inB.has(x)));
        const inA = new Set(a);
        const all = Array.from({ length: 420 }, (_, i) => i);
        expect(complementRows(a, 420)).toEqual(all.filter((x) => !inA.has(x)));
      }),
    );
  });
});

describe('several filters', () => {
  it('keep the rows every list has', () => {
    expect(
      intersectAll([
        [1, 2, 3, 9],
        [2, 3, 9],
        [0, 3, 9, 12],
      ]),
    ).toEqual([3, 9]);
    expect(intersectAll([[4, 5]])).toEqual([4, 5]);
    expect(intersectAll([])).toEqual([]);
  });
});

describe('stepping through a filter', () => {
  const rows = [2, 5, 9, 14];
  it('goes to the next or previous row the filter lets through, null at either end', () => {
    expect(stepRows(rows, 5, 1)).toBe(9);
    expect(stepRows(rows, 5, -1)).toBe(2);
    expect(stepRows(rows, 14, 1)).toBeNull();
    expect(stepRows(rows, 2, -1)).toBeNull();
    // Only even rows (the articles, say).
    expect(stepRows(rows, 2, 1, (r) => r % 2 === 0)).toBe(14);
  });
  it('starts where a row outside the filter would be', () => {
    expect(stepRows(rows, 6, 1)).toBe(9);
    expect(stepRows(rows, 6, -1)).toBe(5);
    expect(stepRows(rows, 0, -1)).toBeNull();
    expect(stepRows(rows, 20, -1)).toBe(14);
    expect(stepRows([], 3, 1)).toBeNull();
  });
  it('finds a row by halving', () => {
    fc.assert(
      fc.property(rowSets(500), fc.integer({ min: 0, max: 500 }), (list, r) => {
        expect(hasRow(list, r)).toBe(list.includes(r));
      }),
    );
  });
});
