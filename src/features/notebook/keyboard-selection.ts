import { paragraphElement, storyTextRoot } from './dom-offsets';

/**
 * Shift+arrows select story text from the keyboard, with or without the browser's caret
 * browsing: the selection starts at the paragraph the reader is at (the focused name, the linked
 * paragraph, or the first one on screen) and grows with `Selection.modify`, by character, by word
 * with Ctrl/Alt, by line with ↑/↓, to the line's ends with Home/End.
 *
 * Returns true when it handled the key.
 */
export function extendSelectionByKey(e: KeyboardEvent, linkedParagraph: number | null): boolean {
  if (!e.shiftKey || e.metaKey) return false;
  const move = MOVES[e.key];
  if (!move) return false;
  const root = storyTextRoot();
  const sel = document.getSelection();
  if (!root || !sel || typeof sel.modify !== 'function') return false;
  const inStory = sel.rangeCount > 0 && root.contains(sel.anchorNode);
  if (!inStory) {
    const start = startPoint(root, linkedParagraph);
    if (!start) return false;
    sel.collapse(start, 0);
  }
  const word = (e.ctrlKey || e.altKey) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight');
  sel.modify('extend', move.direction, word ? 'word' : move.granularity);
  return true;
}

const MOVES: Record<string, { direction: 'forward' | 'backward'; granularity: string }> = {
  ArrowRight: { direction: 'forward', granularity: 'character' },
  ArrowLeft: { direction: 'backward', granularity: 'character' },
  ArrowDown: { direction: 'forward', granularity: 'line' },
  ArrowUp: { direction: 'backward', granularity: 'line' },
  End: { direction: 'forward', granularity: 'lineboundary' },
  Home: { direction: 'backward', granularity: 'lineboundary' },
};

/** Where a keyboard selection starts: the focused name, the linked paragraph, or the first
 *  paragraph whose top is on screen. */
function startPoint(root: HTMLElement, linked: number | null): Node | null {
  const focused = document.activeElement;
  if (focused && root.contains(focused) && focused.closest('p[data-paragraph]')) return focused;
  const target = linked ? paragraphElement(linked) : null;
  if (target) return target;
  const header = 64;
  const onScreen = [...root.querySelectorAll<HTMLElement>('p[data-paragraph]')].find(
    (p) => p.getBoundingClientRect().bottom > header,
  );
  return onScreen ?? null;
}
