import { toStoryOffset, type StoryText } from '../../corpus/notebook/story-text';

/**
 * DOM ranges ↔ story offsets. Paragraphs are `p[data-paragraph="n"]` (1-based) whose text is
 * exactly the paragraph's (MarkedText only wraps), so an offset inside one is the length of the
 * text before it in that element.
 */

const PARAGRAPH = 'p[data-paragraph]';

/** The story offsets a selection covers, or null when it touches no paragraph of `root`. */
export function storyRangeOf(range: Range, root: Element, st: StoryText): [number, number] | null {
  const paragraphs = [...root.querySelectorAll<HTMLElement>(PARAGRAPH)].filter((p) =>
    range.intersectsNode(p),
  );
  const first = paragraphs[0];
  const last = paragraphs[paragraphs.length - 1];
  if (!first || !last) return null;
  const start = first.contains(range.startContainer)
    ? offsetIn(first, range.startContainer, range.startOffset)
    : 0;
  const end = last.contains(range.endContainer)
    ? offsetIn(last, range.endContainer, range.endOffset)
    : (last.textContent ?? '').length;
  const a = toStoryOffset(st, index(first), start);
  const b = toStoryOffset(st, index(last), end);
  return b > a ? [a, b] : null;
}

function index(p: HTMLElement): number {
  return Number(p.dataset.paragraph) - 1;
}

function offsetIn(p: HTMLElement, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(p, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/** The first `mark[data-highlight]` piece of a highlight, to anchor its editor. */
export function highlightElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`mark[data-highlight="${CSS.escape(id)}"]`);
}

/** The paragraph element (1-based n), if rendered. */
export function paragraphElement(n: number): HTMLElement | null {
  return document.getElementById(`p${n}`);
}

/** The story text's container on the page. */
export function storyTextRoot(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-story-text]');
}
