/**
 * How a long story's text is cut for rendering. Paragraphs are grouped (each group is one box
 * that the browser lays out only near the viewport: content-visibility), and groups are handed
 * to React in slices, one per idle period. Sizes are in characters, the cost that matters: the
 * 20 MB one-line file has ~8,700 paragraphs of ~2,400 characters, BBC stories ~20 of ~300.
 */

/** A group ends past this many characters or paragraphs (a few screens of text). */
export const GROUP_CHARS = 12_000;
export const GROUP_PARAGRAPHS = 20;
/**
 * A slice, one render, stops past this many characters or paragraphs. The first is small, so
 * the first screen paints at once (a normal story is still a single slice); the next ones are
 * larger, since each idle period costs a frame or two of waiting whatever the slice's size
 * (slices of 60,000 characters took 14 s to bring in 20 MB; of 240,000, ~4 s).
 */
export const FIRST_SLICE = { chars: 60_000, paragraphs: 120 };
export const NEXT_SLICE = { chars: 240_000, paragraphs: 480 };

export interface ParagraphGroup {
  /** Paragraph indexes [from, to). */
  from: number;
  to: number;
  chars: number;
}

/** Consecutive paragraphs cut into groups of at most GROUP_CHARS (or one longer paragraph). */
export function groupParagraphs(
  lengths: readonly number[],
  maxChars = GROUP_CHARS,
  maxParagraphs = GROUP_PARAGRAPHS,
): ParagraphGroup[] {
  const out: ParagraphGroup[] = [];
  let from = 0;
  let chars = 0;
  lengths.forEach((len, i) => {
    if (i > from && (chars + len > maxChars || i - from >= maxParagraphs)) {
      out.push({ from, to: i, chars });
      from = i;
      chars = 0;
    }
    chars += len;
  });
  if (lengths.length > from) out.push({ from, to: lengths.length, chars });
  return out;
}

/**
 * How many groups are rendered after each slice: [3, 7, 10] renders 3 groups, then 7, then all
 * 10. Every slice holds at least one group.
 */
export function sliceEnds(
  groups: readonly ParagraphGroup[],
  first = FIRST_SLICE,
  next = NEXT_SLICE,
): number[] {
  const out: number[] = [];
  let chars = 0;
  let paragraphs = 0;
  groups.forEach((g, i) => {
    const n = g.to - g.from;
    const max = out.length === 0 ? first : next;
    if (i > 0 && (chars + g.chars > max.chars || paragraphs + n > max.paragraphs)) {
      out.push(i);
      chars = 0;
      paragraphs = 0;
    }
    chars += g.chars;
    paragraphs += n;
  });
  if (groups.length) out.push(groups.length);
  return out;
}

/** The index of the group holding paragraph `index` (0-based), or -1. */
export function groupOf(groups: readonly ParagraphGroup[], index: number): number {
  let lo = 0;
  let hi = groups.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = groups[mid]!;
    if (index < g.from) hi = mid - 1;
    else if (index >= g.to) lo = mid + 1;
    else return mid;
  }
  return -1;
}
