import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { SearchResults } from '../../corpus/search/types';
import { withNames, withParagraphs } from '../../corpus/search/chunks/chunk-answer';
import {
  searchParagraphsQuery,
  searchQuery,
  useEnginePhases,
  useEngineProgress,
} from '../../data/analysis-api';
import { useArchiveMode, useArchiveWithoutSearch } from '../../data/archive-api';
import { useArchiveNames } from './use-archive-names';

/**
 * Results for the query as typed, one worker search per keystroke. While the next answer is on
 * its way the previous results stay on screen, so the list never flickers empty. Names (entity
 * hits) join the answer when the worker has them; nothing here waits for them.
 */
export function useSearchResults(query: string, limit: number, paragraphsFor = 0) {
  const phases = useEnginePhases();
  const trimmed = query.trim();
  // An archive searches the build's chunks; one built without them has nothing to ask (the
  // palette says so).
  const archive = useArchiveWithoutSearch();
  // An archive's names are the build's, read per story: nothing is being analysed.
  const archiveMode = useArchiveMode();
  // One query per text: as the index grows, or the worker's own index takes over from the
  // build's chunks, it is asked again (analysis-sync.ts) and its answer stays on screen meanwhile.
  const q = useQuery({
    ...searchQuery(query, limit),
    enabled: !archive && query.trim().length > 0,
  });
  const [kept, setKept] = useState<SearchResults | null>(null);
  if (q.data && q.data !== kept) setKept(q.data);
  const answer = trimmed ? (q.data ?? kept) : null;
  // An answer from the build's chunks has no paragraphs: those of the first `paragraphsFor`
  // stories are fetched after it is on screen, and join it when they come.
  const chunkIds =
    answer?.source === 'chunks'
      ? answer.stories.slice(0, paragraphsFor).map((s) => s.storyId)
      : NO_IDS;
  const paragraphs = useQuery(searchParagraphsQuery(answer?.query.raw ?? '', chunkIds));
  // An archive's names come from its names index, beside the answer (the chunks hold none).
  const names = useArchiveNames(answer);
  const results = useMemo(
    () => answer && withNames(withParagraphs(answer, paragraphs.data), names),
    [answer, paragraphs.data, names],
  );
  // The same text asked again because the index grew (or names arrived) is still an answer for
  // what is typed: only another text makes the results shown stale.
  const current = results !== null && results.query.raw === query;
  // Counted only while files are still being indexed: the palette re-renders as they arrive.
  const indexingPhase = phases.search.phase === 'indexing';
  const files = useEngineProgress((s) => (indexingPhase ? s.files : 0));
  const total = useEngineProgress((s) => (indexingPhase ? s.totalFiles : 0));
  return {
    results,
    /** True while no answer for the text typed has arrived (the results shown, if any, are older). */
    stale: trimmed.length > 0 && !current,
    error: q.error,
    archive,
    analysing: !archiveMode && phases.names.phase !== 'complete',
    /**
     * While files are still being indexed: results cover only part of the folder. Not for an
     * answer from the build's search chunks, which cover all of it.
     */
    indexing: !indexingPhase || results?.source === 'chunks' ? null : { files, total },
  };
}

const NO_IDS: string[] = [];
