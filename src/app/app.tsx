import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, useLocation } from '../lib/router';
import { ErrorBoundary } from './error-boundary';
import { Layout } from './layout';
import { queryClient } from './query-client';
import { AppRoutes } from './router';
import { RouteError } from './routes/route-error';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider>
        <Frame />
      </RouterProvider>
    </QueryClientProvider>
  );
}

/** A crash in the frame itself (header, palette) still gets the error page, without the frame. */
function Frame() {
  const { key } = useLocation();
  return (
    <ErrorBoundary resetKey={key} fallback={(error) => <RouteError error={error} />}>
      <Layout>
        <AppRoutes />
      </Layout>
    </ErrorBoundary>
  );
}
