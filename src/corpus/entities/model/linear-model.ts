/**
 * A linear sequence model over BIO labels: a weight row per feature hash, label-to-label
 * transition weights, and Viterbi decoding restricted to valid BIO sequences (an `I-X` only
 * after `B-X` or `I-X`). The averaged perceptron that trains it lives in scripts/lib/ner.
 */
export const LABELS = [
  'O',
  'B-PER',
  'I-PER',
  'B-LOC',
  'I-LOC',
  'B-ORG',
  'I-ORG',
  'B-MISC',
  'I-MISC',
] as const;
export type Label = (typeof LABELS)[number];
export const L = LABELS.length;

/** label index → entity type index (0 PER, 1 LOC, 2 ORG, 3 MISC) or -1 for O. */
export const TYPE_OF = LABELS.map((l) =>
  l === 'O' ? -1 : ['PER', 'LOC', 'ORG', 'MISC'].indexOf(l.slice(2)),
);
export const IS_INSIDE = LABELS.map((l) => l.startsWith('I-'));

export interface LinearModel {
  /** Open-addressing table, interleaved: slot k holds a feature hash at 2k, its row at 2k + 1
   * (−1: empty slot). One cache line serves the probe and the row number. */
  table: Int32Array;
  mask: number;
  /** `q[row * L + label] * scale[row]` is a weight: int8 rows, 4× less memory to walk. */
  q: Int8Array;
  scale: Float32Array;
  /** `trans[prev * L + label]`; row `L` holds the start weights. */
  trans: Float32Array;
}

/** Stands for −∞ in transition scores: sequences BIO forbids. */
const FORBIDDEN = -1e30;

/** A row's scale, stored as one byte on a log scale: 2^((b − 160) / 8), steps of ~9%. */
const SCALES = Float32Array.from({ length: 256 }, (_, b) => 2 ** ((b - 160) / 8));
export const scaleOf = (b: number): number => SCALES[b]!;

/**
 * Weights as int8 with one log-scale byte per row (what the model file stores): the smallest
 * scale that still fits the row's largest weight in ±127.
 */
export function quantize(w: Float32Array): { q: Int8Array; scales: Uint8Array } {
  const rows = w.length / L;
  const q = new Int8Array(w.length);
  const scales = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let l = 0; l < L; l++) max = Math.max(max, Math.abs(w[r * L + l]!));
    const b = max > 0 ? Math.min(255, Math.max(0, Math.ceil(Math.log2(max / 127) * 8 + 160))) : 0;
    scales[r] = b;
    const s = scaleOf(b);
    for (let l = 0; l < L; l++)
      q[r * L + l] = Math.max(-127, Math.min(127, Math.round(w[r * L + l]! / s)));
  }
  return { q, scales };
}

/**
 * Builds the lookup table over feature hashes; `weights` rows follow the order of `hashes` and
 * are quantized as the model file stores them (so training's dev scores are the reader's).
 */
export function createLinearModel(
  hashes: Int32Array,
  weights: Float32Array,
  trans: Float32Array,
): LinearModel {
  const { q, scales } = quantize(weights);
  return quantizedModel(hashes, q, scales, trans);
}

/** The model from int8 rows and their log-scale bytes, as the model file stores them. */
export function quantizedModel(
  hashes: Int32Array,
  q: Int8Array,
  scales: Uint8Array,
  trans: Float32Array,
): LinearModel {
  let size = 1;
  while (size < hashes.length * 2) size <<= 1;
  const table = new Int32Array(size * 2);
  for (let k = 0; k < size; k++) table[2 * k + 1] = -1;
  const mask = size - 1;
  for (let r = 0; r < hashes.length; r++) {
    const h = hashes[r]!;
    let i = h & mask;
    while (table[2 * i + 1] !== -1) i = (i + 1) & mask;
    table[2 * i] = h;
    table[2 * i + 1] = r;
  }
  const scale = new Float32Array(scales.length);
  for (let r = 0; r < scales.length; r++) scale[r] = SCALES[scales[r]!]!;
  return { table, mask, q, scale, trans };
}

/** Per-token label scores: `out[i * L + label]`. */
export function emissions(
  m: LinearModel,
  feats: Int32Array,
  offsets: Int32Array,
  n: number,
): Float32Array {
  const out = new Float32Array(n * L);
  const { table, mask, q, scale } = m;
  for (let i = 0; i < n; i++) {
    const o = i * L;
    const end = offsets[i + 1]!;
    for (let f = offsets[i]!; f < end; f++) {
      const h = feats[f]!;
      let slot = h & mask;
      let r = table[2 * slot + 1]!;
      while (r !== -1 && table[2 * slot] !== h) {
        slot = (slot + 1) & mask;
        r = table[2 * slot + 1]!;
      }
      if (r < 0) continue;
      const base = r * L;
      const sc = scale[r]!;
      for (let l = 0; l < L; l++) out[o + l]! += q[base + l]! * sc;
    }
  }
  return out;
}

/** True when `label` may follow `prev` (−1: sentence start) in BIO. */
export function allowed(prev: number, label: number): boolean {
  if (!IS_INSIDE[label]) return true;
  return prev >= 0 && TYPE_OF[prev] === TYPE_OF[label];
}

// allowed() as lists: PREVS[label] holds the labels that may precede it (O and B-X take any,
// I-X only B-X and I-X), so Viterbi visits 53 transitions a token instead of testing 81.
const PREVS: Int8Array[] = LABELS.map((_, l) =>
  Int8Array.from(LABELS.map((__, p) => p).filter((p) => allowed(p, l))),
);

let scratchScore = new Float64Array(0);
let scratchBack = new Uint8Array(0);

/** The best valid BIO label sequence under the emission and transition scores. */
export function viterbi(em: Float32Array, n: number, trans: Float32Array): Uint8Array {
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  if (scratchScore.length < n * L) {
    scratchScore = new Float64Array(n * L * 2);
    scratchBack = new Uint8Array(n * L * 2);
  }
  const score = scratchScore;
  const back = scratchBack;
  for (let l = 0; l < L; l++) score[l] = allowed(-1, l) ? em[l]! + trans[L * L + l]! : FORBIDDEN;
  for (let i = 1; i < n; i++) {
    const prevBase = (i - 1) * L;
    for (let l = 0; l < L; l++) {
      let best = -Infinity;
      let arg = 0;
      const prevs = PREVS[l]!;
      for (let k = 0; k < prevs.length; k++) {
        const p = prevs[k]!;
        const s = score[prevBase + p]! + trans[p * L + l]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + l] = best + em[i * L + l]!;
      back[i * L + l] = arg;
    }
  }
  let arg = 0;
  const last = (n - 1) * L;
  for (let l = 1; l < L; l++) if (score[last + l]! > score[last + arg]!) arg = l;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = arg;
    arg = back[i * L + arg]!;
  }
  return labels;
}
