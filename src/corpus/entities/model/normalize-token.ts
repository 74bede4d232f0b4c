/**
 * Writes a token the way CoNLL-2003's Reuters copy writes it, before any feature sees it, so that
 * house styles the training text never had still meet the weights: curly quotes and apostrophes
 * are straight, dashes are hyphens, square brackets round, British "Mr" is American "Mr.", and
 * "US" is "U.S.".
 * Only the model's view changes; offsets and the reader's text are untouched.
 */
const SYMBOLS: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '``': '"',
  "''": '"',
  '«': '"',
  '»': '"',
  '—': '-',
  '–': '-',
  '--': '-',
  '―': '-',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '…': '...',
  // Reuters writes the country and the organization with stops.
  US: 'U.S.',
  UN: 'U.N.',
};

// Abbreviations that British style writes without a full stop.
const DOTLESS = new Set(
  'Mr Mrs Ms Messrs Dr St Jr Sr Mt Ft Gen Lt Col Sgt Capt Gov Sen Rep Rev Prof'.split(' '),
);

const CHAR_REF = /&#(?:(\d{2,7})|[xX]([\da-fA-F]{2,6}));/gu;

function decodeRef(ref: string, dec: string | undefined, hex: string | undefined): string {
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  return code > 0x1f && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
}

const SYMBOL_MAP = new Map(Object.entries(SYMBOLS));
/** Longer than every key of SYMBOLS and DOTLESS: most words skip both lookups. */
const SHORT = 7;

export function normalizeToken(word: string): string {
  // Every token of every story passes here (two or three times): plain words leave after one
  // scan of their characters, without a hash lookup or a regular expression.
  if (word.length <= SHORT) {
    const symbol = SYMBOL_MAP.get(word);
    if (symbol !== undefined) return symbol;
    if (DOTLESS.has(word)) return `${word}.`;
  }
  if (!hasRareChar(word)) return word;
  // "Pap&#233;" is "Papé" to the model (see word-tokens.ts).
  const w = word.includes('&#') ? word.replace(CHAR_REF, decodeRef) : word;
  return w.includes('’') || w.includes('‐') ? w.replace(/’/gu, "'").replace(/‐/gu, '-') : w;
}

/** "&" (a character reference), "’" or "‐" (U+2010) anywhere in the word. */
function hasRareChar(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x26 || c === 0x2019 || c === 0x2010) return true;
  }
  return false;
}

/** A document's tokens as the model reads them. */
export function normalizeDoc(doc: readonly (readonly string[])[]): string[][] {
  return doc.map((s) => s.map(normalizeToken));
}
