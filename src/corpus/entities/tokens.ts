import { CJK, foldText } from '../normalize';
import { FUNCTION_WORDS, HYPHEN_MODIFIERS } from './lexicon';

/** How a token is written, after case restoration of ALL-CAPS lines. */
export type Shape = 'cap' | 'upper' | 'lower' | 'num' | 'cjk';

/** A word of a paragraph, as the recognizer sees it. */
export interface Tok {
  start: number;
  /** End offset without a possessive `'s`. */
  end: number;
  /** End offset with the possessive, when there is one (else === end). */
  fullEnd: number;
  text: string;
  /** Folded text without the possessive. */
  fold: string;
  shape: Shape;
  /** Opens a sentence or a quote: its capital says nothing. */
  sentStart: boolean;
  /** Text between the previous token and this one. */
  gap: string;
  /** "Shanghai-based": the word is a modifier, it ends any name it is in. */
  modifier: boolean;
  /** Opens a newswire dateline ("LONDON 1996-08-30", "AL-AIN, United Arab Emirates …"). */
  dateline?: boolean;
}

// Words keep inner hyphens, apostrophes, dots and ampersands: Jong-un, O’Neill, C.Q, AT&T.
const WORD =
  /[\p{L}\p{N}]+(?:[-‐'’.&][\p{L}\p{N}]+)*\.?|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const POSSESSIVE = /['’]s$/u;
const SENTENCE_GAP = /[.!?:;“"‘([—–]\s*$|^\s*[“"‘]/u;
const ABBREVIATION =
  /^(?:\p{Lu}|(?:\p{L}\.)+\p{L}|inc|corp|co|ltd|jr|sr|st|mr|mrs|ms|dr|gen|col|lt|sgt|capt|gov|sen|rep|rev|prof|mt|ft|no)\.$/iu;

function shapeOf(word: string): Shape {
  const first = word[0]!;
  if (CJK.test(first)) return 'cjk';
  if (/\p{N}/u.test(first)) return 'num';
  if (!/\p{Lu}/u.test(first)) return 'lower';
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && !/\p{Ll}/u.test(letters)) return 'upper';
  return 'cap';
}

/** Splits one paragraph into tokens with offsets into it. */
export function tokenizeParagraph(text: string): Tok[] {
  const out: Tok[] = [];
  let prevEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let word = m[0];
    // A final dot is part of "C.Q." or "Corp." but not of "Brown." ending a sentence.
    if (word.endsWith('.') && !ABBREVIATION.test(word)) word = word.slice(0, -1);
    const start = m.index;
    const consumed = start + word.length;
    let end = consumed;
    const fullEnd = end;
    let modifier = false;
    const hyphen = word.search(/[-‐][\p{L}]+$/u);
    if (hyphen > 0 && HYPHEN_MODIFIERS.has(foldText(word.slice(hyphen + 1)))) {
      modifier = true;
      end = start + hyphen;
      word = word.slice(0, hyphen);
    }
    let core = word;
    if (POSSESSIVE.test(word)) {
      core = word.slice(0, -2);
      end -= 2;
    }
    if (!core) continue;
    const gap = text.slice(prevEnd, start);
    out.push({
      start,
      end,
      fullEnd: modifier ? end : fullEnd,
      text: core,
      // "Corp." and "Corp" are one word to the lexicons.
      fold: foldText(core).replace(/\.$/u, ''),
      shape: shapeOf(core),
      // A quoted name ("the ‘Telegraph’") is no sentence start; quoted speech is.
      sentStart:
        out.length === 0 || (SENTENCE_GAP.test(gap) && !/^[’”"]/u.test(text.slice(consumed))),
      gap,
      modifier,
    });
    prevEnd = consumed;
  }
  return out;
}

/** True when a paragraph is written in capitals (a headline or kicker): its case is noise. */
export function isCapsLine(toks: readonly Tok[]): boolean {
  let upper = 0;
  let other = 0;
  for (const t of toks) {
    if (t.shape === 'upper' || (t.shape === 'cap' && t.text.length === 1)) upper++;
    else if (t.shape === 'cap' || t.shape === 'lower') other++;
  }
  return upper >= 2 && upper > 3 * other;
}

/** How often each folded word is written capitalized mid-sentence or lower-case in a story. */
export interface CaseStats {
  cap: Map<string, number>;
  lower: Set<string>;
}

/** Collects case evidence from the story's ordinary (not ALL-CAPS) paragraphs. */
export function caseStats(paragraphs: readonly Tok[][], caps: readonly boolean[]): CaseStats {
  const cap = new Map<string, number>();
  const lower = new Set<string>();
  paragraphs.forEach((toks, i) => {
    if (caps[i]) return;
    for (const t of toks) {
      if (t.shape === 'lower') lower.add(t.fold);
      else if ((t.shape === 'cap' || t.shape === 'upper') && !t.sentStart)
        cap.set(t.fold, (cap.get(t.fold) ?? 0) + 1);
    }
  });
  return { cap, lower };
}

/**
 * Rewrites the shapes of an ALL-CAPS line from how the rest of the story writes each word:
 * "JAPAN" becomes a name if the body says "Japan", "WIN" a common word if it says "win".
 * Words the story never writes otherwise are names only if `known` (gazetteers) says so.
 */
export function restoreCase(toks: Tok[], stats: CaseStats, known: (fold: string) => boolean): void {
  // Multi-word places first: "NEW YORK", "SRI LANKA" ("new" alone is a common word).
  for (let i = 0; i + 1 < toks.length; i++) {
    for (let len = 3; len >= 2; len--) {
      const run = toks.slice(i, i + len);
      if (run.length < len || run.some((t) => t.shape !== 'upper')) continue;
      if (!known(run.map((t) => t.fold).join(' '))) continue;
      for (const t of run) {
        t.shape = 'cap';
        t.sentStart = false;
      }
      i += len - 1;
      break;
    }
  }
  for (const t of toks) {
    if (t.shape !== 'upper') continue;
    const capCount = stats.cap.get(t.fold) ?? 0;
    if (capCount > 0 && !stats.lower.has(t.fold)) t.shape = 'cap';
    else if (
      capCount === 0 &&
      !stats.lower.has(t.fold) &&
      !FUNCTION_WORDS.has(t.fold) &&
      known(t.fold)
    )
      t.shape = 'cap';
    else t.shape = 'lower';
    t.sentStart = false;
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/u;
const MONTH_DAY = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}$/iu;

/**
 * Marks the place that opens a dateline: a short paragraph starting with capitals and ending
 * with a date. Its words are names whatever the case says.
 */
export function markDateline(text: string, toks: Tok[]): void {
  if (text.length > 80 || toks.length < 2) return;
  const last = toks[toks.length - 1]!;
  const tail = text.slice(last.start).trim();
  if (last.shape !== 'num' || !(DATE.test(tail) || MONTH_DAY.test(text.trim()))) return;
  for (const t of toks) {
    if (t.shape !== 'upper' && t.shape !== 'cap') break;
    t.shape = 'cap';
    t.dateline = true;
    t.sentStart = false;
    if (/^\s*,/u.test(text.slice(t.fullEnd))) break;
  }
}
