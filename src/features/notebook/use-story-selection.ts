import { useCallback, useEffect, useState } from 'react';
import type { StoryText } from '../../corpus/notebook/story-text';
import { storyRangeOf, storyTextRoot } from './dom-offsets';

export interface StorySelection {
  start: number;
  end: number;
  /** Where the selection is on screen (viewport coordinates), for the toolbar. */
  rect: { top: number; bottom: number; left: number; right: number };
  /** Made by touch: the toolbar goes below, clear of the system's own selection menu. */
  touch: boolean;
}

/**
 * The reader's selection inside the story text (mouse, touch, Shift+arrows alike: it follows
 * `selectionchange`), in story offsets, with its place on screen kept current while scrolling.
 */
export function useStorySelection(st: StoryText): [StorySelection | null, () => void] {
  const [selection, setSelection] = useState<StorySelection | null>(null);

  useEffect(() => {
    let touch = false;
    let frame = 0;
    const read = () => {
      frame = 0;
      const sel = document.getSelection();
      const root = storyTextRoot();
      if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !root) return setSelection(null);
      const range = sel.getRangeAt(0);
      const offsets = storyRangeOf(range, root, st);
      if (!offsets) return setSelection(null);
      const rects = range.getClientRects();
      const box = range.getBoundingClientRect();
      const last = rects[rects.length - 1] ?? box;
      setSelection({
        start: offsets[0],
        end: offsets[1],
        rect: { top: box.top, bottom: last.bottom, left: box.left, right: box.right },
        touch,
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    const onPointer = (e: PointerEvent) => {
      touch = e.pointerType === 'touch';
    };
    document.addEventListener('selectionchange', schedule);
    document.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      document.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [st]);

  const clear = useCallback(() => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);
  return [selection, clear];
}
