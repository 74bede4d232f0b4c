import { useMemo, useRef } from 'react';
import { rowById } from '../../corpus/folder-listing';
import { useFolderListing } from '../../data/use-folder-listing';
import { EmptyState } from './empty-state';
import { buildGroups, storyCountLabel } from './result-model';
import { ResultLink, storyBlocks } from './result-links';
import { Kbd } from './kbd';
import { ResultNotes, SECONDARY } from './result-parts';
import { moveBetweenLinks, usePageSearchKey } from './use-page-keys';
import { useRecentSearches } from './use-recent-searches';
import { useSearchResults } from './use-search-results';

const PAGE = {
  topStories: 5,
  maxStories: 50,
  paragraphs: 3,
  restParagraphs: 2,
  maxNames: 6,
  seeAll: false,
};

/** Stories of an answer from the build's chunks whose files are fetched for their paragraphs. */
const CHUNK_PARAGRAPHS_FOR = 10;

/** `/search?q=…`: every result for a query, grouped like the palette, as plain links. */
export function SearchResultsPage({ text, onText }: { text: string; onText: (t: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  usePageSearchKey(input);
  // From the chunks, the first stories' paragraphs come from their files: ten, not fifty.
  const { results, stale, error, analysing } = useSearchResults(text, 50, CHUNK_PARAGRAPHS_FOR);
  const { add, recent, remove } = useRecentSearches();
  const { rows } = useFolderListing();
  const groups = useMemo(
    () => (results ? buildGroups(results, (id) => rowById(rows, id)?.kicker ?? null, PAGE) : []),
    [results, rows],
  );
  const q = text.trim();
  const remember = () => add(q);
  return (
    <div className="mx-auto max-w-3xl px-4 pt-8 pb-24">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Search</h1>
      <form role="search" className="mt-4" onSubmit={(e) => e.preventDefault()}>
        <label className="flex items-center gap-3 rounded-xl border border-black/15 bg-white px-4 shadow-sm focus-within:border-accent focus-within:ring-2 focus-within:ring-accent/20 dark:border-white/20 dark:bg-white/5 dark:focus-within:border-accent-dark dark:focus-within:ring-accent-dark/25">
          <span className="sr-only">Search stories, people, places and organizations</span>
          <svg aria-hidden viewBox="0 0 20 20" className={`h-5 w-5 ${SECONDARY}`} fill="none">
            <circle cx="8.5" cy="8.5" r="5.25" stroke="currentColor" strokeWidth="1.75" />
            <path
              d="m12.5 12.5 4 4"
              stroke="currentColor"
              strokeWidth="1.75"
              strokeLinecap="round"
            />
          </svg>
          <input
            ref={input}
            type="search"
            value={text}
            onChange={(e) => onText(e.target.value)}
            onKeyDown={(e) => {
              // ↓ from the box goes to the first result; Tab and the links take it from there.
              if (e.key !== 'ArrowDown' || e.nativeEvent.isComposing) return;
              const first = document.querySelector<HTMLElement>('[data-result-link]');
              if (first) {
                e.preventDefault();
                first.focus();
              }
            }}
            placeholder="Search stories, people, places…"
            autoComplete="off"
            spellCheck={false}
            className="h-12 min-w-0 flex-1 bg-transparent text-lg outline-none placeholder:text-ink/50 focus-visible:outline-none dark:placeholder:text-night-ink/50"
          />
          <span aria-hidden className="hidden sm:inline-flex">
            <Kbd>/</Kbd>
          </span>
        </label>
      </form>
      <div className={`mt-3 min-h-5 text-sm ${SECONDARY}`} role="status">
        {!q
          ? 'Type to search every story in the folder.'
          : results
            ? `${results.totalAtLeast ? 'At least ' : ''}${storyCountLabel(results.total)} ${results.total === 1 && !results.totalAtLeast ? 'matches' : 'match'} “${q}”${stale ? ' · updating…' : ''}`
            : 'Searching…'}
      </div>
      {!q && (
        <div className="-mx-2 mt-4">
          <EmptyState
            recent={recent}
            onRun={(t) => {
              onText(t);
              input.current?.focus();
            }}
            onRemove={remove}
            onExitTop={() => input.current?.focus()}
          />
        </div>
      )}
      {results && q && (
        <div className="mt-2">
          <ResultNotes partial={results.partial} notes={results.notes} />
        </div>
      )}
      {error && (
        <p role="alert" className="mt-6">
          Search failed: {error.message}
        </p>
      )}
      <div onKeyDown={(e) => moveBetweenLinks(e, input.current)}>
        {q &&
          groups.map((g) => (
            <section key={g.key} aria-labelledby={`results-${g.key}`} className="mt-8">
              <h2
                id={`results-${g.key}`}
                className={`mb-2 text-xs font-semibold tracking-wider uppercase ${SECONDARY}`}
              >
                {g.label}
                {g.key === 'entities' && analysing && ' (still analysing)'}
              </h2>
              {g.key === 'entities' ? (
                <ul className="grid gap-1 sm:grid-cols-2">
                  {g.items.map((item) => (
                    <li key={item.key}>
                      <ResultLink item={item} onOpen={remember} />
                    </li>
                  ))}
                </ul>
              ) : (
                <ol className="space-y-2">
                  {storyBlocks(g.items).map((block) => (
                    <li key={block[0]!.key} className="rounded-xl">
                      {block.map((item) => (
                        <ResultLink key={item.key} item={item} onOpen={remember} />
                      ))}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          ))}
      </div>
    </div>
  );
}
