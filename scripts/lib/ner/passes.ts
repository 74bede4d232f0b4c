/**
 * Training instances for the two passes, and dev scoring, over CoNLL documents.
 */
import {
  docPredictions,
  predictionExtras,
  withPredictions,
} from '../../../src/corpus/entities/model/doc-predictions';
import { docContext } from '../../../src/corpus/entities/model/doc-context';
import { sentenceFeatures, wordInfo } from '../../../src/corpus/entities/model/features';
import type { NerLexicon } from '../../../src/corpus/entities/model/lexicon';
import {
  LABELS,
  createLinearModel,
  emissions,
  viterbi,
} from '../../../src/corpus/entities/model/linear-model';
import { normalizeDoc } from '../../../src/corpus/entities/model/normalize-token';
import { rng } from '../corpora';
import type { ConllDoc } from './conll';
import { emptyScore, prf, scoreSentence, type SpanScore } from './conlleval';
import type { Instance, TrainedWeights } from './perceptron';

const goldOf = (tags: readonly string[]): Uint8Array =>
  Uint8Array.from(tags.map((t) => LABELS.indexOf(t as (typeof LABELS)[number])));

/**
 * Pass-one instances, per document. With `dropout`, each word of a gold name has its identity
 * hidden with that probability (seeded), so that the model learns to read names it has never
 * seen from their shape, affixes, clusters, gazetteers and context, as it must on new text.
 */
export function passOne(
  docs: readonly ConllDoc[],
  lex: NerLexicon,
  dropout?: { p: number; seed: number },
): Instance[][] {
  const rand = dropout ? rng(dropout.seed) : null;
  return docs.map((d) => {
    const words = normalizeDoc(d.sentences.map((s) => s.words));
    const ctx = docContext(words);
    return d.sentences.map((s, i) => {
      const infos = rand
        ? words[i]!.map((w, k) => ({
            ...wordInfo(w, lex),
            hidden: s.tags[k] !== 'O' && rand() < dropout!.p,
          }))
        : undefined;
      return { ...sentenceFeatures(words, i, ctx, lex, true, infos), gold: goldOf(s.tags) };
    });
  });
}

/** Pass-two instances, per document: pass one's features plus what its labels say. */
export function passTwo(
  docs: readonly ConllDoc[],
  first: readonly Instance[][],
  labels: readonly Uint8Array[][],
): Instance[][] {
  return docs.map((d, k) => {
    const words = normalizeDoc(d.sentences.map((s) => s.words));
    const pred = docPredictions(words, labels[k]!);
    return first[k]!.map((x, i) => ({
      ...withPredictions(words[i]!, x, pred, labels[k]![i]!),
      gold: x.gold,
    }));
  });
}

/** Labels for every sentence of every document under trained weights. */
export function tagWith(w: TrainedWeights, docs: readonly Instance[][]): Uint8Array[][] {
  const m = createLinearModel(w.hashes, w.weights, w.trans);
  return docs.map((d) =>
    d.map((x) => viterbi(emissions(m, x.feats, x.offsets, x.gold.length), x.gold.length, m.trans)),
  );
}

/** Span-level scores of predicted labels, for the given types. */
export function spanScore(
  docs: readonly Instance[][],
  labels: readonly Uint8Array[][],
  types: readonly string[],
): SpanScore {
  const acc = emptyScore(types);
  docs.forEach((d, k) =>
    d.forEach((x, i) => {
      const gold = [...x.gold].map((y) => LABELS[y]!);
      const pred = [...labels[k]![i]!].map((y) => LABELS[y]!);
      scoreSentence(gold, pred, types, acc);
    }),
  );
  return acc;
}

/** "F1 0.9441 (PER/LOC/ORG), 0.9357 (with MISC)". */
export function devReport(docs: readonly Instance[][], labels: readonly Uint8Array[][]): string {
  const three = prf(spanScore(docs, labels, ['PER', 'LOC', 'ORG']).all).f1;
  const four = prf(spanScore(docs, labels, ['PER', 'LOC', 'ORG', 'MISC']).all).f1;
  return `span F1 ${three.toFixed(4)} (PER/LOC/ORG), ${four.toFixed(4)} (with MISC)`;
}

/**
 * Two-pass labels under one shared weight set, as the reader's tagger runs it: pass one from
 * local features, pass two from the same scores plus the prediction features.
 */
export function tagShared(
  w: TrainedWeights,
  docs: readonly ConllDoc[],
  first: readonly Instance[][],
): Uint8Array[][] {
  const m = createLinearModel(w.hashes, w.weights, w.trans);
  return docs.map((d, k) => {
    const words = normalizeDoc(d.sentences.map((s) => s.words));
    const scores = first[k]!.map((x) => emissions(m, x.feats, x.offsets, x.gold.length));
    const labels = scores.map((em, i) => viterbi(em, first[k]![i]!.gold.length, m.trans));
    const pred = docPredictions(words, labels);
    return scores.map((em, i) => {
      const extra = predictionExtras(words[i]!, pred, labels[i]!);
      const more = emissions(m, extra.feats, extra.offsets, extra.offsets.length - 1);
      for (let j = 0; j < em.length; j++) more[j]! += em[j]!;
      return viterbi(more, words[i]!.length, m.trans);
    });
  });
}
