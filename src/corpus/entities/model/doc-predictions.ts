/**
 * Pass two's features: what pass one said about the document's other occurrences of a word.
 */
import type { DocTokens } from './doc-context';
import type { Encoded } from './features';
import { mix } from './hash';
import { isUpperStart, startsWithLetter } from './text-case';
const T = { predType: 39, predMajority: 40, predLastOf: 41, predFirstOf: 42 } as const;

/**
 * What a first pass of the tagger said about each capitalized word of the document: how often
 * each label type was given to it, and whether it ended or opened a longer name. The second
 * pass reads these for the other occurrences of a word ("Blair" alone, after "Tony Blair").
 */
export interface DocPredictions {
  /** Lower-case word → counts [PER, LOC, ORG, MISC, O] over its capitalized occurrences. */
  types: Map<string, Int32Array>;
  /** Lower-case word → bits of types (1 << type) of multi-word spans it ended. */
  lastOf: Map<string, number>;
  /** Lower-case word → bits of types of multi-word spans it opened. */
  firstOf: Map<string, number>;
}

/** Type index of each label: 0 PER, 1 LOC, 2 ORG, 3 MISC, 4 O (labels as in linear-model). */
const LABEL_TYPE = [4, 0, 0, 1, 1, 2, 2, 3, 3];

/** Collects a first pass's labels (label indices per sentence) over the whole document. */
export function docPredictions(doc: DocTokens, labels: readonly Uint8Array[]): DocPredictions {
  const types = new Map<string, Int32Array>();
  const lastOf = new Map<string, number>();
  const firstOf = new Map<string, number>();
  doc.forEach((words, s) => {
    const lab = labels[s]!;
    words.forEach((w, i) => {
      if (!isUpperStart(w) || !startsWithLetter(w)) return;
      const low = w.toLowerCase();
      let c = types.get(low);
      if (!c) types.set(low, (c = new Int32Array(5)));
      const type = LABEL_TYPE[lab[i]!]!;
      c[type]!++;
      if (type === 4) return;
      const opens = lab[i]! % 2 === 1;
      const closes =
        i + 1 >= words.length || LABEL_TYPE[lab[i + 1]!] !== type || lab[i + 1]! % 2 === 1;
      if (closes && !opens) lastOf.set(low, (lastOf.get(low) ?? 0) | (1 << type));
      if (opens && !closes) firstOf.set(low, (firstOf.get(low) ?? 0) | (1 << type));
    });
  });
  return { types, lastOf, firstOf };
}

/** The prediction features of each capitalized word of a sentence, alone. */
export function predictionExtras(
  words: readonly string[],
  p: DocPredictions,
  own: Uint8Array,
): Encoded {
  const n = words.length;
  const out: number[] = [];
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    const w = words[i]!;
    if (isUpperStart(w) && startsWithLetter(w))
      predictionFeatures(p, w.toLowerCase(), LABEL_TYPE[own[i]!]!, out);
  }
  offsets[n] = out.length;
  return { feats: Int32Array.from(out), offsets };
}

/** Token by token, the features of `a` then those of `b`. */
export function concatEncoded(a: Encoded, b: Encoded): Encoded {
  const n = a.offsets.length - 1;
  const feats = new Int32Array(a.feats.length + b.feats.length);
  const offsets = new Int32Array(n + 1);
  let o = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = o;
    feats.set(a.feats.subarray(a.offsets[i]!, a.offsets[i + 1]!), o);
    o += a.offsets[i + 1]! - a.offsets[i]!;
    feats.set(b.feats.subarray(b.offsets[i]!, b.offsets[i + 1]!), o);
    o += b.offsets[i + 1]! - b.offsets[i]!;
  }
  offsets[n] = o;
  return { feats, offsets };
}

/** Pass one's features of a sentence extended with the prediction features. */
export function withPredictions(
  words: readonly string[],
  local: Encoded,
  p: DocPredictions,
  own: Uint8Array,
): Encoded {
  return concatEncoded(local, predictionExtras(words, p, own));
}

/** Pass-two features: the labels the document's other occurrences of the word got. */
function predictionFeatures(p: DocPredictions, low: string, ownType: number, out: number[]): void {
  const counts = p.types.get(low);
  if (counts) {
    let best = -1;
    let bestCount = 0;
    for (let t = 0; t < 5; t++) {
      // This token's own first-pass label is not evidence about the others.
      const c = counts[t]! - (t === ownType ? 1 : 0);
      if (c <= 0) continue;
      out.push(mix(T.predType, t));
      if (c > bestCount) {
        bestCount = c;
        best = t;
      }
    }
    if (best >= 0) out.push(mix(T.predMajority, best));
  }
  const last = p.lastOf.get(low) ?? 0;
  const first = p.firstOf.get(low) ?? 0;
  for (let t = 0; t < 4; t++) {
    if (last & (1 << t)) out.push(mix(T.predLastOf, t));
    if (first & (1 << t)) out.push(mix(T.predFirstOf, t));
  }
}
