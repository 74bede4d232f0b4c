import { lazy, Suspense, useEffect, useState } from 'react';
import { shortcutPage } from '../config/shortcuts';
import { isTypingTarget } from '../lib/keyboard';
import { useLocation } from '../lib/router';

// The dialog's code loads on the first `?`: the entry carries only this listener.
const ShortcutsDialog = lazy(() =>
  import('../features/shortcuts/shortcuts-dialog').then((m) => ({ default: m.ShortcutsDialog })),
);

/** `?` anywhere (never while typing): the shortcuts of the page you are on. */
export function ShortcutsOverlay() {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => {
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
      <ShortcutsDialog page={shortcutPage(pathname)} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
