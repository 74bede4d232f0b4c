/**
 * Titles for stories whose file gives no headline: made from the lede's first sentence and cut
 * where a reader would cut, at the end of a clause. A title that ends a clause has no ellipsis;
 * one cut inside a clause (no clause ends within reach) ends with "…", so it never pretends to
 * be the whole sentence.
 */

/** A clause ending by here makes the title. */
export const TITLE_MAX = 90;
/** When no clause ends by TITLE_MAX, a title may run to here to reach one (two list lines). */
export const TITLE_LONG_MAX = 110;
/** Clause ends before this are too early: "In Seoul," says nothing. */
const TITLE_MIN_CLAUSE = 50;

// Time phrases make poor headline words: "Putin yesterday hailed" reads as "Putin hailed".
const TIME_PHRASE =
  /\s+(?:yesterday|today|tonight|last night|(?:on|last|this) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year))\b/giu;

/**
 * Where a clause ends: before punctuation that a space follows (a closing quote may sit
 * between: `“Puppy Mountain,” it became`), and before words that open a new clause.
 */
const CLAUSE_ENDS = [
  /[,;:—–](?=["”’]?\s)/gu,
  /\s(?=(?:as|after|ahead of|amid|while|in a bid|because|but|which|who|following|despite|paving|saying|according to)\s)/gu,
];

/**
 * Inside a clause, the least bad cut is before a preposition or an infinitive's "to": the
 * title keeps its subject and verb ("…could lead to overreach…", not "…overreach by…").
 */
const PHRASE_STARTS =
  /\s(?=(?:about|across|against|at|before|between|by|during|for|from|in|into|of|on|over|since|through|to|under|until|with|without)\s)/gu;

function firstSentence(text: string): string {
  // A period ends a sentence when followed by space + capital/quote, not inside "U.S." or "C.Q.".
  const m = /^.*?[^\s.]{2}[.!?]["”’]?(?=\s+["“‘]?[\p{Lu}\d])/u.exec(text);
  return (m ? m[0] : text).trim();
}

function balanceQuotes(s: string): string {
  const open = (s.match(/“/g) ?? []).length;
  const close = (s.match(/”/g) ?? []).length;
  if (open > close) return s + '”';
  return s;
}

/** Indexes of the patterns' matches in `s` within [from, to]. */
function boundaries(s: string, res: RegExp[], from: number, to: number): number[] {
  // A few characters past `to`, so the lookaheads see what follows (`,” it`); never the whole
  // sentence, which in a file without full stops can be megabytes long.
  const window = s.slice(0, to + 4);
  const out: number[] = [];
  for (const re of res)
    for (const m of window.matchAll(re)) if (m.index >= from && m.index <= to) out.push(m.index);
  return out;
}

function cutClause(s: string, max: number, longMax: number): string {
  if (s.length <= max) return s;
  // The last clause end within the preferred length, punctuation before clause words.
  for (const re of CLAUSE_ENDS) {
    const ends = boundaries(s, [re], TITLE_MIN_CLAUSE, max);
    if (ends.length) return s.slice(0, Math.max(...ends)).trim();
  }
  // None that soon: the whole sentence if it fits the longer length, else its first clause end.
  if (s.length <= longMax) return s;
  const later = boundaries(s, CLAUSE_ENDS, max + 1, longMax);
  if (later.length) return s.slice(0, Math.min(...later)).trim();
  // No clause ends within reach: cut before a phrase, else at a word, and say so.
  const phrases = boundaries(s, [PHRASE_STARTS], TITLE_MIN_CLAUSE, longMax);
  const space = s.lastIndexOf(' ', longMax - 1);
  const cut = phrases.length
    ? Math.max(...phrases)
    : space > TITLE_MIN_CLAUSE
      ? space
      : longMax - 1;
  // IMPORTANT: the ellipsis marks the cut, so the title never pretends to be the full sentence.
  return s.slice(0, cut).replace(/[\s,;:—–-]+$/u, '') + '…';
}

/**
 * A title from the lede text of a story: its first sentence, if short enough, else cut at a
 * clause end (no ellipsis) or, when no clause ends within `longMax`, inside one (with "…").
 */
export function deriveTitle(lede: string, max = TITLE_MAX, longMax = TITLE_LONG_MAX): string {
  const sentence = firstSentence(lede.replace(/\s+/g, ' ').trim()).replace(TIME_PHRASE, '');
  const trimmed = sentence.replace(/[.]$/u, '');
  if (!trimmed) return 'Untitled story';
  return balanceQuotes(cutClause(trimmed, max, Math.max(max, longMax)));
}

/**
 * Makes derived titles distinct: two stories whose ledes open alike get longer titles until they
 * differ, and as a last resort a counter. Headlines from files are never changed.
 */
export function distinctTitles<T extends { title: string; titleDerived: boolean; lede: string }>(
  items: T[],
): string[] {
  const titles = items.map((i) => i.title);
  const seen = new Map<string, number[]>();
  titles.forEach((t, i) => {
    const key = t.toLowerCase();
    seen.set(key, [...(seen.get(key) ?? []), i]);
  });
  for (const group of seen.values()) {
    if (group.length < 2) continue;
    let n = 1;
    // The first story of a group keeps its title; later derived ones are lengthened.
    for (const i of group.slice(1)) {
      const item = items[i]!;
      if (!item.titleDerived) continue;
      const longer = deriveTitle(item.lede, 160, 160);
      titles[i] =
        longer !== titles[i] && !titles.includes(longer) ? longer : `${titles[i]} (${++n})`;
    }
  }
  return titles;
}
