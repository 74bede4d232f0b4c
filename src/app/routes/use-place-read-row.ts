import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ArchiveInfo } from '../../corpus/archive/archive-format';
import { listingKey } from '../../corpus/archive/read-rows';
import { archiveRow, useSideGroup } from '../../data/archive-api';
import { reading } from '../../data/notebook/notebook';

/**
 * In an archive, keeps an opened story's listing row with its reading record (from its side
 * group, which the story view fetches anyway) once it has one: when it is marked read, or was
 * before. The library's unread filter is then the complement of the read rows (read-rows.ts).
 */
export function usePlaceReadRow(storyId: string, info: ArchiveInfo | null) {
  const side = useSideGroup(storyId);
  const row = side.data ? archiveRow(side.data, storyId) : -1;
  const listing = useMemo(() => (info ? listingKey(info.pages) : null), [info]);
  // A boolean, not the records: the route need not render again at every saved position.
  const has = useCallback(() => reading.getSnapshot().has(storyId), [storyId]);
  const hasRecord = useSyncExternalStore(reading.subscribe, has, has);
  useEffect(() => {
    if (listing && row >= 0 && hasRecord) reading.place(storyId, { listing, row });
  }, [storyId, listing, row, hasRecord]);
}
