import { describe, expect, it } from 'vitest';
import { paragraphAt, splitByParagraph, storyText, toStoryOffset } from './story-text';
import { seedStory } from '../../../scripts/lib/test-stories';

describe('storyText', () => {
  const story = seedStory();
  const st = storyText(story.paragraphs);

  it('joins paragraphs with a blank line and knows where each starts', () => {
    expect(st.text.split('\n\n')).toEqual(story.paragraphs);
    story.paragraphs.forEach((p, i) => {
      expect(st.text.slice(st.starts[i], st.starts[i]! + p.length)).toBe(p);
      expect(paragraphAt(st, st.starts[i]!)).toBe(i);
      expect(paragraphAt(st, st.starts[i]! + p.length - 1)).toBe(i);
    });
  });

  it('maps paragraph offsets to story offsets, clipped to the paragraph', () => {
    expect(toStoryOffset(st, 2, 5)).toBe(st.starts[2]! + 5);
    expect(toStoryOffset(st, 2, 1e9)).toBe(st.starts[2]! + story.paragraphs[2]!.length);
    expect(toStoryOffset(st, 99, 0)).toBe(st.text.length);
  });

  it('an offset in the blank line belongs to the next paragraph', () => {
    expect(paragraphAt(st, st.starts[1]! - 1)).toBe(1);
  });

  it('splits a range over three paragraphs into pieces without the separators', () => {
    const start = st.starts[1]! + 10;
    const end = st.starts[3]! + 7;
    const pieces = splitByParagraph(st, start, end);
    expect(pieces).toEqual([
      { paragraph: 1, start: 10, end: story.paragraphs[1]!.length },
      { paragraph: 2, start: 0, end: story.paragraphs[2]!.length },
      { paragraph: 3, start: 0, end: 7 },
    ]);
    const rebuilt = pieces
      .map((p) => story.paragraphs[p.paragraph]!.slice(p.start, p.end))
      .join('\n\n');
    expect(rebuilt).toBe(st.text.slice(start, end));
  });

  it('handles a story without paragraphs', () => {
    const empty = storyText([]);
    expect(empty.text).toBe('');
    expect(splitByParagraph(empty, 0, 5)).toEqual([]);
    expect(paragraphAt(empty, 0)).toBe(0);
  });
});
