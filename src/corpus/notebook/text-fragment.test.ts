import { describe, expect, it } from 'vitest';
import { seedStory } from '../../../scripts/lib/test-stories';
import { storyText } from './story-text';
import { findTextDirective, parseTextDirective, textDirective } from './text-fragment';

describe('text fragments', () => {
  const { text } = storyText(seedStory().paragraphs);

  it('names a short quote with a few words of context, hyphens and commas escaped', () => {
    const at = text.indexOf('Kim Jong-un');
    const d = textDirective(text, at, at + 'Kim Jong-un'.length)!;
    expect(d).toBe('text=North%20Korean%20leader-,Kim%20Jong%2Dun,-yesterday%20promised%20full');
  });

  it('names a long quote by its first and last words, and finds it again', () => {
    const phrase =
      'growing concerns about an arms arrangement in which North Korea provides Russia with munitions';
    const at = text.indexOf(phrase);
    const d = textDirective(text, at, at + phrase.length)!;
    expect(d).toContain('growing%20concerns%20about%20an,provides%20Russia%20with%20munitions');
    const parsed = parseTextDirective(`https://x.test/story/1#p3:~:${d}`)!;
    expect(parsed.start).toBe('growing concerns about an');
    expect(parsed.end).toBe('provides Russia with munitions');
    expect(findTextDirective(text, parsed)).toEqual([at, at + phrase.length]);
  });

  it('widens a selection that cuts words to whole words', () => {
    const at = text.indexOf('promised full support');
    const d = textDirective(text, at + 3, at + 'promised full supp'.length)!;
    expect(parseTextDirective(`#:~:${d}`)!.start).toBe('promised full support');
  });

  it('round-trips every sentence-sized range of the story', () => {
    for (let at = 0; at + 60 < text.length; at += 97) {
      const d = textDirective(text, at, at + 60);
      if (!d) continue;
      const parsed = parseTextDirective(`#:~:${d}`)!;
      const found = findTextDirective(text, parsed)!;
      expect(found, d).not.toBeNull();
      // The directive names whole words: it covers the range without its edge white space.
      const lead = text.slice(at, at + 60).length - text.slice(at, at + 60).trimStart().length;
      const trail = text.slice(at, at + 60).length - text.slice(at, at + 60).trimEnd().length;
      expect(found[0]).toBeLessThanOrEqual(at + lead);
      const paragraphEnd = text.indexOf('\n\n', at + lead);
      const end = paragraphEnd !== -1 && paragraphEnd < at + 60 ? paragraphEnd : at + 60 - trail;
      expect(found[1]).toBeGreaterThanOrEqual(end);
    }
  });

  it('ignores URLs without a directive and malformed ones', () => {
    expect(parseTextDirective('https://x.test/story/1#p3')).toBeNull();
    expect(parseTextDirective('#:~:text=')).toBeNull();
    expect(parseTextDirective('#:~:text=a,b,c,d')).toBeNull();
    expect(parseTextDirective('#:~:text=%E0%A4%A')).toBeNull();
    expect(findTextDirective(text, { start: 'no such words anywhere' })).toBeNull();
  });
});
