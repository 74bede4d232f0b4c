/**
 * The sentence around a span of a paragraph: from after the previous sentence end (". " followed
 * by a capital or quote) to the next one. Abbreviations like "U.S." or "C.Q." do not end a sentence
 * because the next word must start with a capital after a space.
 */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  let from = 0;
  // Look at the whole text (the capital after a sentence end may lie at or past `start`).
  const re = /[^\s.]{2}[.!?]["”’)]?\s+(?=["“‘(]?[\p{Lu}\d])/gu;
  for (const m of text.slice(0, start + 4).matchAll(re)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
  }
  const after = /[^\s.]{2}[.!?]["”’)]?(?=\s+["“‘(]?[\p{Lu}\d]|\s*$)/u.exec(text.slice(end));
  const to = after ? end + after.index + after[0].length : text.length;
  return { start: from, end: to };
}
