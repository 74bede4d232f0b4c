import type { ManifestFile } from '../corpus/types';

/**
 * A story's preview page (`story/<id>/index.html`, written by the build) names the story's file
 * in this meta tag, so a deep link can fetch that file at boot, in parallel with the manifest,
 * instead of after it (the manifest of a 10,000-file folder is 1.6 MB).
 */
export const FILE_HINT_META = 'dispatch-file';

let read = false;
let hint: ManifestFile | null = null;

/** The file named by the page, or null (the plain app page, dev, or a malformed tag). */
export function fileHint(): ManifestFile | null {
  if (read) return hint;
  read = true;
  if (typeof document === 'undefined') return null;
  const content = document.querySelector(`meta[name="${FILE_HINT_META}"]`)?.getAttribute('content');
  if (!content) return null;
  try {
    const f = JSON.parse(content) as Partial<ManifestFile>;
    const ok =
      typeof f.id === 'string' &&
      typeof f.path === 'string' &&
      typeof f.hash === 'string' &&
      typeof f.size === 'number' &&
      (f.section === null || typeof f.section === 'string');
    hint = ok ? (f as ManifestFile) : null;
  } catch {
    hint = null;
  }
  return hint;
}
