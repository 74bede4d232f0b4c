import { lazy, Suspense, useLayoutEffect, useState } from 'react';
import { isTypingTarget } from '../lib/keyboard';
import { useLocation } from '../lib/router';

// The dialog's code and the shortcut tables load on the first `?`: the entry carries only this
// listener.
const ShortcutsDialog = lazy(() =>
  Promise.all([
    import('../features/shortcuts/shortcuts-dialog'),
    import('../config/shortcuts'),
  ]).then(([dialog, table]) => ({
    default: ({ pathname, onClose }: { pathname: string; onClose: () => void }) => (
      <dialog.ShortcutsDialog page={table.shortcutPage(pathname)} onClose={onClose} />
    ),
  })),
);

/** `?` anywhere (never while typing): the shortcuts of the page you are on. */
export function ShortcutsOverlay() {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  // A layout effect, as every single-key shortcut (use-story-keys.ts).
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || isTypingTarget(e)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ShortcutsDialog pathname={pathname} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
