import { hashRange, hashString, mix } from './hash';
import { gazetteerTags } from './gazetteer-tags';
import { hasLower, isUpperStart, startsWithLetter } from './text-case';
import { isSentenceInitial, shapeOf, type DocContext, type DocTokens } from './doc-context';
import { NO_CLUSTER, type NerLexicon } from './lexicon';

/**
 * Feature extraction for the entity tagger, shared by training (Node) and the reader (worker):
 * one function, so the model sees the same features at both ends.
 *
 * A token's features are 32-bit hashes of (template, value). Templates:
 * - the word, its lower-case form, its shape ("Xx", "X.X.", "dd-dd") and the sentence position;
 * - prefixes and suffixes of 1–4 letters;
 * - the words and shapes around it (±2), and word bigrams;
 * - word clusters of it and its neighbours (learnt from unlabeled news, see the model card);
 * - gazetteer matches covering it (countries, cities, given names, surnames, companies);
 * - how the word is written elsewhere in the document (capitalized mid-sentence, lower-case);
 * - how often the word is capitalized in the unlabeled news (a prior against "Chapter").
 * Document-level prediction features (pass two) are added by the tagger, not here.
 */

const T = {
  bias: 1,
  word: 2,
  low: 3,
  shape: 4,
  pre: 5, // +k for k = 1..4
  suf: 10, // +k
  lowM1: 15,
  lowM2: 16,
  lowP1: 17,
  lowP2: 18,
  shapeM1: 19,
  shapeP1: 20,
  bigramM: 21,
  bigramP: 22,
  shape3: 23,
  cluster: 24,
  coarse: 25,
  clusterM1: 26,
  clusterP1: 27,
  gaz: 28,
  gazM1: 29,
  gazP1: 30,
  initShape: 31,
  docCase: 32,
  corpusCase: 33,
  capsShape: 34,
  coarseM1: 35,
  coarseP1: 36,
  lowM1Shape: 37,
  lowP1Shape: 38,
  // 39–42: pass-two prediction features (doc-predictions.ts).
  runLast: 43,
  runFirst: 44,
  runLen: 45,
  trigram: 46,
} as const;

// Lower-case words that may sit inside a capitalized name: "Bank of England", "Bosnia and
// Herzegovina", "Ludwig van Beethoven".
const CONNECTORS = new Set([
  'of',
  'and',
  'for',
  'the',
  'de',
  'du',
  'des',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'di',
  'da',
  'del',
  'al',
  'el',
  'bin',
  '&',
  "'s",
]);

const BOS = hashString('<s>');
const EOS = hashString('</s>');

/** A sentence's features: token i's are `feats[offsets[i] .. offsets[i + 1])`. */
export interface Encoded {
  feats: Int32Array;
  offsets: Int32Array;
}

/** What the features need of a word form, computed once per form (the reader caches it). */
export interface WordInfo {
  low: number;
  shape: number;
  cluster: number;
  coarse: number;
  caseBucket: number;
  /**
   * Training only: the word's identity is hidden, as if the model had never seen it (word
   * dropout), so that it learns to read a name from its shape, affixes, clusters and context.
   */
  hidden?: boolean;
}

export function wordInfo(w: string, lex: NerLexicon | null): WordInfo {
  const low = w.toLowerCase();
  const packed = lex ? lex.wordInfo(low) : NO_CLUSTER;
  const fine = packed & 0xffff;
  return {
    low: hashString(low),
    shape: hashString(shapeOf(w)),
    cluster: fine === NO_CLUSTER ? -1 : fine,
    coarse: fine === NO_CLUSTER ? -1 : (packed >>> 16) & 0xff,
    caseBucket: (packed >>> 24) & 0xf,
  };
}

const BOUNDARY_BEFORE: WordInfo = { low: BOS, shape: BOS, cluster: -1, coarse: -1, caseBucket: 0 };
const BOUNDARY_AFTER: WordInfo = { low: EOS, shape: EOS, cluster: -1, coarse: -1, caseBucket: 0 };

/** Where a neighbour stands from the token its features describe. */
export const NEIGHBOURS = [-1, -2, 1, 2] as const;

/**
 * The features a token gets from one neighbour alone (its word, shape and clusters at that
 * distance). They depend on the neighbour's form only, so the reader scores them once per form
 * and position; `n` null is the sentence boundary.
 */
export function neighbourFeatures(rel: number, n: WordInfo | null, out: number[]): void {
  const x = n ?? (rel < 0 ? BOUNDARY_BEFORE : BOUNDARY_AFTER);
  const known = !x.hidden;
  if (rel === -1) {
    if (known) out.push(mix(T.lowM1, x.low));
    out.push(mix(T.shapeM1, x.shape));
    if (x.cluster >= 0) out.push(mix(T.clusterM1, x.cluster), mix(T.coarseM1, x.coarse));
  } else if (rel === 1) {
    if (known) out.push(mix(T.lowP1, x.low));
    out.push(mix(T.shapeP1, x.shape));
    if (x.cluster >= 0) out.push(mix(T.clusterP1, x.cluster), mix(T.coarseP1, x.coarse));
  } else if (known) out.push(mix(rel === -2 ? T.lowM2 : T.lowP2, x.low));
}

/**
 * Features of every token of one sentence: `feats[offsets[i] .. offsets[i+1])` are token i's.
 * `s` is the sentence's index in `doc`. With `all` false, the features that depend on one word
 * form alone (`wordFeatures`, `neighbourFeatures`) are left out: the reader adds their cached
 * scores instead. `infos` may give each token's `wordInfo` from a cache.
 */
