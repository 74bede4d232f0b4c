import { own as ownKey } from '../lib/own';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ArchiveInfo } from '../corpus/archive/archive-format';
import { rowsOfSection } from '../corpus/archive/listing';
import { complementRows, decodeRows, intersectAll } from '../corpus/archive/row-lists';
import type { StoryKind } from '../corpus/types';
import { filterGroupQuery, kindFileQuery, NO_ARCHIVE } from './archive-queries';

export interface ArchiveFilterInput {
  /** Entity ids, all of which a story must name (AND); a merged short form finds its entity. */
  entityIds: string[];
  section: string | null;
  kind: StoryKind | null;
}

export interface ArchiveFilter {
  /** The listing rows shown, ascending; null: the whole listing (no filter). */
  rows: number[] | null;
  /** The chosen entities as their groups name them (the id while its group is on its way). */
  selected: { id: string; name: string }[];
  /** Articles among `rows`, once the kinds file is in (null before, or without a filter). */
  mains: number | null;
  /** Every article row of the listing (the kinds file), with a filter; null without. */
  mainRows: number[] | null;
  pending: boolean;
  error: Error | null;
  /** Entities asked for in an archive built without filter groups (`SEEDS_NAMES=0`). */
  unavailable: boolean;
}

/**
 * An archive library's filters, from what the build wrote: each chosen entity's filter group
 * (every story naming it, as listing rows), the section's runs from the manifest, and the kinds
 * file for articles or briefs. Never the listing itself: the rows it gives are fetched a page at
 * a time, as the unfiltered list's are.
 */
export function useArchiveFilter(
  archive: ArchiveInfo | null,
  input: ArchiveFilterInput,
): ArchiveFilter {
  const { entityIds, section, kind } = input;
  // Before the manifest (a story's deep link): nothing asked, nothing filtered yet.
  const info = archive ?? NO_ARCHIVE;
  const grouped = info.filters !== undefined;
  const own = useQueries({
    queries: entityIds.map((id) => ({ ...filterGroupQuery(info, id), enabled: grouped })),
  });
  // A merged short form ('person/putin') is in its own id's group as a remap; its rows are in
  // its canonical id's group (often another).
  const canonical = entityIds.map((id, k) => {
    const g = own[k]?.data;
    return g && !ownKey(g.entities, id) ? (ownKey(g.remap, id) ?? id) : id;
  });
  const groups = useQueries({
    queries: canonical.map((id, k) => ({
      ...filterGroupQuery(info, id),
      enabled: grouped && own[k]?.data !== undefined,
    })),
  });
  const filtering = entityIds.length > 0 || section !== null || kind !== null;
  const kinds = useQuery({
    ...kindFileQuery(info),
    enabled: filtering && info.kinds !== undefined,
  });
  // The ids too: two entities of one group share its data's version.
  const arrived = [...own, ...groups].map((q) => q.dataUpdatedAt).join() + canonical.join('|');
  // The kinds file only holds the rows back for a kind filter: otherwise it gives the heading's
  // articles and briefs (and j/k's articles) when it comes, a round trip the rows need not wait.
  const ready =
    archive !== null &&
    groups.every((q) => q.data) &&
    (kind === null || !info.kinds || kinds.data !== undefined);
  const result = useMemo(() => {
    const mains = kinds.data ? decodeRows(kinds.data.mains) : null;
    const lists: number[][] = groups.map((q, k) => {
      const entry = ownKey(q.data?.entities, canonical[k]!);
      return (entry && decodeRows(entry[1])) ?? [];
    });
    if (section !== null) lists.push(rowsOfSection(info.sections, section));
    if (kind && mains) lists.push(kind === 'main' ? mains : complementRows(mains, info.stories));
    const rows = filtering ? intersectAll(lists) : null;
    const inMains = rows && mains ? intersectAll([rows, mains]).length : null;
    return { rows, mains: inMains, mainRows: mains };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `arrived` is the groups' version
  }, [arrived, kinds.data, section, kind, info, filtering]);
  const selected = canonical.map((id, k) => ({
    id,
    name: ownKey(groups[k]?.data?.entities, id)?.[0] ?? entityIds[k]!,
  }));
  const error = [...own, ...groups, kinds].find((q) => q.error)?.error ?? null;
  return {
    rows: ready || !filtering ? result.rows : null,
    selected,
    mains: result.mains,
    mainRows: result.mainRows,
    pending:
      filtering && !ready && !error && (archive === null || grouped || entityIds.length === 0),
    error,
    unavailable: !grouped && entityIds.length > 0,
  };
}
