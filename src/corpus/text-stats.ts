/** Reading speed used for the reading-time estimate (words a minute, adult silent reading). */
export const WORDS_PER_MINUTE = 230;

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** True when the text ends like a finished sentence (terminal punctuation, maybe in quotes). */
export function endsSentence(text: string): boolean {
  return /[.!?…]["'”’»)\]]*\s*$/u.test(text) || /[.!?…]\s*["'”’»)\]]+\s*$/u.test(text);
}
