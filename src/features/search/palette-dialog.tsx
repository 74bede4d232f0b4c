import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { closePalette } from './palette-store';
import { EmptyState } from './empty-state';
import { ARCHIVE_SEARCH_NOTE } from '../../components/ui/not-in-archive';
import { Kbd } from './kbd';
import { ResultList } from './result-list';
import { MOD_KEY, ResultNotes, SECONDARY } from './result-parts';
import { usePalette } from './use-palette';

/**
 * The open palette: a modal dialog with a combobox over the search results. A chunk of its own
 * (see search-palette.tsx); text typed while it loaded arrives as the initial query.
 */
export function PaletteDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const p = usePalette();
  useLayoutEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    input.current?.focus();
    return () => d?.close();
  }, []);

  const onSetText = (t: string) => {
    p.setText(t);
    input.current?.focus();
  };
  const activeId = p.expanded && p.keys.activeKey ? p.optionId(p.keys.activeKey) : undefined;
  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (p.empty && e.key === 'ArrowDown' && !e.nativeEvent.isComposing) {
      const first = dialog.current?.querySelector<HTMLElement>('[data-recent]');
      if (first) {
        e.preventDefault();
        first.focus();
      }
      return;
    }
    p.keys.onKeyDown(e);
  };
  return (
    <dialog
      ref={dialog}
      aria-modal="true"
      aria-labelledby="palette-title"
      onCancel={(e) => (e.preventDefault(), closePalette(true))}
      onMouseDown={(e) => e.target === dialog.current && closePalette(true)}
      onKeyDown={(e) => {
        trapTab(e, dialog.current);
        // The page under the modal must not react to keys (the reader's j/k, for one).
        e.stopPropagation();
      }}
      className="mx-auto mt-[8vh] mb-auto hidden max-h-[80vh] w-[min(44rem,calc(100vw-1.5rem))] flex-col overflow-hidden rounded-2xl border border-black/10 bg-paper p-0 text-ink shadow-2xl shadow-black/25 backdrop:bg-black/30 backdrop:backdrop-blur-[2px] open:flex dark:border-white/15 dark:bg-neutral-900 dark:text-night-ink dark:shadow-black/60 dark:backdrop:bg-black/60"
    >
      <h2 id="palette-title" className="sr-only">
        Search stories
      </h2>
      <div className="flex items-center gap-3 border-b border-black/10 px-4 dark:border-white/10">
        <SearchIcon />
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label="Search stories, people, places and organizations"
          aria-expanded={p.expanded}
          aria-controls={p.listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          placeholder="Search stories, people, places…"
          value={p.text}
          onChange={(e) => p.setText(e.target.value)}
          onKeyDown={onInputKey}
          className="h-14 min-w-0 flex-1 bg-transparent text-lg outline-none placeholder:text-ink/50 dark:placeholder:text-night-ink/50"
        />
        {p.stale && !p.empty && <Spinner />}
        <button
          type="button"
          onClick={() => closePalette(true)}
          className={`rounded-md px-1 py-1 hover:bg-black/5 dark:hover:bg-white/10 ${SECONDARY}`}
          // Starts with the key it shows (WCAG 2.5.3).
          aria-label="Esc: close search"
        >
          <Kbd>esc</Kbd>
        </button>
      </div>
      {/* Focusable so keyboard users can scroll long results (axe: scrollable-region-focusable). */}
      <div tabIndex={0} className="min-h-0 flex-1 overflow-y-auto overscroll-contain">
        {p.archive ? (
          <p role="status" className="px-5 py-6 text-sm text-ink/75 dark:text-night-ink/75">
            {ARCHIVE_SEARCH_NOTE}
          </p>
        ) : p.empty ? (
          <EmptyState
            recent={p.recents.recent}
            onRun={onSetText}
            onRemove={p.recents.remove}
            onExitTop={() => input.current?.focus()}
          />
        ) : (
          <>
            {p.results && (p.results.partial || p.results.notes.length > 0) && (
              <div className="px-5 pt-3">
                <ResultNotes partial={p.results.partial} notes={p.results.notes} />
              </div>
            )}
            {p.error && (
              <p role="alert" className="px-5 py-6 text-sm">
                Search failed: {p.error.message}
              </p>
            )}
            {p.results && p.results.stories.length === 0 && !p.stale && (
              <p
                className={`px-5 text-sm ${SECONDARY} ${p.groups.length ? 'pt-3' : 'py-10 text-center'}`}
              >
                No stories match “{p.text.trim()}”{p.indexing ? ' in the files indexed so far' : ''}
                .
              </p>
            )}
            <ResultList
              id={p.listId}
              groups={p.groups}
              query={p.text}
              activeKey={p.keys.activeKey}
              optionId={p.optionId}
              onHover={p.keys.setActive}
              onChoose={p.choose}
            />
          </>
        )}
        <p role="status" className="sr-only">
          {p.results && !p.stale
            ? `${p.results.totalAtLeast ? 'at least ' : ''}${p.results.total} results`
            : ''}
        </p>
      </div>
      <footer
        className={`flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-black/10 bg-black/[0.02] px-4 py-2 text-xs dark:border-white/10 dark:bg-white/[0.03] ${SECONDARY}`}
      >
        <span className="hidden items-center gap-1 sm:flex">
          <Kbd>↑</Kbd>
          <Kbd>↓</Kbd> to move
        </span>
        <span className="hidden items-center gap-1 sm:flex">
          <Kbd>↵</Kbd> to open
        </span>
        <span className="hidden items-center gap-1 sm:flex">
          <Kbd>{MOD_KEY}</Kbd>
          <Kbd>↵</Kbd> new tab
        </span>
        <span className="flex items-center gap-1">
          <Kbd>esc</Kbd> to close
        </span>
        <span className="ml-auto">
          {p.indexing && p.indexing.total > 0
            ? `Still indexing: ${p.indexing.files.toLocaleString()} of ${p.indexing.total.toLocaleString()} files`
            : p.analysing && 'Names still being analysed…'}
        </span>
      </footer>
    </dialog>
  );
}

/** Keeps Tab inside the dialog (wraps at both ends). */
function trapTab(e: KeyboardEvent, root: HTMLElement | null) {
  if (e.key !== 'Tab' || !root) return;
  const focusables = [
    ...root.querySelectorAll<HTMLElement>(
      'input, button, a[href], [tabindex]:not([tabindex="-1"])',
    ),
  ].filter((el) => !el.hasAttribute('disabled'));
  const first = focusables[0];
  const last = focusables[focusables.length - 1];
  if (!first || !last) return;
  const wrapTo = e.shiftKey ? (document.activeElement === first ? last : null) : null;
  const target = wrapTo ?? (!e.shiftKey && document.activeElement === last ? first : null);
  if (!target) return;
  e.preventDefault();
  target.focus();
}

function SearchIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className={`h-5 w-5 shrink-0 ${SECONDARY}`} fill="none">
      <circle cx="8.5" cy="8.5" r="5.25" stroke="currentColor" strokeWidth="1.75" />
      <path d="m12.5 12.5 4 4" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
    </svg>
  );
}

function Spinner() {
  return (
    <span
      aria-hidden
      className="h-4 w-4 shrink-0 animate-spin rounded-full transition-opacity delay-300 duration-200 starting:opacity-0 border-2 border-black/15 border-t-accent dark:border-white/20 dark:border-t-accent-dark"
    />
  );
}
