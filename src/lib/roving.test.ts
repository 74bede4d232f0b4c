import { describe, expect, it } from 'vitest';
import { rovingIndex } from './roving';

describe('rovingIndex', () => {
  it('steps through the items and stops at either end', () => {
    expect(rovingIndex(3, 0, 'next')).toBe(1);
    expect(rovingIndex(3, 2, 'next')).toBe(2);
    expect(rovingIndex(3, 0, 'prev')).toBe(0);
    expect(rovingIndex(3, 1, 'first')).toBe(0);
    expect(rovingIndex(3, 1, 'last')).toBe(2);
  });

  it('starts at the first item when none has the stop, and finds nothing in no items', () => {
    expect(rovingIndex(3, -1, 'next')).toBe(0);
    expect(rovingIndex(3, -1, 'prev')).toBe(0);
    expect(rovingIndex(0, -1, 'next')).toBe(-1);
  });
});
