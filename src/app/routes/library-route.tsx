import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import {
  filterStoriesQuery,
  searchQuery,
  threadsQuery,
  useEnginePhases,
} from '../../data/analysis-api';
import { libraryFilter, paths } from '../../config/paths';
import { ThreadList } from '../../features/threads/thread-list';
import { EntityFilter } from '../../features/library/entity-filter';
import type { StoryKind } from '../../corpus/types';
import { useSearchParams } from '../../lib/router';
import { isArchiveBuild } from '../../data/archive-hint';
import { useFolderListing } from '../../data/use-folder-listing';
import { useManifest } from '../../data/use-parsed-folder';
import { ArchiveLibraryRoute } from './archive-library-route';
import { collectProblems } from '../../features/library/load-problems';
import { LibraryPage } from '../../features/library/library-page';
import { ReadIdsContext } from '../../features/library/read-ids';
import { ContinueReading } from '../../features/library/continue-reading';
import { UnreadToggle } from '../../features/library/unread-toggle';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useReadingView } from './use-reading-view';

/** The library: an archive's listing pages, or the whole folder as it streams in. */
export function LibraryRoute() {
  const manifest = useManifest();
  const archive = manifest.data?.archive;
  if (archive) return <ArchiveLibraryRoute info={archive} />;
  // An archive build before its manifest: nothing that would start the worker.
  if (isArchiveBuild())
    return (
      <p
        role={manifest.error ? 'alert' : 'status'}
        className="mx-auto max-w-4xl px-4 py-16 text-ink/75 dark:text-night-ink/75"
      >
        {manifest.error
          ? `The library could not be opened: ${manifest.error.message}`
          : 'Opening the library…'}
      </p>
    );
  return <FolderLibraryRoute />;
}

function FolderLibraryRoute() {
  const corpus = useFolderListing();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(null);
  const section = params.get('section');
  const kindParam = params.get('kind');
  const kind: StoryKind | null = kindParam === 'main' || kindParam === 'brief' ? kindParam : null;
  const within = useMemo(() => libraryFilter(params), [params]);
  const entityIds = params.getAll('entity');
  const phases = useEnginePhases();
  const filter = useQuery(filterStoriesQuery(entityIds));
  const byThread = params.get('view') === 'threads';
  const threads = useQuery({ ...threadsQuery(), enabled: byThread && phases.related === 'ready' });
  const viewHref = (view: string | null) => {
    const next = new URLSearchParams(params);
    if (view) next.set('view', view);
    else next.delete('view');
    return paths.library.getHref(next);
  };
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const suggest = useQuery({
    ...searchQuery(deferred, 1),
    enabled: deferred.trim().length > 1,
  });
  const allowed = useMemo(
    () => (filter.data?.storyIds ? new Set(filter.data.storyIds) : null),
    [filter.data],
  );
  const setEntities = (ids: string[]) => {
    const next = new URLSearchParams(params);
    next.delete('entity');
    for (const id of ids) next.append('entity', id);
    setParams(next);
  };
  const sections = useMemo(
    () =>
      [
        ...new Set(
          corpus.manifest?.files.map((f) => f.section).filter((s): s is string => s !== null),
        ),
      ].sort(),
    [corpus.manifest],
  );
  const reading = useReadingView(corpus.rows);
  // Unread is applied here, before the page's own filters: the page needs no change for it.
  const unreadOnly = params.get('unread') === '1';
  const rows = useMemo(
    () => (unreadOnly ? corpus.rows.filter((r) => !reading.readIds.has(r.id)) : corpus.rows),
    [unreadOnly, corpus.rows, reading.readIds],
  );
  const problems = useMemo(
    () => collectProblems(corpus.failures, corpus.notes, corpus.manifest?.warnings ?? []),
    [corpus.failures, corpus.notes, corpus.manifest],
  );
  if (corpus.manifestError) {
    return (
      <div role="alert" className="mx-auto max-w-2xl px-4 py-16">
        <h1 className="font-serif text-3xl font-semibold">The library could not be opened</h1>
        <p className="mt-3">{corpus.manifestError.message}</p>
        <button
          type="button"
          className="mt-4 underline"
          onClick={() => void client.invalidateQueries({ queryKey: ['seeds'] })}
        >
          Try again
        </button>
      </div>
    );
  }
  const page = (
    <LibraryPage
      rows={rows}
      sections={sections}
      section={section}
      onSection={(s) => {
        const next = new URLSearchParams(params);
        if (s) next.set('section', s);
        else next.delete('section');
        setParams(next);
      }}
      kind={kind}
      onKind={(k) => {
        const next = new URLSearchParams(params);
        if (k) next.set('kind', k);
        else next.delete('kind');
        setParams(next);
      }}
      within={within}
      allowed={entityIds.length ? allowed : null}
      entityFilter={
        <EntityFilter
          selected={filter.data?.selected ?? []}
          facets={filter.data?.facets ?? []}
          suggestions={(deferred.trim().length > 1 ? (suggest.data?.entities ?? []) : []).filter(
            (e) => !entityIds.includes(e.id),
          )}
          text={text}
          onText={setText}
          onAdd={(id) => setEntities([...new Set([...entityIds, id])])}
          onRemove={(id) => setEntities(entityIds.filter((x) => x !== id))}
          pending={filter.isFetching}
          // Final once the folder's entity table is built and the facets asked of it are in.
          provisional={phases.names.phase === 'analysing' || filter.isPlaceholderData}
        />
      }
      viewHrefs={{ stories: viewHref(null), threads: viewHref('threads') }}
      threads={
        byThread ? (
          threads.data ? (
            threads.data.length ? (
              // The entity filter applies here too: threads with a story that names them all.
              <ThreadList
                threads={
                  entityIds.length && allowed
                    ? threads.data.filter((t) => t.stories.some((s) => allowed.has(s.storyId)))
                    : threads.data
                }
              />
            ) : (
              <p className="py-12 text-center text-ink/75 dark:text-night-ink/75">
                No two stories of this folder are about the same event.
              </p>
            )
          ) : (
            <p role="status" className="py-12 text-center text-ink/75 dark:text-night-ink/75">
              Grouping the stories into threads once the folder is read…
            </p>
          )
        ) : undefined
      }
      fileCount={corpus.total}
      done={corpus.done}
      loading={corpus.loading}
      problems={problems}
      onRetry={() => void client.invalidateQueries({ queryKey: ['seeds', 'corpus'] })}
      unreadToggle={
        <UnreadToggle
          unreadOnly={unreadOnly}
          onUnreadOnly={(on) => {
            const next = new URLSearchParams(params);
            if (on) next.set('unread', '1');
            else next.delete('unread');
            setParams(next);
          }}
        />
      }
      readingTools={<ContinueReading items={reading.inProgress} />}
    />
  );
  // Rows show read stories quieter: a context, since the virtualized list is in between.
  return <ReadIdsContext value={reading.readIds}>{page}</ReadIdsContext>;
}
