/**
 * Trains the entity recognizer from scratch and writes its model file
 * (src/corpus/entities/model/ner-model.bin.gz). Deterministic: the same inputs give the same
 * bytes.
 *
 * 1. Lexicon: word clusters and case priors from unlabeled news (BBC folder + CoNLL train
 *    words), gazetteers from data packages.
 * 2. Pass one: an averaged perceptron on CoNLL-2003 train (eng.train) with local features.
 * 3. Pass two: the same learner with the document's pass-one labels as features. Its training
 *    labels come from k-fold jackknifing, so pass two learns from labels as wrong as they will
 *    be on new text, not from the ones pass one memorised.
 * Dev (eng.testa) is only scored, per epoch, to choose the settings below; it never trains.
 *
 * Usage: npm run train:entities [-- --lexicon-cache /tmp/lexicon.json] [--no-write | --out f]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createLexicon, type LexiconData } from '../src/corpus/entities/model/lexicon';
import { encodeModel, type PassWeights } from '../src/corpus/entities/model/model-file';
import { ROOT } from './lib/corpora';
import { buildLexicon, unlabeledSentences } from './lib/ner/build-lexicon';
import { readConll } from './lib/ner/conll';
import { selfTrainingDocs } from './lib/ner/self-train';
import { CONLL_TRAIN, CONLL_DEV, MODEL_FILE, MODEL_VERSION_FILE } from './lib/ner/paths';
import { hashBytes } from '../src/corpus/entities/model/hash';
import { devReport, passOne, passTwo, tagShared, tagWith } from './lib/ner/passes';
import { trainEnsemble, trainPerceptron, type TrainedWeights } from './lib/ner/perceptron';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SETTINGS = {
  fineK: opt('fine-k', 256),
  coarseK: opt('coarse-k', 32),
  clusterIterations: opt('cluster-iterations', 8),
  minFreq: 3,
  epochs1: opt('epochs1', 6),
  epochs2: opt('epochs2', 3),
  ensemble: opt('ensemble', 4),
  prune: opt('prune', 1e-3),
  folds: opt('folds', 5),
  minCount: opt('min-count', 1),
  seed: opt('seed', 20261130),
  dropout: opt('dropout', 0),
};

const t0 = performance.now();
const elapsed = (): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const log = (msg: string): void => console.log(`[${elapsed().padStart(7)}] ${msg}`);

const train = readConll(CONLL_TRAIN);
if (opt('self-train', 0) > 0) {
  train.push(...selfTrainingDocs(opt('self-train', 0), 7));
  console.log(`self-training: ${opt('self-train', 0)} BBC stories tagged by the committed model`);
}
const dev = readConll(CONLL_DEV);
log(`CoNLL-2003: ${train.length} train documents, ${dev.length} dev documents`);

const lexiconData = loadOrBuildLexicon();
const lexicon = createLexicon(lexiconData);
log(`lexicon: ${lexiconData.words.length} words, ${lexiconData.phrases.length} gazetteer phrases`);

const train1 = passOne(
  train,
  lexicon,
  SETTINGS.dropout > 0 ? { p: SETTINGS.dropout, seed: SETTINGS.seed + 31 } : undefined,
);
const dev1 = passOne(dev, lexicon);
log('pass one: features extracted');
const first = trainPerceptron(train1.flat(), {
  epochs: SETTINGS.epochs1,
  seed: SETTINGS.seed,
  minCount: SETTINGS.minCount,
});
const devLabels = tagWith(first, dev1);
log(`pass one: trained, dev ${devReport(dev1, devLabels)}`);

// Jackknife: pass-one labels for each training document from a model that never saw it.
const trainLabels: Uint8Array[][] = new Array<Uint8Array[]>(train.length);
for (let f = 0; f < SETTINGS.folds; f++) {
  const inFold = (i: number): boolean => i % SETTINGS.folds === f;
  const w = trainPerceptron(train1.filter((_, i) => !inFold(i)).flat(), {
    epochs: SETTINGS.epochs1,
    seed: SETTINGS.seed + f + 1,
    minCount: SETTINGS.minCount,
  });
  const held = train1.map((_, i) => i).filter(inFold);
  tagWith(
    w,
    held.map((i) => train1[i]!),
  ).forEach((labels, j) => (trainLabels[held[j]!] = labels));
  log(`pass one: jackknife fold ${f + 1}/${SETTINGS.folds}`);
}

const train2 = passTwo(train, train1, trainLabels);
// One weight set trained on every sentence twice, without and with the prediction features,
// so that the reader runs pass two by adding a few features' scores to pass one's.
const model = trainEnsemble(
  [...train1.flat(), ...train2.flat()],
  { epochs: SETTINGS.epochs2, seed: SETTINGS.seed + 100, minCount: SETTINGS.minCount },
  SETTINGS.ensemble,
);
log(
  `shared: ${SETTINGS.ensemble} runs averaged, dev ${devReport(dev1, tagShared(model, dev, dev1))}`,
);
const passes = [prune(model)];

const header = {
  name: 'dispatch-ner',
  trainedOn: 'CoNLL-2003 eng.train (raw words and NER tags only)',
  lexicon:
    'clusters and case priors from the BBC folder + CoNLL train words; gazetteers from data packages',
  settings: SETTINGS,
  shared: true,
  features: passes.map((p) => p.hashes.length),
};
const bytes = gzipSync(encodeModel({ header, lexicon: lexiconData, passes }), { level: 9 });
log(
  `model: ${passes.map((p) => p.hashes.length).join(' + ')} feature rows, ${(bytes.length / 1024).toFixed(0)} KB gzip`,
);
const outIndex = args.indexOf('--out');
if (outIndex >= 0) {
  // An experiment's model, beside the committed one: `eval:entities -- --model <file>`.
  writeFileSync(args[outIndex + 1]!, bytes);
  log(`wrote ${args[outIndex + 1]}`);
} else if (!args.includes('--no-write')) {
  writeFileSync(MODEL_FILE, bytes);
  // The version names the model in every cache key of its analyses: a new model, new keys.
  writeFileSync(
    MODEL_VERSION_FILE,
    [
      '// Written by `npm run train:entities` with the model file: do not edit.',
      '/** Hash of ner-model.bin.gz: part of every cache key of the analyses it made. */',
      `export const MODEL_VERSION = '${hashBytes(bytes)}';`,
      '',
    ].join('\n'),
  );
  log(`wrote ${path.relative(ROOT, MODEL_FILE)}, version ${hashBytes(bytes)}`);
}

