import { isUpperStart } from './text-case';
import { GAZ_CLASSES, PREFIX, type NerLexicon } from './lexicon';

/**
 * For each token, the gazetteer classes of the longest phrase covering it that starts with a
 * capital, as `class * 2 + (inside ? 1 : 0)` values; null when no phrase matched (most
 * sentences of sports results and many others: no array per token to allocate).
 */
export function gazetteerTags(
  lows: readonly string[],
  words: readonly string[],
  lex: NerLexicon,
): number[][] | null {
  const n = lows.length;
  const max = lex.maxPhrase;
  // masks[i * max + len - 1]: the classes of the phrase of `len` tokens from i.
  const masks = new Int32Array(n * max);
  let any = 0;
  for (let i = 0; i < n; i++) {
    if (!isUpperStart(words[i]!)) continue;
    let phrase = '';
    for (let len = 1; len <= max && i + len <= n; len++) {
      phrase = len === 1 ? lows[i]! : `${phrase} ${lows[i + len - 1]}`;
      const m = lex.phrase(phrase);
      masks[i * max + len - 1] = m & ~PREFIX;
      any |= m & ~PREFIX;
      if (!(m & PREFIX)) break;
    }
  }
  if (!any) return null;
  const tags: number[][] = Array.from({ length: n }, () => []);
  for (let cls = 0; cls < GAZ_CLASSES; cls++) {
    const bit = 1 << cls;
    if (!(any & bit)) continue;
    for (let i = 0; i < n;) {
      let matched = 0;
      for (let len = max; len >= 1 && !matched; len--)
        if (masks[i * max + len - 1]! & bit) matched = len;
      if (!matched) {
        i++;
        continue;
      }
      for (let k = 0; k < matched; k++) tags[i + k]!.push(cls * 2 + (k ? 1 : 0));
      i += matched;
    }
  }
  return tags;
}
