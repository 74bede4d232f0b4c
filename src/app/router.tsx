import { lazy, Suspense } from 'react';
import { paths } from '../config/paths';
import { Route, ScrollRestoration, Switch, useLocation } from '../lib/router';
import { ErrorBoundary } from './error-boundary';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './routes/route-error';

// Each page is its own chunk, loaded when first visited: the entry carries only the frame, so a
// deep link downloads the code of its own page and nothing else.
const LibraryRoute = lazy(() =>
  import('./routes/library-route').then((m) => ({ default: m.LibraryRoute })),
);
const StoryRoute = lazy(() =>
  import('./routes/story-route').then((m) => ({ default: m.StoryRoute })),
);
const EntityRoute = lazy(() =>
  import('./routes/entity-route').then((m) => ({ default: m.EntityRoute })),
);
const ThreadRoute = lazy(() =>
  import('./routes/thread-route').then((m) => ({ default: m.ThreadRoute })),
);
const SearchRoute = lazy(() =>
  import('./routes/search-route').then((m) => ({ default: m.SearchRoute })),
);
const NotebookRoute = lazy(() =>
  import('./routes/notebook-route').then((m) => ({ default: m.NotebookRoute })),
);

/**
 * The routed page. A page that crashes shows RouteError inside the frame until the next
 * navigation; scroll restoration sits inside the Suspense boundary so that it runs once the
 * page it restores has rendered.
 */
export function AppRoutes() {
  const { key } = useLocation();
  return (
    <ErrorBoundary resetKey={key} fallback={(error) => <RouteError error={error} />}>
      {/* Shown while the first page's chunk loads (a few ms from cache, longer on a cold
          network); later navigations keep the previous page meanwhile (a transition). */}
      <Suspense
        fallback={
          <p className="sr-only" role="status">
            Loading Dispatch…
          </p>
        }
      >
        <Switch>
          <Route path={paths.library.pattern} component={LibraryRoute} />
          <Route path={`${paths.story.pattern}?`} component={StoryRoute} />
          <Route path={`${paths.entity.pattern}?`} component={EntityRoute} />
          <Route path={paths.search.pattern} component={SearchRoute} />
          <Route path={paths.thread.pattern} component={ThreadRoute} />
          <Route path={paths.notebook.pattern} component={NotebookRoute} />
          <Route component={NotFoundRoute} />
        </Switch>
        <ScrollRestoration />
      </Suspense>
    </ErrorBoundary>
  );
}
