import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './routes/route-error';

// The router's basename is the deploy sub-path (BASE_PATH at build time), without trailing slash.
const basename = import.meta.env.BASE_URL.replace(/\/$/u, '') || '/';

// Each page is its own chunk, loaded when first visited: the entry carries only the frame, so a
// deep link downloads the code of its own page and nothing else.
export const router = createBrowserRouter(
  [
    {
      element: <Layout />,
      errorElement: <RouteError />,
      // Shown while the first page's chunk loads (a few ms from cache, longer on a cold network).
      hydrateFallbackElement: (
        <p className="sr-only" role="status">
          Loading Dispatch…
        </p>
      ),
      children: [
        {
          index: true,
          lazy: () => import('./routes/library-route').then((m) => ({ Component: m.LibraryRoute })),
          errorElement: <RouteError />,
        },
        {
          path: 'story/*',
          lazy: () => import('./routes/story-route').then((m) => ({ Component: m.StoryRoute })),
          errorElement: <RouteError />,
        },
        {
          path: 'entity/*',
          lazy: () => import('./routes/entity-route').then((m) => ({ Component: m.EntityRoute })),
          errorElement: <RouteError />,
        },
        {
          path: 'search',
          lazy: () => import('./routes/search-route').then((m) => ({ Component: m.SearchRoute })),
          errorElement: <RouteError />,
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ],
  { basename },
);
