/**
 * The word knowledge the tagger's features look up: word clusters and case priors learnt from
 * unlabeled news, and gazetteers built from general data packages (see the model card for the
 * sources). It ships inside the model file, so a model and its lexicon always match.
 */

/** Gazetteer classes, as bits of a phrase's mask. */
export const GAZ = {
  country: 0,
  city: 1,
  region: 2,
  firstName: 3,
  surname: 4,
  company: 5,
  demonym: 6,
} as const;
export const GAZ_CLASSES = 7;
/** Bit of `phrase()` results: a longer phrase continues this one. */
export const PREFIX = 0x80;

/** Plain data of a lexicon: what the model file stores. */
export interface LexiconData {
  /** Lower-case words that have a cluster and a case prior. */
  words: string[];
  /** Fine cluster of each word (0-based), or NO_CLUSTER. */
  fine: Uint16Array;
  /** Coarse cluster of each word. */
  coarse: Uint8Array;
  /** How often the word is capitalized mid-sentence in unlabeled news, bucketed 1..n (0: unknown). */
  caseBucket: Uint8Array;
  /** Lower-case phrases ("new york") and their class masks. */
  phrases: string[];
  masks: Uint8Array;
}

export interface NerLexicon {
  /**
   * What the lexicon knows of a lower-case word, packed: fine cluster (bits 0–15, NO_CLUSTER if
   * none), coarse cluster (16–23), case bucket (24–27, 0 if unknown). One lookup per token.
   */
  wordInfo(low: string): number;
  caseBucket(low: string): number;
  /**
   * Class mask of a lower-case phrase (tokens joined by one space), 0 if none, with the PREFIX
   * bit when a longer phrase starts with it.
   */
  phrase(low: string): number;
  /** Tokens in the longest phrase. */
  maxPhrase: number;
}

/** `fine` value of a word that has a case prior but was too rare to cluster. */
export const NO_CLUSTER = 0xffff;

export function createLexicon(data: LexiconData): NerLexicon {
  const index = new Map<string, number>();
  data.words.forEach((w, i) => index.set(w, i));
  const phrases = new Map<string, number>();
  let maxPhrase = 1;
  data.phrases.forEach((p, i) => {
    phrases.set(p, (phrases.get(p) ?? 0) | data.masks[i]!);
    let len = 1;
    for (let k = 0; k < p.length; k++) {
      if (p.charCodeAt(k) !== 32) continue;
      len++;
      // Every proper prefix is marked, so matching stops as soon as no phrase can continue.
      const prefix = p.slice(0, k);
      phrases.set(prefix, (phrases.get(prefix) ?? 0) | PREFIX);
    }
    if (len > maxPhrase) maxPhrase = len;
  });
  return {
    wordInfo(low) {
      const i = index.get(low);
      if (i === undefined) return NO_CLUSTER;
      return data.fine[i]! | (data.coarse[i]! << 16) | (data.caseBucket[i]! << 24);
    },
    caseBucket(low) {
      const i = index.get(low);
      return i === undefined ? 0 : data.caseBucket[i]!;
    },
    phrase: (low) => phrases.get(low) ?? 0,
    maxPhrase: Math.min(maxPhrase, 6),
  };
}
