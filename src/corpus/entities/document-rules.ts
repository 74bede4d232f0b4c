/**
 * Document-level rules over the tagger's spans: a story is one text, so a name found once is
 * the same name, of the same type, wherever it recurs in it.
 */
import { foldText } from '../normalize';
import type { Story } from '../types';
import type { EntityType } from './types';
import { LONG_COUNTRY_NAMES } from './country-names';
import { normalizeToken } from './model/normalize-token';
import { wordTokens, type WordToken } from './word-tokens';

export interface Sentence {
  paragraph: number;
  tokens: WordToken[];
}

/** A span's type (the model's index) as the reader's type; MISC (3) is recognized but not shown. */
export const SPAN_TYPES: readonly (EntityType | null)[] = ['person', 'place', 'organization', null];

export interface Span {
  paragraph: number;
  sentence: number;
  first: number;
  last: number;
  /** 0 PER, 1 LOC, 2 ORG, 3 MISC (see SPAN_TYPES). */
  type: number;
  /** Folded surface: the key of document-level consistency. */
  key: string;
  id?: string;
}

/** The long country names as the model reads tokens ("People’s" and "People's" alike). */
const COUNTRY_WORDS = new Map<string, string[][]>();
for (const name of LONG_COUNTRY_NAMES) {
  const words = wordTokens(name).map((t) => normalizeToken(t.text));
  COUNTRY_WORDS.set(words[0]!, [...(COUNTRY_WORDS.get(words[0]!) ?? []), words]);
}

/**
 * A long country name is one place: "the People’s Republic of China" is not "People’s Republic"
 * and "China", however the tagger cut it at its small words. A span crossing the name's edges
 * keeps it from applying, as in `repeatFullNames`.
 */
export function wholeCountryNames(spans: Span[], sentences: Sentence[], story: Story): Span[] {
  return rewriteSentences(spans, sentences, (own, s, si) => {
    const words = s.tokens.map((t) => normalizeToken(t.text));
    for (let i = 0; i < words.length; i++) {
      const name = COUNTRY_WORDS.get(words[i]!)?.find((n) => n.every((w, d) => words[i + d] === w));
      if (!name) continue;
      const j = i + name.length - 1;
      own = replaceInside(own, { sentence: s, si, i, j, type: 1, story }) ?? own;
      i = j;
    }
    return own;
  });
}

export function groupBySentence(spans: Span[]): Map<number, Span[]> {
  const by = new Map<number, Span[]>();
  for (const sp of spans) {
    const list = by.get(sp.sentence);
    if (list) list.push(sp);
    else by.set(sp.sentence, [sp]);
  }
  return by;
}

/**
 * Every sentence's spans passed through `rewrite` (which may replace some with `replaceInside`),
 * in reading order: the walk the document rules that join tokens into names share.
 */
export function rewriteSentences(
  spans: Span[],
  sentences: Sentence[],
  rewrite: (own: Span[], sentence: Sentence, si: number) => Span[],
): Span[] {
  const bySentence = groupBySentence(spans);
  const out: Span[] = [];
  sentences.forEach((s, si) => {
    const own = rewrite(bySentence.get(si) ?? [], s, si);
    out.push(...own.sort((x, y) => x.first - y.first));
  });
  return out;
}

/**
 * A sentence's spans with [i, j] as one span of `type` in place of the spans inside it, or null
 * when a span crosses its edges or it is already a span.
 */
export function replaceInside(
  own: Span[],
  r: { sentence: Sentence; si: number; i: number; j: number; type: number; story: Story },
): Span[] | null {
  const { i, j } = r;
  const overlapping = own.filter((sp) => sp.first <= j && sp.last >= i);
  if (!overlapping.every((sp) => sp.first >= i && sp.last <= j)) return null;
  if (overlapping.some((sp) => sp.first === i && sp.last === j)) return null;
  const toks = r.sentence.tokens;
  const key = foldText(
    r.story.paragraphs[r.sentence.paragraph]!.slice(toks[i]!.start, toks[j]!.end),
  );
  return [
    ...own.filter((sp) => !overlapping.includes(sp)),
    { paragraph: r.sentence.paragraph, sentence: r.si, first: i, last: j, type: r.type, key },
  ];
}

