import type { Range, Snippet } from './types';

/** Target snippet length in characters: about two lines of the palette. */
export const SNIPPET_CHARS = 180;
/** Context kept before the first hit of the window. */
const LEAD = 50;
const ELLIPSIS = '…';

/**
 * Cuts a window of a paragraph around its densest run of highlights and shifts the highlights
 * into the window's coordinates. Short paragraphs are kept whole. Cuts fall on spaces where
 * possible and never split a surrogate pair.
 */
export function makeSnippet(
  paragraph: number,
  text: string,
  highlights: readonly Range[],
): Snippet {
  if (text.length <= SNIPPET_CHARS + LEAD) {
    return { paragraph, text, highlights: highlights.map((r) => [r[0], r[1]]) };
  }
  // Anchor: the highlight whose window holds the most highlights (the first one on ties).
  let anchor = 0;
  let bestCount = -1;
  for (let i = 0; i < highlights.length; i++) {
    const from = highlights[i]![0];
    let count = 0;
    for (
      let k = i;
      k < highlights.length && highlights[k]![1] <= from + SNIPPET_CHARS - LEAD;
      k++
    ) {
      count++;
    }
    if (count > bestCount) {
      bestCount = count;
      anchor = from;
    }
  }
  let start = snapBack(text, Math.max(0, anchor - LEAD));
  let end = snapForward(text, Math.min(text.length, start + SNIPPET_CHARS));
  if (end >= text.length - 15) {
    end = text.length;
    start = snapBack(text, Math.max(0, Math.min(start, end - SNIPPET_CHARS)));
  }
  const lead = start > 0 ? ELLIPSIS : '';
  const tail = end < text.length ? ELLIPSIS : '';
  const shift = lead.length - start;
  const out: Range[] = [];
  for (const [a, b] of highlights) {
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    if (s < e) out.push([s + shift, e + shift]);
  }
  return {
    paragraph,
    text: lead + text.slice(start, end).trim() + tail,
    highlights: trimShift(text, start, end, lead, out),
  };
}

/** `trim()` above may drop leading spaces: shift highlights by what it removed. */
function trimShift(
  text: string,
  start: number,
  end: number,
  lead: string,
  ranges: Range[],
): Range[] {
  const slice = text.slice(start, end);
  const removed = slice.length - slice.trimStart().length;
  const keptLength = slice.trim().length;
  const out: Range[] = [];
  for (const [a, b] of ranges) {
    const s = Math.max(lead.length, a - removed);
    const e = Math.min(lead.length + keptLength, b - removed);
    if (s < e) out.push([s, e]);
  }
  return out;
}

function snapBack(text: string, i: number): number {
  if (i <= 0) return 0;
  const space = text.lastIndexOf(' ', i);
  const j = space >= 0 && i - space < 25 ? space + 1 : i;
  return isLowSurrogate(text, j) ? j - 1 : j;
}

function snapForward(text: string, i: number): number {
  if (i >= text.length) return text.length;
  const space = text.indexOf(' ', i);
  const j = space >= 0 && space - i < 25 ? space : i;
  return isLowSurrogate(text, j) ? j + 1 : j;
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}
