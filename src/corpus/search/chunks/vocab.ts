import { ByteReader, ByteWriter, ChunkFormatError, readFrontCoded, writeFrontCoded } from './bytes';

/**
 * The vocabulary, for the words a query does not spell exactly: every term with its frequency
 * (stories whose body or title has it, what ranks completions), front-coded in term ranges
 * (`v-<i>`). A range starts a new chunk when the first letter changes (unless the chunk is still
 * small), so typo matching, which looks at the terms of the word's first letter, fetches that
 * letter's chunks and little else. Completions of one- and two-letter words, where a range
 * would be a whole letter, come precomputed in small per-letter files (`t-<code point>`).
 */
export interface VocabEntries {
  terms: string[];
  freqs: number[];
}

const V_MAGIC = 0x56; // 'V'
const T_MAGIC = 0x54; // 'T'

export const firstChar = (term: string): string => String.fromCodePoint(term.codePointAt(0) ?? 0);

export class VocabChunker {
  private w = newWriter(V_MAGIC);
  private prev = '';
  private readonly chunks: Uint8Array[] = [];
  readonly first: string[] = [];

  constructor(private readonly target: number) {}

  /** Adds a term; terms come in ascending code-unit order. */
  add(term: string, freq: number): void {
    const started = this.first.length > this.chunks.length;
    const newLetter = started && firstChar(term) !== firstChar(this.prev);
    if (
      started &&
      (this.w.length >= this.target || (newLetter && this.w.length >= this.target / 4))
    )
      this.flush();
    if (this.first.length === this.chunks.length) this.first.push(term);
    writeFrontCoded(this.w, this.prev, term);
    this.w.uint(freq);
    this.prev = term;
  }

  private flush(): void {
    this.chunks.push(this.w.finish());
    this.w = newWriter(V_MAGIC);
    // Each chunk front-codes from nothing, so it can be read alone.
    this.prev = '';
  }

  finish(): Uint8Array[] {
    if (this.first.length > this.chunks.length) this.flush();
    return this.chunks;
  }
}

export function decodeVocab(bytes: Uint8Array): VocabEntries {
  const r = new ByteReader(bytes);
  if (r.byte() !== V_MAGIC) throw new ChunkFormatError('not a vocabulary chunk');
  const out: VocabEntries = { terms: [], freqs: [] };
  let prev = '';
  while (!r.done) {
    prev = readFrontCoded(r, prev);
    out.terms.push(prev);
    out.freqs.push(r.uint());
  }
  return out;
}

/** The most frequent completions of each one- and two-letter prefix, as `prefixMatches` ranks them. */
export type TopCompletions = Map<string, VocabEntries>;

export function encodeTop(top: TopCompletions): Uint8Array {
  const w = newWriter(T_MAGIC);
  for (const [prefix, { terms, freqs }] of top) {
    w.string(prefix);
    w.uint(terms.length);
    terms.forEach((t, i) => {
      w.string(t.slice(prefix.length));
      w.uint(freqs[i]!);
    });
  }
  return w.finish();
}

export function decodeTop(bytes: Uint8Array): TopCompletions {
  const r = new ByteReader(bytes);
  if (r.byte() !== T_MAGIC) throw new ChunkFormatError('not a completions file');
  const out: TopCompletions = new Map();
  while (!r.done) {
    const prefix = r.string();
    const e: VocabEntries = { terms: [], freqs: [] };
    for (let i = r.count(2); i > 0; i--) {
      e.terms.push(prefix + r.string());
      e.freqs.push(r.uint());
    }
    out.set(prefix, e);
  }
  return out;
}

function newWriter(magic: number): ByteWriter {
  const w = new ByteWriter();
  w.byte(magic);
  return w;
}
