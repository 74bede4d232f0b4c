import { Link } from '../../lib/router';

/**
 * What an archive build (a folder too large to download whole) cannot show yet: it needs the
 * whole folder in the browser, which an archive never downloads. Said plainly, not left empty.
 */
export const ARCHIVE_SEARCH_NOTE =
  'Search is not available in this archive: the folder is too large to download, and it was ' +
  'published without its search index.';

export function NotInArchive({ what }: { what: string }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16">
      <p className="text-sm font-semibold tracking-widest text-accent uppercase dark:text-accent-dark">
        Archive
      </p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">
        {what} are not available in this archive yet
      </h1>
      <p className="mt-4 text-ink/75 dark:text-night-ink/75">
        This folder is too large to download whole, so it is read a page and a story at a time.{' '}
        {what} need the whole folder. Every story can still be read, with its names and related
        stories.
      </p>
      <p className="mt-8">
        <Link className="font-medium text-accent underline dark:text-accent-dark" to="/">
          Browse the library
        </Link>
      </p>
    </div>
  );
}
