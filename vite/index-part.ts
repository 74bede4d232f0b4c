import { docMeta, type DocMeta } from '../src/corpus/search/index-pack';
import type { SearchIndex } from '../src/corpus/search/types';

/**
 * One file's search index as the chunks thread keeps it per file (file-cache.ts) and appends it
 * (index-assembler.ts): its terms in the order its tokens first use them (the ids
 * `buildSearchIndex` gives them over the file's stories alone) and each story's token ids. The
 * postings are not kept: they follow from the tokens (a term's body postings are the stories
 * using it, in story order, with how often; its title postings the stories whose title has it),
 * and the assembler derives the folder's at once.
 *
 * Stored as bytes, not JSON: at 100,000 files reading back JSON arrays of token ids (~600 MB)
 * took longer than tokenizing the files again (109 s against 88 s). Here the token ids are one
 * typed array read in place, and the strings (terms, ids, titles, ledes) one short JSON text.
 */
export interface IndexPart {
  /** Terms by local id; a folded term never contains '\n'. */
  terms: string[];
  docs: DocMeta[];
  /** Per doc, the lengths of its title tokens, body tokens and paragraph starts. */
  lengths: Uint32Array;
  /** Every doc's title tokens then body tokens, in doc order (local term ids). */
  tokens: Uint16Array | Uint32Array;
  /** Every doc's paragraph starts (indexes into its body tokens), in doc order. */
  paraStarts: Uint32Array;
  totalBodyTokens: number;
}

/** Bumped when the layout changes (the cache's code hash covers it as well). */
const VERSION = 1;
/** Header words: version, docs, terms, total body tokens, JSON bytes, token bytes, tokens, paragraph starts. */
const HEADER = 8;

/** The part of an index built over one file's stories (`buildSearchIndex`). */
export function partOf(index: SearchIndex): IndexPart {
  const n = index.docs.length;
  const lengths = new Uint32Array(n * 3);
  let tokenCount = 0;
  let paraCount = 0;
  index.docs.forEach((d, i) => {
    lengths[i * 3] = d.titleTokens.length;
    lengths[i * 3 + 1] = d.bodyTokens.length;
    lengths[i * 3 + 2] = d.paraStarts.length;
    tokenCount += d.titleTokens.length + d.bodyTokens.length;
    paraCount += d.paraStarts.length;
  });
  const tokens =
    index.terms.length <= 0x10000 ? new Uint16Array(tokenCount) : new Uint32Array(tokenCount);
  const paraStarts = new Uint32Array(paraCount);
  let t = 0;
  let p = 0;
  for (const d of index.docs) {
    tokens.set(d.titleTokens, t);
    tokens.set(d.bodyTokens, t + d.titleTokens.length);
    t += d.titleTokens.length + d.bodyTokens.length;
    paraStarts.set(d.paraStarts, p);
    p += d.paraStarts.length;
  }
  return {
    terms: index.terms,
    docs: index.docs.map(docMeta),
    lengths,
    tokens,
    paraStarts,
    totalBodyTokens: index.totalBodyTokens,
  };
}

const pad4 = (n: number): number => (n + 3) & ~3;

/**
 * The part as bytes: a header of 32-bit words, one JSON text (the terms joined by '\n', and the
 * docs' strings), then the lengths, the paragraph starts and the tokens, each 4-byte aligned so
 * that `decodePart` reads them as views.
 */
export function encodePart(part: IndexPart): Uint8Array {
  const json = Buffer.from(
    JSON.stringify([
      part.terms.join('\n'),
      part.docs.map((d) => [
        d.id,
        d.title,
        d.section,
        d.kind,
        d.titleDerived ? 1 : 0,
        d.paragraphs,
      ]),
    ]),
  );
  const tokenBytes = part.tokens.BYTES_PER_ELEMENT;
  const at = {
    json: HEADER * 4,
    lengths: pad4(HEADER * 4 + json.length),
    paras: 0,
    tokens: 0,
    end: 0,
  };
  at.paras = at.lengths + part.lengths.byteLength;
  at.tokens = at.paras + part.paraStarts.byteLength;
  at.end = pad4(at.tokens + part.tokens.byteLength);
  const out = new Uint8Array(at.end);
  new Uint32Array(out.buffer, 0, HEADER).set([
    VERSION,
    part.docs.length,
    part.terms.length,
    part.totalBodyTokens,
    json.length,
    tokenBytes,
    part.tokens.length,
    part.paraStarts.length,
  ]);
  out.set(json, at.json);
  const bytesOf = (a: Uint16Array | Uint32Array) =>
    new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  out.set(bytesOf(part.lengths), at.lengths);
  out.set(bytesOf(part.paraStarts), at.paras);
  out.set(bytesOf(part.tokens), at.tokens);
  return out;
}

/**
 * A part from `encodePart`'s bytes. Its typed arrays are views into `bytes` (copied first only
 * when misaligned): the caller keeps what it needs of them, not the views. Throws on bytes of
 * another layout.
 */
export function decodePart(bytes: Uint8Array): IndexPart {
  // A copy (a Buffer's slice would be a view, as misaligned as the bytes).
  if (bytes.byteOffset % 4 !== 0) bytes = new Uint8Array(bytes);
  if (bytes.length < HEADER * 4) throw new Error('index part: too short');
  const h = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER);
  const [
    version,
    docCount,
    termCount,
    totalBodyTokens,
    jsonBytes,
    tokenBytes,
    tokenCount,
    paraCount,
  ] = h as unknown as number[];
  if (version !== VERSION || (tokenBytes !== 2 && tokenBytes !== 4)) {
    throw new Error('index part: another layout');
  }
  const lengthsAt = pad4(HEADER * 4 + jsonBytes!);
  const parasAt = lengthsAt + docCount! * 3 * 4;
  const tokensAt = parasAt + paraCount! * 4;
  if (pad4(tokensAt + tokenCount! * tokenBytes) !== bytes.length) {
    throw new Error('index part: wrong length');
  }
  const [terms, docs] = JSON.parse(
    Buffer.from(bytes.buffer, bytes.byteOffset + HEADER * 4, jsonBytes).toString('utf8'),
  ) as [string, [string, string, string | null, 'main' | 'brief', number, string[]][]];
  const split = termCount === 0 ? [] : terms.split('\n');
  if (split.length !== termCount || docs.length !== docCount) {
    throw new Error('index part: wrong counts');
  }
  const view = <T>(Type: new (b: ArrayBuffer, o: number, n: number) => T, at: number, n: number) =>
    new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, n);
  return {
    terms: split,
    docs: docs.map(([id, title, section, kind, titleDerived, paragraphs]) => ({
      id,
      title,
      section,
      kind,
      titleDerived: titleDerived === 1,
      paragraphs,
    })),
    lengths: view(Uint32Array, lengthsAt, docCount! * 3),
    paraStarts: view(Uint32Array, parasAt, paraCount!),
    tokens:
      tokenBytes === 2
        ? view(Uint16Array, tokensAt, tokenCount!)
        : view(Uint32Array, tokensAt, tokenCount!),
    totalBodyTokens: totalBodyTokens!,
  };
}
