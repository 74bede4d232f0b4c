/**
 * Builds the tagger's lexicon (see src/corpus/entities/model/lexicon.ts) from unlabeled news —
 * the BBC folder and the words of CoNLL-2003 train, never the dev split or any test text — and
 * the gazetteers of general data packages.
 */
import { isCapsSentence, isSentenceInitial } from '../../../src/corpus/entities/model/doc-context';
import type { LexiconData } from '../../../src/corpus/entities/model/lexicon';
import { normalizeToken } from '../../../src/corpus/entities/model/normalize-token';
import { splitSentences } from '../../../src/corpus/entities/model/sentences';
import { wordTokens } from '../../../src/corpus/entities/word-tokens';
import { BBC_DIR, loadFolder } from '../corpora';
import { exchangeClusters } from './clusters';
import type { ConllDoc } from './conll';
import { buildGazetteers } from './gazetteers';

export interface LexiconOptions {
  fineK: number;
  coarseK: number;
  iterations: number;
  minFreq: number;
}

/** Sentences of raw tokens from the BBC folder and the CoNLL training split. */
export function unlabeledSentences(train: readonly ConllDoc[]): string[][] {
  const out: string[][] = [];
  for (const story of loadFolder(BBC_DIR).stories) {
    for (const text of [story.title, ...story.paragraphs])
      for (const s of splitSentences(wordTokens(text)))
        out.push(s.map((t) => normalizeToken(t.text)));
  }
  for (const d of train) for (const s of d.sentences) out.push(s.words.map(normalizeToken));
  return out;
}

// Bucket edges of the share of mid-sentence occurrences written with a capital.
const CASE_EDGES = [0.02, 0.2, 0.5, 0.8, 0.98];

export function buildLexicon(sentences: readonly string[][], opt: LexiconOptions): LexiconData {
  const freq = new Map<string, number>();
  const cap = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const s of sentences) {
    const caps = isCapsSentence(s);
    s.forEach((w, i) => {
      const low = w.toLowerCase();
      freq.set(low, (freq.get(low) ?? 0) + 1);
      if (caps || !/\p{L}/u.test(w[0] ?? '') || isSentenceInitial(s, i)) return;
      const m = w[0] === w[0]!.toLowerCase() ? lower : cap;
      m.set(low, (m.get(low) ?? 0) + 1);
    });
  }
  const vocab = [...freq]
    .filter(([, c]) => c >= opt.minFreq)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  const id = new Map(vocab.map((w, i) => [w, i]));
  const n = vocab.length;
  const BOUNDARY = n;
  const RARE = n + 1;
  const pairs = new Map<number, number>();
  const items = n + 2;
  for (const s of sentences) {
    let prev = BOUNDARY;
    for (const w of [...s, null]) {
      const cur = w === null ? BOUNDARY : (id.get(w.toLowerCase()) ?? RARE);
      const key = prev * items + cur;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
      prev = cur;
    }
  }
  const left = new Int32Array(pairs.size);
  const right = new Int32Array(pairs.size);
  const count = new Float64Array(pairs.size);
  let e = 0;
  for (const [key, c] of pairs) {
    left[e] = Math.floor(key / items);
    right[e] = key % items;
    count[e++] = c;
  }
  const fine = exchangeClusters({ n, fixed: 2, left, right, count }, opt.fineK, opt.iterations);
  // Coarse classes: the same algorithm over the fine classes' bigrams.
  const classPairs = new Map<number, number>();
  const kItems = opt.fineK + 2;
  const clsOf = (i: number): number => (i < n ? fine[i]! : opt.fineK + (i - n));
  for (let k = 0; k < left.length; k++) {
    const key = clsOf(left[k]!) * kItems + clsOf(right[k]!);
    classPairs.set(key, (classPairs.get(key) ?? 0) + count[k]!);
  }
  const cl = new Int32Array(classPairs.size);
  const cr = new Int32Array(classPairs.size);
  const cc = new Float64Array(classPairs.size);
  e = 0;
  for (const [key, c] of classPairs) {
    cl[e] = Math.floor(key / kItems);
    cr[e] = key % kItems;
    cc[e++] = c;
  }
  // Fine classes are numbered in first-seen frequency order already; the exchange wants the
  // movable items most frequent first, which the class numbering approximates well enough.
  const coarseOfFine = exchangeClusters(
    { n: opt.fineK, fixed: 2, left: cl, right: cr, count: cc },
    opt.coarseK,
    opt.iterations,
  );

  // Words with a cluster, and words with enough case evidence, in one table.
  const words = new Set(vocab);
  for (const w of new Set([...cap.keys(), ...lower.keys()]))
    if ((cap.get(w) ?? 0) + (lower.get(w) ?? 0) >= 2) words.add(w);
  const list = [...words].sort();
  const fineArr = new Uint16Array(list.length);
  const coarseArr = new Uint8Array(list.length);
  const caseArr = new Uint8Array(list.length);
  list.forEach((w, i) => {
    const k = id.get(w);
    fineArr[i] = k === undefined ? 0xffff : fine[k]!;
    coarseArr[i] = k === undefined ? 0 : coarseOfFine[fine[k]!]!;
    const c = cap.get(w) ?? 0;
    const l = lower.get(w) ?? 0;
    if (c + l >= 2) {
      const r = c / (c + l);
      let b = 0;
      while (b < CASE_EDGES.length && r >= CASE_EDGES[b]!) b++;
      caseArr[i] = b + 1;
    }
  });
  const gaz = buildGazetteers();
  const phrases = [...gaz.keys()].sort();
  return {
    words: list,
    fine: fineArr,
    coarse: coarseArr,
    caseBucket: caseArr,
    phrases,
    masks: Uint8Array.from(phrases.map((p) => gaz.get(p)!)),
  };
}
