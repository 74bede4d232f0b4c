import { describe, expect, it } from 'vitest';
import { TypedList } from './typed-list';

describe('a growing typed list', () => {
  it('keeps every pushed entry, in order, past its first capacity', () => {
    const list = new TypedList((k) => new Float32Array(k), 2);
    const pushed = Array.from({ length: 1000 }, (_, i) => i / 7);
    for (const x of pushed) list.push(x);
    expect(list.length).toBe(1000);
    // Stored as 32-bit floats, as the index stores its weights.
    expect([...list.view()]).toEqual(pushed.map(Math.fround));
    expect(new TypedList((k) => new Int32Array(k)).view()).toEqual(new Int32Array(0));
  });
});
