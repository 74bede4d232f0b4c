import { describe, expect, it } from 'vitest';
import { seedStory } from '../../../scripts/lib/test-stories';
import { highlightPieces, placeAnnotations } from './place';
import { storyText } from './story-text';
import { annotate } from './test-annotation';

describe('placing a story’s annotations', () => {
  const story = seedStory();
  const st = storyText(story.paragraphs);

  it('places each annotation or lists it as an orphan, dropping none', () => {
    const a = annotate(story.paragraphs, 'promised full support', { id: 'a' });
    const gone = {
      ...a,
      id: 'b',
      quote: { ...a.quote, exact: 'words that were never there at all' },
    };
    const placed = placeAnnotations([a, gone], st);
    expect(placed.map((p) => p.anchor.status)).toEqual(['exact', 'orphan']);
    expect(placeAnnotations([a], null)[0]!.anchor).toEqual({
      status: 'orphan',
      reason: 'story-missing',
    });
  });

  it('draws a highlight over two paragraphs as one piece in each', () => {
    const from = story.paragraphs[0]!.slice(-20).trimStart();
    const phrase = `${from}\n\n${story.paragraphs[1]!.slice(0, 12)}`;
    const a = annotate(story.paragraphs, phrase, { id: 'a', color: 'blue' });
    const pieces = highlightPieces(placeAnnotations([a], st), st);
    expect(pieces.get(0)).toEqual([
      {
        start: story.paragraphs[0]!.length - from.length,
        end: story.paragraphs[0]!.length,
        id: 'a',
        color: 'blue',
      },
    ]);
    expect(pieces.get(1)).toEqual([{ start: 0, end: 12, id: 'a', color: 'blue' }]);
  });

  it('draws the newer of two overlapping highlights on top', () => {
    const older = annotate(story.paragraphs, 'yesterday promised full support', { id: 'old' });
    const newer = annotate(story.paragraphs, 'full support for Russia', {
      id: 'new',
      color: 'pink',
      created: '2025-11-21T00:00:00.000Z',
    });
    const p0 = story.paragraphs[0]!;
    const pieces = highlightPieces(placeAnnotations([older, newer], st), st).get(0)!;
    const y = p0.indexOf('yesterday');
    const f = p0.indexOf('full support');
    expect(pieces).toEqual([
      { start: y, end: f, id: 'old', color: 'yellow' },
      { start: f, end: f + 'full support for Russia'.length, id: 'new', color: 'pink' },
    ]);
  });
});
