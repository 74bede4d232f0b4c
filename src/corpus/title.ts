/**
 * Titles for stories whose file gives no headline: made from the lede, short enough for a
 * list row (≤ TITLE_MAX characters) and cut where a reader would cut, at a clause boundary
 * when one falls late enough, else at a word boundary with an ellipsis.
 */
export const TITLE_MAX = 90;
const TITLE_MIN_CLAUSE = 50;

// Time phrases make poor headline words: "Putin yesterday hailed" reads as "Putin hailed".
const TIME_PHRASE =
  /\s+(?:yesterday|today|tonight|last night|(?:on|last|this) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year))\b/giu;

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

function cutClause(s: string, max: number): string {
  if (s.length <= max) return s;
  const window = s.slice(0, max + 1);
  // Prefer punctuation boundaries, then conjunction-like words that begin a new clause.
  const boundaries = [
    /[,;:—–](?=\s)/gu,
    /\s(?=(?:as|after|ahead of|amid|while|in a bid|because|but|which|who|following|despite)\s)/gu,
  ];
  for (const re of boundaries) {
    let best = -1;
    for (const m of window.matchAll(re)) {
      if (m.index >= TITLE_MIN_CLAUSE && m.index <= max) best = m.index;
    }
    if (best > 0) return s.slice(0, best).trim();
  }
  const space = window.lastIndexOf(' ', max - 1);
  const cut = space > TITLE_MIN_CLAUSE ? space : max - 1;
  // IMPORTANT: the ellipsis marks the cut, so the title never pretends to be the full sentence.
  return s.slice(0, cut).replace(/[\s,;:—–-]+$/u, '') + '…';
}

/** A short title from the lede text of a story. */
export function deriveTitle(lede: string, max = TITLE_MAX): string {
  const sentence = firstSentence(lede.replace(/\s+/g, ' ').trim()).replace(TIME_PHRASE, '');
  const trimmed = sentence.replace(/[.]$/u, '');
  if (!trimmed) return 'Untitled story';
  return balanceQuotes(cutClause(trimmed, max - 1));
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
      const longer = deriveTitle(item.lede, 160);
      titles[i] =
        longer !== titles[i] && !titles.includes(longer) ? longer : `${titles[i]} (${++n})`;
    }
  }
  return titles;
}
