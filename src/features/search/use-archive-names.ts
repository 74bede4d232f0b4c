import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { archiveNameHits, nameKeysOf } from '../../corpus/archive/name-search';
import type { EntityHit, SearchResults } from '../../corpus/search/types';
import { useArchive } from '../../data/archive-api';
import { nameGroupQuery } from '../../data/archive-queries';

/**
 * An archive's names group for a chunk answer: the names groups of its words (a few KB each,
 * fetched once and kept), matched as the whole folder's engine matches names. Null until they are
 * in, outside an archive, and in an archive built without a names index: the answer then shows
 * no names, as before.
 */
export function useArchiveNames(results: SearchResults | null): EntityHit[] | null {
  const info = useArchive();
  const query = results?.source === 'chunks' && info?.names ? results.query : null;
  const keys = useMemo(() => (query ? nameKeysOf(query) : NO_KEYS), [query]);
  const groups = useQueries({
    queries: info ? keys.map((k) => nameGroupQuery(info, k)) : [],
    combine: (rs) => (rs.every((r) => r.data) ? rs.map((r) => r.data!) : null),
  });
  const expanded = results?.expandedTerms;
  return useMemo(
    () => (query && groups ? archiveNameHits(groups, query, { expandedTerms: expanded }) : null),
    [query, groups, expanded],
  );
}

const NO_KEYS: string[] = [];
