import { useState } from 'react';
import type { ArchiveInfo } from '../../corpus/archive/archive-format';
import type { ListingRow } from '../../corpus/archive/listing';
import { RowList } from './story-list';

/**
 * The library of an archive (a folder too large to download whole): every story in the library's
 * order, a listing page at a time. What needs the whole folder says it is not there yet.
 */
export function ArchiveLibrary(p: {
  info: ArchiveInfo;
  rowAt: (i: number) => ListingRow | undefined;
  onRange: (first: number, last: number) => void;
  range: { first: number; last: number };
  error: Error | null;
  onRetry: () => void;
  /** Built without search chunks: the archive has no search either. */
  searchless: boolean;
}) {
  const { info, searchless } = p;
  const [jumpTo, setJump] = useState<{ row: number; key: number } | null>(null);
  const briefs = info.stories - info.mains;
  const n = (x: number) => x.toLocaleString();
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-serif text-4xl font-semibold tracking-tight">Library</h1>
          <p className="mt-1 text-sm text-ink/75 dark:text-night-ink/75">
            {n(info.stories)} {info.stories === 1 ? 'story' : 'stories'} ({n(info.mains)} articles,{' '}
            {n(briefs)} briefs) from {n(info.files)} {info.files === 1 ? 'file' : 'files'}
          </p>
        </div>
        {info.sections.length > 1 && (
          <label className="flex items-center gap-2 text-sm">
            <span className="text-ink/75 dark:text-night-ink/75">Go to section</span>
            <select
              defaultValue=""
              onChange={(e) => {
                const at = info.sections[Number(e.target.value)];
                if (at) setJump({ row: at.first, key: Date.now() });
              }}
              className="rounded-md border border-black/15 bg-transparent px-2 py-1 dark:border-white/20 dark:bg-night"
            >
              <option value="" disabled>
                Choose…
              </option>
              {info.sections.map((s, i) => (
                <option key={`${s.name}-${s.first}`} value={i}>
                  {s.name} ({n(s.count)})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="mb-4 rounded-md bg-black/[0.04] px-3 py-2 text-sm text-ink/75 dark:bg-white/[0.06] dark:text-night-ink/75">
        {archiveNote(searchless, info.entities !== undefined)}
      </p>
      <p className="mb-2 text-sm text-ink/75 dark:text-night-ink/75">
        {info.stories > 0 &&
          `Stories ${n(Math.min(p.range.first + 1, info.stories))}–${n(Math.min(p.range.last + 1, info.stories))} of ${n(info.stories)}`}
      </p>
      {p.error && (
        <p role="alert" className="mb-4 text-sm">
          A page of the library could not be loaded: {p.error.message}{' '}
          <button type="button" className="underline" onClick={p.onRetry}>
            Try again
          </button>
        </p>
      )}
      {info.stories === 0 ? (
        <p className="py-12 text-center text-ink/75 dark:text-night-ink/75">
          This folder has no .txt articles yet.
        </p>
      ) : (
        <RowList
          count={info.stories}
          rowAt={p.rowAt}
          keyAt={byIndex}
          // IMPORTANT: constant, not rowAt: the virtualizer estimates every row (100,000 in an
          // archive) whenever its options change; a page lookup each made the first row 1.6 s.
          briefAt={never}
          within={NO_FILTER}
          onRange={p.onRange}
          jumpTo={jumpTo}
        />
      )}
    </div>
  );
}

const NO_FILTER = new URLSearchParams();
const byIndex = (i: number) => i;
const never = () => false;

/** What an archive's library offers and lacks (search and entity pages: as it was built). */
function archiveNote(searchless: boolean, entityPages: boolean): string {
  const has = [
    'This folder is an archive, read a page and a story at a time',
    !searchless && 'search matches titles and opening lines',
    entityPages && 'entity pages list the stories naming a name, without the sentences',
  ].filter(Boolean);
  const lacks = [searchless && 'search', 'filters', 'threads', !entityPages && 'entity pages'];
  const missing = lacks.filter((x): x is string => typeof x === 'string');
  const list = `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)!}`;
  return `${has.join('; ')}. Not available here yet: ${list}.`;
}
