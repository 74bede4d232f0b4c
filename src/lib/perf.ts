import { wakeOrTimeout } from './wake-or-timeout';

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

const waiting = new Map<Milestone, Array<() => void>>();

export function markOnce(name: Milestone): void {
  if (done.has(name) || typeof performance === 'undefined') return;
  done.add(name);
  performance.mark(`dispatch:${name}`);
  for (const wake of waiting.get(name) ?? []) wake();
  waiting.delete(name);
}

/** Resolves when the milestone has been marked, or after `maxMs`, whichever comes first. */
export function whenMilestone(name: Milestone, maxMs: number): Promise<void> {
  if (done.has(name)) return Promise.resolve();
  return wakeOrTimeout(maxMs, (wake) => waiting.set(name, [...(waiting.get(name) ?? []), wake]));
}
