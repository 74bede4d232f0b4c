import { describe, expect, it } from 'vitest';
import { CONTEXT_CHARS, describeRange } from './selectors';
import { storyText } from './story-text';
import { seedStory } from '../../../scripts/lib/test-stories';

describe('describeRange', () => {
  const st = storyText(seedStory().paragraphs);

  it('keeps the exact text, 32 characters of context each side and the position', () => {
    const start = st.text.indexOf('promised full support');
    const end = start + 'promised full support'.length;
    const s = describeRange(st.text, start, end)!;
    expect(s.quote.exact).toBe('promised full support');
    expect(s.quote.prefix).toBe(st.text.slice(start - CONTEXT_CHARS, start));
    expect(s.quote.suffix).toBe(st.text.slice(end, end + CONTEXT_CHARS));
    expect(s.quote.prefix).toHaveLength(32);
    expect(s.position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('trims white space a double click or a drag over paragraphs picked up', () => {
    const start = st.starts[1]! - 2; // in the blank line before paragraph 2
    const s = describeRange(st.text, start, st.starts[1]! + 5)!;
    expect(s.quote.exact).toBe(st.text.slice(st.starts[1], st.starts[1]! + 5));
    expect(s.position.start).toBe(st.starts[1]);
    expect(describeRange(st.text, start, start + 2)).toBeNull();
  });

  it('has short context at the edges of the text', () => {
    const s = describeRange(st.text, 0, 5)!;
    expect(s.quote.prefix).toBe('');
    const e = describeRange(st.text, st.text.length - 5, st.text.length)!;
    expect(e.quote.suffix).toBe('');
  });

  it('never cuts a surrogate pair', () => {
    // The 32nd character before the quote is the second half of an emoji.
    const text = `x😀${'y'.repeat(31)}quoted here😀z`;
    const at = text.indexOf('quoted');
    const s = describeRange(text, at, at + 6)!;
    expect(s.quote.prefix).toBe(`😀${'y'.repeat(31)}`);
    const end = text.indexOf('😀z') + 1; // between the halves
    expect(describeRange(text, at, end)!.quote.exact).toBe('quoted here😀');
  });

  it('clips out-of-range offsets', () => {
    expect(describeRange('abc def', -5, 3)!.quote.exact).toBe('abc');
    expect(describeRange('abc def', 4, 99)!.quote.exact).toBe('def');
  });
});
