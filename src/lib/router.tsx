import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import {
  Link as WouterLink,
  matchRoute,
  Router,
  useLocation as useWouterLocation,
  useParams,
  useRouter,
  type LinkProps as WouterLinkProps,
} from 'wouter';
import { decodeSegments, safeDecode } from './url';
import {
  getEntry,
  navigate as historyNavigate,
  savedPosition,
  subscribe,
  type HistoryEntry,
  type NavigateOptions,
} from './history-store';

/**
 * The app's router: wouter (~2.5 KB gzip; React Router 7 was ~31 KB of the initial JS) matches the
 * routes and renders the links, over our own history store (`history-store.ts`) that gives every
 * entry a key for scroll restoration. The only module that imports wouter: the rest of the app
 * uses these hooks and `Link`, shaped like React Router's where the app used those.
 */

export { Route, Switch } from 'wouter';
export type { NavigateOptions };

/** The deploy sub-path (BASE_PATH at build time) without its trailing slash; '' at the root. */
const BASE = import.meta.env.BASE_URL.replace(/\/$/u, '');

const EntryContext = createContext<HistoryEntry | null>(null);

function useEntry(): HistoryEntry {
  const entry = useContext(EntryContext);
  if (!entry) throw new Error('Router hooks need <RouterProvider>');
  return entry;
}

// wouter's location hook: the path of the entry React is rendering, so the routes, the links and
// our hooks all see one location, and our navigate (keys, scroll positions).
const useEntryLocation = (): [string, (to: string, opts?: NavigateOptions) => void] => [
  useEntry().pathname,
  historyNavigate,
];
const useEntrySearch = () => useEntry().search;

/**
 * Provides the location. Changes render in a transition, as React Router's did: a page whose
 * chunk is still loading keeps the previous page on screen instead of a blank fallback.
 */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [entry, setEntry] = useState(getEntry);
  useEffect(() => {
    const update = () => startTransition(() => setEntry(getEntry()));
    const unsubscribe = subscribe(update);
    update(); // a change between the first render and this effect
    return unsubscribe;
  }, []);
  return (
    <EntryContext value={entry}>
      <Router base={BASE} hook={useEntryLocation} searchHook={useEntrySearch}>
        {children}
      </Router>
    </EntryContext>
  );
}

/** A real `<a href>` (with the sub-path), so Ctrl/Cmd-click and middle-click open a new tab. */
export function Link(props: WouterLinkProps<typeof useEntryLocation> & { to: string }) {
  return <WouterLink<typeof useEntryLocation> {...props} />;
}

/** The current location relative to the deploy sub-path; `pathname` keeps its escapes. */
export function useLocation(): HistoryEntry {
  const entry = useEntry();
  const pathname = relativePath(entry.pathname);
  return useMemo(() => ({ ...entry, pathname }), [entry, pathname]);
}

/** The index of the first pattern that matches the current location (as `Switch` picks), or -1. */
export function useFirstMatch(patterns: readonly string[]): number {
  const router = useRouter();
  const [path] = useWouterLocation<typeof useEntryLocation>();
  return patterns.findIndex((p) => matchRoute(router.parser, p, path)[0]);
}

/** Navigates to an app path (`paths.*.getHref()`); the sub-path is added. */
export function useNavigate(): (to: string, opts?: NavigateOptions) => void {
  return useWouterLocation<typeof useEntryLocation>()[1];
}

/** `?…` as URLSearchParams, and a setter that keeps the path (and drops the hash). */
export function useSearchParams(): [
  URLSearchParams,
  (
    next: URLSearchParams | ((prev: URLSearchParams) => URLSearchParams),
    opts?: NavigateOptions,
  ) => void,
] {
  const { search } = useEntry();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (
      next: URLSearchParams | ((prev: URLSearchParams) => URLSearchParams),
      opts?: NavigateOptions,
    ) => {
      // The latest entry, not the rendered one: two updates in a row both count.
      const { pathname, search: latest } = getEntry();
      const value = typeof next === 'function' ? next(new URLSearchParams(latest)) : next;
      const s = value.toString();
      historyNavigate(pathname + (s ? `?${s}` : ''), opts);
    },
    [],
  );
  return [params, setParams];
}

/**
 * The part of the path matched by the route's `*`, each segment decoded on its own (ids are
 * encoded per segment: `paths.story.getHref`). wouter's own params went through `decodeURI`,
 * which leaves `%3F`, `%23`, `%2F`… escaped; it never adds or removes a `/`, so its splat has
 * as many segments as the raw path's tail we decode here.
 */
export function useSplat(): string {
  const splat = useParams()['*'] ?? '';
  const raw = useLocation().pathname.split('/');
  return decodeSegments(raw.slice(raw.length - splat.split('/').length).join('/'));
}

/**
 * Scroll restoration, as React Router's `<ScrollRestoration>`: Back/Forward and a reload return
 * to where the entry was left; a new page scrolls to its `#hash` target, or to the top. Render it
 * inside the Suspense boundary of the pages, after them, so it runs once the page has rendered.
 */
export function ScrollRestoration() {
  const { key, hash, preventScrollReset } = useEntry();
  useLayoutEffect(() => {
    const saved = savedPosition(key);
    if (saved !== undefined) {
      window.scrollTo(0, saved);
      return;
    }
    const target = hash && document.getElementById(safeDecode(hash.slice(1)));
    if (target) target.scrollIntoView();
    else if (!preventScrollReset) window.scrollTo(0, 0);
  }, [key, hash, preventScrollReset]);
  return null;
}

/**
 * The newest location's path (relative to the sub-path), which can be ahead of the rendered page
 * while a navigation renders in a transition: key handlers that step from "here" read this.
 */
export function latestPathname(): string {
  return relativePath(getEntry().pathname);
}

/** The address-bar path without the deploy sub-path (as wouter strips it: ignoring case). */
function relativePath(pathname: string): string {
  if (!BASE) return pathname;
  const lower = pathname.toLowerCase();
  const base = BASE.toLowerCase();
  if (lower === base) return '/';
  return lower.startsWith(`${base}/`) ? pathname.slice(BASE.length) : pathname;
}
