import { useLayoutEffect, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { isTypingTarget } from '../../lib/keyboard';

/** On the results page, `/` focuses the page's own search box (before the palette sees it). */
export function usePageSearchKey(input: RefObject<HTMLInputElement | null>): void {
  // A layout effect, as every single-key shortcut (use-story-keys.ts).
  useLayoutEffect(() => {
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

/** ↑/↓ between the result links of the page; ↑ from the first goes back to the search box. */
export function moveBetweenLinks(
  e: ReactKeyboardEvent<HTMLElement>,
  input: HTMLInputElement | null,
): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const links = [...e.currentTarget.querySelectorAll<HTMLElement>('a[href]')];
  const i = links.indexOf(e.target as HTMLElement);
  if (i < 0) return;
  const next = e.key === 'ArrowDown' ? links[i + 1] : i === 0 ? input : links[i - 1];
  if (!next) return;
  e.preventDefault();
  next.focus();
}
