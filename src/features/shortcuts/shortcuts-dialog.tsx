import { useLayoutEffect, useRef } from 'react';
import { shortcutsFor, type ShortcutPage } from '../../config/shortcuts';

const PAGE_NAME: Record<ShortcutPage, string> = {
  library: 'the library',
  story: 'a story',
  notebook: 'the notebook',
  entity: 'a person, place or organization',
  search: 'search',
  other: 'this page',
};

/**
 * The `?` overlay: the shortcuts of the page you are on. A modal dialog (the page behind is
 * inert), Tab kept inside it, Esc or the button closes it and focus returns where it was.
 */
export function ShortcutsDialog({ page, onClose }: { page: ShortcutPage; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    const d = ref.current;
    const before = document.activeElement as HTMLElement | null;
    if (d && !d.open) d.showModal();
    closeButton.current?.focus();
    return () => {
      d?.close();
      before?.focus?.({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onMouseDown={(e) => e.target === ref.current && onClose()}
      onKeyDown={(e) => {
        if (e.key === 'Tab') keepTabInside(e, ref.current);
        // Keys belong to the dialog while it is open (j/k, h… of the page behind must not run).
        e.stopPropagation();
      }}
      className="mx-auto mt-[8vh] mb-auto max-h-[80vh] w-[min(36rem,calc(100vw-1.5rem))] overflow-y-auto rounded-2xl border border-black/10 bg-paper p-6 text-ink shadow-2xl backdrop:bg-black/30 dark:border-white/15 dark:bg-neutral-900 dark:text-night-ink dark:backdrop:bg-black/60"
    >
      <div className="flex items-start justify-between gap-4">
        <h2 id="shortcuts-title" className="font-serif text-2xl font-semibold">
          Keyboard shortcuts
        </h2>
        <button
          ref={closeButton}
          type="button"
          onClick={onClose}
          className="rounded-md border border-black/15 px-2 py-1 text-sm dark:border-white/20"
        >
          Close
        </button>
      </div>
      <p className="mt-1 text-sm text-ink/75 dark:text-night-ink/75">
        On {PAGE_NAME[page]}. Keys are never taken while you type in a field.
      </p>
      {shortcutsFor(page).map((g) => (
        <section key={g.title} className="mt-5">
          <h3 className="text-xs font-semibold tracking-wide text-ink/75 uppercase dark:text-night-ink/75">
            {g.title}
          </h3>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            {g.shortcuts.map((s) => (
              <div key={s.does} className="contents">
                <dt className="flex flex-wrap gap-1">
                  {s.keys.map((k) => (
                    <kbd
                      key={k}
                      className="rounded border border-black/20 bg-white px-1.5 font-sans text-xs leading-5 dark:border-white/25 dark:bg-white/10"
                    >
                      {k}
                    </kbd>
                  ))}
                </dt>
                <dd>{s.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </dialog>
  );
}

/** Tab and Shift+Tab wrap around inside the dialog instead of leaving for the browser's UI. */
function keepTabInside(e: React.KeyboardEvent, root: HTMLElement | null) {
  const focusables = root
    ? [...root.querySelectorAll<HTMLElement>('button, a[href], input, [tabindex="0"]')]
    : [];
  const first = focusables[0];
  const last = focusables[focusables.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
