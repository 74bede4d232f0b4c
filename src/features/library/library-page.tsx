import type { ReactNode } from 'react';
import type { ListingRow } from '../../corpus/archive/listing';
import type { StoryKind } from '../../corpus/types';
import { KindFilter } from './kind-filter';
import { LoadProblems, type LoadProblem } from './load-problems';
import { LoadingProgress } from './loading-progress';
import { SectionFilter } from './section-filter';
import { StoryList } from './story-list';
import { ViewSwitch } from './view-switch';

export interface LibraryPageProps {
  /** The folder's rows in reading order (`useFolderListing`). */
  rows: ListingRow[];
  sections: string[];
  section: string | null;
  onSection: (s: string | null) => void;
  kind: StoryKind | null;
  onKind: (k: StoryKind | null) => void;
  /** The library's filter as URL parameters: story links carry it, for j/k and the pager. */
  within: URLSearchParams;
  fileCount: number;
  done: number;
  loading: boolean;
  problems: LoadProblem[];
  onRetry: () => void;
  /** The entity filter UI, and the stories it lets through (null: no entity filter). */
  entityFilter?: ReactNode;
  allowed?: ReadonlySet<string> | null;
  /** The library by thread (`?view=threads`), shown instead of the story list when given. */
  threads?: ReactNode;
  /** Hrefs of the two views, for the switch. */
  viewHrefs?: { stories: string; threads: string };
  /** The Unread filter, shown with the other filters. */
  unreadToggle?: ReactNode;
  /** Above the list: "Continue reading". */
  readingTools?: ReactNode;
}

/** Every story of the folder, newest layout first: main stories with their briefs beneath. */
export function LibraryPage(p: LibraryPageProps) {
  const shown = p.rows.filter(
    (s) =>
      (!p.section || s.section === p.section) &&
      (!p.kind || s.kind === p.kind) &&
      (!p.allowed || p.allowed.has(s.id)),
  );
  const mains = shown.filter((s) => s.kind === 'main').length;
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-serif text-4xl font-semibold tracking-tight">Library</h1>
          <p className="mt-1 text-sm text-ink/75 dark:text-night-ink/75">
            {shown.length.toLocaleString()} {shown.length === 1 ? 'story' : 'stories'} (
            {mains.toLocaleString()} articles, {(shown.length - mains).toLocaleString()} briefs)
            from {p.fileCount.toLocaleString()} {p.fileCount === 1 ? 'file' : 'files'}
          </p>
          <LoadProblems problems={p.problems} onRetry={p.onRetry} />
        </div>
        <div className="flex flex-wrap items-end gap-4">
          {p.viewHrefs && <ViewSwitch hrefs={p.viewHrefs} threads={p.threads !== undefined} />}
          {p.sections.length > 1 && !p.threads && (
            <SectionFilter sections={p.sections} value={p.section} onChange={p.onSection} />
          )}
          {/* A folder without briefs (BBC) has nothing to choose between. */}
          {!p.threads && (p.kind || p.rows.some((s) => s.kind === 'brief')) && (
            <KindFilter value={p.kind} onChange={p.onKind} />
          )}
          {!p.threads && p.unreadToggle}
        </div>
      </div>
      {p.loading && <LoadingProgress done={p.done} total={p.fileCount} />}
      {!p.threads && p.readingTools}
      {p.entityFilter}
      {p.threads ? (
        p.threads
      ) : shown.length === 0 && !p.loading ? (
        <p className="py-12 text-center text-ink/75 dark:text-night-ink/75">
          {p.fileCount === 0
            ? 'This folder has no .txt articles yet.'
            : 'No stories match this filter.'}
        </p>
      ) : (
        <StoryList rows={shown} within={p.within} />
      )}
    </div>
  );
}
