import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bbc, hasBbc, seeds } from '../../../scripts/lib/search-corpora';
import { tokenize } from '../normalize';
import { fastTokenize } from './fast-tokenize';

describe('fastTokenize', () => {
  it('agrees with tokenize on the seeds and the BBC folder', () => {
    const stories = [...seeds().stories, ...(hasBbc() ? bbc().stories : [])];
    for (const s of stories) {
      for (const text of [s.title, s.kicker ?? '', ...s.paragraphs]) {
        expect(fastTokenize(text)).toEqual(tokenize(text));
      }
    }
  });

  it('agrees with tokenize on arbitrary strings', () => {
    const tricky = fc.constantFrom(
      "Jong-un's",
      "O'Neill's",
      'U.S.',
      "'s",
      "s's",
      'É',
      'ﬁ',
      'AI模型',
      '卓榮泰',
      '’s',
      "it's.",
      'x',
    );
    const s = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc
        .array(fc.oneof(tricky, fc.string({ maxLength: 3 })), { maxLength: 10 })
        .map((a) => a.join(' ')),
    );
    fc.assert(
      fc.property(s, (text) => {
        expect(fastTokenize(text)).toEqual(tokenize(text));
      }),
      { numRuns: 1000 },
    );
  });
});
