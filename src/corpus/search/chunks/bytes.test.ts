import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, ChunkFormatError, readFrontCoded, writeFrontCoded } from './bytes';

describe('byte codec', () => {
  it('reads back any mix of integers, bytes and strings', () => {
    const item = fc.oneof(
      fc.record({ k: fc.constant('uint' as const), v: fc.maxSafeNat() }),
      fc.record({ k: fc.constant('byte' as const), v: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ k: fc.constant('string' as const), v: fc.string({ unit: 'grapheme' }) }),
    );
    fc.assert(
      fc.property(fc.array(item), (items) => {
        const w = new ByteWriter();
        for (const it of items) {
          if (it.k === 'string') w.string(it.v);
          else if (it.k === 'byte') w.byte(it.v);
          else w.uint(it.v);
        }
        const r = new ByteReader(w.finish());
        for (const it of items) {
          const got = it.k === 'string' ? r.string() : it.k === 'byte' ? r.byte() : r.uint();
          expect(got).toBe(it.v);
        }
        expect(r.done).toBe(true);
      }),
    );
  });

  it('writes small integers in one byte and refuses what is not a uint', () => {
    const w = new ByteWriter();
    w.uint(127);
    expect(w.length).toBe(1);
    w.uint(128);
    expect(w.length).toBe(3);
    expect(() => w.uint(-1)).toThrow(RangeError);
    expect(() => w.uint(1.5)).toThrow(RangeError);
    expect(() => w.uint(2 ** 60)).toThrow(RangeError);
  });

  it('front-codes sorted terms, astral characters included, and reads them back', () => {
    const terms = fc.array(fc.string({ unit: 'grapheme', minLength: 1 }), { minLength: 1 });
    fc.assert(
      fc.property(terms, (list) => {
        const sorted = [...new Set(list)].sort();
        const w = new ByteWriter();
        let prev = '';
        for (const t of sorted) writeFrontCoded(w, prev, (prev = t));
        const r = new ByteReader(w.finish());
        prev = '';
        for (const t of sorted) expect((prev = readFrontCoded(r, prev))).toBe(t);
      }),
    );
    // Two terms sharing the high half of a surrogate pair only.
    const w = new ByteWriter();
    writeFrontCoded(w, '', '𝒜a');
    writeFrontCoded(w, '𝒜a', '𝒝b');
    const r = new ByteReader(w.finish());
    expect([readFrontCoded(r, ''), readFrontCoded(r, '𝒜a')]).toEqual(['𝒜a', '𝒝b']);
  });

  it('rejects truncated and malformed input with ChunkFormatError', () => {
    const w = new ByteWriter();
    w.uint(300);
    w.string('héllo');
    const bytes = w.finish();
    for (let cut = 0; cut < bytes.length; cut++) {
      const r = new ByteReader(bytes.subarray(0, cut));
      expect(() => {
        r.uint();
        r.string();
      }).toThrow(ChunkFormatError);
    }
    expect(() => new ByteReader(new Uint8Array([2, 0xc3, 0x28])).string()).toThrow(
      ChunkFormatError,
    );
    expect(() => new ByteReader(new Uint8Array(9).fill(0xff)).uint()).toThrow(ChunkFormatError);
    // A count larger than the bytes left cannot make a reader allocate for it.
    expect(() => new ByteReader(new Uint8Array([0xff, 0xff, 0xff, 0x7f])).count()).toThrow(
      ChunkFormatError,
    );
  });
});
