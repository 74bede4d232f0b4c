import { compactIndex } from '../corpus/search/index-pack';
import { addStories, createSearchIndex } from '../corpus/search/search-index';
import { warmSearchSteps } from '../corpus/search/search';
import { warmDuplicates } from '../corpus/search/search-duplicates';
import type { SearchIndex } from '../corpus/search/types';
import type { Story } from '../corpus/types';
import { readLatestSearchIndex, type CachedIndex } from './search-cache';
import { primeSearch } from './search-prime';
import { wakeOrTimeout } from '../lib/wake-or-timeout';

/**
 * The folder's search index as the corpus engine grows it: stories wait in a queue and are
 * indexed 25 at a time; once the whole folder is in, the index is packed and its lookup caches
 * (vocabulary, typo bigrams, names, duplicates) are built a step at a time.
 * IMPORTANT: runs inside the worker.
 */
export class SearchBuild {
  index: SearchIndex = createSearchIndex();
  /** True while the index is the cached one of an earlier visit (warm start). */
  fromCache = false;
  /** True once the last visit's index has been read from IndexedDB (found or not). */
  cacheChecked = false;
  /** True once that index, if any, has its lookups built (`searchWarm`). */
  warm = false;
  /** The last visit's index, read as soon as the worker starts (see `prefetch`). */
  private cached: Promise<CachedIndex | undefined> = Promise.resolve(undefined);
  private warmed: Promise<void> = Promise.resolve();
  private queue: Story[] = [];
  private warming: Generator<void, void> | null = null;
  /** The index (and its size) last packed and warmed once the whole folder was in. */
  private settled: { index: SearchIndex; docs: number } | null = null;
  /** Puts a cached index's entities into it, if not done yet (see CachedIndex). */
  private takeNames: () => void = () => undefined;
  /** The fingerprint the last visit's index was taken on before the manifest came (adoptHinted). */
  private hinted: string | null = null;
  /** Whether the last visit's index has been taken or refused (see `whenDecided`). */
  private decided = true;
  private onDecided: (() => void)[] = [];

  /** Stories still to index. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * The index covers the whole folder and answers as fast as it will: a finished index of the
   * last visit, or every story indexed, packed and its lookups built (`step`). Until then a
   * search goes to the build's chunks when there are some (search-sources.ts).
   */
  get complete(): boolean {
    if (this.fromCache) return true;
    const done = this.settled;
    return (
      this.queue.length === 0 &&
      this.warming === null &&
      done?.index === this.index &&
      done.docs === this.index.docs.length
    );
  }

  /** Work left for `step`: stories to index or caches to build. */
  get busy(): boolean {
    return this.queue.length > 0 || this.warming !== null;
  }

  /** Resolves once the cached index has been read (found or not), or after `maxMs`. */
  whenCacheChecked(maxMs: number): Promise<void> {
    if (this.cacheChecked) return Promise.resolve();
    return wakeOrTimeout(maxMs, (wake) => void this.cached.then(wake, wake));
  }

  add(stories: Story[]): void {
    this.queue.push(...stories);
  }

  /** Starts over with these stories (a file of the folder changed). */
  restart(stories: Story[]): void {
    this.decide();
    this.index = createSearchIndex();
    this.fromCache = false;
    this.takeNames = () => undefined;
    this.queue = [...stories];
    this.warming = null;
  }

  /**
   * Starts reading the last visit's search index from IndexedDB right away, while the main thread
   * is still fetching the manifest and reading its files: on a warm reload that read is what
   * search waits for, so it must not wait for the folder's fingerprint to start.
   */
  prefetch(onChange: () => void): void {
    this.decided = false;
    this.cached = readLatestSearchIndex().then((cached) => {
      this.cacheChecked = true;
      if (!cached) this.decide();
      onChange();
      return cached;
    });
    // While IndexedDB reads (30-130 ms on BBC), this thread is idle: the first search's code
    // is compiled meanwhile (see primeSearch). A task, so that the read is issued first.
    setTimeout(primeSearch, 0);
    // Its sorted vocabulary, bigrams and names are not stored: built now, while the page boots,
    // rather than by the first keystroke (~0.1–0.4 s on BBC), a short step per task so that
    // requests are answered in between. Its entities first, once the folder's fingerprint has
    // decided (a search waiting for that decision goes first; it leaves the names out until
    // their lookup is built anyway).
    // IMPORTANT: and after the first search. The page names its folder (adoptHinted), so the
    // index is often taken before the query is typed; its entities' decoding (one 35–160 ms
    // step) and names lookup (60 ms steps at load ~13) then ran as the query came and held it
    // back (traced: asked at 1,008 ms, received at 1,066 behind a names step), although the
    // first search leaves the names out anyway.
    this.warmed = this.cached
      .then((cached) =>
        cached
          ? this.whenDecided(NAMES_WAIT_MS)
              .then(() => this.afterFirstSearch(FIRST_SEARCH_WAIT_MS))
              .then(() =>
                this.index === cached.index ? runInTasks(namedSteps(cached)) : undefined,
              )
          : undefined,
      )
      .then(() => {
        this.warm = true;
        onChange();
      });
  }

  /** A search has been answered: the warm steps waiting for it go on (see `prefetch`). */
  searched(): void {
    this.answered = true;
    this.firstSearch();
  }

  private answered = false;
  private firstSearch: () => void = () => undefined;

