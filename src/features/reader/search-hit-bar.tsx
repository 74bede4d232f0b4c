/** The `?q=` toolbar: how many hits, the n/N keys, and a toggle for the hit layer. */
export function SearchHitBar(p: {
  query: string;
  total: number;
  current: number;
  shown: boolean;
  loading: boolean;
  onToggle: () => void;
  onNext: () => void;
  onPrev: () => void;
}) {
  const btn =
    'rounded border border-black/15 px-2 py-0.5 hover:bg-black/5 disabled:opacity-40 dark:border-white/20 dark:hover:bg-white/10';
  return (
    <div
      role="group"
      aria-label="Search hits"
      className="flex flex-wrap items-center gap-2 font-sans text-sm"
    >
      <span className="rounded bg-yellow-200 px-1.5 text-ink dark:bg-yellow-700 dark:text-white">
        “{p.query}”
      </span>
      <span aria-live="polite" className="tabular-nums">
        {p.loading
          ? 'Finding hits…'
          : p.total === 0
            ? 'No hits in this story'
            : `${p.current >= 0 ? `${p.current + 1} of ` : ''}${p.total} ${p.total === 1 ? 'hit' : 'hits'}`}
      </span>
      <button
        type="button"
        className={btn}
        onClick={p.onPrev}
        disabled={p.total === 0 || !p.shown}
        aria-keyshortcuts="Shift+N"
      >
        <span aria-hidden>↑</span> Previous <kbd className="text-xs">N</kbd>
      </button>
      <button
        type="button"
        className={btn}
        onClick={p.onNext}
        disabled={p.total === 0 || !p.shown}
        aria-keyshortcuts="N"
      >
        <span aria-hidden>↓</span> Next <kbd className="text-xs">n</kbd>
      </button>
      <button type="button" className={btn} aria-pressed={p.shown} onClick={p.onToggle}>
        {p.shown ? 'Hide hits' : 'Show hits'}
      </button>
    </div>
  );
}
