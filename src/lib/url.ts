/** `decodeURIComponent`, except that a malformed escape (`%E0%A4%A`) stays as typed. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A path of ids encoded one segment at a time (`paths.story.getHref`), decoded the same way. */
export function decodeSegments(path: string): string {
  return path.split('/').map(safeDecode).join('/');
}
