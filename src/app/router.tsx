import { startTransition, Suspense, useEffect, useState } from 'react';
import { paths } from '../config/paths';
import { Route, ScrollRestoration, Switch, useFirstMatch, useLocation } from '../lib/router';
import { ErrorBoundary } from './error-boundary';
import { lazyPage } from './lazy-page';
import { NotFoundRoute } from './routes/not-found-route';
import { whenPaletteAnswered } from '../features/search/palette-store';
import { RouteError } from './routes/route-error';

// Each page is its own chunk, loaded when first visited: the entry carries only the frame, so a
// deep link downloads the code of its own page and nothing else. In Switch order.
const PAGES = [
  lazyPage(paths.library.pattern, () =>
    import('./routes/library-route').then((m) => m.LibraryRoute),
  ),
  lazyPage(`${paths.story.pattern}?`, () =>
    import('./routes/story-route').then((m) => m.StoryRoute),
  ),
  lazyPage(`${paths.entity.pattern}?`, () =>
    import('./routes/entity-route').then((m) => m.EntityRoute),
  ),
  lazyPage(paths.search.pattern, () => import('./routes/search-route').then((m) => m.SearchRoute)),
  lazyPage(paths.thread.pattern, () => import('./routes/thread-route').then((m) => m.ThreadRoute)),
  lazyPage(paths.notebook.pattern, () =>
    import('./routes/notebook-route').then((m) => m.NotebookRoute),
  ),
];
const PATTERNS = PAGES.map((p) => p.path);

/** How long the first page waits for a palette opened during boot to answer, at most (ms). */
const PALETTE_FIRST_MS = 400;

/** Whether the first page's chunk has been waited for (once per visit). */
let firstPageIn = false;

/**
 * The routed page. A page that crashes shows RouteError inside the frame until the next
 * navigation; scroll restoration sits inside the Suspense boundary so that it runs once the
 * page it restores has rendered.
 */
export function AppRoutes() {
  const { key } = useLocation();
  const first = PAGES[useFirstMatch(PATTERNS)];
  // The first page renders once its chunk is in, without suspending (see lazyPage): meanwhile
  // the frame (header, search) is up and the page's data is on its way.
  const [ready, setReady] = useState(() => firstPageIn || !first);
  useEffect(() => {
    if (ready) return;
    let live = true;
    // Behind a palette opened meanwhile, once it has answered (see whenPaletteAnswered).
    void first!
      .preload()
      .then(() => whenPaletteAnswered(PALETTE_FIRST_MS))
      .then(() => {
        firstPageIn = true;
        // Time-sliced: the page's first render (the library's: 30–40 ms) is not one long task.
        if (live) startTransition(() => setReady(true));
      });
    return () => {
      live = false;
    };
  }, [ready, first]);
  const fallback = (
    <p className="sr-only" role="status">
      Loading Dispatch…
    </p>
  );
  if (!ready) return fallback;
  return (
    <ErrorBoundary resetKey={key} fallback={(error) => <RouteError error={error} />}>
      {/* Shown while a page's chunk loads and no page is on screen yet (the first page's chunk
          failed to load); later navigations keep the previous page meanwhile (a transition). */}
      <Suspense fallback={fallback}>
        <Switch>
          {PAGES.map((p) => (
            <Route key={p.path} path={p.path} component={p.Component} />
          ))}
          <Route component={NotFoundRoute} />
        </Switch>
        <ScrollRestoration />
      </Suspense>
    </ErrorBoundary>
  );
}
