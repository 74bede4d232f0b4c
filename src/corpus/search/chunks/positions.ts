import { ByteReader, ChunkFormatError, readFrontCoded } from './bytes';

/**
 * Positions chunks (`x-<i>`): each posting's token positions, by term range, fetched only for
 * phrases (postings.ts writes them beside the postings).
 */
export const X_MAGIC = 0x58; // 'X'

/** Token positions of one part of a term: per body posting, then per title posting. */
export interface TermPositions {
  term: string;
  docs: Uint32Array;
  body: Uint32Array[];
  titleDocs: Uint32Array;
  title: Uint32Array[];
}

/** Reads a positions chunk. */
export function decodePositions(bytes: Uint8Array): TermPositions[] {
  const r = new ByteReader(bytes);
  if (r.byte() !== X_MAGIC) throw new ChunkFormatError('not a positions chunk');
  const gaps = (): Uint32Array => {
    const n = r.count();
    const out = new Uint32Array(n);
    let p = 0;
    for (let i = 0; i < n; i++) out[i] = p += r.uint();
    return out;
  };
  const postings = (): { docs: Uint32Array; lists: Uint32Array[] } => {
    const n = r.count(2);
    const docs = new Uint32Array(n);
    const lists: Uint32Array[] = [];
    let d = 0;
    for (let i = 0; i < n; i++) {
      docs[i] = d += r.uint();
      lists.push(gaps());
    }
    return { docs, lists };
  };
  const out: TermPositions[] = [];
  let prev = '';
  while (!r.done) {
    const term = (prev = readFrontCoded(r, prev));
    const body = postings();
    const title = postings();
    out.push({
      term,
      docs: body.docs,
      body: body.lists,
      titleDocs: title.docs,
      title: title.lists,
    });
  }
  return out;
}
