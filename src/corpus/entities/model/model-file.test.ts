import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_FILE } from '../../../../scripts/lib/ner/paths';
import { hashBytes } from './hash';
import { L, scaleOf } from './linear-model';
import { decodeModel, encodeModel } from './model-file';
import { MODEL_VERSION } from './model-version';

describe('the model file', () => {
  it('round-trips lexicon and weights (int8 per-row scales within 5%)', () => {
    const weights = Float32Array.from({ length: 3 * L }, (_, i) => (i % 5) - 2.5 + i / 10);
    const data = {
      header: { name: 'test' },
      lexicon: {
        words: ['london', 'said'],
        fine: Uint16Array.from([3, 0xffff]),
        coarse: Uint8Array.from([1, 0]),
        caseBucket: Uint8Array.from([6, 1]),
        phrases: ['new york', 'paris'],
        masks: Uint8Array.from([2, 3]),
      },
      passes: [
        { hashes: Int32Array.from([-5, 7, 123456]), weights, trans: new Float32Array((L + 1) * L) },
      ],
    };
    const back = decodeModel(encodeModel(data));
    expect(back.header).toEqual(data.header);
    expect(back.lexicon).toEqual(data.lexicon);
    expect([...back.passes[0]!.hashes]).toEqual([-5, 7, 123456]);
    const { q, scales } = back.passes[0]!;
    q.forEach((qw, i) => {
      const row = Math.floor(i / L);
      const w = qw * scaleOf(scales[row]!);
      const max = Math.max(...weights.subarray(row * L, row * L + L).map(Math.abs));
      expect(Math.abs(w - weights[i]!)).toBeLessThanOrEqual(max * 0.05);
    });
  });

  it('is the model MODEL_VERSION names, so cache keys change with it', () => {
    expect(hashBytes(new Uint8Array(readFileSync(MODEL_FILE)))).toBe(MODEL_VERSION);
  });
});
