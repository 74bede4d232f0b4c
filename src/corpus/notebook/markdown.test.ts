import { describe, expect, it } from 'vitest';
import { seedStory } from '../../../scripts/lib/test-stories';
import { escapeInline, toMarkdown } from './markdown';
import { placeAnnotations } from './place';
import { paragraphAt, storyText } from './story-text';
import { annotate } from './test-annotation';

describe('Markdown export', () => {
  const story = seedStory();
  const st = storyText(story.paragraphs);
  const first = annotate(story.paragraphs, 'Putin thanked Kim for the support', {
    id: 'urn:uuid:2',
    note: 'Look up the *treaty* text.',
    created: '2025-11-22T00:00:00.000Z',
  });
  const earlier = annotate(story.paragraphs, 'promised full support', {
    id: 'urn:uuid:1',
    color: 'blue',
  });
  const orphan = {
    ...earlier,
    id: 'urn:uuid:3',
    quote: { ...earlier.quote, exact: 'gone words that are not here any more' },
  };

  const md = toMarkdown(
    [
      {
        storyId: story.id,
        title: 'Kim *promises* support',
        url: 'https://x.test/story/002',
        items: placeAnnotations([first, earlier, orphan], st),
      },
    ],
    {
      title: 'Dispatch notebook',
      exported: '2025-11-30T12:00:00.000Z',
      quoteUrl: (i) =>
        i.anchor.status === 'orphan'
          ? null
          : `https://x.test/story/002#p${paragraphAt(st, i.anchor.start) + 1}`,
    },
  );

  it('has one section per story with its title and link, quotes in reading order', () => {
    expect(md).toContain('# Dispatch notebook\n\nExported 2025-11-30: 3 highlights from 1 story.');
    expect(md).toContain('## Kim \\*promises\\* support\n\n<https://x.test/story/002>');
    expect(md.indexOf('> promised full support')).toBeLessThan(md.indexOf('> Putin thanked Kim'));
  });

  it('puts each note under its quote, as written', () => {
    expect(md).toContain(
      '> Putin thanked Kim for the support\n\n<sub>yellow · 2025-11-22 · [link](https://x.test/story/002#p2)</sub>\n\nLook up the *treaty* text.',
    );
  });

  it('lists orphans last, saying they are no longer found', () => {
    expect(
      md
        .trimEnd()
        .endsWith(
          '> gone words that are not here any more\n\n<sub>blue · 2025-11-20 · no longer found in the story</sub>',
        ),
    ).toBe(true);
  });

  it('escapes article text that would read as Markdown', () => {
    expect(escapeInline('# not a heading')).toBe('\\# not a heading');
    expect(escapeInline('1. not a list')).toBe('1\\. not a list');
    expect(escapeInline('- nor this')).toBe('\\- nor this');
    expect(escapeInline('a <b>tag</b> and [a](link)')).toBe(
      'a \\<b\\>tag\\</b\\> and \\[a\\](link)',
    );
  });
});
