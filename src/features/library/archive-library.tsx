import { useMemo, type ReactNode } from 'react';
import type { ArchiveInfo } from '../../corpus/archive/archive-format';
import type { ListingRow } from '../../corpus/archive/listing';
import type { StoryKind } from '../../corpus/types';
import { KindFilter } from './kind-filter';
import { SectionFilter } from './section-filter';
import { RowList } from './story-list';
import { ViewSwitch } from './view-switch';

/**
 * The library of an archive (a folder too large to download whole): every story in the library's
 * order, a listing page at a time. What needs the whole folder says it is not there yet.
 */
export function ArchiveLibrary(p: {
  info: ArchiveInfo;
  /** Rows listed: the archive's stories, or those the filter lets through. */
  count: number;
  /** The filter's state (`rows` null: no filter). */
  filter: {
    rows: readonly number[] | null;
    mains: number | null;
    pending: boolean;
    unavailable: boolean;
  };
  rowAt: (i: number) => ListingRow | undefined;
  onRange: (first: number, last: number) => void;
  range: { first: number; last: number };
  error: Error | null;
  onRetry: () => void;
  /** Built without search chunks: the archive has no search either. */
  searchless: boolean;
  sections: string[];
  section: string | null;
  onSection: (s: string | null) => void;
  kind: StoryKind | null;
  onKind: (k: StoryKind | null) => void;
  /** The entity filter (absent in an archive built without the names' tables). */
  entityFilter?: ReactNode;
  /** The filter as URL parameters: story links carry it, for j/k and the pager. */
  within: URLSearchParams;
  /** The Unread filter, shown with the other filters. */
  unreadToggle?: ReactNode;
  /** Above the list: "Continue reading". */
  readingTools?: ReactNode;
  /** With the unread filter: read marks that have no row here (counted unread), else null. */
  unplacedReads?: number | null;
  /** The library by thread (`?view=threads`) and its thread count, shown instead of the stories. */
  threads?: { list: ReactNode; count: number };
  /** Hrefs of the two views (absent: the archive has no library by thread). */
  viewHrefs?: { stories: string; threads: string };
}) {
  const { info, searchless, filter, count } = p;
  const filtered = filter.rows !== null;
  const mains = filtered ? filter.mains : info.mains;
  const n = (x: number) => x.toLocaleString();
  // Stable while the filter is: a new key function makes the virtualizer measure every row again.
  const rows = filter.rows;
  const keyAt = useMemo(() => (rows ? (i: number) => rows[i] ?? i : byIndex), [rows]);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-serif text-4xl font-semibold tracking-tight">Library</h1>
          <p className="mt-1 text-sm text-ink/75 dark:text-night-ink/75">
            {p.threads
              ? `${n(p.threads.count)} ${p.threads.count === 1 ? 'thread' : 'threads'}, largest first, of ${n(info.stories)} stories from ${n(info.files)} files`
              : filter.pending
                ? 'Filtering the archive…'
                : `${n(count)} ${count === 1 ? 'story' : 'stories'}${
                    mains === null ? '' : ` (${n(mains)} articles, ${n(count - mains)} briefs)`
                  } from ${n(info.files)} ${info.files === 1 ? 'file' : 'files'}`}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-4">
          {p.viewHrefs && <ViewSwitch hrefs={p.viewHrefs} threads={p.threads !== undefined} />}
          {!p.threads && p.sections.length > 1 && (
            <SectionFilter sections={p.sections} value={p.section} onChange={p.onSection} />
          )}
          {!p.threads && (p.kind || info.mains < info.stories) && info.kinds !== undefined && (
            <KindFilter value={p.kind} onChange={p.onKind} />
          )}
          {!p.threads && p.unreadToggle}
        </div>
      </div>
      <p className="mb-4 rounded-md bg-black/[0.04] px-3 py-2 text-sm text-ink/75 dark:bg-white/[0.06] dark:text-night-ink/75">
        {archiveNote(searchless, {
          entityPages: info.entities !== undefined,
          entityFilter: info.filters !== undefined,
          searchNames: info.names !== undefined,
          threadPages: info.threads !== undefined,
          timelines: info.timelines === true,
          byThread: info.threadList !== undefined,
        })}
      </p>
      {p.error && (
        <p role="alert" className="mb-4 text-sm">
          A page of the library could not be loaded: {p.error.message}{' '}
          <button type="button" className="underline" onClick={p.onRetry}>
            Try again
          </button>
        </p>
      )}
      {p.threads ? (
        <>
          {filtered && (
            <p className="mb-4 text-sm text-ink/75 dark:text-night-ink/75">
              The library by thread lists every thread of the archive: the filters apply to its
              stories view.
            </p>
          )}
          {p.threads.list}
        </>
      ) : (
        <StoriesView {...p} keyAt={keyAt} />
      )}
    </div>
  );
}

