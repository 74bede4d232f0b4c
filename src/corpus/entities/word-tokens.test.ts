import { describe, expect, it } from 'vitest';
import { splitSentences } from './model/sentences';
import { normalizeToken } from './model/normalize-token';
import { wordTokens } from './word-tokens';

const texts = (s: string): string[] => wordTokens(s).map((t) => t.text);

describe('wordTokens cuts text the way CoNLL-2003 does', () => {
  it('splits clitics and punctuation, keeps abbreviations and inner marks', () => {
    expect(texts("Germany's U.S. envoy didn't say (LDP) Mr. Kim Jong-un paid 1,000.5 $.")).toEqual([
      'Germany',
      "'s",
      'U.S.',
      'envoy',
      'did',
      "n't",
      'say',
      '(',
      'LDP',
      ')',
      'Mr.',
      'Kim',
      'Jong-un',
      'paid',
      '1,000.5',
      '$',
      '.',
    ]);
  });

  it('keeps curly apostrophes and CJK runs, and offsets point into the text', () => {
    const text = 'Putin’s trip, Premier Cho Jung-tai (卓榮泰) said…';
    const toks = wordTokens(text);
    expect(toks.map((t) => t.text)).toEqual([
      'Putin',
      '’s',
      'trip',
      ',',
      'Premier',
      'Cho',
      'Jung-tai',
      '(',
      '卓榮泰',
      ')',
      'said',
      '…',
    ]);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps an HTML numeric character reference inside its word', () => {
    const text = 'Pascal Pap&#233; joined B&#xE9;ziers; AT&T &amp; co.';
    expect(wordTokens(text).map((t) => t.text)).toEqual([
      'Pascal',
      'Pap&#233;',
      'joined',
      'B&#xE9;ziers',
      ';',
      'AT&T',
      '&',
      'amp',
      ';',
      'co.',
    ]);
    expect(normalizeToken('Pap&#233;')).toBe('Papé');
    expect(normalizeToken('B&#xE9;ziers')).toBe('Béziers');
    expect(normalizeToken('&#1;x')).toBe('&#1;x');
  });

  it('ends a sentence at a full stop only before a capital', () => {
    const s = splitSentences(wordTokens('He met Mr. Brown in the U.S. on Monday. Then he left.'));
    expect(s.map((x) => x.map((t) => t.text).join(' '))).toEqual([
      'He met Mr. Brown in the U.S. on Monday .',
      'Then he left .',
    ]);
  });
});
