/**
 * What the tagger knows of a whole document before it scores a token: how each word is written
 * elsewhere in it (capitalized mid-sentence, lower case, capitals), which sentences are written
 * in capitals (headlines: their case says nothing), and the token-level facts those rest on
 * (word shape, sentence start). Shared by the features, the rules after the tagger and training.
 */
import { hasLower, isUpperStart, startsWithLetter } from './text-case';

/** A document as the tagger sees it: sentences of token texts. */
export type DocTokens = readonly (readonly string[])[];

/** Per-token facts computed once per document. */
export interface DocContext {
  /** Lower-case word → how it is written elsewhere in the document (bits, see `caseStats`). */
  caseOf: Map<string, number>;
  /** Sentences written all in capitals (headlines): their case says nothing. */
  capsLine: boolean[];
}

const CASE_CAP_MID = 1;
const CASE_LOWER = 2;
const CASE_UPPER = 4;

/** Collapsed word shape: "Xx", "XX", "X.X.", "dd-dd", "Xx-xx". */
export function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let c: string;
    // ASCII without regular expressions: the shape of every token of every story is taken.
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = word[i]!;
    else {
      const ch = word[i]!;
      if (/\p{Lu}/u.test(ch)) c = 'X';
      else if (/\p{Ll}/u.test(ch)) c = 'x';
      else if (/\p{N}/u.test(ch)) c = 'd';
      else if (/\p{L}/u.test(ch)) c = 'a';
      else c = ch;
    }
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** True when a sentence is written in capitals: two or more upper-case words, no lower-case. */
export function isCapsSentence(words: readonly string[]): boolean {
  let upper = 0;
  for (const w of words) {
    if (!/\p{L}/u.test(w)) continue;
    if (hasLower(w)) return false;
    if (w.length > 1) upper++;
  }
  return upper >= 2;
}

const OPENERS = new Set(['"', '“', '‘', "'", '`', '``', '(', '[', '-', '--', '—', '–', ':']);

/** True when the token opens its sentence (after any opening quotes or brackets). */
export function isSentenceInitial(words: readonly string[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) if (!OPENERS.has(words[k]!)) return false;
  return true;
}

/** Case evidence of the whole document: how each word is written outside sentence starts. */
export function docContext(doc: DocTokens): DocContext {
  const caseOf = new Map<string, number>();
  const capsLine = doc.map(isCapsSentence);
  doc.forEach((words, s) => {
    if (capsLine[s]) return;
    words.forEach((w, i) => {
      if (!startsWithLetter(w)) return;
      const low = w.toLowerCase();
      let bits = caseOf.get(low) ?? 0;
      if (!isUpperStart(w)) bits |= CASE_LOWER;
      else if (!isSentenceInitial(words, i)) bits |= hasLower(w) ? CASE_CAP_MID : CASE_UPPER;
      caseOf.set(low, bits);
    });
  });
  return { caseOf, capsLine };
}