function StoriesView(p: Parameters<typeof ArchiveLibrary>[0] & { keyAt: (i: number) => number }) {
  const { filter, count } = p;
  const filtered = filter.rows !== null;
  const n = (x: number) => x.toLocaleString();
  return (
    <>
      {p.readingTools}
      {!!p.unplacedReads && (
        <p className="mb-4 text-sm text-ink/75 dark:text-night-ink/75">
          {n(p.unplacedReads)} {p.unplacedReads === 1 ? 'story' : 'stories'} marked read cannot be
          placed in this archive’s listing (marked before Dispatch kept a story’s row, or in another
          build of it), so {p.unplacedReads === 1 ? 'it is' : 'they are'} listed as unread. Opening{' '}
          {p.unplacedReads === 1 ? 'it' : 'one'} places it.
        </p>
      )}
      {p.entityFilter}
      <p className="mb-2 text-sm text-ink/75 dark:text-night-ink/75">
        {count > 0 &&
          !filter.pending &&
          `Stories ${n(Math.min(p.range.first + 1, count))}–${n(Math.min(p.range.last + 1, count))} of ${n(count)}`}
      </p>
      {filter.unavailable ? (
        <p className="py-12 text-center text-ink/75 dark:text-night-ink/75">
          This archive was built without names, so it cannot be filtered by one.
        </p>
      ) : filter.pending ? (
        <p role="status" className="py-12 text-center text-ink/75 dark:text-night-ink/75">
          Finding the stories that match…
        </p>
      ) : count === 0 ? (
        <p className="py-12 text-center text-ink/75 dark:text-night-ink/75">
          {filtered ? 'No stories match this filter.' : 'This folder has no .txt articles yet.'}
        </p>
      ) : (
        <RowList
          count={count}
          rowAt={p.rowAt}
          keyAt={p.keyAt}
          // IMPORTANT: constant, not rowAt: the virtualizer estimates every row (100,000 in an
          // archive) whenever its options change; a page lookup each made the first row 1.6 s.
          briefAt={never}
          within={p.within}
          onRange={p.onRange}
        />
      )}
    </>
  );
}

const byIndex = (i: number) => i;
const never = () => false;

/** What an archive's library offers and lacks (search and names: as it was built). */
function archiveNote(
  searchless: boolean,
  built: {
    entityPages: boolean;
    entityFilter: boolean;
    searchNames: boolean;
    threadPages: boolean;
    timelines: boolean;
    byThread: boolean;
  },
): string {
  const { entityPages, entityFilter, searchNames, threadPages, timelines, byThread } = built;
  const has = [
    'This folder is an archive, read a page and a story at a time',
    !searchless &&
      (searchNames
        ? 'search matches titles, opening lines and names'
        : 'search matches titles and opening lines'),
    entityPages && 'entity pages list the stories naming a name, without the sentences',
    entityFilter && 'names filter the library, counted over the whole archive',
    threadPages &&
      (timelines
        ? 'a story’s thread has its page, with its timeline'
        : 'a story’s thread has its page, without the timeline'),
    byThread && 'the library lists the threads, largest first',
  ].filter(Boolean);
  const lacks = [
    searchless && 'search',
    !entityFilter && 'the filter by name',
    threadPages ? !byThread && 'the library by thread' : 'threads',
    !entityPages && 'entity pages',
  ];
  const missing = lacks.filter((x): x is string => typeof x === 'string');
  if (missing.length === 0) return `${has.join('; ')}.`;
  const list =
    missing.length === 1
      ? missing[0]!
      : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)!}`;
  return `${has.join('; ')}. Not available here yet: ${list}.`;
}
