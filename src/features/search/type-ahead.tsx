import { useLayoutEffect } from 'react';
import { closePalette, setTypedAhead } from './palette-store';

/**
 * Stands in for the palette's dialog while its code loads (nothing to wait for once the page has
 * been idle; a moment right after it opened): what is typed is kept for the dialog's input, and
 * no key reaches the page below, as with the modal dialog (the reader's j/k, for one). Esc closes.
 * IMPORTANT: a layout effect, so the listener is gone in the same commit that mounts the dialog
 * and focuses its input; a passive one could swallow a key typed in between.
 */
export function TypeAhead() {
  useLayoutEffect(() => {
    let text = '';
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      e.stopPropagation();
      if (e.key === 'Escape') closePalette(true);
      else if (e.key === 'Backspace') text = [...text].slice(0, -1).join('');
      else if ([...e.key].length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) text += e.key;
      else return;
      e.preventDefault();
      setTypedAhead(text);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return null;
}
