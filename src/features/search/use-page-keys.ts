import { useEffect, type RefObject } from 'react';
import { isTypingTarget } from '../../lib/keyboard';

/** On the results page, `/` focuses the page's own search box (before the palette sees it). */
export function usePageSearchKey(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.isComposing || isTypingTarget(e) || !input.current) return;
      e.preventDefault();
      input.current.focus();
      input.current.select();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [input]);
}
