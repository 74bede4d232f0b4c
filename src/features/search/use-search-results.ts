import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SearchResults } from '../../corpus/search/types';
import { searchQuery, useNewestSearch, useWorkerStatus } from '../../data/analysis-api';
import { useArchiveMode, useArchiveWithoutSearch } from '../../data/archive-api';

/**
 * Results for the query as typed, one worker search per keystroke. While the next answer is on
 * its way the previous results stay on screen, so the list never flickers empty. Names (entity
 * hits) join the answer when the worker has them; nothing here waits for them.
 */
export function useSearchResults(query: string, limit: number) {
  const status = useWorkerStatus();
  const trimmed = query.trim();
  // An archive searches the build's chunks; one built without them has nothing to ask (the
  // palette says so).
  const archive = useArchiveWithoutSearch();
  // An archive's names are the build's, read per story: nothing is being analysed.
  const archiveMode = useArchiveMode();
  const q = useQuery({
    ...searchQuery(query, status, limit),
    enabled: !archive && query.trim().length > 0,
  });
  // This text's answer for the index as it is now, else for the index as it was when asked
  // (see useNewestSearch), else the previous text's.
  const own = q.isPlaceholderData ? undefined : q.data;
  const sameText = useNewestSearch(query, limit);
  const [kept, setKept] = useState<SearchResults | null>(null);
  const shown = own ?? sameText ?? q.data;
  if (shown && shown !== kept) setKept(shown);
  const results = trimmed ? (shown ?? kept) : null;
  // The same text asked again because the index grew (or names arrived) is still an answer for
  // what is typed: only another text makes the results shown stale.
  const current = results !== null && results.query.raw === query;
  return {
    results,
    /** True while no answer for the text typed has arrived (the results shown, if any, are older). */
    stale: trimmed.length > 0 && !current,
    error: q.error,
    archive,
    analysing: !archiveMode && !status.namesComplete,
    /**
     * While files are still being indexed: results cover only part of the folder. Not for an
     * answer from the build's search chunks, which cover all of it.
     */
    indexing:
      status.searchReady || results?.source === 'chunks'
        ? null
        : { files: status.files, total: status.totalFiles },
  };
}
