/**
 * Text folding shared by search, entities and related stories, so that "Kim Jong-un",
 * "kim jong un" and "KIM JONG‐UN" meet: Unicode compatibility form, no diacritics, lower case,
 * curly quotes as straight ones.
 */
const DIACRITICS = /\p{M}+/gu;
const QUOTES: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
};

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .replace(/[‘’‚‛“”„«»]/gu, (q) => QUOTES[q] ?? q)
    .toLowerCase();
}

/** Han, Hiragana, Katakana and Hangul: scripts written without spaces between words. */
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export interface Token {
  /** Folded form used for matching. */
  term: string;
  /** Offsets of the token in the original (unfolded) text. */
  start: number;
  end: number;
}

// A word: letters/digits, with inner apostrophes or dots kept (U.S., don't); hyphens split words
// so "Jong-un" yields "jong" and "un". Each CJK character is a token of its own.
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into folded tokens with offsets into the original text. Offsets refer to the
 * unfolded string, so highlighters can mark the reader's text exactly.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const raw = m[0];
    if (CJK.test(raw)) {
      pushCjk(raw, m.index, out);
      continue;
    }
    // Possessives fold to the noun ("Kim Jong-un’s" → "un"), and the token ends with the noun:
    // a highlight marks "un", not "un’s". Other apostrophes and dots vanish.
    const folded = foldText(raw);
    const possessive = folded.endsWith("'s");
    const term = (possessive ? folded.slice(0, -2) : folded).replace(/['.]/gu, '');
    const length = possessive ? Math.max(raw.lastIndexOf("'"), raw.lastIndexOf('’')) : raw.length;
    if (term) out.push({ term, start: m.index, end: m.index + length });
  }
  return out;
}

function pushCjk(raw: string, offset: number, out: Token[]): void {
  // Mixed runs ("AI模型") keep their non-CJK part as one token and split the CJK characters.
  let buf = '';
  let bufStart = 0;
  let i = 0;
  for (const ch of raw) {
    if (CJK.test(ch)) {
      if (buf) out.push({ term: foldText(buf), start: offset + bufStart, end: offset + i });
      buf = '';
      out.push({ term: ch, start: offset + i, end: offset + i + ch.length });
    } else {
      if (!buf) bufStart = i;
      buf += ch;
    }
    i += ch.length;
  }
  if (buf) out.push({ term: foldText(buf), start: offset + bufStart, end: offset + i });
}
