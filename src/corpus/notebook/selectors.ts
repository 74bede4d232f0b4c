import type { TextPositionSelector, TextQuoteSelector } from './types';

/**
 * Characters of context kept on each side of a quote. 32, as Hypothesis keeps: enough to tell
 * apart two occurrences of a short quote, short enough to survive an edit nearby.
 */
export const CONTEXT_CHARS = 32;

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * The selectors of `text[start, end)`, with white space trimmed from both ends (a double click
 * takes the space after a word; a drag across paragraphs may start in the blank line). Context is
 * cut so that it never splits a surrogate pair. Null when nothing but white space is selected.
 */
export function describeRange(text: string, start: number, end: number): Selectors | null {
  let a = Math.max(0, Math.min(start, text.length));
  let b = Math.max(a, Math.min(end, text.length));
  while (a < b && /\s/u.test(text[a]!)) a++;
  while (b > a && /\s/u.test(text[b - 1]!)) b--;
  if (b <= a) return null;
  a = pairStart(text, a);
  b = pairEnd(text, b);
  const prefixFrom = pairStart(text, Math.max(0, a - CONTEXT_CHARS));
  const suffixTo = pairEnd(text, Math.min(text.length, b + CONTEXT_CHARS));
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(a, b),
      prefix: text.slice(prefixFrom, a),
      suffix: text.slice(b, suffixTo),
    },
    position: { type: 'TextPositionSelector', start: a, end: b },
  };
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Moves an offset that falls inside a surrogate pair to the pair's start. */
function pairStart(text: string, i: number): number {
  return i > 0 && i < text.length && isLow(text.charCodeAt(i)) ? i - 1 : i;
}

/** Moves an offset that falls inside a surrogate pair to the pair's end. */
function pairEnd(text: string, i: number): number {
  return i > 0 && i < text.length && isLow(text.charCodeAt(i)) ? i + 1 : i;
}