export function sentenceFeatures(
  doc: DocTokens,
  s: number,
  ctx: DocContext,
  lex: NerLexicon | null,
  all = true,
  infos?: readonly WordInfo[],
): Encoded {
  const words = doc[s]!;
  const n = words.length;
  const caps = ctx.capsLine[s]!;
  const lows = words.map((w) => w.toLowerCase());
  const gazTags = lex ? gazetteerTags(lows, words, lex) : null;
  const info = infos ?? words.map((w) => wordInfo(w, lex));
  const runs = capitalizedRuns(words);
  const out: number[] = [];
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    const run = runs[i]!;
    if (run >= 0) {
      const a = run >>> 8;
      const b = a + (run & 0xff);
      if (!info[b]!.hidden) out.push(mix(T.runLast, mix(info[b]!.low, i === b ? 1 : 0)));
      if (!info[a]!.hidden) out.push(mix(T.runFirst, mix(info[a]!.low, i === a ? 1 : 0)));
      out.push(mix(T.runLen, Math.min(b - a + 1, 5) * 8 + Math.min(i - a, 4)));
    }
    const w = words[i]!;
    const low = lows[i]!;
    const t = info[i]!;
    const m1 = info[i - 1];
    const p1 = info[i + 1];
    const initial = isSentenceInitial(words, i);
    if (all) {
      wordFeatures(w, low, lex, out, t.hidden);
      for (const rel of NEIGHBOURS) neighbourFeatures(rel, info[i + rel] ?? null, out);
    }
    if (!t.hidden && !m1?.hidden) out.push(mix(T.bigramM, mix(m1 ? m1.low : BOS, t.low)));
    if (!t.hidden && !p1?.hidden) out.push(mix(T.bigramP, mix(t.low, p1 ? p1.low : EOS)));
    out.push(
      mix(T.shape3, mix(mix(m1 ? m1.shape : BOS, t.shape), p1 ? p1.shape : EOS)),
      mix(T.initShape, mix(initial ? 1 : 0, t.shape)),
      mix(T.capsShape, mix(caps ? 1 : 0, t.shape)),
    );
    if (!m1?.hidden) out.push(mix(T.lowM1Shape, mix(m1 ? m1.low : BOS, t.shape)));
    if (!p1?.hidden) out.push(mix(T.lowP1Shape, mix(p1 ? p1.low : EOS, t.shape)));
    if (gazTags) {
      for (const g of gazTags[i]!) out.push(mix(T.gaz, g));
      if (i > 0) for (const g of gazTags[i - 1]!) out.push(mix(T.gazM1, g));
      if (i + 1 < n) for (const g of gazTags[i + 1]!) out.push(mix(T.gazP1, g));
    }
    if (startsWithLetter(w)) {
      const own = !isUpperStart(w) ? 0 : hasLower(w) ? 1 : 2;
      const docBits = ctx.caseOf.get(low) ?? 0;
      out.push(mix(T.docCase, (docBits << 4) | (own << 2) | (initial ? 2 : 0) | (caps ? 1 : 0)));
      if (lex) out.push(mix(T.corpusCase, (t.caseBucket << 4) | (own << 1) | (initial ? 1 : 0)));
    }
  }
  offsets[n] = out.length;
  return { feats: Int32Array.from(out), offsets };
}

/**
 * The features of a token that depend on its text alone: the word, its lower-case form and
 * shape, affixes, letter trigrams and clusters. The reader caches their scores per word (see
 * tagger.ts); training adds them to every token.
 */
export function wordFeatures(
  w: string,
  low: string,
  lex: NerLexicon | null,
  out: number[],
  hidden = false,
): void {
  const packed = lex ? lex.wordInfo(low) : NO_CLUSTER;
  const fine = packed & 0xffff;
  out.push(mix(T.bias, 0));
  if (!hidden) out.push(mix(T.word, hashString(w)), mix(T.low, hashString(low)));
  out.push(mix(T.shape, hashString(shapeOf(w))));
  const len = low.length;
  for (let k = 1; k <= 4 && k <= len; k++) {
    out.push(mix(T.pre + k, hashRange(low, 0, k)));
    out.push(mix(T.suf + k, hashRange(low, len - k, len)));
  }
  // Letter trigrams of capitalized words: how a name is spelt says where it comes from
  // ("Takaichi", "Kowalczyk", "Nguyen"), which carries to names no list holds.
  if (len > 4 && isUpperStart(w)) {
    for (let k = 0; k + 3 <= len; k++) out.push(mix(T.trigram, hashRange(low, k, k + 3)));
  }
  if (fine !== NO_CLUSTER) out.push(mix(T.cluster, fine), mix(T.coarse, (packed >>> 16) & 0xff));
}

/**
 * For each token, the capitalized run it is in (`first << 8 | length − 1`), or −1: maximal runs of
 * capitalized words, joined across connectors ("Bank of England"). Lets "Hubei" see the
 * "Province" and "Korean" the "Agency" that end its name, however far.
 */
function capitalizedRuns(words: readonly string[]): Int32Array {
  const n = words.length;
  const out = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!isUpperStart(words[i]!) || !startsWithLetter(words[i]!)) continue;
    let j = i;
    for (;;) {
      if (j + 1 < n && isUpperStart(words[j + 1]!) && startsWithLetter(words[j + 1]!)) j++;
      else if (
        j + 2 < n &&
        CONNECTORS.has(words[j + 1]!.toLowerCase()) &&
        isUpperStart(words[j + 2]!) &&
        startsWithLetter(words[j + 2]!)
      )
        j += 2;
      else break;
    }
    const len = Math.min(j - i, 255);
    for (let k = i; k <= j; k++) out[k] = (i << 8) | len;
    i = j;
  }
  return out;
}
