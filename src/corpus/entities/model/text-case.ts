/** True when a word starts with a capital ("London", "U.S.", "LONDON"). */
export const isUpperStart = (w: string): boolean => w.length > 0 && w[0] !== w[0]!.toLowerCase();

/** True when a word has a lower-case letter ("London", not "LONDON" or "U.S."). */
export const hasLower = (w: string): boolean => w !== w.toUpperCase();

const LETTER = /\p{L}/u;

/**
 * True when a word starts with a letter. ASCII is decided by its code: every token of every story
 * passes here several times, and a Unicode property test costs more than the rest of the check.
 */
export function startsWithLetter(w: string): boolean {
  const code = w.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return code === code && LETTER.test(w[0]!);
}
