import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { EntityRoute } from './routes/entity-route';
import { LibraryRoute } from './routes/library-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './routes/route-error';
import { SearchRoute } from './routes/search-route';
import { StoryRoute } from './routes/story-route';

// The router's basename is the deploy sub-path (BASE_PATH at build time), without trailing slash.
const basename = import.meta.env.BASE_URL.replace(/\/$/u, '') || '/';

export const router = createBrowserRouter(
  [
    {
      element: <Layout />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <LibraryRoute />, errorElement: <RouteError /> },
        { path: 'story/*', element: <StoryRoute />, errorElement: <RouteError /> },
        { path: 'entity/*', element: <EntityRoute />, errorElement: <RouteError /> },
        { path: 'search', element: <SearchRoute />, errorElement: <RouteError /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ],
  { basename },
);
