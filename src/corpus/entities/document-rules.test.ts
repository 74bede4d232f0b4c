import { describe, expect, it } from 'vitest';
import { repeatFullNames, wholeCountryNames, type Sentence, type Span } from './document-rules';
import { story } from './test-story';
import { wordTokens } from './word-tokens';

const text =
  'The Bank of Tonga Development said so. Later the Royal Bank of Tonga Development agreed with Tonga Development.';
const sentences: Sentence[] = [{ paragraph: 0, tokens: wordTokens(text) }];
const at = (word: string, nth = 0): number =>
  sentences[0]!.tokens.map((t, i) => [t.text, i] as const).filter(([w]) => w === word)[nth]![1];
const span = (first: number, last: number, type: number): Span => ({
  paragraph: 0,
  sentence: 0,
  first,
  last,
  type,
  key: '',
});
const words = (s: Span): string =>
  sentences[0]!.tokens
    .slice(s.first, s.last + 1)
    .map((t) => t.text)
    .join(' ');

describe('repeatFullNames', () => {
  it('gives a recurrence of a multi-word name its full span and type, over shorter spans inside', () => {
    const got = repeatFullNames(
      [span(at('Bank'), at('Development'), 2), span(at('Tonga', 1), at('Development', 1), 1)],
      sentences,
      story([text]),
    );
    expect(got.map((s) => [words(s), s.type])).toEqual([
      ['Bank of Tonga Development', 2],
      ['Bank of Tonga Development', 2],
      // A recurrence of the shorter words alone is not the full name.
      ['Tonga Development', 1],
    ]);
    expect(got[1]!.key).toBe('bank of tonga development');
  });

  it('does not apply where a span crosses the recurrence', () => {
    const crossing = span(at('Royal'), at('Bank', 1), 2);
    const got = repeatFullNames(
      [span(at('Bank'), at('Development'), 2), crossing],
      sentences,
      story([text]),
    );
    expect(got).toContain(crossing);
    expect(got).toHaveLength(2);
  });
});

describe('wholeCountryNames', () => {
  it('makes a long country name one place, over the pieces the tagger found', () => {
    const t = 'Talks with the People’s Republic of China and Trinidad and Tobago resumed.';
    const s: Sentence[] = [{ paragraph: 0, tokens: wordTokens(t) }];
    const idx = (w: string): number => s[0]!.tokens.findIndex((x) => x.text === w);
    const pieces = [
      { ...span(idx('People'), idx('Republic'), 1), sentence: 0 },
      { ...span(idx('China'), idx('China'), 1), sentence: 0 },
    ];
    const got = wholeCountryNames(pieces, s, story([t]));
    const text = (x: Span) => t.slice(s[0]!.tokens[x.first]!.start, s[0]!.tokens[x.last]!.end);
    expect(got.map((x) => [text(x), x.type])).toEqual([
      ['People’s Republic of China', 1],
      ['Trinidad and Tobago', 1],
    ]);
  });
});
