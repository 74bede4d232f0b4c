import { tokenize } from '../normalize';
import type { Story } from '../types';
import { isContentTerm } from './features';
import { TIME_AND_REPORTING_WORDS } from './news-words';
import { blendedIdf } from './reference-idf';

/**
 * Why two stories are related, in words a reader accepts as a reason: shared people, places and
 * organizations first (the caller has them), then distinctive shared two-word phrases ("council
 * tax", "mac mini"), and single words only when neither says enough. Time words, reporting words
 * and any word that is common in news or across the folder are never a reason.
 */
export interface Reasons {
  phrases: string[];
  terms: string[];
}

const NOT_REASONS = TIME_AND_REPORTING_WORDS;

/**
 * A word is distinctive when fewer than about 4 % of the folder's and the reference news
 * corpus's documents use it (blended idf ≥ ln 25 ≈ 3.2): "state", "military" and "president"
 * are not, "tariff", "pyongyang" and "kaplan" are.
 */
const MIN_IDF = Math.log(25);
/** A phrase's two words: each used by under ~8 % of documents on (geometric) average. */
const PHRASE_MIN_IDF = 2 * Math.log(12);

export function reasonsFor(
  a: Story,
  b: Story,
  sharedTerms: readonly string[],
  nameWords: ReadonlySet<string>,
  folderDf: (term: string) => number,
  folderDocs: number,
  /** `phrasePairs`, or a memo of it (a story's list asks for the story's own pairs per hit). */
  pairsOf: (s: Story) => ReadonlySet<string> = phrasePairs,
): Reasons {
  const idf = (t: string): number => blendedIdf(t, folderDf(t), folderDocs);
  const telling = (t: string): boolean =>
    isContentTerm(t) && !NOT_REASONS.has(t) && !/\p{N}/u.test(t) && idf(t) >= MIN_IDF;
  const mine = pairsOf(a);
  const phrases = [...pairsOf(b)]
    .filter((p) => mine.has(p))
    .filter((p) => {
      const [x, y] = p.split(' ') as [string, string];
      // A phrase inside a shared name says nothing new. Common words can make a telling phrase
      // ("council tax", "interest rates"): the pair must be rare enough taken together.
      return !(nameWords.has(x) && nameWords.has(y)) && idf(x) + idf(y) >= PHRASE_MIN_IDF;
    })
    .map((p) => {
      const [x, y] = p.split(' ') as [string, string];
      return { p, score: idf(x) + idf(y) };
    })
    .sort((p, q) => q.score - p.score || (p.p < q.p ? -1 : 1))
    .slice(0, 2)
    .map((x) => x.p);
  const inPhrases = new Set(phrases.flatMap((p) => p.split(' ')));
  const terms = sharedTerms.filter((t) => telling(t) && !nameWords.has(t) && !inPhrases.has(t));
  return { phrases, terms };
}

/**
 * Stories' `phrasePairs`, read once each and kept as one string a story (~760 characters on BBC;
 * a Set of every story's pairs would be ~50 strings and a hash table a story), for the build:
 * each story is some five others' hit, and reading the pairs from the text at each hit was most
 * of the packing's time. Once they are kept the texts can go. IMPORTANT: `pairsOf` throws for a
 * story that was not added, rather than read text that may be gone.
 */
export class KeptPhrases {
  private readonly kept = new Map<string, string>();

  add(s: Story): void {
    this.kept.set(s.id, KeptPhrases.joined(s));
  }

  /** A story's pairs as `add` keeps them, one string (what the build caches per file). */
  static joined(s: Story): string {
    // A pair is two words and a space: never a line break.
    return [...phrasePairs(s)].join('\n');
  }

  /** Keeps pairs `joined` made of the story with this id (read back from the build's cache). */
  put(id: string, joined: string): void {
    this.kept.set(id, joined);
  }

  readonly pairsOf = (s: Story): ReadonlySet<string> => {
    const joined = this.kept.get(s.id);
    if (joined === undefined) throw new Error(`no phrases kept for ${s.id}`);
    return new Set(joined ? joined.split('\n') : []);
  };
}

/** `KeptPhrases` of these stories. */
export function keptPhrasePairs(stories: Iterable<Story>): (s: Story) => ReadonlySet<string> {
  const kept = new KeptPhrases();
  for (const s of stories) kept.add(s);
  return kept.pairsOf;
}

/** The candidate phrases of a story: adjacent content-word pairs of its title and paragraphs. */
export function phrasePairs(s: Story): Set<string> {
  const out = new Set<string>();
  for (const text of [s.title, ...s.paragraphs]) {
    const toks = tokenize(text);
    for (let i = 0; i + 1 < toks.length; i++) {
      const x = toks[i]!;
      const y = toks[i + 1]!;
      // Adjacent in the text: only a space between them, no possessive ("ex-lover's nanny").
      if (!/^ $/u.test(text.slice(x.end, y.start))) continue;
      if (/['’]s$/u.test(text.slice(x.start, x.end))) continue;
      // Two capitalized words are a name: names are reasons of their own (entities), and an
      // unrecognized one ("david blunkett" in quotes) reads badly as a phrase.
      if (
        /^\p{Lu}/u.test(text.slice(x.start, x.end)) &&
        /^\p{Lu}/u.test(text.slice(y.start, y.end))
      )
        continue;
      if (!isContentTerm(x.term) || !isContentTerm(y.term)) continue;
      if (NOT_REASONS.has(x.term) || NOT_REASONS.has(y.term)) continue;
      out.add(`${x.term} ${y.term}`);
    }
  }
  return out;
}
