import { useMemo, useSyncExternalStore } from 'react';
import type { ArchiveInfo } from '../../corpus/archive/archive-format';
import { typeOfId } from '../../corpus/entities/ids';
import type { StoryKind } from '../../corpus/types';
import { libraryFilter, paths } from '../../config/paths';
import { useArchiveWithoutSearch } from '../../data/archive-api';
import { listingKey, unreadRows } from '../../corpus/archive/read-rows';
import { intersectRows } from '../../corpus/archive/row-lists';
import { reading as readingStore } from '../../data/notebook/notebook';
import { useReading } from '../../data/notebook/use-notebook';
import { useArchiveFilter } from '../../data/use-archive-filter';
import { useListing } from '../../data/use-listing';
import { useThreadListing } from '../../data/use-thread-listing';
import { ArchiveThreadList } from '../../features/threads/archive-thread-list';
import { ArchiveLibrary } from '../../features/library/archive-library';
import { EntityFilter } from '../../features/library/entity-filter';
import { ReadIdsContext } from '../../features/library/read-ids';
import { ContinueReading } from '../../features/library/continue-reading';
import { UnreadToggle } from '../../features/library/unread-toggle';
import { useSearchParams } from '../../lib/router';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useArchiveContinue } from './use-archive-continue';
import { useReadingView } from './use-reading-view';

/**
 * The library of an archive build: its listing pages, fetched as the reader scrolls, filtered by
 * the URL's `entity`, `section` and `kind` (the whole-folder library's keys, so links are shared).
 */
export function ArchiveLibraryRoute({ info }: { info: ArchiveInfo }) {
  useDocumentTitle(null);
  const [params, setParams] = useSearchParams();
  const entityIds = params.getAll('entity').filter(Boolean);
  const section = params.get('section') || null;
  const kindParam = params.get('kind');
  const kind: StoryKind | null = kindParam === 'main' || kindParam === 'brief' ? kindParam : null;
  const named = useArchiveFilter(info, { entityIds, section, kind });
  // Unread: the rows kept with the read marks, complemented, with the other filters (AND).
  const unreadOnly = params.get('unread') === '1';
  const records = useReading();
  // Before storage has answered, every story would count unread.
  const marksIn = useSyncExternalStore(
    readingStore.subscribe,
    readingStore.isLoaded,
    readingStore.isLoaded,
  );
  const listingId = useMemo(() => listingKey(info.pages), [info]);
  const unread = useMemo(
    () => (unreadOnly ? unreadRows(records.values(), listingId, info.stories) : null),
    [unreadOnly, records, listingId, info],
  );
  const filter = useMemo(() => {
    if (!unread || named.pending) return named;
    if (!marksIn) return { ...named, rows: null, pending: true };
    const rows = named.rows ? intersectRows(named.rows, unread.rows) : unread.rows;
    const mains = named.mainRows ? intersectRows(rows, named.mainRows).length : null;
    return { ...named, rows, mains };
  }, [named, unread, marksIn]);
  const within = useMemo(() => libraryFilter(params), [params]);
  const listing = useListing(info, filter.rows);
  const reading = useReadingView(NO_STORIES);
  const inProgress = useArchiveContinue(info);
  const searchless = useArchiveWithoutSearch();
  // The whole folder's `?view=threads`: shared links open the same view.
  const byThread = params.get('view') === 'threads' && info.threadList !== undefined;
  const threadListing = useThreadListing(info, byThread);
  const viewHref = (view: string | null) => {
    const next = new URLSearchParams(params);
    if (view) next.set('view', view);
    else next.delete('view');
    return paths.library.getHref(next);
  };
  const setParam = (key: string, values: string[]) => {
    const next = new URLSearchParams(params);
    next.delete(key);
    for (const v of values) next.append(key, v);
    setParams(next);
  };
  const sections = useMemo(() => [...new Set(info.sections.map((s) => s.name))].sort(), [info]);
  // Fourteen at most: no memo needed.
  const facets = (info.named ?? [])
    .filter(([id]) => !filter.selected.some((e) => e.id === id))
    .map(([id, name, count]) => ({ entity: { id, name, type: typeOfId(id) }, count }));
  return (
    <ReadIdsContext value={reading.readIds}>
      <ArchiveLibrary
        info={info}
        count={filter.rows?.length ?? info.stories}
        filter={filter}
        rowAt={listing.rowAt}
        onRange={listing.show}
        range={listing.range}
        error={byThread ? threadListing.error : (listing.error ?? filter.error)}
        onRetry={byThread ? threadListing.retry : listing.retry}
        viewHrefs={info.threadList && { stories: viewHref(null), threads: viewHref('threads') }}
        threads={
          byThread
            ? {
                count: threadListing.count,
                list: (
                  <ArchiveThreadList
                    count={threadListing.count}
                    rowAt={threadListing.rowAt}
                    onRange={threadListing.show}
                  />
                ),
              }
            : undefined
        }
        searchless={searchless}
        sections={sections}
        section={section}
        onSection={(s) => setParam('section', s ? [s] : [])}
        kind={kind}
        within={within}
        onKind={(k) => setParam('kind', k ? [k] : [])}
        unplacedReads={unread && unread.unplaced}
        unreadToggle={
          <UnreadToggle
            unreadOnly={unreadOnly}
            onUnreadOnly={(on) => setParam('unread', on ? ['1'] : [])}
          />
        }
        readingTools={<ContinueReading items={inProgress} />}
        entityFilter={
          info.filters && (
            <EntityFilter
              selected={filter.selected.map((e) => ({ ...e, type: typeOfId(e.id) }))}
              facets={facets}
              // Counts of the whole archive, final at build time: not the names found with a
              // chosen one (that needs every story's names).
              facetsLabel="Most named in the archive"
              onAdd={(id) => setParam('entity', [...new Set([...entityIds, id])])}
              // By place: a merged short form in the URL shows as its entity's id.
              onRemove={(id) =>
                setParam(
                  'entity',
                  entityIds.filter((_, k) => filter.selected[k]?.id !== id),
                )
              }
              pending={filter.pending}
              provisional={false}
            />
          )
        }
      />
    </ReadIdsContext>
  );
}

const NO_STORIES: never[] = [];
