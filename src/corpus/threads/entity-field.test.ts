import { describe, expect, it } from 'vitest';
import { entityField } from './entity-field';

describe('the entity field', () => {
  const ids = ['results', 'follow-up', 'other'];
  // The results story names its winner five times among many walk-on names; the follow-up names
  // her twice. "person/walk-on-*" are each in one story only.
  const mentions = new Map<string, string[]>([
    [
      'results',
      [
        ...Array<string>(5).fill('person/joss-stone'),
        'place/uk',
        ...Array.from({ length: 30 }, (_, i) => `person/walk-on-${i}`),
      ],
    ],
    ['follow-up', ['person/joss-stone', 'person/joss-stone', 'place/uk']],
    ['other', ['place/uk']],
  ]);

  it('keeps every shared entity, weighted by (1 + ln mentions) · idf', () => {
    const f = entityField(ids, mentions);
    expect(f.count).toBe(2); // joss-stone and uk: the walk-on names link nothing
    const row = (d: number): Map<number, number> => {
      const m = new Map<number, number>();
      for (let i = f.start[d]!; i < f.start[d + 1]!; i++) m.set(f.feature[i]!, f.weight[i]!);
      return m;
    };
    const idf = (df: number): number => Math.log(4 / (df + 0.5));
    // Local ids in order of first sight: joss-stone 0, uk 1.
    expect(row(0).get(0)).toBeCloseTo((1 + Math.log(5)) * idf(2), 9);
    expect(row(1).get(0)).toBeCloseTo((1 + Math.log(2)) * idf(2), 9);
    expect(row(2).get(1)).toBeCloseTo(idf(3), 9);
    expect(row(2).has(0)).toBe(false);
  });

  it('counts the entities no other story names in the vector length only', () => {
    const f = entityField(ids, mentions);
    expect(f.aloneNorm2[0]).toBeCloseTo(30 * Math.log(4 / 1.5) ** 2, 9);
    expect(f.aloneNorm2[1]).toBe(0);
  });

  it('gives a story without entities an empty row', () => {
    const f = entityField(['a', 'b'], new Map([['a', ['place/uk']]]));
    expect(f.start[2]! - f.start[1]!).toBe(0);
    expect(f.count).toBe(0);
  });
});
