import { useEffect, useRef } from 'react';
import { BUTTON } from './highlight-style';

/** "Highlight deleted · Undo", for a few seconds; focus goes to Undo so the keyboard can use it. */
export function UndoBar(p: { message: string; onUndo: () => void; onDone: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const done = useRef(p.onDone);
  useEffect(() => {
    done.current = p.onDone;
  });
  // Once: the parent re-renders (a live notebook does often) without moving focus again.
  useEffect(() => {
    button.current?.focus({ preventScroll: true });
    const t = setTimeout(() => done.current(), 8000);
    return () => clearTimeout(t);
  }, []);
  return (
    <div
      role="status"
      className="fixed inset-x-0 bottom-20 z-50 mx-auto flex w-fit items-center gap-3 rounded-full bg-ink px-4 py-2 font-sans text-sm text-paper shadow-lg dark:bg-night-ink dark:text-night"
    >
      {p.message}
      <button
        ref={button}
        type="button"
        onClick={p.onUndo}
        onKeyDown={(e) => e.key === 'Escape' && p.onDone()}
        className={`${BUTTON} border-current px-2 py-0.5 text-paper hover:bg-white/10 dark:text-night dark:hover:bg-black/10`}
      >
        Undo
      </button>
    </div>
  );
}
