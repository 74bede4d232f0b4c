/**
 * The two-pass tagger. Pass one labels every sentence from local and document-case features;
 * pass two sees, for each capitalized word, what pass one said about the document's other
 * occurrences of it, which carries "Tony Blair" to a later lone "Blair" and a team's name from
 * the sentence that makes it clear to the ones that don't (Krishnan & Manning 2006; Ratinov &
 * Roth 2009 call it prediction aggregation).
 */
import { docPredictions, predictionExtras } from './doc-predictions';
import { docContext, type DocContext, type DocTokens } from './doc-context';
import {
  NEIGHBOURS,
  neighbourFeatures,
  sentenceFeatures,
  wordFeatures,
  wordInfo,
  type WordInfo,
} from './features';
import { createLexicon, type NerLexicon } from './lexicon';
import { L, quantizedModel, emissions, viterbi, type LinearModel } from './linear-model';
import type { StoredModel } from './model-file';
import { normalizeDoc } from './normalize-token';

export interface Tagger {
  lexicon: NerLexicon;
  /** One weight set for both passes (trained on sentences with and without pass-two features). */
  model: LinearModel;
  /** Identifies the model: part of every cache key of its analyses. */
  version: string;
  /** Word form → its cached facts and scores (see `formEntry`); for the shared model only. */
  forms: Map<string, FormEntry>;
  boundary: Float32Array | null;
}

export function createTagger(data: StoredModel, version: string): Tagger {
  const pass = data.passes[0];
  if (!pass || data.header.shared !== true) throw new Error('Not a shared two-pass entity model');
  return {
    lexicon: createLexicon(data.lexicon),
    model: quantizedModel(pass.hashes, pass.q, pass.scales, pass.trans),
    forms: new Map(),
    boundary: null,
    version,
  };
}

/** A document's labels, and the label scores they were decoded from (`scores[s][i * L + l]`). */
export interface Tagged {
  labels: Uint8Array[];
  scores: Float32Array[];
}

/** Label indices (see LABELS) for every token of every sentence of one document. */
export function tagDocument(tagger: Tagger, raw: DocTokens): Tagged {
  const doc = normalizeDoc(raw);
  const ctx = docContext(doc);
  const m = tagger.model;
  const scores = doc.map((_, s) => scoreSentence(tagger, m, doc, s, ctx));
  const first = scores.map((em) => viterbi(em, em.length / L, m.trans));
  // Pass two: the same scores plus the prediction features of what pass one said.
  const pred = docPredictions(doc, first);
  const final = scores.map((em, s) => {
    const extra = predictionExtras(doc[s]!, pred, first[s]!);
    const more = emissions(m, extra.feats, extra.offsets, extra.offsets.length - 1);
    for (let k = 0; k < em.length; k++) more[k]! += em[k]!;
    return more;
  });
  return { labels: final.map((em) => viterbi(em, em.length / L, m.trans)), scores: final };
}

/** A word form's cached facts: its `wordInfo`, and the label scores of its own features and of
 * the features it gives the tokens around it (rows: own, as −1, −2, +1, +2 neighbour). */
interface FormEntry {
  info: WordInfo;
  scores: Float32Array;
}

function formEntry(tagger: Tagger, m: LinearModel, w: string): FormEntry {
  let e = tagger.forms.get(w);
  if (e) return e;
  const info = wordInfo(w, tagger.lexicon);
  const feats: number[] = [];
  const offsets = [0];
  wordFeatures(w, w.toLowerCase(), tagger.lexicon, feats);
  offsets.push(feats.length);
  for (const rel of NEIGHBOURS) {
    // Scored as the neighbour at −rel of the token it describes: "the" as the word before.
    neighbourFeatures(rel, info, feats);
    offsets.push(feats.length);
  }
  const scores = emissions(m, Int32Array.from(feats), Int32Array.from(offsets), 5);
  e = { info, scores };
  if (tagger.forms.size >= FORM_CACHE_MAX) tagger.forms.clear();
  tagger.forms.set(w, e);
  return e;
}

/** The sentence boundary's scores as a neighbour (rows as in FormEntry; row 0 unused). */
function boundaryScores(m: LinearModel): Float32Array {
  const feats: number[] = [];
  const offsets = [0, 0];
  for (const rel of NEIGHBOURS) {
    neighbourFeatures(rel, null, feats);
    offsets.push(feats.length);
  }
  return emissions(m, Int32Array.from(feats), Int32Array.from(offsets), 5);
}

/**
 * A sentence's label scores with the per-form scores cached: "the", "said" and "Putin" are
 * scored once (their affixes, trigrams, clusters, and what they say as neighbours), and only
 * the features that combine several tokens are looked up at every occurrence.
 */
function scoreSentence(
  tagger: Tagger,
  m: LinearModel,
  doc: DocTokens,
  s: number,
  ctx: DocContext,
): Float32Array {
  const words = doc[s]!;
  const n = words.length;
  const entries = words.map((w) => formEntry(tagger, m, w));
  const f = sentenceFeatures(
    doc,
    s,
    ctx,
    tagger.lexicon,
    false,
    entries.map((e) => e.info),
  );
  const em = emissions(m, f.feats, f.offsets, n);
  tagger.boundary ??= boundaryScores(m);
  const edge = tagger.boundary;
  for (let i = 0; i < n; i++) {
    const o = i * L;
    const own = entries[i]!.scores;
    for (let l = 0; l < L; l++) em[o + l]! += own[l]!;
    for (let k = 0; k < NEIGHBOURS.length; k++) {
      const j = i + NEIGHBOURS[k]!;
      const src = j >= 0 && j < n ? entries[j]!.scores : edge;
      const row = (k + 1) * L;
      for (let l = 0; l < L; l++) em[o + l]! += src[row + l]!;
    }
  }
  return em;
}

/** Word forms whose scores are kept (a few MB at most); the cache starts over past it. */
const FORM_CACHE_MAX = 100_000;
