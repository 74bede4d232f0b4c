import { useLayoutEffect, useRef } from 'react';
import { isTypingTarget } from '../../lib/keyboard';

/**
 * Single-key shortcuts of the reading view (j/k: next/previous story). Layout effects: the keys
 * work from the commit that draws the story, as the `/` shortcut does. With passive effects a
 * key pressed the moment the story appeared (a reader going through stories with j) could land
 * before the listener and be lost; an e2e journey lost its first j in 1–3 runs of 10.
 */
export function useStoryKeys(handlers: Record<string, () => void>): void {
  const ref = useRef(handlers);
  useLayoutEffect(() => {
    ref.current = handlers;
  });
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e)) return;
      const h = ref.current[e.key];
      if (!h) return;
      e.preventDefault();
      h();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
