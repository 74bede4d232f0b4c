import { useCallback, useEffect, useState } from 'react';
import type { StoryText } from '../../corpus/notebook/story-text';
import { storyRangeOf, storyTextRoot } from './dom-offsets';

export interface StorySelection {
  start: number;
  end: number;
  /** Made by touch: the toolbar goes below, clear of the system's own selection menu. */
  touch: boolean;
}

/**
 * The reader's selection inside the story text (mouse, touch, Shift+arrows alike: it follows
 * `selectionchange`), in story offsets. Its place on screen is the toolbar's to measure: a state
 * change per scroll frame would re-render the whole story.
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
      const [start, end] = offsets;
      setSelection((prev) =>
        prev && prev.start === start && prev.end === end && prev.touch === touch
          ? prev
          : { start, end, touch },
      );
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    const onPointer = (e: PointerEvent) => {
      touch = e.pointerType === 'touch';
    };
    document.addEventListener('selectionchange', schedule);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [st]);

  const clear = useCallback(() => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);
  return [selection, clear];
}
