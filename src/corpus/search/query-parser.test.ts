import { describe, expect, it } from 'vitest';
import { parseQuery } from './query-parser';

describe('parseQuery', () => {
  it('folds case, diacritics and punctuation; the last word is a prefix while typed', () => {
    const q = parseQuery('Kim Jong-un’s Café');
    expect(q.terms).toEqual(['kim', 'jong', 'un', 'cafe']);
    expect(q.prefix).toBe(true);
    expect(parseQuery('kim ').prefix).toBe(false);
  });

  it('reads phrases with straight and curly quotes, and excludes', () => {
    const q = parseQuery('“north korean” troops -ukraine -"air force"');
    expect(q.phrases).toEqual([['north', 'korean']]);
    expect(q.terms).toEqual(['troops']);
    expect(q.excludes).toEqual([['ukraine'], ['air', 'force']]);
    expect(q.prefix).toBe(false);
  });

  it('reads filters with bare and quoted values', () => {
    const q = parseQuery('person:"kim jong-un" place:Pyongyang org:UN section:tech missiles');
    expect(q.filters).toEqual([
      { field: 'person', value: 'kim jong-un', terms: ['kim', 'jong', 'un'] },
      { field: 'place', value: 'Pyongyang', terms: ['pyongyang'] },
      { field: 'organization', value: 'UN', terms: ['un'] },
      { field: 'section', value: 'tech', terms: ['tech'] },
    ]);
    expect(q.terms).toEqual(['missiles']);
  });

  it('keeps unknown keys and times as words', () => {
    expect(parseQuery('at 3:50am').terms).toEqual(['at', '3', '50am']);
    expect(parseQuery('foo:bar').terms).toEqual(['foo', 'bar']);
  });

  it('makes CJK runs phrases, never prefixes', () => {
    const q = parseQuery('卓榮泰');
    expect(q.phrases).toEqual([['卓', '榮', '泰']]);
    expect(q.terms).toEqual([]);
    expect(q.prefix).toBe(false);
  });

  it('an unterminated quote is words being typed', () => {
    const q = parseQuery('"north kor');
    expect(q.terms).toEqual(['north', 'kor']);
    expect(q.phrases).toEqual([]);
  });

  it('ignores bare operators', () => {
    for (const s of ['-', '""', 'person:', '- -- ""', ':', '"', 'person:""']) {
      const q = parseQuery(s);
      expect(q.terms).toEqual([]);
      expect(q.phrases).toEqual([]);
      expect(q.filters).toEqual([]);
      expect(q.excludes).toEqual([]);
    }
  });

  it('cuts pastes and too many words', () => {
    const q = parseQuery(
      'word '.repeat(2000) + Array.from({ length: 60 }, (_, i) => `w${i}`).join(' '),
    );
    expect(q.truncated).toBe(true);
    expect(q.terms.length).toBeLessThanOrEqual(24);
  });
});
