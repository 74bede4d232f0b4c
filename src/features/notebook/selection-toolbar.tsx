import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useFollowViewport } from '../../lib/follow-viewport';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../corpus/notebook/types';
import { BUTTON, COLOR_LABEL, SWATCH_CLASS } from './highlight-style';
import type { StorySelection } from './use-story-selection';

/**
 * The small toolbar over a selection: highlight in one of four colours, add a note, copy the
 * quote (and, while re-attaching an orphan, attach it here). Buttons keep the selection (no focus
 * steal on mouse down); keys do the same from the keyboard: h, 1–4, a, c.
 */
export function SelectionToolbar(p: {
  selection: StorySelection;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
  onCopy: () => void;
  /** Set while an orphan is being re-attached. */
  onAttach?: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const { start, end, touch } = p.selection;

  // Placed from the live selection, again on scroll and resize (the toolbar is fixed).
  const place = useCallback(() => {
    const el = ref.current;
    const sel = document.getSelection();
    if (!el || !sel || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    const box = range.getBoundingClientRect();
    const rects = range.getClientRects();
    const rect = { ...box.toJSON(), bottom: (rects[rects.length - 1] ?? box).bottom };
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const left = Math.min(
      Math.max(8, (rect.left + rect.right) / 2 - w / 2),
      window.innerWidth - w - 8,
    );
    // Above the selection, unless that is under the sticky header or off screen; below for
    // touch (the system's copy/paste menu sits above).
    const above = rect.top - h - 10;
    const top =
      !touch && above > 64 ? above : Math.min(rect.bottom + 10, window.innerHeight - h - 8);
    setPos({ top, left });
  }, [touch]);
  useFollowViewport(place);
  // A new selection moves the toolbar at once, not at the next scroll.
  useLayoutEffect(place, [place, start, end]);

  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label="Selected text"
      style={{ top: pos?.top ?? -9999, left: pos?.left ?? 0 }}
      onMouseDown={keep}
      className="fixed z-40 flex max-w-[calc(100vw-1rem)] items-center gap-1 rounded-xl border border-black/10 bg-white p-1.5 font-sans text-sm shadow-lg dark:border-white/15 dark:bg-neutral-900"
    >
      {p.onAttach && (
        <button
          type="button"
          className={`${BUTTON} border-accent dark:border-accent-dark`}
          onClick={p.onAttach}
        >
          Attach here
        </button>
      )}
      <span
        aria-hidden
        className="hidden px-1 text-xs text-ink/70 sm:inline dark:text-night-ink/70"
      >
        Highlight
      </span>
      {HIGHLIGHT_COLORS.map((c, i) => (
        <button
          key={c}
          type="button"
          aria-label={`Highlight ${COLOR_LABEL[c].toLowerCase()}`}
          title={`Highlight ${COLOR_LABEL[c].toLowerCase()} (${i + 1})`}
          onClick={() => p.onHighlight(c)}
          className="flex h-8 w-8 items-center justify-center rounded-md hover:bg-black/5 dark:hover:bg-white/10"
        >
          <span
            aria-hidden
            className={`h-5 w-5 rounded-full ring-1 ring-black/20 dark:ring-white/30 ${SWATCH_CLASS[c]}`}
          />
        </button>
      ))}
      <span aria-hidden className="mx-1 h-6 w-px bg-black/10 dark:bg-white/15" />
      <button
        type="button"
        className={`${BUTTON} whitespace-nowrap`}
        onClick={p.onNote}
        title="Add note (a)"
      >
        Add note
      </button>
      <button
        type="button"
        className={`${BUTTON} whitespace-nowrap`}
        onClick={p.onCopy}
        title="Copy quote (c)"
      >
        Copy quote
      </button>
    </div>
  );
}
