import type { Token } from '../normalize';
import { fastTokenize } from './fast-tokenize';
import { boundedEditDistance, typoAllowance } from './edit-distance';
import { parseQuery } from './query-parser';
import { isFuzzable } from './vocabulary';
import type { ParsedQuery, Range } from './types';

/** Completions of the word being typed are only marked from this length on without a term list. */
const MIN_PREFIX_MARK = 3;

/**
 * Ranges of `text` to mark for a query: its words, the prefix/typo expansions the search used
 * (`expanded`, from `SearchResults.expandedTerms`), phrases, and entity filter values. Without
 * `expanded` (the reading view only has `?q=`), completions of the last word and words within the
 * typo allowance are marked. Ranges are sorted, non-overlapping and inside the text; never throws.
 */
export function highlightQuery(
  text: string,
  query: ParsedQuery | string,
  expanded?: readonly string[],
): Range[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const q = typeof query === 'string' ? parseQuery(query) : query;
  if (!q || !Array.isArray(q.terms)) return [];
  const tokens = fastTokenize(text);
  if (tokens.length === 0) return [];
  const ranges: Range[] = [];
  const exact = new Set<string>(q.terms);
  if (expanded) for (const t of expanded) exact.add(t);
  const last = q.prefix ? q.terms[q.terms.length - 1] : undefined;
  // Like the search, typos only stand in for words the text does not spell out itself: with
  // "korean" in the paragraph, "Korea" is not marked as its typo.
  let fuzzy = expanded ? [] : q.terms.filter(isFuzzable);
  if (fuzzy.length > 0) {
    const present = new Set(tokens.map((t) => t.term));
    fuzzy = fuzzy.filter((t) => !present.has(t));
  }
  for (const tok of tokens) {
    if (matchesWord(tok, exact, last, fuzzy)) ranges.push([tok.start, tok.end]);
  }
  const phrases = [
    ...q.phrases,
    // Filter values name an entity: mark it where the text spells it out.
    ...q.filters.filter((f) => f.field !== 'section').map((f) => f.terms),
  ];
  for (const phrase of phrases) markPhrase(tokens, phrase, ranges);
  return mergeRanges(ranges);
}

function matchesWord(
  tok: Token,
  exact: Set<string>,
  last: string | undefined,
  fuzzy: readonly string[],
): boolean {
  const term = tok.term;
  if (exact.has(term)) return true;
  if (last && last.length >= MIN_PREFIX_MARK && term.startsWith(last)) return true;
  if (fuzzy.length === 0 || !isFuzzable(term)) return false;
  for (const f of fuzzy) {
    const allowance = typoAllowance(f.length);
    if (boundedEditDistance(f, term, allowance) <= allowance) return true;
  }
  return false;
}

function markPhrase(tokens: readonly Token[], phrase: readonly string[], out: Range[]): void {
  const n = phrase.length;
  if (n === 0) return;
  for (let i = 0; i + n <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = tokens[i + k]!.term === phrase[k];
    if (ok) out.push([tokens[i]!.start, tokens[i + n - 1]!.end]);
  }
}

/** Sorts ranges and merges those that overlap or touch. */
export function mergeRanges(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of ranges) {
    const prev = out[out.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
