import { useEffect, useState } from 'react';
import { closePalette, usePaletteOpen } from './palette-store';
import { TypeAhead } from './type-ahead';
import { usePaletteShortcut } from './use-palette-shortcut';

// The dialog, its results and their hooks are ~17 KB of JS that the first render does not need:
// a chunk of their own, not in the entry. It is asked for as the entry is evaluated, beside the
// manifest, not from an effect after the first render: on a warm reload the search box came
// ~120-150 ms after the `/` key (load 4-6), its chunk queued behind the first page's.
type DialogModule = typeof import('./palette-dialog');
let loaded: DialogModule | null = null;
let loading: Promise<DialogModule> | null = null;
const loadDialog = () =>
  (loading ??= import('./palette-dialog').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = null; // offline before it was fetched: the next `/` tries again
      throw e;
    },
  ));
if (typeof window !== 'undefined') loadDialog().catch(() => undefined);

/**
 * The search palette, mounted once by the layout: the `/` and Ctrl/⌘ K shortcuts, and the dialog
 * while open. Keys typed before the dialog's code is there are kept for it (TypeAhead).
 */
export function SearchPalette() {
  const open = usePaletteOpen();
  usePaletteShortcut(!open);
  const dialog = useDialogModule(open);
  if (!open) return null;
  return dialog ? <dialog.PaletteDialog /> : <TypeAhead />;
}

/**
 * The dialog's module, asked for at boot (above; fetched at idle time, it came late on a busy
 * page: the bench's warm typed-to-first-result was 184 ms, 121 ms once asked for right after the
 * first render).
 * IMPORTANT: not React.lazy and Suspense. React holds back a suspended boundary's content for up
 * to 300 ms after its fallback showed, rendered but not committed; keys typed then went to the
 * fallback after the dialog had read them, and were lost (`ballistic` became `balic`). A state
 * update renders and commits the dialog in one task, so no key falls in between.
 */
function useDialogModule(open: boolean): DialogModule | null {
  const [dialog, setDialog] = useState(loaded);
  useEffect(() => {
    if (dialog) return;
    let live = true;
    void loadDialog().then(
      (m) => live && setDialog(m),
      // Offline before it was fetched: close rather than swallow keys; `/` tries again.
      () => live && open && closePalette(true),
    );
    return () => {
      live = false;
    };
  }, [open, dialog]);
  return dialog;
}
