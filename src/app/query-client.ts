import { QueryClient } from '@tanstack/react-query';
import { SEEDS_CHANGED_EVENT } from '../data/live-events';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { refetchOnWindowFocus: false, retry: 1 },
  },
});

// In `npm run dev` the seeds plugin tells us when a file in the folder was added, changed or
// removed; refetching the manifest makes the page follow the folder without a restart.
if (import.meta.hot) {
  import.meta.hot.on(SEEDS_CHANGED_EVENT, () => {
    void queryClient.invalidateQueries({ queryKey: ['seeds', 'manifest'] });
  });
}
