import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveTitle, distinctTitles, TITLE_LONG_MAX, TITLE_MAX } from './title';

/** Ledes of the seed files (public/seeds), as the files have them. */
const PUTIN =
  'Russian President Vladimir Putin yesterday hailed North Korea for “firmly supporting” Moscow’s war in Ukraine ahead of a visit to Pyongyang set to boost defense ties between the two nuclear-armed nations.';
const DIPLOMAT =
  'North Korea’s top diplomat said her country is “ready to greet” Russian President Vladimir Putin, North Korean state media reported yesterday, in the latest sign of deepening ties between the two authoritarian states.';
const TREATY =
  'Some people warned that the broad language of the treaty could lead to overreach by authorities and enable the repression of government critics Countries signed their first UN treaty targeting cybercrime in Hanoi yesterday.';
const KIM =
  'North Korean leader Kim Jong-un yesterday promised full support for Russia’s war in Ukraine as he met with Russian President Vladimir Putin in Pyongyang in a bid to expand their economic and military cooperation.';

describe('deriveTitle', () => {
  it('ends at a clause, even past the usual length, rather than mid-phrase', () => {
    // Was "…“firmly supporting” Moscow’s war…": no clause ends by 90 characters, one does at 99.
    expect(deriveTitle(PUTIN)).toBe(
      'Russian President Vladimir Putin hailed North Korea for “firmly supporting” Moscow’s war in Ukraine',
    );
    expect(deriveTitle(DIPLOMAT)).toBe(
      'North Korea’s top diplomat said her country is “ready to greet” Russian President Vladimir Putin',
    );
  });

  it('prefers a clause that ends within the usual length', () => {
    expect(deriveTitle(KIM)).toBe(
      'North Korean leader Kim Jong-un promised full support for Russia’s war in Ukraine',
    );
    expect(deriveTitle(KIM).length).toBeLessThanOrEqual(TITLE_MAX);
  });

  it('cuts inside a clause only when none ends in reach, before a phrase, with an ellipsis', () => {
    expect(deriveTitle(TREATY)).toBe(
      'Some people warned that the broad language of the treaty could lead to overreach…',
    );
  });

  it('keeps a short first sentence whole, drops time words and closes an open quote', () => {
    expect(deriveTitle('Rain fell in Seoul yesterday. Roads closed.')).toBe('Rain fell in Seoul');
    expect(
      deriveTitle('He said “we will not bow to pressure from anyone at all, whatever it takes'),
    ).toBe('He said “we will not bow to pressure from anyone at all, whatever it takes”');
    expect(deriveTitle('   ')).toBe('Untitled story');
  });

  it('is a prefix of the sentence, within the long limit, with "…" exactly when cut mid-clause (property)', () => {
    const word = fc.constantFrom(
      'the',
      'minister',
      'said',
      'in',
      'Seoul',
      'war',
      'as',
      'talks',
      'of',
      'to',
      'trade,',
      'deal;',
      'because',
      'which',
      'support',
      'for',
      'Ukraine',
      'ahead',
      '“quoted',
      'words”',
      'x'.repeat(30),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), (words) => {
        const lede = words.join(' ');
        const title = deriveTitle(lede);
        // balanceQuotes may close a quote after the cut: "…”".
        const bare = title.replace(/…?”?$/u, '');
        expect(lede.replace(/[.]$/u, '').startsWith(bare)).toBe(true);
        expect(bare.length).toBeLessThanOrEqual(TITLE_LONG_MAX);
        // No ellipsis when the title is the whole sentence or ends where a clause does.
        if (/…”?$/u.test(title)) expect(lede.length).toBeGreaterThan(TITLE_LONG_MAX);
      }),
      { numRuns: 300 },
    );
  });
});

describe('distinctTitles', () => {
  it('lengthens a derived title that repeats another, and leaves headlines alone', () => {
    const a = { title: 'Same', titleDerived: false, lede: 'Same. Rest.' };
    const b = {
      title: 'Same',
      titleDerived: true,
      lede: 'Same opening words, then a clause that tells the two apart. More.',
    };
    expect(distinctTitles([a, b])).toEqual([
      'Same',
      'Same opening words, then a clause that tells the two apart',
    ]);
  });
});
