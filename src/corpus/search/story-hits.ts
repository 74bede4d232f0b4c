import { highlightQuery } from './highlight';
import { termIdOf } from './search-index';
import { makeSnippet } from './snippets';
import type { Expansion } from './term-expansion';
import type { IntList, ParsedQuery, SearchIndex, Snippet } from './types';

function popcount(x: number): number {
  let c = 0;
  for (let v = x >>> 0; v; v &= v - 1) c++;
  return c;
}

function runAt(seq: IntList, from: number, to: number, ids: readonly number[]): boolean {
  for (let i = from; i + ids.length <= to; i++) {
    let k = 0;
    while (k < ids.length && seq[i + k] === ids[k]) k++;
    if (k === ids.length) return true;
  }
  return false;
}

/**
 * The paragraphs of a story that best match the query (most distinct words and phrases, then
 * most hits, then earliest), as snippets with highlights. Paragraphs are found on the story's
 * token ids; only the chosen ones are re-tokenized for highlight offsets. Returns at least one
 * snippet (the lede, unmarked, when only the title matched) so every hit has something to show.
 */
export function storyParagraphs(
  index: SearchIndex,
  docIndex: number,
  q: ParsedQuery,
  expansions: readonly Expansion[][],
  expandedTerms: readonly string[],
  perStory: number,
): Snippet[] {
  const doc = index.docs[docIndex]!;
  // A doc of a cached index whose story has not arrived yet: no text to show (see fillText).
  if (doc.paragraphs.length === 0) return [];
  const termMask = new Map<number, number>();
  expansions.forEach((list, i) => {
    for (const e of list)
      termMask.set(e.termId, (termMask.get(e.termId) ?? 0) | (1 << Math.min(i, 30)));
  });
  const phrases: number[][] = [];
  const phraseLists = [
    ...q.phrases,
    ...q.filters.filter((f) => f.field !== 'section').map((f) => f.terms),
  ];
  for (const p of phraseLists) {
    const ids = p.map((t) => termIdOf(index, t));
    if (ids.every((id) => id !== undefined)) phrases.push(ids as number[]);
  }
  const ranked: Array<{ p: number; score: number }> = [];
  const seq = doc.bodyTokens;
  for (let p = 0; p < doc.paraStarts.length; p++) {
    const from = doc.paraStarts[p]!;
    const to = doc.paraStarts[p + 1] ?? seq.length;
    let mask = 0;
    let hits = 0;
    for (let i = from; i < to; i++) {
      const m = termMask.get(seq[i]!);
      if (m) {
        mask |= m;
        hits++;
      }
    }
    let units = popcount(mask);
    for (const ids of phrases) if (runAt(seq, from, to, ids)) units++;
    if (units > 0) ranked.push({ p, score: units * 100 + Math.min(hits, 20) });
  }
  ranked.sort((a, b) => b.score - a.score || a.p - b.p);
  const out: Snippet[] = [];
  for (const { p } of ranked.slice(0, Math.max(1, perStory))) {
    const text = doc.paragraphs[p] ?? '';
    out.push(makeSnippet(p + 1, text, highlightQuery(text, q, expandedTerms)));
  }
  if (out.length === 0 && doc.paragraphs[0] !== undefined) {
    // Only the title (or a filter) matched: show the lede, unmarked, as the snippet.
    out.push(makeSnippet(1, doc.paragraphs[0], []));
  }
  return out;
}