/**
 * A name of several words found once is the same name wherever its words recur in the story:
 * "the Chinese Ministry of Foreign Affairs" after "The Ministry of Foreign Affairs (MOFA)" is the
 * ministry, not "Foreign Affairs" as the tagger read it there. Shorter spans inside a recurrence
 * give way to it; a span that crosses its edges keeps it from applying (the tagger saw another
 * name there).
 */
export function repeatFullNames(spans: Span[], sentences: Sentence[], story: Story): Span[] {
  const known = new Map<string, { words: string[]; type: number }[]>();
  for (const sp of spans) {
    if (sp.last === sp.first || sp.type === 3) continue;
    const words = sentences[sp.sentence]!.tokens.slice(sp.first, sp.last + 1).map((t) => t.text);
    const list = known.get(words[0]!) ?? [];
    if (!list.some((k) => k.words.join(' ') === words.join(' ')))
      list.push({ words, type: sp.type });
    known.set(words[0]!, list);
  }
  if (!known.size) return spans;
  for (const list of known.values()) list.sort((x, y) => y.words.length - x.words.length);
  return rewriteSentences(spans, sentences, (own, s, si) => {
    const toks = s.tokens;
    for (let i = 0; i < toks.length; i++) {
      const found = known
        .get(toks[i]!.text)
        ?.find((k) => k.words.every((w, d) => toks[i + d]?.text === w));
      if (!found) continue;
      const j = i + found.words.length - 1;
      const replaced = replaceInside(own, { sentence: s, si, i, j, type: found.type, story });
      if (!replaced) continue;
      own = replaced;
      i = j;
    }
    return own;
  });
}

const QUOTES = new Set(['"', '“', '”', "'", '‘', '’']);

/**
 * A nickname in quotes inside a person's name is part of it: "Dan “Razin” Caine" is one person,
 * whether the tagger saw one, two or three names there.
 */
export function joinNicknames(spans: Span[], sentences: Sentence[]): void {
  for (let k = 0; k + 1 < spans.length; k++) {
    const a = spans[k]!;
    if (a.type !== 0) continue;
    const toks = sentences[a.sentence]!.tokens;
    const open = toks[a.last + 1];
    const nick = toks[a.last + 2];
    const close = toks[a.last + 3];
    if (!open || !nick || !close || !QUOTES.has(open.text) || !QUOTES.has(close.text)) continue;
    if (!/^\p{Lu}/u.test(nick.text)) continue;
    let j = k + 1;
    // The nickname itself may have been tagged on its own.
    if (spans[j]?.sentence === a.sentence && spans[j]!.first === a.last + 2) j++;
    const b = spans[j];
    if (!b || b.sentence !== a.sentence || b.type !== 0 || b.first !== a.last + 4) continue;
    a.last = b.last;
    a.key = `${a.key} ${foldText(nick.text)} ${b.key}`;
    spans.splice(k + 1, j - k);
  }
}

/**
 * The same name keeps one type within a story: the type most of its mentions got. A tie keeps
 * each mention's own type: breaking it by the model's scores cost 0.5 points of exact-span F1
 * on conll-dev, where a team and its city share a name in one report.
 */
export function keepOneType(spans: Span[]): void {
  const votes = new Map<string, Int32Array>();
  for (const s of spans) {
    let v = votes.get(s.key);
    if (!v) votes.set(s.key, (v = new Int32Array(4)));
    v[s.type]!++;
  }
  for (const s of spans) {
    const v = votes.get(s.key)!;
    let best = s.type;
    for (let t = 0; t < 4; t++) if (v[t]! > v[best]!) best = t;
    s.type = best;
  }
}
