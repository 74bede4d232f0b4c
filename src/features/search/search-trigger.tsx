import { openPalette } from './palette-store';
import { Kbd } from './kbd';

/** The header button that opens the palette, with its shortcut hint. */
export function SearchTrigger() {
  return (
    <button
      type="button"
      onClick={openPalette}
      aria-keyshortcuts="/ Control+K Meta+K"
      className="flex items-center gap-2 rounded-lg border border-black/10 bg-white/60 py-1 pr-1.5 pl-2.5 text-sm text-ink/75 shadow-sm hover:border-black/20 hover:text-ink dark:border-white/15 dark:bg-white/5 dark:text-night-ink/75 dark:hover:border-white/25 dark:hover:text-night-ink"
    >
      <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none">
        <circle cx="8.5" cy="8.5" r="5.25" stroke="currentColor" strokeWidth="1.75" />
        <path d="m12.5 12.5 4 4" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
      </svg>
      <span>Search</span>
      <span className="ml-3 hidden sm:inline-flex" aria-hidden>
        <Kbd>/</Kbd>
      </span>
    </button>
  );
}
