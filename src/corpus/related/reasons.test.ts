import { describe, expect, it } from 'vitest';
import { story } from '../entities/test-story';
import { keptPhrasePairs, phrasePairs, reasonsFor } from './reasons';

const none = (): number => 0;

describe('reasons a reader accepts', () => {
  it('prefers distinctive shared phrases and drops time, reporting and common words', () => {
    const a = story(['Council tax bills will rise by 5% next year, the minister said on Monday.']);
    const b = story(['Ministers said council tax bills in Scotland would rise again next year.']);
    const why = reasonsFor(a, b, ['council', 'tax', 'year', 'said', 'bills'], new Set(), none, 2);
    expect(why.phrases).toEqual(['tax bills', 'council tax']);
    expect(why.terms).toEqual([]);
  });

  it('never offers a name or a possessive as a phrase, nor a word of a shared name', () => {
    const a = story(['Sir Alan said David Blunkett’s lover’s nanny got a visa quickly.']);
    const b = story(['David Blunkett resigned; the lover’s nanny had a visa fast-tracked.']);
    const why = reasonsFor(a, b, ['blunkett', 'nanny', 'visa'], new Set(['blunkett']), none, 2);
    expect(why.phrases).not.toContain('david blunkett');
    expect(why.phrases).not.toContain('lover nanny');
    expect(why.terms).not.toContain('blunkett');
    expect(why.terms).toContain('nanny');
  });
});

describe('phrase pairs kept for the build', () => {
  it('are the pairs read from the text, and nothing for a story they were not given', () => {
    const a = story(['Council tax bills will rise, and interest rates with them.'], 'a');
    const empty = story(['Rise.'], 'b');
    const kept = keptPhrasePairs([a, empty]);
    expect(new Set(kept(a))).toEqual(phrasePairs(a));
    expect(phrasePairs(a)).toContain('council tax');
    expect(new Set(kept(empty))).toEqual(new Set());
    // Asked again once the text is gone (the build lets it go): the same pairs.
    expect(new Set(kept({ ...a, paragraphs: [] }))).toEqual(phrasePairs(a));
    expect(() => kept(story(['Council tax.'], 'c'))).toThrow(/no phrases kept for c/u);
  });
});
