/**
 * The browser history as a store: the current entry (raw path, search, hash, state and a key per
 * entry) for React to read, `navigate` to push or replace, and the scroll position each entry had
 * when it was left, for scroll restoration. It does what React Router's history did for us; the
 * router module (`router.tsx`) hands it to wouter as its location hook.
 *
 * IMPORTANT: every entry needs a key in `history.state` ({ key, usr }): scroll positions are saved
 * per key, and a reload or Back keeps the key. Entries the app did not create (a typed URL, the
 * skip link's `#content`, a test's `history.pushState(null, …)`) are stamped when first seen.
 */

export interface HistoryEntry {
  /** As in the address bar: with the deploy sub-path, percent-escapes kept. */
  pathname: string;
  /** `?a=b`, or '' */
  search: string;
  /** `#p3`, or '' */
  hash: string;
  /** The `state` given to `navigate`, or null. */
  state: unknown;
  key: string;
  /** A navigation asked to keep the scroll position (a `?q=` edit, a copied paragraph link). */
  preventScrollReset: boolean;
}

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
  preventScrollReset?: boolean;
}

interface KeyedState {
  key: string;
  usr: unknown;
}

const STORAGE_KEY = 'dispatch-scroll-positions';
/** Saved positions kept across reloads (sessionStorage); older entries are forgotten. */
const MAX_SAVED = 100;

let current: HistoryEntry | null = null;
const listeners = new Set<() => void>();
const positions = new Map<string, number>();
/**
 * Where the page is scrolled to, as of its last scroll event. IMPORTANT: `persist` runs in
 * `pagehide`, where reading `window.scrollY` made the leaving page update its style and layout
 * first: on a reload of a BBC library with the palette open, 7–68 ms (traced, load 6–14), which
 * the new page's navigation waits for. In a scroll event the layout is up to date anyway.
 */
let scrolledTo = 0;

const createKey = () => Math.random().toString(36).slice(2, 10);

function isKeyed(s: unknown): s is KeyedState {
  return typeof s === 'object' && s !== null && typeof (s as KeyedState).key === 'string';
}

function read(preventScrollReset: boolean): HistoryEntry {
  let s: unknown = history.state;
  if (!isKeyed(s)) {
    s = { key: createKey(), usr: s ?? null } satisfies KeyedState;
    history.replaceState(s, '');
  }
  const { key, usr } = s as KeyedState;
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash, state: usr, key, preventScrollReset };
}

function start(): HistoryEntry {
  // The app restores positions itself: the browser's own restoration runs before the page has
  // rendered, on a document of the wrong height.
  history.scrollRestoration = 'manual';
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as [string, number][];
    for (const [k, y] of saved) positions.set(k, y);
  } catch {
    // No storage (private mode) or a damaged value: positions are kept for this page only.
  }
  addEventListener('popstate', () => change(false));
  addEventListener('scroll', () => (scrolledTo = window.scrollY), { passive: true });
  addEventListener('pagehide', persist);
  return read(false);
}

function persist() {
  if (current) positions.set(current.key, scrolledTo);
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...positions].slice(-MAX_SAVED)));
  } catch {
    // Storage full or unavailable: a reload starts at the top, nothing else is lost.
  }
}

/** The entry was left (or replaced): remember where it was scrolled, then read the new one. */
function change(preventScrollReset: boolean) {
  const prev = getEntry();
  const next = read(preventScrollReset);
  if (next.key === prev.key) return;
  // Re-inserted so the Map's order is the order of leaving (the oldest are dropped first).
  positions.delete(prev.key);
  positions.set(prev.key, window.scrollY);
  current = next;
  listeners.forEach((l) => l());
}

/** The current entry; the same object until the location changes. */
export function getEntry(): HistoryEntry {
  return (current ??= start());
}

export function subscribe(listener: () => void): () => void {
  getEntry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Goes to `href` (absolute, with the deploy sub-path). As with React Router, a link to the page
 * already shown replaces the entry instead of stacking a duplicate.
 */
export function navigate(href: string, opts: NavigateOptions = {}): void {
  const target = new URL(href, window.location.href);
  const replace = opts.replace ?? target.href === window.location.href;
  const state: KeyedState = { key: createKey(), usr: opts.state ?? null };
  history[replace ? 'replaceState' : 'pushState'](state, '', target.href);
  change(opts.preventScrollReset ?? false);
}

/** Where the entry was scrolled when it was last left, if it was. */
export function savedPosition(key: string): number | undefined {
  return positions.get(key);
}