  /** Resolves when a search has been answered, or after `maxMs`. */
  private afterFirstSearch(maxMs: number): Promise<void> {
    if (this.answered) return Promise.resolve();
    return wakeOrTimeout(maxMs, (wake) => (this.firstSearch = wake));
  }

  /**
   * The cached index's entities now, for a query that filters on them (`person:`): until the
   * warm steps have put them in, the filter would find no one.
   */
  namesNow(): void {
    this.takeNames();
  }

  /**
   * Resolves once the last visit's index has been read and, if there was one, its lookup caches
   * built: what a warm reload's first search needs. Work that can wait (the build's names
   * packs) starts after it.
   */
  get searchWarm(): Promise<void> {
    return this.warmed;
  }

  /**
   * Warm start: takes the last visit's finished index if it is of this very folder (and nothing
   * is indexed yet), so search is usable before the files are re-read; the stories re-added
   * then only bring its text. True when it did.
   */
  async adoptCached(fingerprint: string): Promise<boolean> {
    const latest = this.index.docs.length === 0 ? await this.cached : undefined;
    this.cached = Promise.resolve(undefined); // one folder per visit: free it either way
    if (this.hinted !== null) {
      // Taken on the page's hint already (before this call or while it waited for the read):
      // right, or the page was older than its manifest (a service worker's page from before a
      // deploy) and the index is of another folder.
      const right = this.hinted === fingerprint;
      this.hinted = null;
      if (!right) this.restart([]);
      return right;
    }
    const adopt = latest?.fingerprint === fingerprint;
    if (adopt) this.take(latest);
    this.decide();
    return adopt;
  }

  /**
   * Warm start on the page's word: a build names its folder's fingerprint in the page
   * (`<meta name="dispatch-folder">`, sent by public/early-worker.js), so the last visit's index
   * of that folder is taken as soon as it is read. Waiting for the manifest instead, a search
   * typed meanwhile waited for it: the manifest's request goes out only once the app's entry is
   * evaluated, and its answer is handled by a main thread busy with the first render (it came
   * 365–920 ms into warm BBC reloads, after the query in some, traced at load 6–10). The
   * manifest still decides (`adoptCached`): another folder starts over. True when taken.
   */
  async adoptHinted(fingerprint: string): Promise<boolean> {
    const latest = await this.cached;
    if (this.decided || this.index.docs.length > 0 || latest?.fingerprint !== fingerprint)
      return false;
    this.cached = Promise.resolve(undefined);
    this.take(latest);
    this.hinted = fingerprint;
    this.decide();
    return true;
  }

  private take(latest: CachedIndex): void {
    this.index = latest.index;
    this.fromCache = true;
    this.takeNames = latest.takeNames;
  }

  /**
   * Resolves once a search would use the index it is going to have: at once without a cached
   * index; with one, once the folder's fingerprint has said whether it is taken (or after
   * `maxMs`). IMPORTANT: on a warm reload the query is often typed before the manifest has
   * arrived; answered from the still empty index, it came back with nothing and was asked again
   * only when the status said the cached index was taken (a round trip through the main thread,
   * ~150-190 ms later in traces at load 8-10).
   */
  whenDecided(maxMs: number): Promise<void> {
    if (this.decided) return Promise.resolve();
    return wakeOrTimeout(maxMs, (wake) => this.onDecided.push(wake));
  }

  private decide(): void {
    this.decided = true;
    for (const wake of this.onDecided.splice(0)) wake();
  }

  /** Indexes, then packs and warms, until `until` (performance.now()); `loaded`: every file is in. */
  step(until: number, loaded: boolean): void {
    while (this.queue.length && performance.now() < until) {
      addStories(this.index, this.queue.splice(0, 25));
      // The duplicate groups keep up with the index here, in the background, rather than in
      // the next keystroke's search (which caught up ~1,000 stories in ~0.25 s mid-load).
      warmDuplicates(this.index, 25);
    }
    if (this.queue.length > 0 || !loaded) return;
    const done = this.settled;
    if (!(done?.index === this.index && done.docs === this.index.docs.length)) {
      // The whole folder is indexed: keep the index in its packed form (typed-array views, see
      // index-pack.ts), a third of the heap of the build-time arrays, and build its caches. (Not
      // each time the queue runs dry while files still arrive: that redid ~0.2 s of caches per
      // batch; a search meanwhile builds what it needs.)
      this.index = compactIndex(this.index);
      this.settled = { index: this.index, docs: this.index.docs.length };
      this.warming = warmSearchSteps(this.index);
    }
    if (this.warming && performance.now() < until && this.warming.next().done) {
      this.warming = null;
    }
  }
}

/** How long a cached index's entities wait for the folder's fingerprint, at most (ms). */
const NAMES_WAIT_MS = 1000;
/** …and then for the visit's first search, at most (ms). */
const FIRST_SEARCH_WAIT_MS = 500;

/** A cached index's entities, then its lookups (warmSearchSteps), a step per task. */
function* namedSteps(cached: CachedIndex): Generator<void, void> {
  cached.takeNames();
  yield;
  yield* warmSearchSteps(cached.index);
}

/** Runs a generator's steps one task apart; resolves after the last. */
function runInTasks(steps: Generator<void, void>): Promise<void> {
  return new Promise((resolve) => {
    const next = () => {
      if (steps.next().done) resolve();
      else setTimeout(next, 0);
    };
    setTimeout(next, 0);
  });
}
