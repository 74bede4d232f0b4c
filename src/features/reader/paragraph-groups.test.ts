import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupOf, groupParagraphs, sliceEnds } from './paragraph-groups';

describe('paragraph groups and render slices', () => {
  it('keeps a BBC-sized story in one group and one slice: it renders whole at once', () => {
    const groups = groupParagraphs(Array.from({ length: 18 }, () => 320));
    expect(groups).toEqual([{ from: 0, to: 18, chars: 5760 }]);
    expect(sliceEnds(groups)).toEqual([1]);
  });

  it('cuts the 20 MB one-line file into small groups and a small first slice', () => {
    // ~8,700 paragraphs of ~2,400 characters, as the parser splits the hostile folder's file.
    const groups = groupParagraphs(Array.from({ length: 8744 }, () => 2398));
    expect(groups.every((g) => g.chars <= 12_000)).toBe(true);
    const ends = sliceEnds(groups);
    const first = groups.slice(0, ends[0]).reduce((n, g) => n + g.chars, 0);
    expect(first).toBeLessThanOrEqual(60_000);
    expect(ends.at(-1)).toBe(groups.length);
    expect(ends.length).toBeLessThan(100);
  });

  it('never drops or repeats a paragraph, and finds each one’s group (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30_000 }), { maxLength: 400 }), (lengths) => {
        const groups = groupParagraphs(lengths);
        const covered = groups.flatMap((g) =>
          Array.from({ length: g.to - g.from }, (_, i) => g.from + i),
        );
        expect(covered).toEqual(lengths.map((_, i) => i));
        for (const g of groups) expect(g.to).toBeGreaterThan(g.from);
        lengths.forEach((_, i) => {
          const g = groups[groupOf(groups, i)]!;
          expect(i >= g.from && i < g.to).toBe(true);
        });
        expect(groupOf(groups, lengths.length)).toBe(-1);
        const ends = sliceEnds(groups);
        expect(ends.at(-1) ?? 0).toBe(groups.length);
        ends.forEach((e, i) => expect(e).toBeGreaterThan(ends[i - 1] ?? 0));
      }),
      { numRuns: 200 },
    );
  });
});
