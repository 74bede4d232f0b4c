import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SearchResults } from '../../corpus/search/types';
import { searchQuery, useWorkerStatus } from '../../data/analysis-api';

/**
 * Results for the query as typed, one worker search per keystroke. While the next answer is on
 * its way (or a search was superseded by a newer keystroke) the previous results stay on screen,
 * so the list never flickers empty.
 */
export function useSearchResults(query: string, limit: number) {
  const status = useWorkerStatus();
  const trimmed = query.trim();
  const q = useQuery({
    ...searchQuery(query, status, limit),
    // A search the worker dropped for a newer one is asked again if it is still the one shown.
    retry: (count, error) => error.message === 'superseded' && count < 2,
  });
  const [kept, setKept] = useState<SearchResults | null>(null);
  if (q.data && q.data !== kept) setKept(q.data);
  const results = trimmed ? (q.data ?? kept) : null;
  const error = q.error && q.error.message !== 'superseded' ? q.error : null;
  return {
    results,
    /** True while the results shown are for an older query than the one typed. */
    stale: trimmed.length > 0 && (q.isPlaceholderData || q.isFetching || results === null),
    error,
    analysing: !status.entitiesReady,
  };
}