/** Rows sorted by hash, and rows whose weights are all ~0 dropped (they change no score). */
function prune(w: TrainedWeights): PassWeights {
  const L = w.weights.length / w.hashes.length;
  const keep: number[] = [];
  for (let r = 0; r < w.hashes.length; r++) {
    let max = 0;
    for (let l = 0; l < L; l++) max = Math.max(max, Math.abs(w.weights[r * L + l]!));
    if (max > SETTINGS.prune) keep.push(r);
  }
  keep.sort((a, b) => w.hashes[a]! - w.hashes[b]!);
  const weights = new Float32Array(keep.length * L);
  keep.forEach((r, i) => weights.set(w.weights.subarray(r * L, r * L + L), i * L));
  return { hashes: Int32Array.from(keep.map((r) => w.hashes[r]!)), weights, trans: w.trans };
}

function loadOrBuildLexicon(): LexiconData {
  const i = args.indexOf('--lexicon-cache');
  const cache = i >= 0 ? args[i + 1] : undefined;
  if (cache && existsSync(cache)) {
    const raw = JSON.parse(readFileSync(cache, 'utf8')) as Record<string, unknown>;
    log(`lexicon: read from ${cache}`);
    return {
      words: raw.words as string[],
      phrases: raw.phrases as string[],
      fine: Uint16Array.from(raw.fine as number[]),
      coarse: Uint8Array.from(raw.coarse as number[]),
      caseBucket: Uint8Array.from(raw.caseBucket as number[]),
      masks: Uint8Array.from(raw.masks as number[]),
    };
  }
  const sentences = unlabeledSentences(train);
  log(`unlabeled text: ${sentences.length} sentences`);
  const data = buildLexicon(sentences, {
    fineK: SETTINGS.fineK,
    coarseK: SETTINGS.coarseK,
    iterations: SETTINGS.clusterIterations,
    minFreq: SETTINGS.minFreq,
  });
  if (cache) {
    const plain = { ...data, fine: [...data.fine], coarse: [...data.coarse] };
    writeFileSync(
      cache,
      JSON.stringify({ ...plain, caseBucket: [...data.caseBucket], masks: [...data.masks] }),
    );
  }
  return data;
}
