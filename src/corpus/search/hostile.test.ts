import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../parse-file';
import { highlightQuery } from './highlight';
import { parseQuery } from './query-parser';
import { search } from './search';
import { buildSearchIndex } from './search-index';
import { makeSnippet } from './snippets';
import type { Range } from './types';

// Gaps left by properties.test.ts: an index built FROM hostile text (not only queried with it),
// and snippets cut from arbitrary paragraphs with arbitrary highlights.
const HOSTILE = [
  'The council met on <script>alert(1)</script> Tuesday.',
  'A picture <img src=x onerror="alert(2)"> and javascript:alert(3) stay text.',
  'Escaped &lt;script&gt; and &amp; stay as typed.',
  'Arabic مرحبا بالعالم, Hebrew שלום עולם, an override \u202Eevil.exe\u202C.',
  'Joined\u200Bby\u200Czero\u200Dwidth\uFEFFcharacters.',
  'Families 👩‍👩‍👧‍👦, flags 🇺🇦🇯🇵 and 👍🏽 in the news.',
  'Before\u0000the\u0000nul bytes.',
  `Before the word ${'x'.repeat(5000)} after the word.`,
  '\ud800 lone surrogates \udfff here.',
];

function wellFormed(text: string, ranges: readonly Range[]): boolean {
  let prev = -1;
  return ranges.every(([a, b]) => {
    const ok = a > prev && a < b && b <= text.length;
    prev = b;
    return ok;
  });
}

describe('search over hostile files', () => {
  const stories = HOSTILE.map(
    (t, i) =>
      parseText({ fileId: `h${i}`, section: null, text: `Hostile ${i}\n\n${t}` }).stories[0]!,
  );
  const index = buildSearchIndex(stories);

  it('indexes them and finds their words, with highlights inside the text', () => {
    for (const [q, id] of [
      ['council tuesday', 'h0'],
      ['onerror', 'h1'],
      ['escaped', 'h2'],
      ['שלום', 'h3'],
      ['families', 'h5'],
      ['nul bytes', 'h6'],
      ['surrogates', 'h8'],
    ] as const) {
      const r = search(index, q, { limit: 5 });
      expect(
        r.stories.map((s) => s.storyId),
        q,
      ).toContain(id);
      for (const h of r.stories)
        for (const p of [h.snippet, ...h.paragraphs])
          if (p) expect(wellFormed(p.text, p.highlights)).toBe(true);
    }
  });

  it('survives any query against them (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(...HOSTILE)), (q) => {
        const r = search(index, q, { limit: 5 });
        for (const h of r.stories) expect(wellFormed(h.title, h.titleHighlights)).toBe(true);
        for (const t of HOSTILE) expect(wellFormed(t, highlightQuery(t, parseQuery(q)))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('makeSnippet', () => {
  it('cuts a window of the paragraph with its highlights inside it (property)', () => {
    const para = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 900 }),
      fc.string({ unit: 'binary', maxLength: 900 }),
      fc.constantFrom(...HOSTILE),
    );
    fc.assert(
      fc.property(para, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        // Sorted, disjoint highlights inside the text, as the highlighter gives them.
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const ranges: Range[] = [];
        for (let i = 0; i + 1 < points.length; i += 2) ranges.push([points[i]!, points[i + 1]!]);
        const s = makeSnippet(3, text, ranges);
        expect(s.paragraph).toBe(3);
        const inner = s.text.replace(/^…/u, '').replace(/…$/u, '');
        expect(text).toContain(inner);
        expect(wellFormed(s.text, s.highlights)).toBe(true);
        // A highlight shows characters a highlight marked in the paragraph.
        const marked = ranges.map(([a, b]) => text.slice(a, b));
        for (const [a, b] of s.highlights) {
          const shown = s.text.slice(a, b);
          expect(marked.some((m) => m.includes(shown))).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
