import { anchorQuote } from './anchor';
import { splitByParagraph, type StoryText } from './story-text';
import type { AnchoredAnnotation, Annotation, HighlightColor } from './types';

/**
 * Anchors a story's annotations in its current text; a missing story (file removed, brief gone)
 * makes orphans of them all. Nothing is dropped: every annotation comes back, placed or not.
 */
export function placeAnnotations(
  annotations: readonly Annotation[],
  st: StoryText | null,
): AnchoredAnnotation[] {
  return annotations.map((annotation) => ({
    annotation,
    anchor: st
      ? anchorQuote(st.text, annotation.quote, annotation.position)
      : { status: 'orphan', reason: 'story-missing' },
  }));
}

/** A stretch of one paragraph drawn as one highlight (`mark[data-highlight]`). */
export interface HighlightPiece {
  start: number;
  end: number;
  id: string;
  color: HighlightColor;
}

/**
 * Per paragraph, the non-overlapping stretches to draw. Where highlights overlap, the newer one is
 * drawn on top (it was made over the older, so it is the one the reader meant last); the older
 * one still shows wherever it is alone.
 */
export function highlightPieces(
  placed: readonly AnchoredAnnotation[],
  st: StoryText,
): Map<number, HighlightPiece[]> {
  const newestFirst = placed
    .filter((p) => p.anchor.status !== 'orphan')
    .sort((a, b) => b.annotation.created.localeCompare(a.annotation.created));
  const out = new Map<number, HighlightPiece[]>();
  for (const { annotation: a, anchor } of newestFirst) {
    if (anchor.status === 'orphan') continue;
    for (const piece of splitByParagraph(st, anchor.start, anchor.end)) {
      const taken = out.get(piece.paragraph) ?? [];
      const free = subtract([piece.start, piece.end], taken);
      const added = free.map(([start, end]) => ({ start, end, id: a.id, color: a.color }));
      out.set(
        piece.paragraph,
        [...taken, ...added].sort((x, y) => x.start - y.start),
      );
    }
  }
  return out;
}

/** The parts of [start, end) not covered by `taken` (sorted by start, non-overlapping). */
function subtract(range: [number, number], taken: readonly HighlightPiece[]): [number, number][] {
  const out: [number, number][] = [];
  let [from] = range;
  const end = range[1];
  for (const t of taken) {
    if (t.end <= from) continue;
    if (t.start >= end) break;
    if (t.start > from) out.push([from, t.start]);
    from = Math.max(from, t.end);
  }
  if (from < end) out.push([from, end]);
  return out;
}
