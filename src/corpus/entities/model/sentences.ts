import type { WordToken } from '../word-tokens';

const ENDS = new Set(['.', '!', '?', '...', '…']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

/**
 * Cuts a paragraph's tokens into sentences, the unit the model was trained on: after a final
 * mark (and any closing quotes or brackets) when the next token opens with a capital, a digit or
 * an opening quote. Abbreviations keep their dot inside the token ("U.S.", "Mr."), so they never
 * end a sentence here.
 */
export function splitSentences<T extends WordToken>(tokens: readonly T[]): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    cur.push(t);
    if (!ENDS.has(t.text)) continue;
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(tokens[j]!.text)) cur.push(tokens[j++]!);
    const next = tokens[j];
    if (next && /^[\p{Lu}\p{N}"“‘'(]/u.test(next.text)) {
      out.push(cur);
      cur = [];
    }
    i = j - 1;
  }
  if (cur.length) out.push(cur);
  return out;
}
