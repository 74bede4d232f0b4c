import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkedText, type OuterMark } from './marked-text';

/** The text a browser would show: tags stripped, the entities React escapes decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/gu, '')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#x27;/gu, "'")
    .replace(/&amp;/gu, '&');
}

const render = (
  text: string,
  outer: OuterMark[] = [],
  hits: [number, number][] = [],
  inner: OuterMark[] = [],
) => renderToStaticMarkup(<MarkedText text={text} outer={outer} hits={hits} inner={inner} />);

// Text with markup, entities, bidi overrides, zero-width characters, emoji and NULs in it.
const nasty = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&lt;b&gt;',
  '&amp;',
  '"\'',
  '\u202E',
  '\u200B',
  '\u0000',
  '👩‍👩‍👧‍👦',
  'مرحبا',
  ' ',
);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.oneof(nasty, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((a) => a.join('')),
);
// Any numbers: overlapping, reversed, negative, past the end, fractional, NaN and infinities.
const pos = fc.oneof(
  fc.integer({ min: -5, max: 100 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity),
);
const range = fc.tuple(pos, pos);
const outerMark = fc
  .tuple(pos, pos, fc.constantFrom('person', 'place', 'org', '"><script>alert(1)</script>'))
  .map(([start, end, type]): OuterMark => ({ start, end, props: { 'data-entity-type': type } }));

describe('MarkedText', () => {
  it('never throws, never loses, adds or reorders text, whatever the ranges (property)', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(outerMark, { maxLength: 6 }),
        fc.array(range, { maxLength: 8 }),
        (t, outer, hits) => {
          const html = render(t, outer, hits);
          expect(textOf(html)).toBe(t);
          // Text never becomes markup: the only elements are the marks themselves.
          expect(html.replace(/<\/?mark[^>]*>/gu, '')).not.toMatch(/<[a-z]/iu);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps every mention one element and nests hits inside it', () => {
    const html = render(
      'Kim met Putin',
      [{ start: 8, end: 13, props: { 'data-entity-id': 'p' } }],
      [[6, 10]],
    );
    expect(html).toBe(
      'Kim me<mark data-search-hit="">t </mark><mark data-entity-id="p"><mark data-search-hit="">Pu</mark>tin</mark>',
    );
  });

  it('keeps the text and every mention and hit whole under highlights (property)', () => {
    const highlight = fc
      .tuple(pos, pos, fc.constantFrom('yellow', 'pink'))
      .map(([start, end, color]): OuterMark => ({
        start,
        end,
        props: { 'data-highlight': 'h', 'data-color': color },
      }));
    fc.assert(
      fc.property(
        text,
        fc.array(outerMark, { maxLength: 6 }),
        fc.array(range, { maxLength: 8 }),
        fc.array(highlight, { maxLength: 6 }),
        (t, outer, hits, inner) => {
          const plain = render(t, outer, hits);
          const html = render(t, outer, hits, inner);
          expect(textOf(html)).toBe(t);
          const count = (h: string, re: RegExp) => (h.match(re) ?? []).length;
          expect(count(html, /data-entity-type=/gu)).toBe(count(plain, /data-entity-type=/gu));
          expect(count(html, /data-search-hit=/gu)).toBe(count(plain, /data-search-hit=/gu));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('splits a highlight at a mention’s and a hit’s edges, innermost', () => {
    const html = render(
      'Kim met Putin',
      [{ start: 8, end: 13, props: { 'data-entity-id': 'p' } }],
      [[4, 7]],
      [{ start: 2, end: 11, props: { 'data-highlight': 'a', 'data-color': 'blue' } }],
    );
    expect(html).toBe(
      'Ki<mark data-highlight="a" data-color="blue">m </mark>' +
        '<mark data-search-hit=""><mark data-highlight="a" data-color="blue">met</mark></mark>' +
        '<mark data-highlight="a" data-color="blue"> </mark>' +
        '<mark data-entity-id="p"><mark data-highlight="a" data-color="blue">Put</mark>in</mark>',
    );
  });

  it('renders hostile text as text', () => {
    const html = render('<script>alert(1)</script> & <img onerror=x>', [], [[0, 8]]);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(textOf(html)).toBe('<script>alert(1)</script> & <img onerror=x>');
  });
});
