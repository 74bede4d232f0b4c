import { describe, expect, it } from 'vitest';
import { IntPairMap } from './int-pair-map';

describe('IntPairMap', () => {
  it('answers as a Map keyed by the ordered pair, in the order pairs were first set', () => {
    // Small on purpose: the table grows and rehashes many times over.
    const map = new IntPairMap(4);
    const reference = new Map<string, number>();
    let seed = 7;
    const next = (k: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % k;
    };
    // Past 2^16, where a · n + b once left the small integers; a few pairs set twice.
    const n = 150_000;
    for (let i = 0; i < 20_000; i++) {
      const a = next(n);
      const b = i % 5 === 0 ? next(40) : next(n);
      const v = next(1000) / 1000;
      map.set(a, b, v);
      reference.set(`${a} ${b}`, v);
      if (i % 7 === 0) {
        map.set(a, b, v + 1);
        reference.set(`${a} ${b}`, v + 1);
      }
    }
    expect(map.size).toBe(reference.size);
    const order = Array.from({ length: map.size }, (_, i) => `${map.first[i]} ${map.second[i]}`);
    expect(order).toEqual([...reference.keys()]);
    for (const [key, v] of reference) {
      const [a, b] = key.split(' ').map(Number) as [number, number];
      expect(map.get(a, b)).toBe(v);
      expect(map.has(a, b)).toBe(true);
    }
    // Ordered: (b, a) is another pair.
    expect(map.get(3, 5) === undefined || reference.has('3 5')).toBe(true);
    map.set(1, 2, 0.5);
    expect(map.get(2, 1)).toBe(reference.get('2 1'));
    expect(map.has(n + 1, n + 2)).toBe(false);
    expect(map.get(n + 1, n + 2)).toBeUndefined();
  });
});
