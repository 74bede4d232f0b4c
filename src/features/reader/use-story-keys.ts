import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../lib/keyboard';

/** Single-key shortcuts of the reading view (j/k: next/previous story). */
export function useStoryKeys(handlers: Record<string, () => void>): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
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
