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

export function normalizeToken(word: string): string {
  const symbol = SYMBOLS[word];
  if (symbol !== undefined) return symbol;
  if (DOTLESS.has(word)) return `${word}.`;
  return word.includes('’') || word.includes('‐')
    ? word.replace(/’/gu, "'").replace(/‐/gu, '-')
    : word;
}

/** A document's tokens as the model reads them. */
export function normalizeDoc(doc: readonly (readonly string[])[]): string[][] {
  return doc.map((s) => s.map(normalizeToken));
}
