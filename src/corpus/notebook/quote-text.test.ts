import { describe, expect, it } from 'vitest';
import { seedStory } from '../../../scripts/lib/test-stories';
import { quoteForClipboard } from './quote-text';
import { storyText } from './story-text';

describe('quoteForClipboard', () => {
  const { text } = storyText(seedStory().paragraphs);
  const quote = (phrase: string) => {
    const at = text.indexOf(phrase);
    return quoteForClipboard(text, at, at + phrase.length, 'The title', 'https://x.test/s#p1');
  };

  it('marks a quote cut from inside a sentence with ellipses', () => {
    expect(quote('promised full support for Russia’s war')).toBe(
      '“…promised full support for Russia’s war…” — The title, https://x.test/s#p1',
    );
  });

  it('adds none where the quote starts and ends a sentence', () => {
    const sentence =
      'Putin thanked Kim for the support and said that the two countries would sign an agreement to boost their partnership';
    expect(quote(sentence)).toMatch(/^“Putin thanked Kim.*partnership…” — /u);
    expect(quote('North Korean leader Kim Jong-un yesterday')).toMatch(/^“North Korean leader/u);
  });
});
