import { matchEntities, setEntities } from '../search/entities';
import { highlightQuery } from '../search/highlight';
import { NAME_SHARE, nameWords } from '../search/name-query';
import { createSearchIndex } from '../search/search-index';
import type { EntityHit, ParsedQuery } from '../search/types';
import { nameKeyOf, type NameGroup, type NameRow } from './name-groups';

/** The names groups a query's names are looked up in (words of one letter match no name). */
export function nameKeysOf(q: ParsedQuery): string[] {
  const keys = nameWords(q)
    .filter((w) => [...w].length >= 2)
    .map(nameKeyOf);
  return [...new Set(keys)].sort();
}

/**
 * An archive's names group for a query, over the names groups of its words (`nameKeysOf`): the
 * whole folder's matching (`matchEntities`: exact words, the last word as a prefix while typed,
 * typos) and its cut (names scoring at least NAME_SHARE of the best), ties to the most named.
 */
export function archiveNameHits(
  groups: readonly NameGroup[],
  q: ParsedQuery,
  opts: { limit?: number; expandedTerms?: readonly string[] } = {},
): EntityHit[] {
  const words = nameWords(q);
  if (words.length === 0) return [];
  const rows = new Map<string, NameRow>();
  for (const g of groups) for (const r of g.rows) rows.set(r[0], r);
  const list = [...rows.values()];
  if (list.length === 0) return [];
  const index = createSearchIndex();
  setEntities(
    index,
    list.map(([id, name, type, , aliases]) => ({ id, name, type, aliases, storyIds: [] })),
  );
  const matches = matchEntities(index, words, { all: false, prefixLast: q.prefix });
  const floor = (matches[0]?.score ?? 0) * NAME_SHARE;
  return matches
    .filter((m) => m.score >= floor)
    .sort((a, b) => b.score - a.score || list[b.entity]![3] - list[a.entity]![3])
    .slice(0, Math.max(0, opts.limit ?? 6))
    .map((m): EntityHit => {
      const [id, name, type, stories] = list[m.entity]!;
      return {
        id,
        name,
        type,
        storyCount: stories,
        score: m.score,
        highlights: highlightQuery(name, q, opts.expandedTerms),
      };
    });
}
