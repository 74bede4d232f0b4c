import { lazy, Suspense, useEffect } from 'react';
import { usePaletteOpen } from './palette-store';
import { TypeAhead } from './type-ahead';
import { usePaletteShortcut } from './use-palette-shortcut';

// The dialog, its results and their hooks are ~20 KB of JS that the first render does not need:
// they load once the page is idle (or at the first `/`), not with the entry.
const loadDialog = () => import('./palette-dialog');
const PaletteDialog = lazy(() => loadDialog().then((m) => ({ default: m.PaletteDialog })));

/**
 * The search palette, mounted once by the layout: the `/` and Ctrl/⌘ K shortcuts, and the dialog
 * while open. Keys typed before the dialog's code is there are kept for it (TypeAhead).
 */
export function SearchPalette() {
  const open = usePaletteOpen();
  usePaletteShortcut(!open);
  useEffect(() => whenIdle(() => void loadDialog()), []);
  return open ? (
    <Suspense fallback={<TypeAhead />}>
      <PaletteDialog />
    </Suspense>
  ) : null;
}

/** Runs `fn` when the main thread is idle (within 2 s); returns a cancel function. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 200);
  return () => clearTimeout(id);
}
