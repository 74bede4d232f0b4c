/**
 * The text that highlights are anchored in: a story's paragraphs joined by a blank line. Offsets
 * (TextPositionSelector, anchors) count UTF-16 code units in this string, as the DOM does; the
 * separator keeps a quote that spans two paragraphs from gluing their words together.
 */
export const PARAGRAPH_SEPARATOR = '\n\n';

export interface StoryText {
  text: string;
  /** Offset of each paragraph's first character in `text`. */
  starts: number[];
  /** Length of each paragraph. */
  lengths: number[];
}

/** The anchoring text of a story's paragraphs. */
export function storyText(paragraphs: readonly string[]): StoryText {
  const starts: number[] = [];
  const lengths: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    lengths.push(p.length);
    at += p.length + PARAGRAPH_SEPARATOR.length;
  }
  return { text: paragraphs.join(PARAGRAPH_SEPARATOR), starts, lengths };
}

/** The offset in the story text of `offset` inside paragraph `index` (0-based), clipped. */
export function toStoryOffset(st: StoryText, index: number, offset: number): number {
  const start = st.starts[index];
  if (start === undefined) return st.text.length;
  return start + Math.max(0, Math.min(offset, st.lengths[index]!));
}

/** The paragraph (0-based) holding story offset `offset`; an offset in a separator belongs to
 *  the paragraph after it. */
export function paragraphAt(st: StoryText, offset: number): number {
  let lo = 0;
  let hi = st.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (st.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const end = (st.starts[lo] ?? 0) + (st.lengths[lo] ?? 0);
  return offset >= end && lo + 1 < st.starts.length ? lo + 1 : lo;
}

/** A range of the story text cut into per-paragraph pieces (empty pieces and separators dropped). */
export interface ParagraphPiece {
  paragraph: number;
  start: number;
  end: number;
}

export function splitByParagraph(st: StoryText, start: number, end: number): ParagraphPiece[] {
  const out: ParagraphPiece[] = [];
  if (end <= start || st.starts.length === 0) return out;
  for (let i = paragraphAt(st, start); i < st.starts.length; i++) {
    const ps = st.starts[i]!;
    if (ps >= end) break;
    const a = Math.max(start, ps) - ps;
    const b = Math.min(end, ps + st.lengths[i]!) - ps;
    if (b > a) out.push({ paragraph: i, start: a, end: b });
  }
  return out;
}
