import { describe, expect, it, vi } from 'vitest';
import { seeds } from '../../scripts/lib/search-corpora';
import { buildSearchIndex } from '../corpus/search/search-index';
import type { CachedIndex } from './search-cache';

// The last visit's index, handed over when the test says so (IndexedDB stands in for it).
let hand: (c: CachedIndex | undefined) => void = () => undefined;
vi.mock('./search-cache', () => ({
  readLatestSearchIndex: () => new Promise<CachedIndex | undefined>((r) => (hand = r)),
}));
const { SearchBuild } = await import('./search-build');

const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

describe('a search asked before the last visit’s index is taken or refused', () => {
  const cached = (takeNames = () => undefined): CachedIndex => ({
    fingerprint: 'f1',
    index: buildSearchIndex(seeds().stories),
    takeNames,
  });

  it('waits for the folder’s fingerprint, then uses the index taken', async () => {
    const build = new SearchBuild();
    build.prefetch(() => undefined);
    const waiting = build.whenDecided(10_000);
    hand(cached());
    expect(await settled(waiting)).toBe(false); // read, but the fingerprint is not known yet
    expect(await build.adoptCached('f1')).toBe(true);
    expect(await settled(waiting)).toBe(true);
    expect(build.index.docs.length).toBe(seeds().stories.length);
  });

  it('does not wait when the index is of another folder, or when there is none', async () => {
    const other = new SearchBuild();
    other.prefetch(() => undefined);
    const a = other.whenDecided(10_000);
    hand(cached());
    expect(await other.adoptCached('f2')).toBe(false);
    expect(await settled(a)).toBe(true);
    const none = new SearchBuild();
    none.prefetch(() => undefined);
    const b = none.whenDecided(10_000);
    hand(undefined);
    expect(await settled(b)).toBe(true);
    expect(await settled(new SearchBuild().whenDecided(10_000))).toBe(true); // never prefetched
  });

  it('waits at most the time it is given (a manifest that never comes)', async () => {
    const build = new SearchBuild();
    build.prefetch(() => undefined);
    hand(cached());
    const t = performance.now();
    await build.whenDecided(30);
    expect(performance.now() - t).toBeGreaterThanOrEqual(25);
  });

  it('puts the cached entities in once the fingerprint has decided, or at once for a filter', async () => {
    const takeNames = vi.fn();
    const build = new SearchBuild();
    build.prefetch(() => undefined);
    hand(cached(takeNames));
    await new Promise((r) => setTimeout(r, 5));
    // Read, but the first search (waiting for the decision) goes before the names.
    expect(takeNames).not.toHaveBeenCalled();
    expect(await build.adoptCached('f1')).toBe(true);
    await build.searchWarm;
    expect(takeNames).toHaveBeenCalled();

    const early = vi.fn();
    const filtered = new SearchBuild();
    filtered.prefetch(() => undefined);
    hand(cached(early));
    expect(await filtered.adoptCached('f1')).toBe(true);
    filtered.namesNow(); // a `person:` query before the warm steps
    expect(early).toHaveBeenCalledTimes(1);
  });

  it('decodes the cached entities after the first search has been answered, not before', async () => {
    const takeNames = vi.fn();
    const build = new SearchBuild();
    build.prefetch(() => undefined);
    hand(cached(takeNames));
    expect(await build.adoptCached('f1')).toBe(true);
    await new Promise((r) => setTimeout(r, 30));
    expect(takeNames).not.toHaveBeenCalled(); // decided, but no search answered yet
    build.searched();
    await build.searchWarm;
    expect(takeNames).toHaveBeenCalledTimes(1);
  });

  it('never decodes the entities of an index it refused', async () => {
    const takeNames = vi.fn();
    const build = new SearchBuild();
    build.prefetch(() => undefined);
    hand(cached(takeNames));
    expect(await build.adoptCached('f2')).toBe(false);
    build.searched();
    await build.searchWarm;
    expect(takeNames).not.toHaveBeenCalled();
  });
});

describe('the page’s word on the folder (folder-hint), before the manifest', () => {
  const cached = (): CachedIndex => ({
    fingerprint: 'f1',
    index: buildSearchIndex(seeds().stories),
    takeNames: () => undefined,
  });

  it('takes the index as soon as it is read, and the manifest agreeing keeps it', async () => {
    const build = new SearchBuild();
    build.prefetch(() => undefined);
    const waiting = build.whenDecided(10_000);
    const hinted = build.adoptHinted('f1');
    hand(cached());
    expect(await hinted).toBe(true);
    expect(await settled(waiting)).toBe(true); // a search no longer waits for the manifest
    expect(build.fromCache).toBe(true);
    const index = build.index;
    expect(await build.adoptCached('f1')).toBe(true);
    expect(build.index).toBe(index);
  });

  it('starts over when the manifest names another folder (a page older than its manifest)', async () => {
    const build = new SearchBuild();
    build.prefetch(() => undefined);
    const hinted = build.adoptHinted('f1');
    hand(cached());
    expect(await hinted).toBe(true);
    expect(await build.adoptCached('f2')).toBe(false);
    expect(build.fromCache).toBe(false);
    expect(build.index.docs.length).toBe(0);
  });

  it('starts over too when the hint lands while the manifest’s fingerprint waits for the read', async () => {
    const build = new SearchBuild();
    build.prefetch(() => undefined);
    const hinted = build.adoptHinted('f1');
    const manifest = build.adoptCached('f2');
    hand(cached());
    expect(await hinted).toBe(true);
    expect(await manifest).toBe(false);
    expect(build.index.docs.length).toBe(0);
  });

  it('takes nothing on a hint of another folder: the manifest decides as before', async () => {
    const build = new SearchBuild();
    build.prefetch(() => undefined);
    const waiting = build.whenDecided(10_000);
    const hinted = build.adoptHinted('f0');
    hand(cached());
    expect(await hinted).toBe(false);
    expect(await settled(waiting)).toBe(false);
    expect(await build.adoptCached('f1')).toBe(true);
    expect(build.index.docs.length).toBe(seeds().stories.length);
  });
});

describe('when the index covers the folder (what hands searches over from the build’s chunks)', () => {
  it('is complete once every story is indexed and its lookups built, not before', () => {
    const build = new SearchBuild();
    const stories = seeds().stories;
    build.add(stories.slice(0, 5));
    build.step(Infinity, false);
    // Five stories in, the rest of the folder still on its way.
    expect(build.complete).toBe(false);
    build.add(stories.slice(5));
    build.step(performance.now() - 1, true); // no time: nothing indexed
    expect(build.complete).toBe(false);
    for (let i = 0; i < 1000 && !build.complete; i++) build.step(performance.now() + 50, true);
    expect(build.complete).toBe(true);
    expect(build.busy).toBe(false);
    expect(build.index.docs.length).toBe(stories.length);
    // A file edited under `npm run dev`: the index starts over, so it is not whole any more.
    build.restart(stories);
    expect(build.complete).toBe(false);
  });

  it('is complete at once with the last visit’s index of this folder', async () => {
    const build = new SearchBuild();
    build.prefetch(() => undefined);
    hand({
      fingerprint: 'f1',
      index: buildSearchIndex(seeds().stories),
      takeNames: () => undefined,
    });
    expect(build.complete).toBe(false);
    expect(await build.adoptCached('f1')).toBe(true);
    expect(build.complete).toBe(true);
  });
});
