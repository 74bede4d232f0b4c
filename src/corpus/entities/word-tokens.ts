/**
 * The recognizer's tokenizer: raw paragraph text into words and punctuation the way CoNLL-2003
 * (Penn Treebank conventions) cut them, because that is the text the model learnt from.
 * "Germany's" is `Germany` + `'s`, "don't" is `do` + `n't`, "U.S." and "Mr." keep their dot,
 * "Jong-un", "1996-08-22" and "1,250.5" stay whole, every other punctuation mark stands alone.
 * Offsets point into the paragraph, so spans map back to the reader's text exactly.
 */
export interface WordToken {
  text: string;
  start: number;
  end: number;
}

// A run of letters, digits and the marks that may sit inside a word: Jong-un, O'Neill, AT&T,
// 1,000.5, U.S. Clitics are split off afterwards. CJK runs are one token each (no spaces there).
// A numeric character reference left by an HTML export ("Pap&#233;", "B&#233;ziers") is one
// letter of the word it sits in, not punctuation that cuts the name in two.
const CHUNK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|(?:[\p{L}\p{N}\p{M}]|&#\d{2,7};|&#[xX][\da-fA-F]{2,6};)+(?:[-‐'’.&/,:@](?:[\p{L}\p{N}\p{M}]|&#\d{2,7};|&#[xX][\da-fA-F]{2,6};)+)*(?:\.(?!\.))?|\.\d+|\.{2,}|-{2,}|\S/gu;

const CLITIC = /(?:['’](?:s|S|re|RE|ve|VE|ll|LL|m|M|d|D)|[nN]['’][tT])$/u;

// Dots that belong to the word: initials and letter acronyms (U.S., C.Q.), and a closed class of
// English abbreviations that news copy writes with a dot.
const INITIALS = /^(?:\p{L}\.)+$/u;
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st jr sr co corp inc ltd bros gen col lt sgt capt gov sen rep rev mt ft ' +
    'no nos vs v jan feb mar apr jun jul aug sep sept oct nov dec etc approx dept est'
  ).split(' '),
);

function keepsDot(word: string, first: boolean): boolean {
  if (INITIALS.test(word)) return true;
  // "1. Michelle Freeman": a list number opening the line.
  if (first && /^\d{1,2}\.$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.slice(0, -1).toLowerCase());
}

/** Splits one paragraph into tokens with offsets into it. */
export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  CHUNK.lastIndex = 0;
  for (let m = CHUNK.exec(text); m; m = CHUNK.exec(text)) {
    let word = m[0];
    let start = m.index;
    // "1,000." at a sentence end: the final dot is punctuation unless it makes an abbreviation.
    let trailingDot = false;
    if (
      word.length > 1 &&
      word.endsWith('.') &&
      /[\p{L}\p{N}]/u.test(word) &&
      !keepsDot(word, out.length === 0)
    ) {
      word = word.slice(0, -1);
      trailingDot = true;
    }
    // A trailing comma or colon the character class swallowed cannot happen (they need a letter
    // after them), but "U.S.-based" can: keep it whole, it is how CoNLL writes it.
    const clitic = CLITIC.exec(word);
    if (clitic && clitic.index > 0) {
      const head = word.slice(0, clitic.index);
      out.push({ text: head, start, end: start + head.length });
      start += head.length;
      word = word.slice(head.length);
    }
    out.push({ text: word, start, end: start + word.length });
    if (trailingDot)
      out.push({ text: '.', start: start + word.length, end: start + word.length + 1 });
  }
  return out;
}
