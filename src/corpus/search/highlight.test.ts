import { describe, expect, it } from 'vitest';
import { seeds } from '../../../scripts/lib/search-corpora';
import { highlightQuery } from './highlight';
import { parseQuery } from './query-parser';
import type { Range } from './types';

const marked = (text: string, ranges: Range[]): string[] =>
  ranges.map(([a, b]) => text.slice(a, b));

function expectWellFormed(text: string, ranges: Range[]): void {
  let prev = -1;
  for (const [a, b] of ranges) {
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThanOrEqual(text.length);
    expect(a).toBeLessThan(b);
    expect(a).toBeGreaterThan(prev);
    prev = b;
  }
}

const para = seeds().stories.find((s) => s.id === '000_359807c817cdce2f')!.paragraphs[5]!;
// "North Korea has denied giving Russia military hardware, but, ahead of his trip, Putin thanked
// North Korean Leader Kim Jong-un’s government for helping the war effort."

describe('highlightQuery', () => {
  it('marks query words in the original text, whatever their case or punctuation', () => {
    const r = highlightQuery(para, 'kim jong un ');
    expect(marked(para, r)).toEqual(['Kim', 'Jong', 'un']);
    expectWellFormed(para, r);
  });

  it('marks the noun of a possessive, not its “’s”', () => {
    const text = "Kim Jong-un’s visit, Putin's plan, KIM'S TEAM, the Joneses’s car";
    expect(marked(text, highlightQuery(text, 'un putin kim joneses '))).toEqual([
      'Kim',
      'un',
      'Putin',
      'KIM',
      'Joneses',
    ]);
    expect(marked(text, highlightQuery(text, '"jong un visit"'))).toEqual(['Jong-un’s visit']);
    expect(marked(text, highlightQuery(text, '"kim jong un"'))).toEqual(['Kim Jong-un']);
  });

  it('marks completions of the word being typed, and typos', () => {
    expect(marked(para, highlightQuery(para, 'milit'))).toEqual(['military']);
    expect(marked(para, highlightQuery(para, 'hardwear '))).toEqual(['hardware']);
  });

  it('marks the expansions the search used, when given', () => {
    const r = highlightQuery(para, parseQuery('go'), ['government']);
    expect(marked(para, r)).toEqual(['government']);
  });

  it('marks phrases as one range and entity filter values', () => {
    expect(marked(para, highlightQuery(para, '"north korean leader"'))).toEqual([
      'North Korean Leader',
    ]);
    expect(marked(para, highlightQuery(para, 'person:"kim jong-un"'))).toEqual(['Kim Jong-un']);
  });

  it('does not mark excluded words', () => {
    expect(marked(para, highlightQuery(para, 'putin -russia '))).toEqual(['Putin']);
  });

  it('marks CJK runs', () => {
    const text = 'Premier Cho Jung-tai (卓榮泰) said';
    expect(marked(text, highlightQuery(text, '卓榮泰'))).toEqual(['卓榮泰']);
  });

  it('never changes the text and merges overlapping marks', () => {
    const copy = String(para);
    const r = highlightQuery(para, 'north "north korean" korean ');
    expect(para).toBe(copy);
    expectWellFormed(para, r);
    expect(marked(para, r)).toEqual(['North', 'North Korean']);
  });

  it('keeps offsets right after characters that fold to something longer or shorter', () => {
    const text = 'Ｃafé ﬁnance — São Paulo’s “Zoë”';
    const r = highlightQuery(text, 'cafe finance sao zoe ');
    expect(marked(text, r)).toEqual(['Ｃafé', 'ﬁnance', 'São', 'Zoë']);
  });
});
