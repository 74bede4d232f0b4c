/**
 * The recognizer's model file: one binary that holds the lexicon and both passes' weights, so a
 * model and the word knowledge it was trained with always travel together.
 *
 * Layout (little-endian): "DNER", format version (u32), length of a JSON header (u32), the header
 * (UTF-8), then sections, each a u32 byte length and its bytes:
 *   words (UTF-8, "\n"-joined) · fine clusters (u16) · coarse clusters (u8) · case buckets (u8)
 *   phrases (UTF-8, "\n"-joined) · phrase masks (u8)
 *   then per pass: feature hashes (sorted, varint deltas) · weights (i8, row × label) ·
 *   row scales (u8, log) · transitions (f32).
 * Weights are stored as int8 with one scale per feature row (a byte on a log scale): ~4× smaller
 * than float32, and the per-row scale keeps the small weights of rare features that a global
 * scale would zero.
 */
import type { LexiconData } from './lexicon';
import { quantize } from './linear-model';

export const MODEL_FORMAT = 1;

export interface PassWeights {
  /** Feature hashes, strictly increasing. */
  hashes: Int32Array;
  /** `weights[row * L + label]`. */
  weights: Float32Array;
  trans: Float32Array;
}

/** A pass as read back: int8 rows with a log-scale byte each (see linear-model `quantize`). */
export interface StoredPass {
  hashes: Int32Array;
  q: Int8Array;
  scales: Uint8Array;
  trans: Float32Array;
}

export interface ModelHeader {
  /** Free-form facts about the training run, shown in the model card and the bench. */
  [key: string]: unknown;
}

export interface ModelData {
  header: ModelHeader;
  lexicon: LexiconData;
  passes: PassWeights[];
}

export interface StoredModel {
  header: ModelHeader;
  lexicon: LexiconData;
  passes: StoredPass[];
}

const MAGIC = 0x524e4544; // "DNER"

export function encodeModel(m: ModelData): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const u32 = (n: number): void => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, true);
    parts.push(b);
  };
  const section = (bytes: Uint8Array): void => {
    u32(bytes.byteLength);
    parts.push(bytes);
  };
  const typed = (a: ArrayBufferView): Uint8Array =>
    new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
  u32(MAGIC);
  u32(MODEL_FORMAT);
  section(enc.encode(JSON.stringify(m.header)));
  const lx = m.lexicon;
  section(enc.encode(lx.words.join('\n')));
  section(typed(lx.fine));
  section(typed(lx.coarse));
  section(typed(lx.caseBucket));
  section(enc.encode(lx.phrases.join('\n')));
  section(typed(lx.masks));
  u32(m.passes.length);
  for (const p of m.passes) {
    section(encodeHashes(p.hashes));
    const { q, scales } = quantize(p.weights);
    section(typed(q));
    section(typed(scales));
    section(typed(p.trans));
  }
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}

export function decodeModel(bytes: Uint8Array): StoredModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 0;
  const u32 = (): number => {
    const n = view.getUint32(o, true);
    o += 4;
    return n;
  };
  const section = (): Uint8Array => {
    const len = u32();
    const s = bytes.subarray(o, o + len);
    o += len;
    return s;
  };
  // Copies into fresh buffers: typed views need aligned offsets. (`new Uint8Array(view)` copies
  // where a Node Buffer's `slice` would not.)
  const copy = <T>(s: Uint8Array, make: (b: ArrayBuffer) => T): T => make(new Uint8Array(s).buffer);
  if (u32() !== MAGIC) throw new Error('Not a Dispatch entity model file');
  const format = u32();
  if (format !== MODEL_FORMAT) throw new Error(`Entity model format ${format} is not supported`);
  const dec = new TextDecoder();
  const header = JSON.parse(dec.decode(section())) as ModelHeader;
  const lines = (s: Uint8Array): string[] => (s.byteLength ? dec.decode(s).split('\n') : []);
  const lexicon: LexiconData = {
    words: lines(section()),
    fine: copy(section(), (b) => new Uint16Array(b)),
    coarse: copy(section(), (b) => new Uint8Array(b)),
    caseBucket: copy(section(), (b) => new Uint8Array(b)),
    phrases: lines(section()),
    masks: copy(section(), (b) => new Uint8Array(b)),
  };
  const passes: StoredPass[] = [];
  const count = u32();
  for (let i = 0; i < count; i++) {
    const hashes = decodeHashes(section());
    const q = copy(section(), (b) => new Int8Array(b));
    const scales = copy(section(), (b) => new Uint8Array(b));
    const trans = copy(section(), (b) => new Float32Array(b));
    passes.push({ hashes, q, scales, trans });
  }
  return { header, lexicon, passes };
}

/** Sorted hashes as unsigned varint deltas (they are spread evenly, so ~2–3 bytes each). */
function encodeHashes(hashes: Int32Array): Uint8Array {
  const out: number[] = [];
  let prev = -0x80000000;
  for (const h of hashes) {
    let d = h - prev;
    prev = h;
    while (d >= 0x80) {
      out.push((d & 0x7f) | 0x80);
      d = Math.floor(d / 128);
    }
    out.push(d);
  }
  return Uint8Array.from(out);
}

function decodeHashes(bytes: Uint8Array): Int32Array {
  const out: number[] = [];
  let prev = -0x80000000;
  let d = 0;
  let mul = 1;
  for (const b of bytes) {
    d += (b & 0x7f) * mul;
    if (b & 0x80) {
      mul *= 128;
      continue;
    }
    prev += d;
    out.push(prev);
    d = 0;
    mul = 1;
  }
  return Int32Array.from(out);
}
