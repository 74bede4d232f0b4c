import { BUTTON_CLASS } from './reading-style';

/** The thin bar under the header that shows how far through the story the reader is. */
export function ReadingProgress({ value }: { value: number }) {
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
  resumedAt: number | null;
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
          Back where you stopped, at paragraph {p.resumedAt}.{' '}
          <button type="button" className="underline" onClick={p.onBackToTop}>
            Start from the top
          </button>
        </span>
      )}
    </div>
  );
}
