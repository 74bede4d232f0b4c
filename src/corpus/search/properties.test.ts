import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { recognizeEntities, seeds } from '../../../scripts/lib/search-corpora';
import { setEntities } from './entities';
import { highlightQuery } from './highlight';
import { parseQuery } from './query-parser';
import { search } from './search';
import { buildSearchIndex } from './search-index';
import type { Range, SearchIndex } from './types';

let index: SearchIndex;
beforeAll(async () => {
  index = buildSearchIndex(seeds().stories);
  const entities = await recognizeEntities(seeds().stories);
  if (entities) setEntities(index, entities);
});

function wellFormed(text: string, ranges: Range[]): boolean {
  let prev = -1;
  return ranges.every(([a, b]) => {
    const ok = a > prev && a < b && b <= text.length;
    prev = b;
    return ok;
  });
}

// Query-ish strings: operators, quotes, words of the seeds, CJK, emoji, lone surrogates.
const pieces = fc.constantFrom(
  '-',
  '"',
  '“',
  '”',
  ':',
  'person:',
  'place:',
  'org:',
  'section:',
  ' ',
  'kim',
  'jong-un',
  'putin',
  'pyongyan',
  'missles',
  '卓榮泰',
  '😀',
  '\ud800',
  '\udfff',
  '.*',
  '(',
  '\\',
  'é',
  'ﬁ',
  '\u0301',
  'a',
);
const queryish = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''));
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 400 }),
  queryish,
);

describe('never throws, never marks outside the text', () => {
  it('parseQuery', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const q = parseQuery(s);
        expect(Array.isArray(q.terms)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('search', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const r = search(index, s, { limit: 5 });
        expect(r.notes.filter((n) => n.startsWith('internal'))).toEqual([]);
        for (const h of r.stories) {
          expect(wellFormed(h.title, h.titleHighlights)).toBe(true);
          for (const p of [h.snippet, ...h.paragraphs])
            if (p) expect(wellFormed(p.text, p.highlights)).toBe(true);
        }
        for (const e of r.entities) expect(wellFormed(e.name, e.highlights)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('highlightQuery', () => {
    fc.assert(
      fc.property(anyString, anyString, (text, query) => {
        const copy = String(text);
        const r = highlightQuery(text, query);
        expect(wellFormed(text, r)).toBe(true);
        expect(text).toBe(copy);
      }),
      { numRuns: 400 },
    );
  });

  it('on very long strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 5_000, maxLength: 12_000 }), (s) => {
        expect(() => search(index, s)).not.toThrow();
        expect(wellFormed(s, highlightQuery(s, s.slice(0, 200)))).toBe(true);
      }),
      { numRuns: 5 },
    );
    const paste = seeds().stories[0]!.paragraphs.join(' ').repeat(3).slice(0, 10_000);
    const r = search(index, paste);
    expect(r.query.truncated).toBe(true);
    expect(r.stories.length).toBeGreaterThan(0);
  });
});
