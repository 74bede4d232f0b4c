import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedStory } from '../../../scripts/lib/test-stories';
import { fromJsonLd, toJsonLd } from './json-ld';
import { canonical } from './merge';
import { annotate } from './test-annotation';
import { HIGHLIGHT_COLORS, type Annotation } from './types';

const story = seedStory();
const opts = {
  storyUrl: (id: string) =>
    `https://example.test/reader/story/${id.split('/').map(encodeURIComponent).join('/')}`,
  label: 'Dispatch notebook',
  exported: '2025-11-30T12:00:00.000Z',
};
const importOpts = { makeId: () => 'urn:uuid:new', now: '2025-12-01T00:00:00.000Z' };

describe('W3C Web Annotation JSON-LD', () => {
  const a = annotate(story.paragraphs, 'promised full support', {
    id: 'urn:uuid:1',
    storyId: story.id,
    color: 'green',
    note: 'Compare with **the 2023** summit.\n\n<script>not html</script>',
  });

  it('writes a collection of standard annotations', () => {
    const doc = toJsonLd([a], opts);
    expect(doc['@context']).toEqual([
      'http://www.w3.org/ns/anno.jsonld',
      { dispatch: 'urn:dispatch:' },
    ]);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(1);
    const item = doc.first.items[0]!;
    expect(item).toMatchObject({
      id: 'urn:uuid:1',
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: a.note, format: 'text/markdown', purpose: 'commenting' },
      ],
      target: {
        type: 'SpecificResource',
        source: `https://example.test/reader/story/${story.id}`,
        styleClass: 'dispatch-green',
        'dispatch:contentHash': 'abc123',
      },
    });
    expect(item.target.selector[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: 'promised full support',
      prefix: a.quote.prefix,
      suffix: a.quote.suffix,
    });
    expect(item.target.selector[1].type).toBe('TextPositionSelector');
    expect(item.stylesheet.value).toContain('.dispatch-green');
    // A highlight without a note has no body and says it only highlights.
    const plain = toJsonLd([{ ...a, note: '' }], opts).first.items[0]!;
    expect(plain.motivation).toBe('highlighting');
    expect(plain.body).toBeUndefined();
  });

  it('reads back exactly what it wrote, through JSON text', () => {
    const colour = fc.constantFrom(...HIGHLIGHT_COLORS);
    const record = fc.record({
      id: fc.uuid().map((u) => `urn:uuid:${u}`),
      storyId: fc.constantFrom('business/001', '002_54c47fb4e1efd86c~3', 'a b/ç?#%'),
      storyTitle: fc.string(),
      sourceHash: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 16 }),
      exact: fc.string({ minLength: 1 }),
      prefix: fc.string(),
      suffix: fc.string(),
      start: fc.nat(),
      len: fc.nat(),
      color: colour,
      note: fc.string(),
      created: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (rs) => {
        const anns: Annotation[] = rs.map((r) => ({
          id: r.id,
          storyId: r.storyId,
          storyTitle: r.storyTitle,
          sourceHash: r.sourceHash,
          quote: { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix },
          position: { type: 'TextPositionSelector', start: r.start, end: r.start + r.len },
          color: r.color,
          note: r.note,
          created: r.created,
          modified: r.created,
        }));
        const back = fromJsonLd(JSON.parse(JSON.stringify(toJsonLd(anns, opts))), importOpts);
        expect(back.skipped).toEqual([]);
        const sort = (xs: Annotation[]) =>
          xs
            .map(canonical)
            .sort((x, y) => x.created.localeCompare(y.created) || x.id.localeCompare(y.id));
        expect(sort(back.annotations)).toEqual(sort(anns));
      }),
    );
  });

  it('reads annotations of other tools: a page, a bare annotation, a story from the URL', () => {
    const foreign = {
      type: 'AnnotationPage',
      items: [
        {
          type: 'Annotation',
          body: { type: 'TextualBody', value: 'a thought' },
          target: {
            source: 'https://elsewhere.test/story/business/001',
            selector: { type: 'TextQuoteSelector', exact: 'TimeWarner' },
          },
        },
        { type: 'Annotation', target: 'https://elsewhere.test/page' },
        { type: 'Note' },
      ],
    };
    const r = fromJsonLd(foreign, importOpts);
    expect(r.annotations).toHaveLength(1);
    expect(r.annotations[0]).toMatchObject({
      id: 'urn:uuid:new',
      storyId: 'business/001',
      note: 'a thought',
      color: 'yellow',
      created: importOpts.now,
      quote: { exact: 'TimeWarner', prefix: '', suffix: '' },
    });
    expect(r.skipped).toEqual([
      { item: 2, reason: 'no target' },
      { item: 3, reason: 'not an annotation' },
    ]);
    expect(fromJsonLd(toJsonLd([a], opts).first.items[0], importOpts).annotations).toHaveLength(1);
  });

  it('refuses a file that is no annotation data', () => {
    expect(() => fromJsonLd({ hello: 'world' }, importOpts)).toThrow(/no Web Annotation data/u);
    expect(() => fromJsonLd('text', importOpts)).toThrow();
  });
});
