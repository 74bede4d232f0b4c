/**
 * The byte codec of the chunk files: unsigned LEB128 varints, single bytes and UTF-8 strings,
 * written into a growing Uint8Array and read back with bounds checks. Small integers (doc-index
 * gaps, counts) take one byte, which is what keeps a postings list close to a byte a story before
 * gzip. Readers throw `ChunkFormatError` on truncated or malformed input: a chunk comes over
 * the network and may be cut or replaced.
 */

export class ChunkFormatError extends Error {}

const encoder = new TextEncoder();
// fatal: a chunk whose strings are not UTF-8 is a broken chunk, not text to guess at.
const decoder = new TextDecoder('utf-8', { fatal: true });

export class ByteWriter {
  private buf = new Uint8Array(1024);
  private at = 0;

  get length(): number {
    return this.at;
  }

  /** Starts again, keeping the room grown so far (`finish` returns a copy). */
  reset(): void {
    this.at = 0;
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
  }

  /** A non-negative integer up to 2^53; 7 bits a byte, low bits first. */
  uint(value: number): void {
    if (!(Number.isSafeInteger(value) && value >= 0)) throw new RangeError(`not a uint: ${value}`);
    this.room(8);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.at++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.at++] = v;
  }

  byte(value: number): void {
    this.room(1);
    this.buf[this.at++] = value & 0xff;
  }

  bytes(value: Uint8Array): void {
    this.room(value.length);
    this.buf.set(value, this.at);
    this.at += value.length;
  }

  /** A string as its UTF-8 byte length and bytes. */
  string(value: string): void {
    const b = encoder.encode(value);
    this.uint(b.length);
    this.bytes(b);
  }

  /** A copy of what was written, exactly sized. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.at);
  }
}

export class ByteReader {
  private at = 0;
  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.at >= this.buf.length;
  }

  uint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (this.at >= this.buf.length) throw new ChunkFormatError('truncated varint');
      const b = this.buf[this.at++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
    throw new ChunkFormatError('varint too long');
  }

  byte(): number {
    if (this.at >= this.buf.length) throw new ChunkFormatError('truncated byte');
    return this.buf[this.at++]!;
  }

  /** A count that must be payable by the bytes left (each item takes at least `minBytes`). */
  count(minBytes = 1): number {
    const n = this.uint();
    if (n * minBytes > this.buf.length - this.at) throw new ChunkFormatError('count past the end');
    return n;
  }

  string(): string {
    const n = this.count();
    const s = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    try {
      return decoder.decode(s);
    } catch {
      throw new ChunkFormatError('string is not UTF-8');
    }
  }
}

/**
 * Sorted terms are front-coded: the length of the prefix shared with the previous term (in
 * UTF-16 code units, the order the vocabulary sorts in), then the rest. Neighbouring terms of a
 * term range share most of their letters ("governed", "government", "governments").
 */
export function writeFrontCoded(w: ByteWriter, prev: string, term: string): void {
  let k = 0;
  const max = Math.min(prev.length, term.length);
  while (k < max && prev.charCodeAt(k) === term.charCodeAt(k)) k++;
  // Never split a surrogate pair: the suffix must be a well-formed string to encode as UTF-8.
  if (k > 0 && k < term.length && isLowSurrogate(term.charCodeAt(k))) k--;
  w.uint(k);
  w.string(term.slice(k));
}

export function readFrontCoded(r: ByteReader, prev: string): string {
  const k = r.uint();
  if (k > prev.length) throw new ChunkFormatError('shared prefix longer than the previous term');
  return prev.slice(0, k) + r.string();
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
