import { useLayoutEffect } from 'react';
import { isTypingTarget } from '../../lib/keyboard';
import { openPalette } from './palette-store';

/**
 * The global shortcuts: `/` (never while typing in a field) and Ctrl/Cmd+K (a chord, so it works
 * from a field too). Ignored during IME composition. A layout effect: the keys work from the
 * commit that draws the header's search button, not from the passive effects' later task (an
 * input event can be handled in between).
 */
export function usePaletteShortcut(enabled: boolean): void {
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.defaultPrevented) return;
      const chord = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
      if ((chord && e.key.toLowerCase() === 'k') || (e.key === '/' && !isTypingTarget(e))) {
        e.preventDefault();
        openPalette();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
