/**
 * The build marks an archive's pages (`dispatch-archive`, vite/seeds-plugin.ts) so that the app
 * knows before its manifest arrives: an archive's browser starts no corpus worker (it would
 * download the entity model and read an index of nothing) and never streams the folder.
 */
export const ARCHIVE_META = 'dispatch-archive';

let read: boolean | null = null;

export function isArchiveBuild(): boolean {
  if (read !== null) return read;
  read =
    typeof document !== 'undefined' &&
    document.querySelector(`meta[name="${ARCHIVE_META}"]`)?.getAttribute('content') === '1';
  return read;
}
