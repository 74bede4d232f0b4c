import type { ParsedQuery } from './types';

/** Names offered score at least this share of the best name's score. */
export const NAME_SHARE = 0.5;

/** The words a query's names are matched on: its words, phrase words and name-filter words. */
export function nameWords(q: ParsedQuery): string[] {
  return [
    ...q.terms,
    ...q.phrases.flat(),
    ...q.filters.filter((f) => f.field !== 'section').flatMap((f) => f.terms),
  ];
}
