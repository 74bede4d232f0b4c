import type { ArchiveInfo } from '../../corpus/archive/archive-format';
import { useArchiveWithoutSearch } from '../../data/archive-api';
import { useListing } from '../../data/use-listing';
import { ArchiveLibrary } from '../../features/library/archive-library';
import { ReadIdsContext } from '../../features/library/read-ids';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useReadingView } from './use-reading-view';

/** The library of an archive build: its listing pages, fetched as the reader scrolls. */
export function ArchiveLibraryRoute({ info }: { info: ArchiveInfo }) {
  useDocumentTitle(null);
  const listing = useListing(info);
  const reading = useReadingView(NO_STORIES);
  const searchless = useArchiveWithoutSearch();
  return (
    <ReadIdsContext value={reading.readIds}>
      <ArchiveLibrary
        info={info}
        rowAt={listing.rowAt}
        onRange={listing.show}
        range={listing.range}
        error={listing.error}
        onRetry={listing.retry}
        searchless={searchless}
      />
    </ReadIdsContext>
  );
}

const NO_STORIES: never[] = [];
