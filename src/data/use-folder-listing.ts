import type { ArchiveInfo } from '../corpus/archive/archive-format';
import type { ListingRow } from '../corpus/archive/listing';
import { assembleListing, type FileNote, type FileRows } from '../corpus/folder-listing';
import type { Manifest, ManifestFile } from '../corpus/types';
import { memoizeLast } from '../lib/memoize-last';
import type { FileFailure } from './corpus-api';
import { useParsedFolder } from './use-parsed-folder';

/** The whole folder as the views see it: listing rows in reading order, and how its load goes. */
export interface FolderListingView {
  manifest: Manifest | undefined;
  manifestError: Error | null;
  /** The archive's row shape (`ListingRow`): what a library row, a title or a kicker needs. */
  rows: ListingRow[];
  /** Story ids in reading order, for j/k (a file not loaded yet: its main story). */
  order: readonly string[];
  notes: FileNote[];
  failures: FileFailure[];
  done: number;
  total: number;
  loading: boolean;
  /** The archive form (then `rows` stays empty: its views read its listing pages). */
  archive: ArchiveInfo | null;
}

/**
 * The whole-folder library as rows, as the archive's listing pages give them: views read these
 * and, for the stories they show whole, `useStory` / `useStories`; never the parsed files.
 */
export function useFolderListing(): FolderListingView {
  const folder = useParsedFolder();
  // Distinct titles come with the load's end (the worker makes them over the whole folder).
  // Shared memo, not useMemo: the layout's palette and the page both read it, and at 10,000
  // files each listing costs milliseconds per batch.
  const listing = listingOf(folder.manifest?.files ?? NO_FILES, folder.files, folder.titles);
  return {
    manifest: folder.manifest,
    manifestError: folder.manifestError,
    rows: listing.rows,
    order: listing.order,
    notes: listing.notes,
    failures: folder.failures,
    done: folder.done,
    total: folder.total,
    loading: folder.loading,
    archive: folder.archive,
  };
}

const NO_FILES: ManifestFile[] = [];
const listingOf = memoizeLast(
  (
    files: readonly ManifestFile[],
    loaded: ReadonlyMap<string, FileRows>,
    titles: ReadonlyMap<string, string> | null,
  ) => assembleListing(files, loaded, titles),
);
