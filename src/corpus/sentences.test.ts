import { describe, expect, it } from 'vitest';
import { sentenceAround } from './sentences';

describe('sentenceAround', () => {
  const text =
    'Putin arrived on Monday. He met Kim Jong-un in Pyongyang, the U.S. said. “It was warm,” Kim said. Talks went on';
  const span = (word: string) => {
    const start = text.indexOf(word);
    const r = sentenceAround(text, start, start + word.length);
    return text.slice(r.start, r.end);
  };

  it('finds the sentence of a mention, not fooled by abbreviations', () => {
    expect(span('Pyongyang')).toBe('He met Kim Jong-un in Pyongyang, the U.S. said.');
    expect(span('Putin')).toBe('Putin arrived on Monday.');
    expect(span('warm')).toBe('“It was warm,” Kim said.');
  });

  it('runs to the end of the text when the last sentence has no full stop', () => {
    expect(span('Talks')).toBe('Talks went on');
  });
});
