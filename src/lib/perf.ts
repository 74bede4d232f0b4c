/**
 * Named moments of a page load, as User Timing marks (`performance.getEntriesByName`), read by the
 * browser benchmark (`npm run bench`) and visible in DevTools. Each is marked once per page.
 */
export type Milestone =
  | 'library-visible'
  | 'story-painted'
  | 'story-highlighted'
  | 'search-ready'
  | 'entities-ready'
  | 'related-ready';

const done = new Set<Milestone>();

export function markOnce(name: Milestone): void {
  if (done.has(name) || typeof performance === 'undefined') return;
  done.add(name);
  performance.mark(`dispatch:${name}`);
}
