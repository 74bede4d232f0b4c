import { useEffect, useState } from 'react';
import { BUTTON_CLASS, type ResumedAt } from './reading-style';

/**
 * The thin bar under the header that shows how far through the story the reader is. It measures
 * itself, so a scroll re-renders the bar, not the story.
 */
export function ReadingProgress() {
  const [value, setValue] = useState(0);
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const r = document.querySelector('[data-story-text]')?.getBoundingClientRect();
      if (!r) return;
      const p = r.height > 0 ? (window.innerHeight - r.top) / r.height : 1;
      setValue(Math.max(0, Math.min(1, p)));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    // The text may grow after the bar mounts (slices of a long story): measure again then.
    const observer = new ResizeObserver(schedule);
    const text = document.querySelector('[data-story-text]');
    if (text) observer.observe(text);
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, []);
  const pct = Math.round(value * 100);
  return (
    <div
      role="progressbar"
      aria-label="Reading progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      className="pointer-events-none fixed inset-x-0 top-14 z-30 h-0.5 bg-transparent"
    >
      <div
        className="h-full origin-left bg-accent transition-transform duration-150 dark:bg-accent-dark"
        style={{ transform: `scaleX(${value})` }}
      />
    </div>
  );
}

/** "Mark as read" / "Mark as unread" (also `m`), and the note that the story resumed. */
export function ReadingControls(p: {
  read: boolean;
  onToggle: () => void;
  resumedAt: ResumedAt | null;
  onBackToTop: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3 font-sans text-sm">
      <button type="button" className={BUTTON_CLASS} onClick={p.onToggle} title="Shortcut: m">
        {p.read ? 'Mark as unread' : 'Mark as read'}
      </button>
      {p.read && <span className="text-ink/75 dark:text-night-ink/75">✓ Read</span>}
      {p.resumedAt !== null && (
        <span role="status" className="text-ink/75 dark:text-night-ink/75">
          {p.resumedAt.shortened
            ? `The story is shorter than when you stopped: back at its last paragraph, ${p.resumedAt.paragraph}.`
            : `Back where you stopped, at paragraph ${p.resumedAt.paragraph}.`}{' '}
          <button type="button" className="underline" onClick={p.onBackToTop}>
            Start from the top
          </button>
        </span>
      )}
    </div>
  );
}
