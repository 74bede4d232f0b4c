import { describe, expect, it } from 'vitest';
import { memoizeLast } from './memoize-last';

describe('memoizeLast', () => {
  it('reuses the last result for identical arguments and recomputes for new ones', () => {
    let calls = 0;
    const f = memoizeLast((xs: number[], flag: boolean) => {
      calls++;
      return { n: xs.length, flag };
    });
    const a = [1, 2];
    const first = f(a, true);
    expect(f(a, true)).toBe(first);
    expect(calls).toBe(1);
    expect(f([1, 2], true)).not.toBe(first); // equal but not the same array
    expect(f(a, false).flag).toBe(false);
    expect(calls).toBe(3);
  });
});
