import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SearchResults } from '../../corpus/search/types';
import { searchQuery, useWorkerStatus } from '../../data/analysis-api';

/**
 * Results for the query as typed, one worker search per keystroke. While the next answer is on
 * its way the previous results stay on screen, so the list never flickers empty.
 */
export function useSearchResults(query: string, limit: number) {
  const status = useWorkerStatus();
  const trimmed = query.trim();
  const q = useQuery(searchQuery(query, status, limit));
  const [kept, setKept] = useState<SearchResults | null>(null);
  if (q.data && q.data !== kept) setKept(q.data);
  const results = trimmed ? (q.data ?? kept) : null;
  const error = q.error;
  return {
    results,
    /** True while the results shown are for an older query than the one typed. */
    stale: trimmed.length > 0 && (q.isPlaceholderData || q.isFetching || results === null),
    error,
    analysing: !status.entitiesReady,
  };
}
